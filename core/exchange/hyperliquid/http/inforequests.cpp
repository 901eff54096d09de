// SPDX-License-Identifier: MIT
// The typed /info requests of InfoClient: request bodies (hyperliquid.md section 3) and their parsers.
#include "exchange/hyperliquid/http/accountparsers.h"
#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/http/marketparsers.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

template <typename T>
InfoClient::Callback<QJsonDocument> parsingWith(HlResult<T> (*parse)(const QJsonDocument&),
                                                InfoClient::Callback<T> done)
{
    return [parse, done = std::move(done)](HlResult<QJsonDocument> raw) {
        if (!raw) {
            done(tl::unexpected<HyperliquidError>(raw.error()));
            return;
        }
        done(parse(*raw));
    };
}

QJsonObject typed(const char* type)
{
    return QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)}};
}

QJsonObject forUser(const char* type, const std::string& user)
{
    QJsonObject body = typed(type);
    body.insert(QStringLiteral("user"), QString::fromStdString(user));
    return body;
}

} // namespace

void InfoClient::meta(Callback<Meta> done)
{
    post(typed("meta"), parsingWith(parseMeta, std::move(done)));
}

void InfoClient::metaAndAssetCtxs(Callback<MetaAndAssetContexts> done)
{
    post(typed("metaAndAssetCtxs"), parsingWith(parseMetaAndAssetCtxs, std::move(done)));
}

void InfoClient::allMids(Callback<AllMids> done)
{
    post(typed("allMids"), parsingWith(parseAllMids, std::move(done)));
}

void InfoClient::clearinghouseState(const std::string& user, Callback<ClearinghouseState> done)
{
    post(forUser("clearinghouseState", user), parsingWith(parseClearinghouseState, std::move(done)));
}

void InfoClient::openOrders(const std::string& user, Callback<std::vector<OpenOrder>> done)
{
    post(forUser("openOrders", user), parsingWith(parseOpenOrders, std::move(done)));
}

void InfoClient::userFills(const std::string& user, Callback<std::vector<Fill>> done)
{
    post(forUser("userFills", user), parsingWith(parseUserFills, std::move(done)));
}

void InfoClient::userFillsByTime(const std::string& user, std::int64_t startTimeMs,
                                 std::optional<std::int64_t> endTimeMs, Callback<std::vector<Fill>> done)
{
    QJsonObject body = forUser("userFillsByTime", user);
    body.insert(QStringLiteral("startTime"), qint64(startTimeMs));
    if (endTimeMs)
        body.insert(QStringLiteral("endTime"), qint64(*endTimeMs));
    post(body, parsingWith(parseUserFills, std::move(done)));
}

void InfoClient::candleSnapshot(const std::string& coin, const std::string& interval, std::int64_t startTimeMs,
                                std::int64_t endTimeMs, Callback<std::vector<Candle>> done)
{
    QJsonObject body = typed("candleSnapshot");
    body.insert(QStringLiteral("req"), QJsonObject{{QStringLiteral("coin"), QString::fromStdString(coin)},
                                                   {QStringLiteral("interval"), QString::fromStdString(interval)},
                                                   {QStringLiteral("startTime"), qint64(startTimeMs)},
                                                   {QStringLiteral("endTime"), qint64(endTimeMs)}});
    post(body, parsingWith(parseCandleSnapshot, std::move(done)));
}

void InfoClient::orderStatus(const std::string& user, std::int64_t oid, Callback<OrderStatus> done)
{
    QJsonObject body = forUser("orderStatus", user);
    body.insert(QStringLiteral("oid"), qint64(oid));
    post(body, parsingWith(parseOrderStatus, std::move(done)));
}

void InfoClient::orderStatusByCloid(const std::string& user, const std::string& cloid, Callback<OrderStatus> done)
{
    QJsonObject body = forUser("orderStatus", user);
    body.insert(QStringLiteral("oid"), QString::fromStdString(cloid));
    post(body, parsingWith(parseOrderStatus, std::move(done)));
}

void InfoClient::subAccounts(const std::string& user, Callback<std::vector<SubAccount>> done)
{
    post(forUser("subAccounts", user), parsingWith(parseSubAccounts, std::move(done)));
}

} // namespace sixbtc::exchange::hyperliquid
