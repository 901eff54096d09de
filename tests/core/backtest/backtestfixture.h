// SPDX-License-Identifier: MIT
// Test helpers: hand-written bars and signals turned into BacktestData, and the spec section 12 settings.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "common/candleseries.h"

namespace sixbtc::backtest::testing {

/// One hand-written bar: prices, the entry signal (+1 long_entry, -1 short_entry, 2 both) and exit signals.
struct Bar
{
    double open;
    double high;
    double low;
    double close;
    int signal = 0;
    bool longExit = false;
    bool shortExit = false;
    std::int64_t timeIndex = -1; ///< bar slot on the 5m grid; -1 = its position in the list
};

/// A symbol built from bars; owns the series and signal columns that SymbolInput points into.
struct HandSymbol
{
    std::unique_ptr<common::CandleSeries> series;
    std::vector<std::uint8_t> longEntry;
    std::vector<std::uint8_t> shortEntry;
    std::vector<std::uint8_t> longExit;
    std::vector<std::uint8_t> shortExit;

    HandSymbol(const std::string& name, const std::vector<Bar>& bars)
        : series(std::make_unique<common::CandleSeries>(name, common::Timeframe(common::Timeframe::Id::M5)))
    {
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const Bar& b = bars[i];
            const std::int64_t slot = b.timeIndex >= 0 ? b.timeIndex : static_cast<std::int64_t>(i);
            series->append(slot * 300'000, b.open, b.high, b.low, b.close, 1.0);
            longEntry.push_back(b.signal == 1 || b.signal == 2 ? 1 : 0);
            shortEntry.push_back(b.signal == -1 || b.signal == 2 ? 1 : 0);
            longExit.push_back(b.longExit ? 1 : 0);
            shortExit.push_back(b.shortExit ? 1 : 0);
        }
    }

    SymbolInput input() const { return SymbolInput{series.get(), {longEntry, shortEntry, longExit, shortExit}}; }
};

/// BacktestData of hand-written symbols (aligned on common timestamps).
inline BacktestData makeData(const std::vector<const HandSymbol*>& symbols)
{
    std::vector<SymbolInput> inputs;
    for (const HandSymbol* s : symbols)
        inputs.push_back(s->input());
    auto data = BacktestData::build(inputs);
    if (!data)
        qFatal("%s", data.error().message.c_str());
    return std::move(*data);
}

/// The common settings of spec section 12.
inline EngineSettings exampleSettings()
{
    return EngineSettings{.initialEquity = 10000.0,
                          .riskPct = 0.01,
                          .maxPositionSizePct = 0.5,
                          .maxOpenPositions = 3,
                          .minNotional = 10.0,
                          .feeRate = 0.0004,
                          .slippage = 0.0002,
                          .exitOnOpposite = true};
}

/// |actual - expected| <= 1e-12 * |expected| (for the spec's rounded values).
inline bool closeRel(double actual, double expected, double tolerance = 1e-12)
{
    const double scale = expected < 0 ? -expected : expected;
    const double diff = actual > expected ? actual - expected : expected - actual;
    return diff <= tolerance * scale || diff == 0.0;
}

} // namespace sixbtc::backtest::testing

#define SIXBTC_COMPARE_REL(actual, expected)                                                                           \
    QVERIFY2(::sixbtc::backtest::testing::closeRel((actual), (expected)),                                              \
             qPrintable(QStringLiteral("%1 != %2").arg((actual), 0, 'g', 17).arg((expected), 0, 'g', 17)))
