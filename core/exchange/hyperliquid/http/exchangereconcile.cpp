// SPDX-License-Identifier: MIT
// ExchangeClient's orders and cancels: per-item results and the reconciliation of unknown outcomes by orderStatus.
#include <algorithm>
#include <numeric>

#include <QPointer>

#include <spdlog/spdlog.h>

#include "common/require.h"
#include "exchange/hyperliquid/http/exchangeparsers.h"
#include "exchange/hyperliquid/http/exchangewrite.h"
#include "exchange/hyperliquid/http/infoclient.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

std::string orderLabel(std::size_t index, const OrderRequest& order)
{
    return "order " + std::to_string(index) + " (" + (order.cloid ? "cloid " + order.cloid->toHex() : "no cloid") + ")";
}

std::string refText(const OrderRef& ref)
{
    if (const auto* oid = std::get_if<std::uint64_t>(&ref))
        return "oid " + std::to_string(*oid);
    return "cloid " + std::get<Cloid>(ref).toHex();
}

std::string cancelLabel(std::size_t index, const OrderRef& ref)
{
    return "cancel " + std::to_string(index) + " (" + refText(ref) + ")";
}

/// The real state of an order found by orderStatus.
OrderOutcome reconciledOutcome(const OrderStatus& status)
{
    OrderOutcome outcome{};
    outcome.state = status.status == "open"     ? OrderState::Resting
                    : status.status == "filled" ? OrderState::Filled
                                                : OrderState::Closed;
    outcome.oid = status.order->oid;
    outcome.cloid = status.order->cloid;
    outcome.filledSz = status.order->origSz - status.order->sz;
    outcome.reconciled = true;
    outcome.exchangeStatus = status.status;
    return outcome;
}

/// 0, 1, .., n - 1: every item of a new operation.
std::vector<std::size_t> allIndexes(std::size_t n)
{
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
}

template <typename Op, typename Result>
void completeIfSettled(Op& op)
{
    if (std::any_of(op.results.begin(), op.results.end(), [](const auto& slot) { return !slot.has_value(); }))
        return;
    std::vector<Result> results;
    for (auto& slot : op.results)
        results.push_back(std::move(*slot));
    op.done(std::move(results));
}

/// Hands one round's parsed answer to its items. A whole-answer failure of the first round fails the operation as
/// a whole; in a later round (a resend) it fails each item of the round under its label.
template <typename Op, typename Result, typename Parsed>
void deliverRound(Op& op, const std::vector<std::size_t>& indices, const std::vector<std::string>& labels,
                  Parsed results, const std::string& what)
{
    if (!results && op.firstRound) {
        op.done(tl::unexpected<HyperliquidError>(
            exchangeErrorWithMessage(results.error(), "POST /exchange (" + what + "): " + results.error().message())));
        return;
    }
    for (std::size_t k = 0; k < indices.size(); ++k) {
        if (results)
            op.results[indices[k]] = std::move((*results)[k]);
        else
            op.results[indices[k]] = tl::unexpected<HyperliquidError>(
                exchangeErrorWithMessage(results.error(), labels[k] + ": " + results.error().message()));
    }
    completeIfSettled<Op, Result>(op);
}

} // namespace

void ExchangeClient::order(std::vector<OrderRequest> orders, Grouping grouping, Callback<OrderResults> done)
{
    SIXBTC_REQUIRE(!orders.empty());
    auto op = std::make_shared<OrderOp>();
    op->orders = std::move(orders);
    op->grouping = grouping;
    op->done = std::move(done);
    op->results.resize(op->orders.size());
    submitOrders(op, allIndexes(op->orders.size()), 0);
}

void ExchangeClient::submitOrders(const std::shared_ptr<OrderOp>& op, std::vector<std::size_t> indices,
                                  int attemptsUsed)
{
    std::vector<OrderRequest> subset;
    std::vector<std::string> labels;
    bool protective = true;
    bool reconcilable = true;
    for (std::size_t i : indices) {
        subset.push_back(op->orders[i]);
        labels.push_back(orderLabel(i, op->orders[i]));
        protective = protective && op->orders[i].reduceOnly;
        reconcilable = reconcilable && op->orders[i].cloid.has_value();
    }
    auto write = l1Write("order", orderAction(subset, op->grouping), true);
    write->batchLength = subset.size();
    write->priority = protective ? RequestPriority::Protective : RequestPriority::Normal;
    write->attempt = attemptsUsed;
    write->answered = [op, indices, labels](HlResult<QJsonDocument> answer) {
        auto results = answer ? parseOrderAnswer(*answer, labels) : tl::unexpected<HyperliquidError>(answer.error());
        deliverRound<OrderOp, HlResult<OrderOutcome>>(*op, indices, labels, std::move(results), "order");
    };
    if (reconcilable) {
        std::weak_ptr<Write> weak = write;
        write->unknown = [this, op, indices, weak](const HyperliquidError& cause) {
            if (auto self = weak.lock())
                reconcileOrders(op, indices, self->attempt, cause);
        };
    } else {
        write->notReconcilable = "an order without a cloid cannot be looked up, so it is never sent twice";
    }
    submit(write);
}

