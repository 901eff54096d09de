// SPDX-License-Identifier: MIT
// An independent RSI(14) 30/70 crossing signal (spec section 10 RSI) and real-data loading for the engine tests.
#pragma once

#include <cstdint>
#include <vector>

#include <QCryptographicHash>
#include <QString>

#include "backtest/backtestdata.h"
#include "common/candleseries.h"
#include "data/candlereader.h"

namespace sixbtc::backtest::testing {

/// Wilder RSI seeded with the mean of the first `period` gains/losses; valid[i] = 0 before bar `period`.
inline void wilderRsi(std::span<const double> close, int period, std::vector<double>& rsi,
                      std::vector<std::uint8_t>& valid)
{
    const std::size_t n = close.size();
    rsi.assign(n, 0.0);
    valid.assign(n, 0);
    const auto p = static_cast<std::size_t>(period);
    if (n <= p)
        return;
    auto gain = [&](std::size_t i) {
        const double d = close[i] - close[i - 1];
        return d > 0.0 ? d : 0.0;
    };
    auto loss = [&](std::size_t i) {
        const double d = close[i] - close[i - 1];
        return d < 0.0 ? -d : 0.0;
    };
    auto value = [](double ag, double al) { return ag + al == 0.0 ? 50.0 : 100.0 * ag / (ag + al); };
    double ag = 0.0;
    double al = 0.0;
    for (std::size_t i = 1; i <= p; ++i) {
        ag = ag + gain(i);
        al = al + loss(i);
    }
    ag = ag / static_cast<double>(period);
    al = al / static_cast<double>(period);
    rsi[p] = value(ag, al);
    valid[p] = 1;
    for (std::size_t i = p + 1; i < n; ++i) {
        ag = (ag * static_cast<double>(period - 1) + gain(i)) / static_cast<double>(period);
        al = (al * static_cast<double>(period - 1) + loss(i)) / static_cast<double>(period);
        rsi[i] = value(ag, al);
        valid[i] = 1;
    }
}

/// `rsi(close,14)[1] < 30 and rsi(close,14) >= 30` / `rsi(close,14)[1] > 70 and rsi(close,14) <= 70`.
struct RsiSignals
{
    std::vector<std::uint8_t> longEntry;
    std::vector<std::uint8_t> shortEntry;

    explicit RsiSignals(const common::CandleSeries& series)
    {
        std::vector<double> rsi;
        std::vector<std::uint8_t> valid;
        wilderRsi(series.close(), 14, rsi, valid);
        longEntry.assign(series.size(), 0);
        shortEntry.assign(series.size(), 0);
        for (std::size_t t = 1; t < series.size(); ++t) {
            if (valid[t] == 0 || valid[t - 1] == 0)
                continue;
            longEntry[t] = rsi[t - 1] < 30.0 && rsi[t] >= 30.0 ? 1 : 0;
            shortEntry[t] = rsi[t - 1] > 70.0 && rsi[t] <= 70.0 ? 1 : 0;
        }
    }

    SymbolInput input(const common::CandleSeries& series) const
    {
        return SymbolInput{&series, {longEntry, shortEntry, {}, {}}};
    }
};

/// sha256 (hex) of s[t] as an int8 array, the form the reference run publishes.
inline QString entrySignalHash(const SymbolTrack& track)
{
    const QByteArray bytes(reinterpret_cast<const char*>(track.entry.data()),
                           static_cast<qsizetype>(track.entry.size()));
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// The bars of the bundled BTC_USDT_USDT-5m file with open time in [fromMs, toMs], as their own series (so that
/// indicators start at the first of them, as in the reference run).
inline common::CandleSeries loadBtc5m(std::int64_t fromMs, std::int64_t toMs)
{
    const auto file = data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT_USDT-5m.csv.gz", "BTC",
                                               common::Timeframe(common::Timeframe::Id::M5));
    if (!file)
        qFatal("%s", file.error().message.c_str());
    const common::CandleSeries& all = file->series;
    common::CandleSeries out("BTC", all.timeframe());
    for (std::size_t i = all.lowerBound(fromMs); i < all.size() && all.timestampMs()[i] <= toMs; ++i)
        out.append(all.timestampMs()[i], all.open()[i], all.high()[i], all.low()[i], all.close()[i], all.volume()[i]);
    return out;
}

} // namespace sixbtc::backtest::testing
