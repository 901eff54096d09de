// SPDX-License-Identifier: MIT
// The /info answers the fake derives from its live book (hyperliquid.md section 3 shapes).
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "fakes/hyperliquid/fakeexchange.h"
#include "fakes/hyperliquid/fakeinfojson.h"
#include "fakes/hyperliquid/fakeledger.h"
#include "fakes/hyperliquid/fakenumbers.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

QString usd(double value)
{
    return text(wireNumber(value, 6));
}

QJsonObject frontendOrderJson(const FakeOrder& order, int szDecimals)
{
    QJsonObject out = openOrderJson(order, szDecimals);
    const bool isTrigger = order.triggerPx.has_value();
    QString orderType = QStringLiteral("Limit");
    if (isTrigger) {
        orderType = (order.tpsl == "tp" ? QStringLiteral("Take Profit ") : QStringLiteral("Stop ")) +
                    (order.triggerIsMarket ? QStringLiteral("Market") : QStringLiteral("Limit"));
    }
    out.insert(QStringLiteral("orderType"), orderType);
    out.insert(QStringLiteral("tif"), isTrigger ? QJsonValue() : QJsonValue(text(order.tif)));
    out.insert(QStringLiteral("isTrigger"), isTrigger);
    out.insert(QStringLiteral("triggerPx"), text(isTrigger ? *order.triggerPx : std::string("0.0")));
    const bool above = (order.tpsl == "tp") != order.isBuy;
    out.insert(QStringLiteral("triggerCondition"),
               isTrigger ? text((above ? "Price above " : "Price below ") + *order.triggerPx) : QStringLiteral("N/A"));
    out.insert(QStringLiteral("isPositionTpsl"), order.isPositionTpsl);
    out.insert(QStringLiteral("children"), QJsonArray());
    if (!order.cloid)
        out.insert(QStringLiteral("cloid"), QJsonValue());
    return out;
}

QJsonObject fillJson(const FakeFill& fill, int szDecimals)
{
    QJsonObject out{{QStringLiteral("coin"), text(fill.coin)},
                    {QStringLiteral("px"), text(wireNumber(fill.px, 6))},
                    {QStringLiteral("sz"), text(wireNumber(fill.size, szDecimals))},
                    {QStringLiteral("side"), fill.isBuy ? QStringLiteral("B") : QStringLiteral("A")},
                    {QStringLiteral("time"), static_cast<qint64>(fill.timeMs)},
                    {QStringLiteral("startPosition"), text(wireNumber(fill.startPosition, szDecimals))},
                    {QStringLiteral("dir"), text(fill.dir)},
                    {QStringLiteral("closedPnl"), usd(fill.closedPnl)},
                    {QStringLiteral("hash"), QStringLiteral("0x%1").arg(fill.tid, 64, 16, QLatin1Char('0'))},
                    {QStringLiteral("oid"), static_cast<qint64>(fill.oid)},
                    {QStringLiteral("crossed"), fill.crossed},
                    {QStringLiteral("fee"), usd(fill.fee)},
                    {QStringLiteral("tid"), static_cast<qint64>(fill.tid)},
                    {QStringLiteral("feeToken"), QStringLiteral("USDC")},
                    {QStringLiteral("twapId"), QJsonValue()}};
    if (fill.cloid)
        out.insert(QStringLiteral("cloid"), text(*fill.cloid));
    return out;
}

QJsonObject clearinghouseJson(const FakeLedger& ledger, const FakeAccount& account)
{
    QJsonArray positions;
    double notional = 0.0;
    double signedNotional = 0.0;
    for (const auto& [asset, position] : account.positions) {
        const FakeMarket* market = ledger.market(asset);
        if (position.szi == 0.0 || !market)
            continue;
        const int leverage = ledger.leverageOf(account, asset);
        const double value = std::abs(position.szi) * market->price();
        const double pnl = position.szi * (market->price() - position.entryPx);
        notional += value;
        signedNotional += position.szi * market->price();
        const QJsonObject zero{{QStringLiteral("allTime"), QStringLiteral("0")},
                               {QStringLiteral("sinceOpen"), QStringLiteral("0")},
                               {QStringLiteral("sinceChange"), QStringLiteral("0")}};
        const QJsonObject body{
            {QStringLiteral("coin"), text(market->coin())},
            {QStringLiteral("szi"), text(wireNumber(position.szi, market->szDecimals()))},
            {QStringLiteral("entryPx"), text(wireNumber(position.entryPx, 6))},
            {QStringLiteral("leverage"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("cross")}, {QStringLiteral("value"), leverage}}},
            {QStringLiteral("positionValue"), usd(value)},
            {QStringLiteral("unrealizedPnl"), usd(pnl)},
            {QStringLiteral("returnOnEquity"), usd(pnl * leverage / (std::abs(position.szi) * position.entryPx))},
            {QStringLiteral("liquidationPx"), QJsonValue()},
            {QStringLiteral("marginUsed"), usd(value / leverage)},
            {QStringLiteral("maxLeverage"), market->maxLeverage()},
            {QStringLiteral("cumFunding"), zero}};
        positions.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("oneWay")}, {QStringLiteral("position"), body}});
    }
    const double accountValue = account.usdc + ledger.unrealizedPnl(account);
    const double used = ledger.marginUsed(account);
    const QJsonObject summary{{QStringLiteral("accountValue"), usd(accountValue)},
                              {QStringLiteral("totalNtlPos"), usd(notional)},
                              {QStringLiteral("totalRawUsd"), usd(accountValue - signedNotional)},
                              {QStringLiteral("totalMarginUsed"), usd(used)}};
    return {{QStringLiteral("marginSummary"), summary},
            {QStringLiteral("crossMarginSummary"), summary},
            {QStringLiteral("crossMaintenanceMarginUsed"), usd(used / 2)},
            {QStringLiteral("withdrawable"), usd(std::max(0.0, accountValue - used))},
            {QStringLiteral("time"), static_cast<qint64>(ledger.nowMs())},
            {QStringLiteral("assetPositions"), positions}};
}

