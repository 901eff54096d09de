// SPDX-License-Identifier: MIT
// `sixbtc exchange info` and `sixbtc exchange account`: read-only views of Hyperliquid through POST /info.
#include <charconv>
#include <chrono>
#include <iostream>
#include <optional>

#include <QEventLoop>

#include "cli/command.h"
#include "cli/table.h"
#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/http/ratelimiter.h"
#include "exchange/hyperliquid/signing/address.h"

namespace sixbtc::cli {

namespace {

namespace hl = exchange::hyperliquid;

const QString addressOption = QStringLiteral("address");

// The shortest decimal text that reads back as `value`.
std::string formatNumber(double value)
{
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc{} ? std::string(buffer, end) : std::string("?");
}

std::string formatOptional(const std::optional<double>& value)
{
    return value ? formatNumber(*value) : std::string("-");
}

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// An InfoClient built from the configured hyperliquid section, with its own rate limiter.
class InfoSession
{
public:
    static common::Result<std::unique_ptr<InfoSession>> open(const config::HyperliquidSettings& settings)
    {
        auto session = std::unique_ptr<InfoSession>(new InfoSession(settings));
        auto client = hl::InfoClient::create(settings, session->m_limiter);
        if (!client)
            return tl::unexpected(client.error());
        session->m_client = std::move(*client);
        session->m_baseUrl = settings.baseUrl;
        return session;
    }

    /// Starts a request through `start` and runs a local event loop until its callback (which always comes:
    /// the client applies hyperliquid.request_timeout_ms and the retry limits).
    template <typename T, typename Start>
    common::Result<T> await(const std::string& what, Start start)
    {
        std::optional<hl::HlResult<T>> answer;
        QEventLoop loop;
        start(*m_client, [&answer, &loop](hl::HlResult<T> result) {
            answer = std::move(result);
            loop.quit();
        });
        if (!answer)
            loop.exec();
        if (!*answer) {
            common::Error error = hl::toCommonError(answer->error());
            error.message = what + " from " + m_baseUrl + " failed: " + error.message;
            return tl::unexpected(std::move(error));
        }
        return std::move(**answer);
    }

private:
    explicit InfoSession(const config::HyperliquidSettings& settings)
        : m_limiter(settings.rateLimit, steadyNowMs)
    {
    }

