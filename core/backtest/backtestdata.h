// SPDX-License-Identifier: MIT
// BacktestData: the bars and signals of one base strategy's symbols, aligned and ready for the engines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "common/candleseries.h"
#include "common/error.h"

namespace sixbtc::backtest {

/// The four signal columns of one symbol over its candle series (1 = true). The exit columns may be empty
/// (= all false). Whoever produced them (a compiled document, a native strategy, a test) they are causal.
struct SignalInput
{
    std::span<const std::uint8_t> longEntry;
    std::span<const std::uint8_t> shortEntry;
    std::span<const std::uint8_t> longExit;
    std::span<const std::uint8_t> shortExit;
};

/// One symbol of a run: its full candle series and the signals computed on that whole series.
struct SymbolInput
{
    const common::CandleSeries* candles;
    SignalInput signalColumns;
};

/// Bar open times [fromMs, toMs) of a run; the default covers everything.
struct TimeRange
{
    std::int64_t fromMs = std::numeric_limits<std::int64_t>::min();
    std::int64_t toMs = std::numeric_limits<std::int64_t>::max();
};

/// Exit flags of SymbolTrack::exits.
inline constexpr std::uint8_t kLongExitFlag = 1;
inline constexpr std::uint8_t kShortExitFlag = 2;

/// One symbol restricted to the run's bars, structure of arrays.
struct SymbolTrack
{
    std::string symbol;
    std::vector<double> open;
    std::vector<double> high;
    std::vector<double> low;
    std::vector<double> close;
    std::vector<std::int8_t> entry;  ///< s[t] of spec section 2: +1, -1 or 0 (conflict or nothing)
    std::vector<std::uint8_t> exits; ///< kLongExitFlag | kShortExitFlag
};

/// The read-only input every strategy expanded from one base shares (spec sections 2 and 11): bars present for
/// every symbol (common timestamps) inside the range, with the signals of each symbol's full series.
class BacktestData
{
public:
    /// Aligns the symbols on their common timestamps inside `range`. Fails when a signal column's length differs
    /// from its series, the symbols' timeframes differ, a symbol repeats, or no bar remains.
    static common::Result<BacktestData> build(std::span<const SymbolInput> symbols, TimeRange range = {});

    std::size_t bars() const { return m_timestampMs.size(); }
    std::size_t symbolCount() const { return m_tracks.size(); }
    const SymbolTrack& track(std::size_t symbol) const { return m_tracks[symbol]; }
    std::span<const std::int64_t> timestampMs() const { return m_timestampMs; }
    double barsPerYear() const { return m_barsPerYear; }
    /// 1 where any symbol has an entry or exit signal at that bar (Phases A and B of the next bar have work).
    std::span<const std::uint8_t> signalBars() const { return m_signalBars; }

private:
    std::vector<std::int64_t> m_timestampMs;
    std::vector<SymbolTrack> m_tracks;
    std::vector<std::uint8_t> m_signalBars;
    double m_barsPerYear = 0.0;
};

} // namespace sixbtc::backtest
