// SPDX-License-Identifier: MIT
// Channel payloads of the fake WebSocket server from the replayed candles and the live book.
#include "fakes/hyperliquid/fakewsfeed.h"

#include <algorithm>
#include <cmath>

#include <QJsonDocument>

#include "common/require.h"
#include "fakes/hyperliquid/fakeinfojson.h"
#include "fakes/hyperliquid/fakenumbers.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

constexpr int kBookLevels = 5;

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

/// Decimals of a valid wire price near `px` (5 significant figures, at most 6 - szDecimals decimals).
int priceDecimals(double px, int szDecimals)
{
    const int integerDigits = px >= 1.0 ? static_cast<int>(std::floor(std::log10(px))) + 1 : 0;
    return std::max(0, std::min(6 - szDecimals, 5 - integerDigits));
}

QString hashOf(std::uint64_t tid)
{
    return QStringLiteral("0x%1").arg(tid, 64, 16, QLatin1Char('0'));
}

} // namespace

FakeWsFeed::FakeWsFeed(FakeExchange& exchange, std::vector<FakeMarketSetup> markets)
    : m_exchange(exchange)
{
    for (auto& market : markets) {
        const std::size_t first = market.firstCandle;
        m_replays.push_back(Replay{std::move(market), first});
    }
}

bool FakeWsFeed::advanceOne()
{
    const bool advanced = m_exchange.advance(1);
    for (Replay& replay : m_replays) {
        if (replay.index + 1 >= replay.setup.candles.size())
            break;
        ++replay.index;
    }
    return advanced;
}

void FakeWsFeed::checkInStep() const
{
    for (const Replay& replay : m_replays)
        SIXBTC_REQUIRE(m_exchange.marketPrice(replay.setup.asset) == replay.setup.candles.close()[replay.index]);
}

bool FakeWsFeed::hasCoin(const QString& coin) const
{
    return std::any_of(m_replays.begin(), m_replays.end(),
                       [&](const Replay& replay) { return text(replay.setup.coin) == coin; });
}

const FakeWsFeed::Replay& FakeWsFeed::replay(const QString& coin) const
{
    const auto it = std::find_if(m_replays.begin(), m_replays.end(),
                                 [&](const Replay& replay) { return text(replay.setup.coin) == coin; });
    SIXBTC_REQUIRE(it != m_replays.end());
    return *it;
}