    hl::RateLimiter m_limiter;
    std::unique_ptr<hl::InfoClient> m_client;
    std::string m_baseUrl;
};

CommandResult exchangeInfo(CommandContext& context)
{
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    auto session = InfoSession::open(config->hyperliquid);
    if (!session)
        return tl::unexpected(session.error());
    auto meta = (*session)->await<hl::Meta>("meta", [](hl::InfoClient& c, auto done) { c.meta(done); });
    if (!meta)
        return tl::unexpected(meta.error());
    auto mids = (*session)->await<hl::AllMids>("allMids", [](hl::InfoClient& c, auto done) { c.allMids(done); });
    if (!mids)
        return tl::unexpected(mids.error());

    TextTable table({{"asset", true},
                     {"coin", false},
                     {"sz decimals", true},
                     {"max leverage", true},
                     {"mid", true},
                     {"flags", false}});
    for (std::size_t i = 0; i < meta->universe.size(); ++i) {
        const hl::AssetInfo& asset = meta->universe[i];
        const auto mid = mids->find(asset.name);
        std::string flags = asset.isDelisted ? "delisted" : "";
        if (asset.onlyIsolated)
            flags += flags.empty() ? "isolated only" : ", isolated only";
        table.addRow({std::to_string(i), asset.name, std::to_string(asset.szDecimals),
                      std::to_string(asset.maxLeverage) + "x", mid == mids->end() ? "-" : formatNumber(mid->second),
                      flags});
    }
    std::cout << "exchange: " << config->hyperliquid.baseUrl << '\n'
              << "perps:    " << meta->universe.size() << " (mids known for " << mids->size() << " coins)\n\n";
    table.print(std::cout);
    return ExitCode::Success;
}

void printSummary(const hl::ClearinghouseState& state)
{
    const hl::MarginSummary& m = state.marginSummary;
    std::cout << "account value:      " << formatNumber(m.accountValue) << " USDC\n"
              << "withdrawable:       " << formatNumber(state.withdrawable) << " USDC\n"
              << "total notional:     " << formatNumber(m.totalNtlPos) << " USDC\n"
              << "total raw USD:      " << formatNumber(m.totalRawUsd) << " USDC\n"
              << "margin used:        " << formatNumber(m.totalMarginUsed) << " USDC\n"
              << "cross margin used:  " << formatNumber(state.crossMarginSummary.totalMarginUsed) << " USDC\n";
}

void printPositions(const std::vector<hl::Position>& positions)
{
    std::cout << "\npositions: " << positions.size() << '\n';
    if (positions.empty())
        return;
    TextTable table({{"coin", false},
                     {"side", false},
                     {"size", true},
                     {"entry", true},
                     {"leverage", false},
                     {"value", true},
                     {"unrealized pnl", true},
                     {"liquidation", true},
                     {"margin", true}});
    for (const hl::Position& p : positions) {
        table.addRow({p.coin, p.szi < 0 ? "short" : "long", formatNumber(p.szi < 0 ? -p.szi : p.szi),
                      formatOptional(p.entryPx),
                      std::to_string(p.leverage) + "x " + (p.crossLeverage ? "cross" : "isolated"),
                      formatNumber(p.positionValue), formatNumber(p.unrealizedPnl), formatOptional(p.liquidationPx),
                      formatNumber(p.marginUsed)});
    }
    table.print(std::cout);
}

void printOrders(const std::vector<hl::OpenOrder>& orders)
{
    std::cout << "\nopen orders: " << orders.size() << '\n';
    if (orders.empty())
        return;
    TextTable table({{"oid", true},
                     {"coin", false},
                     {"side", false},
                     {"price", true},
                     {"size", true},
                     {"original size", true},
                     {"reduce only", false},
                     {"cloid", false}});
    for (const hl::OpenOrder& o : orders) {
        table.addRow({std::to_string(o.oid), o.coin, o.side == hl::Side::Buy ? "buy" : "sell", formatNumber(o.limitPx),
                      formatNumber(o.sz), formatNumber(o.origSz), o.reduceOnly ? "yes" : "no", o.cloid.value_or("-")});
    }
    table.print(std::cout);
}

CommandResult exchangeAccount(CommandContext& context)
{
    if (!context.parser().isSet(addressOption))
        return common::fail(common::ErrorCode::Usage, "--address is required");
    auto address = hl::Address::fromHex(context.parser().value(addressOption).toStdString());
    if (!address)
        return tl::unexpected(address.error());
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    auto session = InfoSession::open(config->hyperliquid);
    if (!session)
        return tl::unexpected(session.error());
    const std::string user = address->toHex();
    auto state = (*session)->await<hl::ClearinghouseState>(
        "clearinghouseState", [&user](hl::InfoClient& c, auto done) { c.clearinghouseState(user, done); });
    if (!state)
        return tl::unexpected(state.error());
    auto orders = (*session)->await<std::vector<hl::OpenOrder>>(
        "openOrders", [&user](hl::InfoClient& c, auto done) { c.openOrders(user, done); });
    if (!orders)
        return tl::unexpected(orders.error());

    std::cout << "account: " << user << " on " << config->hyperliquid.baseUrl << "\n\n";
    printSummary(*state);
    printPositions(state->positions);
    printOrders(*orders);
    return ExitCode::Success;
}

} // namespace

void addExchangeCommands(std::vector<Command>& commands)
{
    commands.push_back(Command{{"exchange", "info"},
                               "Hyperliquid perps (size decimals, max leverage) and mid prices",
                               "",
                               nullptr,
                               exchangeInfo});
    commands.push_back(Command{{"exchange", "account"},
                               "balances, margin, positions and open orders of a Hyperliquid address",
                               "",
                               [](QCommandLineParser& parser) {
                                   parser.addOption(QCommandLineOption(
                                       addressOption, QStringLiteral("The account address (0x + 40 hex digits)."),
                                       QStringLiteral("ADDR")));
                               },
                               exchangeAccount});
}

} // namespace sixbtc::cli
