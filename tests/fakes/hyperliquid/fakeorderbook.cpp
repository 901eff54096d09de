// SPDX-License-Identifier: MIT
// Placing, cancelling and modifying orders of the fake exchange, and booking their fills.
#include "fakes/hyperliquid/fakeledger.h"

#include <cmath>

#include <QJsonObject>

#include "common/require.h"
#include "fakes/hyperliquid/fakenumbers.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

QJsonValue errorStatus(const std::string& message)
{
    return QJsonObject{{QStringLiteral("error"), QString::fromStdString(message)}};
}

QJsonObject withCloid(QJsonObject object, const FakeOrder& order)
{
    if (order.cloid)
        object.insert(QStringLiteral("cloid"), QString::fromStdString(*order.cloid));
    return object;
}

bool increasesPosition(double szi, bool isBuy)
{
    return szi == 0.0 || (isBuy && szi > 0.0) || (!isBuy && szi < 0.0);
}

} // namespace

std::optional<std::string> FakeLedger::checkOrder(const FakeAccount& owner, const FakeMarket& traded,
                                                  const FakeOrderRequest& request, double& size) const
{
    if (auto error = priceError(request.px, traded.szDecimals()))
        return error;
    if (request.triggerPx) {
        if (auto error = priceError(*request.triggerPx, traded.szDecimals()))
            return error;
    }
    if (auto error = sizeError(request.sz, traded.szDecimals()))
        return error;
    size = std::stod(request.sz);
    const double px = std::stod(request.px);
    const auto position = owner.positions.find(request.asset);
    const double szi = position == owner.positions.end() ? 0.0 : position->second.szi;
    if (request.reduceOnly && !request.triggerPx) {
        if (increasesPosition(szi, request.isBuy))
            return std::string("Reduce only order would increase position.");
        size = std::min(size, std::abs(szi));
    }
    if (!request.reduceOnly && px * size < 10.0)
        return std::string("Order must have minimum value of $10.");
    if (!request.reduceOnly) {
        double reserved = 0.0;
        for (const auto& [oid, order] : m_orders) {
            if (&m_accounts.at(order.user) == &owner && order.state == FakeOrderState::Open && !order.reduceOnly)
                reserved += order.size * std::stod(order.limitPx) / leverageOf(owner, order.asset);
        }
        const double available = owner.usdc + unrealizedPnl(owner) - marginUsed(owner) - reserved;
        if (px * size / leverageOf(owner, request.asset) > available + 1e-9)
            return std::string("Insufficient margin to place order.");
    }
    return std::nullopt;
}

QJsonValue FakeLedger::place(const std::string& user, const FakeOrderRequest& request, const FakePlacement& placement,
                             std::optional<double> partialFill)
{
    const FakeAccount* owner = account(user);
    SIXBTC_REQUIRE(owner != nullptr);
    const FakeMarket* traded = market(request.asset);
    if (!traded)
        return errorStatus("Invalid asset " + std::to_string(request.asset) + ".");
    double size = 0.0;
    if (auto error = checkOrder(*owner, *traded, request, size))
        return errorStatus(*error);
    const double px = std::stod(request.px);
    const bool crosses = request.isBuy ? px >= traded->price() : px <= traded->price();
    const std::string asset = " asset=" + std::to_string(request.asset);
    if (!request.triggerPx && request.tif == "Alo" && crosses)
        return errorStatus("Post only order would have immediately matched, bbo was " + traded->priceText() + "@" +
                           traded->priceText() + "." + asset);
    if (!request.triggerPx && request.tif == "Ioc" && !crosses)
        return errorStatus("Order could not immediately match against any resting orders." + asset);
    const std::uint64_t oid = newOid();
    const std::int64_t now = nowMs();
    FakeOrder& order = m_orders[oid] = FakeOrder{oid,
                                                 user,
                                                 request.asset,
                                                 traded->coin(),
                                                 request.isBuy,
                                                 request.px,
                                                 size,
                                                 size,
                                                 request.reduceOnly,
                                                 request.tif,
                                                 request.triggerPx,
                                                 request.triggerIsMarket,
                                                 request.tpsl,
                                                 placement.positionTpsl,
                                                 placement.parentFilled ? std::nullopt : placement.parent,
                                                 request.cloid,
                                                 now,
                                                 FakeOrderState::Open,
                                                 now};
    const QJsonObject resting = withCloid({{QStringLiteral("oid"), static_cast<qint64>(oid)}}, order);
    if (request.triggerPx) {
        if (placement.parent)
            return placement.parentFilled ? QStringLiteral("waitingForTrigger") : QStringLiteral("waitingForFill");
        return QJsonObject{{QStringLiteral("resting"), resting}};
    }
    const double filled = crosses ? takeLiquidity(order, *traded, partialFill) : 0.0;
    if (request.tif == "Ioc" && order.state == FakeOrderState::Open)
        setState(order, FakeOrderState::Canceled);
    if (filled > 0.0)
        return fillStatus(order, filled, std::stod(traded->priceText()));
    if (request.tif == "Ioc")
        return errorStatus("Order could not immediately match against any resting orders." + asset);
    return QJsonObject{{QStringLiteral("resting"), resting}};
}