QString FakeWsFeed::interval(const QString& coin) const
{
    const std::string_view name = replay(coin).setup.candles.timeframe().name();
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QList<QString> FakeWsFeed::coins() const
{
    QList<QString> out;
    for (const Replay& replay : m_replays)
        out.append(text(replay.setup.coin));
    return out;
}

QJsonObject FakeWsFeed::candle(const QString& coin, bool opening) const
{
    checkInStep();
    const Replay& market = replay(coin);
    return candleAt(market, market.index, opening);
}

std::optional<QJsonArray> FakeWsFeed::candleSnapshot(const QString& coin, const QString& interval, std::int64_t startMs,
                                                     std::int64_t endMs) const
{
    if (!hasCoin(coin) || interval != this->interval(coin))
        return std::nullopt;
    checkInStep();
    const Replay& market = replay(coin);
    const auto times = market.setup.candles.timestampMs();
    QJsonArray out;
    for (std::size_t i = market.setup.firstCandle; i <= market.index; ++i) {
        if (times[i] >= startMs && times[i] <= endMs)
            out.append(candleAt(market, i, false));
    }
    return out;
}

QJsonObject FakeWsFeed::candleAt(const Replay& market, std::size_t i, bool opening) const
{
    const common::CandleSeries& bars = market.setup.candles;
    const QString coin = text(market.setup.coin);
    const std::int64_t openTime = bars.timestampMs()[i];
    const auto price = [&](double value) { return text(wireNumber(opening ? bars.open()[i] : value, 8)); };
    return {{QStringLiteral("t"), static_cast<qint64>(openTime)},
            {QStringLiteral("T"), static_cast<qint64>(openTime + bars.timeframe().durationMs() - 1)},
            {QStringLiteral("s"), coin},
            {QStringLiteral("i"), interval(coin)},
            {QStringLiteral("o"), price(bars.open()[i])},
            {QStringLiteral("c"), price(bars.close()[i])},
            {QStringLiteral("h"), price(bars.high()[i])},
            {QStringLiteral("l"), price(bars.low()[i])},
            {QStringLiteral("v"), opening ? QStringLiteral("0") : text(wireNumber(bars.volume()[i], 8))},
            {QStringLiteral("n"), opening ? 0 : static_cast<int>(std::ceil(bars.volume()[i]))}};
}

QJsonObject FakeWsFeed::allMids() const
{
    QJsonObject mids;
    for (const Replay& replay : m_replays) {
        const double px = m_exchange.marketPrice(replay.setup.asset);
        mids.insert(text(replay.setup.coin), text(wireNumber(px, priceDecimals(px, replay.setup.szDecimals))));
    }
    return {{QStringLiteral("mids"), mids}};
}

QJsonObject FakeWsFeed::l2Book(const QString& coin) const
{
    const Replay& market = replay(coin);
    const double px = m_exchange.marketPrice(market.setup.asset);
    const int decimals = priceDecimals(px, market.setup.szDecimals);
    const double tick = std::pow(10.0, -decimals);
    const double base = std::floor(px / tick + 1e-9);
    QJsonArray bids;
    QJsonArray asks;
    for (int k = 0; k < kBookLevels; ++k) {
        const QString size = text(wireNumber(k + 1, market.setup.szDecimals));
        bids.append(QJsonObject{{QStringLiteral("px"), text(wireNumber((base - k) * tick, decimals))},
                                {QStringLiteral("sz"), size},
                                {QStringLiteral("n"), k + 1}});
        asks.append(QJsonObject{{QStringLiteral("px"), text(wireNumber((base + 1 + k) * tick, decimals))},
                                {QStringLiteral("sz"), size},
                                {QStringLiteral("n"), k + 1}});
    }
    return {{QStringLiteral("coin"), coin},
            {QStringLiteral("time"), static_cast<qint64>(m_exchange.nowMs())},
            {QStringLiteral("levels"), QJsonArray{bids, asks}}};
}

QJsonArray FakeWsFeed::trades(const QString& coin)
{
    const Replay& market = replay(coin);
    const common::CandleSeries& bars = market.setup.candles;
    const double px = m_exchange.marketPrice(market.setup.asset);
    const int szDecimals = market.setup.szDecimals;
    const double lot = std::pow(10.0, -szDecimals);
    const double size = std::max(truncateTo(bars.volume()[market.index] / 100.0, szDecimals), lot);
    const std::uint64_t tid = m_nextTradeTid++;
    const QJsonObject trade{
        {QStringLiteral("coin"), coin},
        {QStringLiteral("side"), px >= bars.open()[market.index] ? QStringLiteral("B") : QStringLiteral("A")},
        {QStringLiteral("px"), text(wireNumber(px, priceDecimals(px, szDecimals)))},
        {QStringLiteral("sz"), text(wireNumber(size, szDecimals))},
        {QStringLiteral("time"), static_cast<qint64>(m_exchange.nowMs())},
        {QStringLiteral("hash"), hashOf(tid)},
        {QStringLiteral("tid"), static_cast<qint64>(tid)},
        {QStringLiteral("users"), QJsonArray{QStringLiteral("0x00000000000000000000000000000000000000b1"),
                                             QStringLiteral("0x00000000000000000000000000000000000000a5")}}};
    return {trade};
}

QJsonArray FakeWsFeed::fills(const std::string& user) const
{
    const QJsonObject request{{QStringLiteral("type"), QStringLiteral("userFillsByTime")},
                              {QStringLiteral("user"), text(user)},
                              {QStringLiteral("startTime"), 0}};
    const std::optional<QByteArray> answer = m_exchange.handleInfo(request);
    return answer ? QJsonDocument::fromJson(*answer).array() : QJsonArray();
}

std::vector<FakeWsOrderChange> FakeWsFeed::orderChanges()
{
    std::vector<FakeWsOrderChange> out;
    for (const FakeOrder& order : m_exchange.allOrders()) {
        const auto seen = m_seenOrders.find(order.oid);
        if (seen != m_seenOrders.end() && seen->second == std::pair(order.state, order.size))
            continue;
        m_seenOrders[order.oid] = {order.state, order.size};
        const auto market = std::find_if(m_replays.begin(), m_replays.end(),
                                         [&](const Replay& replay) { return replay.setup.asset == order.asset; });
        SIXBTC_REQUIRE(market != m_replays.end());
        const QJsonObject wire = openOrderJson(order, market->setup.szDecimals);
        FakeWsOrderChange change{order.user,
                                 {{QStringLiteral("order"), wire},
                                  {QStringLiteral("status"), text(fakeOrderStateName(order.state))},
                                  {QStringLiteral("statusTimestamp"), static_cast<qint64>(order.stateTimestampMs)}},
                                 std::nullopt};
        if (order.state == FakeOrderState::ScheduledCancel)
            change.nonUserCancel = QJsonObject{{QStringLiteral("coin"), text(order.coin)},
                                               {QStringLiteral("oid"), static_cast<qint64>(order.oid)}};
        out.push_back(std::move(change));
    }
    return out;
}

} // namespace sixbtc::fakes::hyperliquid
