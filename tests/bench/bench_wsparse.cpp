// SPDX-License-Identifier: MIT
// WebSocket parsing throughput on one core: candle and l2Book frames built from the bundled BTC candles.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "data/candlereader.h"
#include "exchange/hyperliquid/websocket/wsmessages.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

constexpr int kRounds = 20;
constexpr int kBookLevels = 20; // Hyperliquid sends 20 levels a side

QString decimal(double value)
{
    return QString::number(value, 'f', 1);
}

QByteArray frame(const char* channel, const QJsonObject& data)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("channel"), QString::fromLatin1(channel)}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QByteArray candleFrame(const sixbtc::common::CandleSeries& bars, std::size_t i)
{
    const qint64 t = bars.timestampMs()[i];
    return frame("candle", {{QStringLiteral("t"), t},
                            {QStringLiteral("T"), t + bars.timeframe().durationMs() - 1},
                            {QStringLiteral("s"), QStringLiteral("BTC")},
                            {QStringLiteral("i"), QStringLiteral("5m")},
                            {QStringLiteral("o"), decimal(bars.open()[i])},
                            {QStringLiteral("c"), decimal(bars.close()[i])},
                            {QStringLiteral("h"), decimal(bars.high()[i])},
                            {QStringLiteral("l"), decimal(bars.low()[i])},
                            {QStringLiteral("v"), QString::number(bars.volume()[i], 'f', 5)},
                            {QStringLiteral("n"), int(bars.volume()[i] * 10)}});
}

QByteArray bookFrame(const sixbtc::common::CandleSeries& bars, std::size_t i)
{
    QJsonArray bids;
    QJsonArray asks;
    for (int level = 0; level < kBookLevels; ++level) {
        const QString size = QString::number(0.01 * (level + 1) + bars.volume()[i] * 0.001, 'f', 5);
        bids.append(QJsonObject{{QStringLiteral("px"), decimal(bars.close()[i] - 1.0 - level)},
                                {QStringLiteral("sz"), size},
                                {QStringLiteral("n"), 1 + level % 4}});
        asks.append(QJsonObject{{QStringLiteral("px"), decimal(bars.close()[i] + 1.0 + level)},
                                {QStringLiteral("sz"), size},
                                {QStringLiteral("n"), 1 + level % 3}});
    }
    return frame("l2Book", {{QStringLiteral("coin"), QStringLiteral("BTC")},
                            {QStringLiteral("time"), qint64(bars.timestampMs()[i]) + 1234},
                            {QStringLiteral("levels"), QJsonArray{bids, asks}}});
}

/// Parses every frame kRounds times; returns messages per second, or -1 when a frame is refused.
double measure(const char* name, const std::vector<QByteArray>& frames)
{
    std::size_t bytes = 0;
    for (const QByteArray& f : frames)
        bytes += std::size_t(f.size());
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < kRounds; ++round) {
        for (const QByteArray& f : frames) {
            if (!parseWsMessage(f)) {
                std::fprintf(stderr, "bench_wsparse: a %s frame was refused\n", name);
                return -1.0;
            }
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double count = double(frames.size()) * kRounds;
    std::printf("bench_wsparse: %s: %.0f frames (%.0f bytes avg) in %.3f s on one thread: %.0f messages/s\n", name,
                count, double(bytes) / double(frames.size()), seconds, count / seconds);
    return count / seconds;
}

} // namespace

int main()
{
    auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-5m.csv.gz", "BTC",
                                                 *sixbtc::common::Timeframe::parse("5m"));
    if (!data) {
        std::fprintf(stderr, "bench_wsparse: %s\n", data.error().message.c_str());
        return EXIT_FAILURE;
    }
    const sixbtc::common::CandleSeries& bars = data->series;
    const std::size_t n = std::min<std::size_t>(bars.size(), 5000);
    std::vector<QByteArray> candles;
    std::vector<QByteArray> books;
    for (std::size_t i = 0; i < n; ++i) {
        candles.push_back(candleFrame(bars, i));
        books.push_back(bookFrame(bars, i));
    }
    const bool ok = measure("candle", candles) > 0 && measure("l2Book (20 levels a side)", books) > 0;
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