QByteArray compact(const QJsonValue& value)
{
    if (value.isNull())
        return QByteArrayLiteral("null");
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

QJsonObject openOrderJson(const FakeOrder& order, int szDecimals)
{
    QJsonObject out{{QStringLiteral("coin"), text(order.coin)},
                    {QStringLiteral("side"), order.isBuy ? QStringLiteral("B") : QStringLiteral("A")},
                    {QStringLiteral("limitPx"), text(order.limitPx)},
                    {QStringLiteral("sz"), text(wireNumber(order.size, szDecimals))},
                    {QStringLiteral("oid"), static_cast<qint64>(order.oid)},
                    {QStringLiteral("timestamp"), static_cast<qint64>(order.timestampMs)},
                    {QStringLiteral("origSz"), text(wireNumber(order.origSize, szDecimals))},
                    {QStringLiteral("reduceOnly"), order.reduceOnly}};
    if (order.cloid)
        out.insert(QStringLiteral("cloid"), text(*order.cloid));
    return out;
}

std::optional<QByteArray> FakeExchange::handleInfo(const QJsonObject& body)
{
    m_ledger->sweepScheduledCancels();
    const QString type = body.value(QStringLiteral("type")).toString();
    if (type == QStringLiteral("allMids")) {
        QJsonObject mids;
        for (const auto& market : m_ledger->markets())
            mids.insert(text(market.coin()), text(market.priceText()));
        return compact(mids);
    }
    const std::string user = body.value(QStringLiteral("user")).toString().toLower().toStdString();
    if (!m_ledger->account(user))
        return std::nullopt;
    return userInfo(type, user, body);
}

std::optional<QByteArray> FakeExchange::userInfo(const QString& type, const std::string& user,
                                                 const QJsonObject& body) const
{
    const FakeLedger& ledger = *m_ledger;
    const auto szDecimals = [&](std::uint32_t asset) { return ledger.market(asset)->szDecimals(); };
    if (type == QStringLiteral("openOrders") || type == QStringLiteral("frontendOpenOrders")) {
        QJsonArray out;
        for (const FakeOrder& order : openOrders(user)) {
            out.append(type == QStringLiteral("openOrders") ? openOrderJson(order, szDecimals(order.asset))
                                                            : frontendOrderJson(order, szDecimals(order.asset)));
        }
        return compact(out);
    }
    if (type == QStringLiteral("orderStatus")) {
        const QJsonValue wanted = body.value(QStringLiteral("oid"));
        const FakeOrderRef ref = wanted.isString() ? FakeOrderRef(wanted.toString().toLower().toStdString())
                                                   : FakeOrderRef(static_cast<std::uint64_t>(wanted.toInteger()));
        const auto oid = ledger.findOrder(user, ref);
        if (!oid)
            return QByteArrayLiteral(R"({"status":"unknownOid"})");
        const FakeOrder& order = ledger.orders().at(*oid);
        const QJsonObject entry{{QStringLiteral("order"), frontendOrderJson(order, szDecimals(order.asset))},
                                {QStringLiteral("status"), text(fakeOrderStateName(order.state))},
                                {QStringLiteral("statusTimestamp"), static_cast<qint64>(order.stateTimestampMs)}};
        return compact(
            QJsonObject{{QStringLiteral("status"), QStringLiteral("order")}, {QStringLiteral("order"), entry}});
    }
    if (type == QStringLiteral("clearinghouseState"))
        return compact(clearinghouseJson(ledger, *ledger.account(user)));
    if (type == QStringLiteral("userFills") || type == QStringLiteral("userFillsByTime")) {
        const bool byTime = type == QStringLiteral("userFillsByTime");
        const qint64 start = body.value(QStringLiteral("startTime")).toInteger();
        const qint64 end = body.value(QStringLiteral("endTime")).toInteger(std::numeric_limits<qint64>::max());
        QJsonArray out;
        for (const FakeFill& fill : fills(user)) {
            if (byTime && (fill.timeMs < start || fill.timeMs > end))
                continue;
            if (byTime)
                out.append(fillJson(fill, szDecimals(ledger.orders().at(fill.oid).asset)));
            else
                out.prepend(fillJson(fill, szDecimals(ledger.orders().at(fill.oid).asset)));
        }
        return compact(out);
    }
    if (type == QStringLiteral("subAccounts")) {
        const FakeAccount& master = *ledger.account(user);
        if (master.subAccounts.empty())
            return QByteArrayLiteral("null");
        QJsonArray out;
        for (const std::string& address : master.subAccounts) {
            const FakeAccount& sub = *ledger.account(address);
            out.append(
                QJsonObject{{QStringLiteral("name"), text(sub.name)},
                            {QStringLiteral("subAccountUser"), text(address)},
                            {QStringLiteral("master"), text(user)},
                            {QStringLiteral("clearinghouseState"), clearinghouseJson(ledger, sub)},
                            {QStringLiteral("spotState"), QJsonObject{{QStringLiteral("balances"), QJsonArray()}}}});
        }
        return compact(out);
    }
    return std::nullopt;
}

} // namespace sixbtc::fakes::hyperliquid
