// SPDX-License-Identifier: MIT
// ExchangeClient's actions: building, signing and answering each kind of /exchange request.
#include "exchange/hyperliquid/http/exchangeclient.h"

#include "common/require.h"
#include "exchange/hyperliquid/http/exchangeparsers.h"
#include "exchange/hyperliquid/http/exchangewrite.h"
#include "exchange/hyperliquid/signing/actionsigner.h"
#include "exchange/hyperliquid/signing/useractions.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// Delivers the only element of a one-item batch.
template <typename T>
ExchangeClient::Callback<std::vector<HlResult<T>>> onlyItem(ExchangeClient::Callback<T> done)
{
    return [done = std::move(done)](HlResult<std::vector<HlResult<T>>> results) {
        if (!results) {
            done(tl::unexpected<HyperliquidError>(results.error()));
            return;
        }
        SIXBTC_REQUIRE(results->size() == 1);
        done(std::move(results->front()));
    };
}

/// `parse(answer)`, with failures prefixed by the request's name.
template <typename T, typename Parse>
HlResult<T> parsed(const std::string& what, const HlResult<QJsonDocument>& answer, Parse parse)
{
    if (!answer)
        return tl::unexpected<HyperliquidError>(answer.error());
    auto result = parse(*answer);
    if (!result)
        return tl::unexpected<HyperliquidError>(
            exchangeErrorWithMessage(result.error(), "POST /exchange (" + what + "): " + result.error().message()));
    return result;
}

} // namespace

std::shared_ptr<ExchangeClient::Write> ExchangeClient::l1Write(std::string what, WireValue action, bool withVault)
{
    auto write = std::make_shared<Write>();
    write->what = std::move(what);
    const std::optional<Address> vault = withVault ? m_context.vault : std::nullopt;
    write->address = withVault ? tradingAddress() : m_context.account.toHex();
    write->sign = [this, action = std::move(action), vault] {
        const auto expiresAfter = std::uint64_t(m_context.wallClockMs() + m_expiresAfterMs);
        return m_context.signer.signL1(action, vault, expiresAfter);
    };
    return write;
}

void ExchangeClient::sendDefault(const std::shared_ptr<Write>& write, bool idempotent, Callback<void> done)
{
    write->answered = [what = write->what, done = std::move(done)](HlResult<QJsonDocument> answer) {
        done(parsed<void>(what, answer, parseDefaultAnswer));
    };
    if (idempotent) {
        std::weak_ptr<Write> weak = write;
        write->unknown = [this, weak](const HyperliquidError& error) {
            if (auto self = weak.lock())
                resendIdempotent(self, error);
        };
    } else {
        write->notReconcilable = write->what + " is not idempotent and cannot be looked up";
    }
    submit(write);
}

void ExchangeClient::placeOrder(OrderRequest order, Callback<OrderOutcome> done)
{
    std::vector<OrderRequest> orders;
    orders.push_back(std::move(order));
    this->order(std::move(orders), Grouping::Na, onlyItem<OrderOutcome>(std::move(done)));
}

void ExchangeClient::cancelOrder(CancelRequest cancel, Callback<void> done)
{
    this->cancel({cancel}, onlyItem<void>(std::move(done)));
}

void ExchangeClient::cancelOrderByCloid(CancelByCloidRequest cancel, Callback<void> done)
{
    cancelByCloid({cancel}, onlyItem<void>(std::move(done)));
}

void ExchangeClient::modify(ModifyRequest modify, Callback<void> done)
{
    auto write = l1Write("modify", modifyAction(modify), true);
    write->priority = modify.replacement.reduceOnly ? RequestPriority::Protective : RequestPriority::Normal;
    sendDefault(write, false, std::move(done));
}

void ExchangeClient::updateLeverage(std::uint32_t asset, bool isCross, std::uint32_t leverage, Callback<void> done)
{
    SIXBTC_REQUIRE(leverage >= 1);
    sendDefault(l1Write("updateLeverage", updateLeverageAction(asset, isCross, leverage), true), true, std::move(done));
}

void ExchangeClient::scheduleCancel(std::optional<std::uint64_t> timeMs, Callback<void> done)
{
    auto write = l1Write("scheduleCancel", scheduleCancelAction(timeMs), true);
    write->priority = RequestPriority::Protective;
    sendDefault(write, true, std::move(done));
}

void ExchangeClient::createSubAccount(std::string name, Callback<std::string> done)
{
    auto write = l1Write("createSubAccount", createSubAccountAction(name), false);
    write->notReconcilable = "createSubAccount is not idempotent";
    write->answered = [done = std::move(done)](HlResult<QJsonDocument> answer) {
        done(parsed<std::string>("createSubAccount", answer, parseCreateSubAccountAnswer));
    };
    submit(write);
}

void ExchangeClient::subAccountTransfer(Address subAccount, bool isDeposit, std::uint64_t usdMicros,
                                        Callback<void> done)
{
    sendDefault(l1Write("subAccountTransfer", subAccountTransferAction(subAccount, isDeposit, usdMicros), false), false,
                std::move(done));
}

void ExchangeClient::approveAgent(Address agent, std::optional<std::string> agentName, Callback<void> done)
{
    auto write = std::make_shared<Write>();
    write->what = "approveAgent";
    write->address = m_context.account.toHex();
    // User-signed: the nonce is the action's own field, so a fresh action is built for every attempt.
    write->sign = [this, agent, agentName] {
        ActionSigner& signer = m_context.signer;
        return signer.signUserSigned(approveAgentAction(signer.network(), agent, agentName, signer.nextNonce()));
    };
    sendDefault(write, false, std::move(done));
}

} // namespace sixbtc::exchange::hyperliquid
