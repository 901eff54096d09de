// SPDX-License-Identifier: MIT
// LaneEngine: the fast path for one-symbol bases, several strategies advanced bar by bar together.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "backtest/metrics.h"

namespace sixbtc::backtest {

/// Runs up to kLanes strategies of a single-symbol base in one pass over the bars: each bar's prices and signal
/// are read once for all of them, the mark-to-market and metric updates run as one vector operation across the
/// lanes, and only lanes with an event (signal, time exit, stop or target touched) take the scalar path. Same
/// formulas, same order as Engine, so its metrics are bit-identical to Engine's (tested); it keeps no trade list.
/// The Sharpe ratio's second pass replays the mark-to-market from a log of each lane's account changes instead of
/// storing n * kLanes returns, so the working set stays small. Not thread-safe: one LaneEngine per thread.
class LaneEngine
{
public:
    static constexpr std::size_t kLanes = 8;

    /// \warning `data` must have exactly one symbol and outlive the engine; `settings` must pass
    /// checkEngineSettings().
    LaneEngine(const BacktestData& data, const EngineSettings& settings);
    LaneEngine(const LaneEngine&) = delete;
    LaneEngine& operator=(const LaneEngine&) = delete;

    /// Runs 1..kLanes strategies (each passing checkStrategyParams()) and writes their metrics to `out`.
    void run(std::span<const StrategyParams> params, std::span<Metrics> out);

    /// A lane's cash, dir * qty and entry price from the mark of `bar` on (the replay input of the second pass).
    struct Change
    {
        std::int64_t bar;
        std::int64_t lane;
        double cash;
        double sq;
        double entry;
    };

private:
    const BacktestData& m_data;
    EngineSettings m_settings;
    std::vector<Change> m_changes; ///< kept between runs: no allocation once it has grown
};

} // namespace sixbtc::backtest