void ExchangeClient::reconcileOrders(const std::shared_ptr<OrderOp>& op, std::vector<std::size_t> indices,
                                     int attemptsUsed, const HyperliquidError& cause)
{
    auto pending = std::make_shared<std::size_t>(indices.size());
    auto absent = std::make_shared<std::vector<std::size_t>>();
    for (std::size_t i : indices) {
        const Cloid cloid = *op->orders[i].cloid;
        queryStatus(cloid, [this, op, i, cloid, pending, absent, roundSize = indices.size(), attemptsUsed,
                            cause](HlResult<OrderStatus> status) {
            const std::string label = orderLabel(i, op->orders[i]);
            if (!status) {
                op->results[i] = hlFail(ErrorKind::Timeout,
                                        label + ": " + cause.message() +
                                            "; outcome unknown, orderStatus failed: " + status.error().message());
            } else if (!status->found) {
                spdlog::info("hyperliquid reconcile: order cloid {} is absent after an unknown outcome", cloid.toHex());
                absent->push_back(i);
            } else {
                spdlog::info("hyperliquid reconcile: order cloid {} exists with status {}, not resent", cloid.toHex(),
                             status->status);
                op->results[i] = reconciledOutcome(*status);
            }
            if (--*pending == 0) {
                std::sort(absent->begin(), absent->end());
                finishOrderRound(op, roundSize, *absent, attemptsUsed, cause);
            }
        });
    }
}

void ExchangeClient::finishOrderRound(const std::shared_ptr<OrderOp>& op, std::size_t roundSize,
                                      std::vector<std::size_t> absent, int attemptsUsed, const HyperliquidError& cause)
{
    const bool exhausted = attemptsUsed >= m_retry.maxAttempts;
    const bool splitGroup = op->grouping != Grouping::Na && !absent.empty() && absent.size() != roundSize;
    if (!absent.empty() && !exhausted && !splitGroup) {
        spdlog::warn("hyperliquid reconcile: resending {} absent order(s) with a new nonce", absent.size());
        op->firstRound = false;
        submitOrders(op, std::move(absent), attemptsUsed);
        return;
    }
    for (std::size_t i : absent) {
        const std::string why = exhausted ? "not placed after " + std::to_string(attemptsUsed) + " attempts"
                                          : "not placed while other orders of its group were; not resent";
        op->results[i] = hlFail(ErrorKind::Timeout, orderLabel(i, op->orders[i]) + ": " + why + ": " + cause.message());
    }
    completeIfSettled<OrderOp, HlResult<OrderOutcome>>(*op);
}

void ExchangeClient::cancel(std::vector<CancelRequest> cancels, Callback<CancelResults> done)
{
    SIXBTC_REQUIRE(!cancels.empty());
    auto op = std::make_shared<CancelOp>();
    for (const CancelRequest& cancel : cancels)
        op->items.push_back({cancel.asset, OrderRef(cancel.oid)});
    op->byCloid = false;
    startCancels(op, std::move(done));
}

void ExchangeClient::cancelByCloid(std::vector<CancelByCloidRequest> cancels, Callback<CancelResults> done)
{
    SIXBTC_REQUIRE(!cancels.empty());
    auto op = std::make_shared<CancelOp>();
    for (const CancelByCloidRequest& cancel : cancels)
        op->items.push_back({cancel.asset, OrderRef(cancel.cloid)});
    op->byCloid = true;
    startCancels(op, std::move(done));
}

void ExchangeClient::startCancels(const std::shared_ptr<CancelOp>& op, Callback<CancelResults> done)
{
    op->done = std::move(done);
    op->results.resize(op->items.size());
    submitCancels(op, allIndexes(op->items.size()), 0);
}