QJsonValue FakeLedger::fillStatus(const FakeOrder& order, double filled, double avgPx) const
{
    const int szDecimals = market(order.asset)->szDecimals();
    const QJsonObject fill =
        withCloid({{QStringLiteral("totalSz"), QString::fromStdString(wireNumber(filled, szDecimals))},
                   {QStringLiteral("avgPx"), QString::fromStdString(wireNumber(avgPx, 6))},
                   {QStringLiteral("oid"), static_cast<qint64>(order.oid)}},
                  order);
    return QJsonObject{{QStringLiteral("filled"), fill}};
}

double FakeLedger::takeLiquidity(FakeOrder& order, const FakeMarket& traded, std::optional<double> partialFill)
{
    const double size = partialFill ? truncateTo(order.size * *partialFill, traded.szDecimals()) : order.size;
    if (size <= 0.0)
        return 0.0;
    applyFill(order, std::stod(traded.priceText()), size, true);
    return size;
}

void FakeLedger::applyFill(FakeOrder& order, double px, double size, bool crossed)
{
    FakeAccount& owner = m_accounts.at(order.user);
    const int szDecimals = market(order.asset)->szDecimals();
    FakePosition& position = owner.positions[order.asset];
    const double start = position.szi;
    const double signedSize = order.isBuy ? size : -size;
    double closedPnl = 0.0;
    std::string dir;
    if (increasesPosition(start, order.isBuy)) {
        position.entryPx = (std::abs(start) * position.entryPx + size * px) / (std::abs(start) + size);
        dir = order.isBuy ? "Open Long" : "Open Short";
    } else {
        const double closing = std::min(size, std::abs(start));
        closedPnl = closing * (px - position.entryPx) * (start > 0 ? 1.0 : -1.0);
        dir = start > 0 ? "Close Long" : "Close Short";
        if (size > std::abs(start))
            position.entryPx = px;
    }
    position.szi = roundTo(start + signedSize, szDecimals);
    if (position.szi == 0.0)
        position.entryPx = 0.0;
    const double fee = px * size * (crossed ? m_setup.takerFeeRate : m_setup.makerFeeRate);
    owner.usdc += closedPnl - fee;
    order.size = roundTo(order.size - size, szDecimals);
    if (order.size <= 0.0)
        setState(order, FakeOrderState::Filled);
    m_fills.push_back(FakeFill{order.user, order.coin, px, size, order.isBuy, nowMs(), start, dir, closedPnl, order.oid,
                               crossed, fee, m_nextTid++, order.cloid});
    for (auto& [oid, child] : m_orders) {
        if (child.parentOid == order.oid)
            child.parentOid.reset();
    }
    if (position.szi == 0.0)
        cancelReduceOnlyLeftovers(order.user, order.asset);
}

void FakeLedger::cancelReduceOnlyLeftovers(const std::string& user, std::uint32_t asset)
{
    for (auto& [oid, order] : m_orders) {
        if (order.user == user && order.asset == asset && order.state == FakeOrderState::Open && order.reduceOnly &&
            !order.parentOid)
            setState(order, FakeOrderState::ReduceOnlyCanceled);
    }
}

QJsonValue FakeLedger::cancel(const std::string& user, std::uint32_t asset, const FakeOrderRef& ref)
{
    const auto oid = findOrder(user, ref);
    if (!oid || m_orders.at(*oid).asset != asset || m_orders.at(*oid).state != FakeOrderState::Open)
        return errorStatus("Order was never placed, already canceled, or filled.");
    setState(m_orders.at(*oid), FakeOrderState::Canceled);
    for (auto& [childOid, child] : m_orders) {
        if (child.parentOid == *oid && child.state == FakeOrderState::Open)
            setState(child, FakeOrderState::Canceled);
    }
    return QStringLiteral("success");
}

QJsonValue FakeLedger::modify(const std::string& user, const FakeOrderRef& ref, const FakeOrderRequest& request,
                              std::optional<double> partialFill)
{
    const auto oid = findOrder(user, ref);
    if (!oid || m_orders.at(*oid).state != FakeOrderState::Open)
        return errorStatus("Cannot modify canceled or filled order");
    FakeOrder& old = m_orders.at(*oid);
    const FakePlacement placement{old.isPositionTpsl, std::nullopt, false};
    setState(old, FakeOrderState::Canceled);
    const QJsonValue status = place(user, request, placement, partialFill);
    if (status.isObject() && status.toObject().contains(QStringLiteral("error")))
        m_orders.at(*oid).state = FakeOrderState::Open;
    return status;
}

} // namespace sixbtc::fakes::hyperliquid