void ExchangeClient::submitCancels(const std::shared_ptr<CancelOp>& op, std::vector<std::size_t> indices,
                                   int attemptsUsed)
{
    std::vector<std::string> labels;
    std::vector<CancelRequest> byOid;
    std::vector<CancelByCloidRequest> byCloid;
    for (std::size_t i : indices) {
        const auto& item = op->items[i];
        labels.push_back(cancelLabel(i, item.ref));
        if (op->byCloid)
            byCloid.push_back({item.asset, std::get<Cloid>(item.ref)});
        else
            byOid.push_back({item.asset, std::get<std::uint64_t>(item.ref)});
    }
    const std::string what = op->byCloid ? "cancelByCloid" : "cancel";
    auto write = l1Write(what, op->byCloid ? cancelByCloidAction(byCloid) : cancelAction(byOid), true);
    write->batchLength = indices.size();
    write->priority = RequestPriority::Protective;
    write->isCancel = true;
    write->attempt = attemptsUsed;
    write->answered = [op, indices, labels, what](HlResult<QJsonDocument> answer) {
        auto results = answer ? parseCancelAnswer(*answer, labels) : tl::unexpected<HyperliquidError>(answer.error());
        deliverRound<CancelOp, HlResult<void>>(*op, indices, labels, std::move(results), what);
    };
    std::weak_ptr<Write> weak = write;
    write->unknown = [this, op, indices, weak](const HyperliquidError& cause) {
        if (auto self = weak.lock())
            reconcileCancels(op, indices, self->attempt, cause);
    };
    submit(write);
}

void ExchangeClient::reconcileCancels(const std::shared_ptr<CancelOp>& op, std::vector<std::size_t> indices,
                                      int attemptsUsed, const HyperliquidError& cause)
{
    auto pending = std::make_shared<std::size_t>(indices.size());
    auto open = std::make_shared<std::vector<std::size_t>>();
    for (std::size_t i : indices) {
        queryStatus(op->items[i].ref, [this, op, i, pending, open, attemptsUsed, cause](HlResult<OrderStatus> status) {
            const std::string label = cancelLabel(i, op->items[i].ref);
            if (!status) {
                op->results[i] = hlFail(ErrorKind::Timeout,
                                        label + ": " + cause.message() +
                                            "; outcome unknown, orderStatus failed: " + status.error().message());
            } else if (!status->found) {
                op->results[i] = hlFail(ErrorKind::Exchange, label + ": the order does not exist");
            } else if (status->status == "open") {
                open->push_back(i);
            } else if (status->status == "canceled") {
                spdlog::info("hyperliquid reconcile: {} found the order canceled", label);
                op->results[i] = HlResult<void>();
            } else {
                op->results[i] = hlFail(ErrorKind::Exchange, label + ": the order is " + status->status + ", not open");
            }
            if (--*pending == 0) {
                std::sort(open->begin(), open->end());
                finishCancelRound(op, *open, attemptsUsed, cause);
            }
        });
    }
}

void ExchangeClient::finishCancelRound(const std::shared_ptr<CancelOp>& op, std::vector<std::size_t> open,
                                       int attemptsUsed, const HyperliquidError& cause)
{
    if (!open.empty() && attemptsUsed < m_retry.maxAttempts) {
        spdlog::warn("hyperliquid reconcile: resending {} cancel(s) of still open orders with a new nonce",
                     open.size());
        op->firstRound = false;
        submitCancels(op, std::move(open), attemptsUsed);
        return;
    }
    for (std::size_t i : open)
        op->results[i] = hlFail(ErrorKind::Timeout, cancelLabel(i, op->items[i].ref) + ": still open after " +
                                                        std::to_string(attemptsUsed) + " attempts: " + cause.message());
    completeIfSettled<CancelOp, HlResult<void>>(*op);
}

void ExchangeClient::queryStatus(const OrderRef& ref, std::function<void(HlResult<OrderStatus>)> done)
{
    // The InfoClient may outlive this client: its answer is dropped once this client is gone.
    auto guarded = [self = QPointer<ExchangeClient>(this), done = std::move(done)](HlResult<OrderStatus> status) {
        if (self)
            done(std::move(status));
    };
    if (const auto* oid = std::get_if<std::uint64_t>(&ref))
        m_context.info.orderStatus(tradingAddress(), std::int64_t(*oid), std::move(guarded));
    else
        m_context.info.orderStatusByCloid(tradingAddress(), std::get<Cloid>(ref).toHex(), std::move(guarded));
}

} // namespace sixbtc::exchange::hyperliquid
