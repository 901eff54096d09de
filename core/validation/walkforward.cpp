// SPDX-License-Identifier: MIT
// Walk-forward: windows over the training bars, the in-sample choice by score, out-of-sample measurement.
#include "validation/walkforward.h"

#include <cmath>

#include "common/require.h"
#include "validation/unifiedscore.h"
#include "validation/utctext.h"

namespace sixbtc::validation {

namespace {

common::Result<backtest::BacktestData> buildPart(std::span<const backtest::SymbolInput> symbols,
                                                 backtest::TimeRange range, const std::string& what)
{
    auto data = backtest::BacktestData::build(symbols, range);
    if (!data)
        return common::fail(data.error().code,
                            what + " (" + utcMinuteText(range.fromMs) + " .. " + utcMinuteText(range.toMs) +
                                "): " + data.error().message,
                            data.error().details);
    return data;
}

common::Result<std::vector<backtest::Metrics>> runPart(const backtest::BacktestData& data,
                                                       const backtest::EngineSettings& engineSettings,
                                                       std::span<const backtest::StrategyParams> params,
                                                       const WalkForwardOptions& options)
{
    return backtest::runBatch(data, engineSettings, params,
                              backtest::BatchOptions{options.threads, {}, options.cancel});
}

/// The highest score; ties go to the lowest grid index (strict comparison while scanning upwards).
std::pair<std::size_t, double> bestByScore(std::span<const backtest::Metrics> metrics, const ScoreFunction& score)
{
    std::size_t best = 0;
    double bestScore = score(metrics[0]);
    SIXBTC_REQUIRE(std::isfinite(bestScore));
    for (std::size_t i = 1; i < metrics.size(); ++i) {
        const double s = score(metrics[i]);
        SIXBTC_REQUIRE(std::isfinite(s));
        if (s > bestScore) {
            best = i;
            bestScore = s;
        }
    }
    return {best, bestScore};
}

/// The shared procedure: with `score` the grid point is chosen per window, without it grid holds the one fixed
/// strategy.
common::Result<WalkForwardResult>
runWindows(std::span<const backtest::SymbolInput> symbols, backtest::TimeRange training,
           const backtest::EngineSettings& engineSettings, std::span<const backtest::StrategyParams> grid,
           const ScoreFunction* score, const config::WalkForwardSettings& settings, const WalkForwardOptions& options)
{
    SIXBTC_REQUIRE(!grid.empty());
    auto trainingData = buildPart(symbols, training, "walk-forward training range");
    if (!trainingData)
        return tl::unexpected(trainingData.error());
    auto ranges = walkForwardRanges(trainingData->timestampMs(), training.toMs, settings);
    if (!ranges)
        return tl::unexpected(ranges.error());

    std::vector<WalkForwardWindow> windows;
    for (std::size_t w = 0; w < ranges->size(); ++w) {
        const WalkForwardRanges& r = (*ranges)[w];
        const std::string name = "walk-forward window " + std::to_string(w + 1);
        auto inSampleData = buildPart(symbols, r.inSample, name + " in-sample");
        if (!inSampleData)
            return tl::unexpected(inSampleData.error());
        auto inSample = runPart(*inSampleData, engineSettings, grid, options);
        if (!inSample)
            return tl::unexpected(inSample.error());

        WalkForwardWindow window;
        window.index = w;
        window.ranges = r;
        std::size_t chosen = 0;
        if (score) {
            const auto [best, bestScore] = bestByScore(*inSample, *score);
            chosen = best;
            window.gridIndex = best;
            window.inSampleScore = bestScore;
        }
        window.params = grid[chosen];
        window.inSample = (*inSample)[chosen];

        auto outOfSampleData = buildPart(symbols, r.outOfSample, name + " out-of-sample");
        if (!outOfSampleData)
            return tl::unexpected(outOfSampleData.error());
        auto outOfSample = runPart(*outOfSampleData, engineSettings, std::span(&window.params, 1), options);
        if (!outOfSample)
            return tl::unexpected(outOfSample.error());
        window.outOfSample = (*outOfSample)[0];
        window.edge = window.outOfSample.expectancy > 0.0 && window.outOfSample.sharpe > 0.0;
        windows.push_back(window);
    }
    return summarizeWalkForward(std::move(windows), settings);
}

} // namespace

ScoreFunction unifiedScoreFunction(const config::ScoringSettings& settings, common::Timeframe timeframe)
{
    return
        [settings, timeframe](const backtest::Metrics& metrics) { return unifiedScore(metrics, settings, timeframe); };
}

common::Result<std::vector<WalkForwardRanges>> walkForwardRanges(std::span<const std::int64_t> timestampMs,
                                                                 std::int64_t trainingEndMs,
                                                                 const config::WalkForwardSettings& settings)
{
    SIXBTC_REQUIRE(settings.windows >= 1);
    const std::size_t n = timestampMs.size();
    const auto count = static_cast<std::size_t>(settings.windows);
    std::vector<WalkForwardRanges> ranges;
    for (std::size_t w = 0; w < count; ++w) {
        const std::size_t first = n * w / count;
        const std::size_t end = n * (w + 1) / count;
        const std::size_t bars = end - first;
        const auto inSampleBars = static_cast<std::size_t>(static_cast<double>(bars) * settings.inSampleFraction);
        if (inSampleBars < 2 || bars - inSampleBars < 2)
            return common::fail(
                common::ErrorCode::Input,
                "walk-forward window " + std::to_string(w + 1) + " of " + std::to_string(count) +
                    " (validation.walk_forward.windows) has " + std::to_string(bars) + " bars: in-sample " +
                    std::to_string(inSampleBars) + ", out-of-sample " + std::to_string(bars - inSampleBars) +
                    " (validation.walk_forward.in_sample_fraction = " + figureText(settings.inSampleFraction) +
                    "); each part needs at least 2 bars, the training range has " + std::to_string(n));
        const std::size_t split = first + inSampleBars;
        const std::int64_t endMs = end < n ? timestampMs[end] : trainingEndMs;
        ranges.push_back(WalkForwardRanges{{timestampMs[first], timestampMs[split]}, {timestampMs[split], endMs}});
    }
    return ranges;
}

WalkForwardResult summarizeWalkForward(std::vector<WalkForwardWindow> windows,
                                       const config::WalkForwardSettings& settings)
{
    WalkForwardResult result;
    result.windows = std::move(windows);
    double sum = 0.0;
    for (const WalkForwardWindow& w : result.windows) {
        result.edgeWindows += w.edge ? 1 : 0;
        sum += w.outOfSample.sharpe;
    }
    const auto count = static_cast<double>(result.windows.size());
    const double mean = count > 0.0 ? sum / count : 0.0;
    double squares = 0.0;
    for (const WalkForwardWindow& w : result.windows)
        squares += (w.outOfSample.sharpe - mean) * (w.outOfSample.sharpe - mean);
    result.sharpeDispersion = count > 0.0 ? std::sqrt(squares / count) : 0.0;

    std::vector<std::string> failures;
    if (result.edgeWindows < settings.minWindowsWithEdge)
        failures.push_back("the edge held in " + std::to_string(result.edgeWindows) + " of " +
                           std::to_string(result.windows.size()) +
                           " windows, fewer than validation.walk_forward.min_windows_with_edge = " +
                           std::to_string(settings.minWindowsWithEdge));
    if (!(result.sharpeDispersion <= settings.maxSharpeDispersion))
        failures.push_back(
            "the out-of-sample Sharpe dispersion " + figureText(result.sharpeDispersion) +
            " exceeds validation.walk_forward.max_sharpe_dispersion = " + figureText(settings.maxSharpeDispersion));
    result.stable = failures.empty();
    for (std::size_t i = 0; i < failures.size(); ++i)
        result.reason += (i == 0 ? "" : "; ") + failures[i];
    return result;
}

common::Result<WalkForwardResult>
runWalkForward(std::span<const backtest::SymbolInput> symbols, backtest::TimeRange training,
               const backtest::EngineSettings& engineSettings, std::span<const backtest::StrategyParams> grid,
               const ScoreFunction& score, const config::WalkForwardSettings& settings,
               const WalkForwardOptions& options)
{
    return runWindows(symbols, training, engineSettings, grid, &score, settings, options);
}

common::Result<WalkForwardResult>
runFixedWalkForward(std::span<const backtest::SymbolInput> symbols, backtest::TimeRange training,
                    const backtest::EngineSettings& engineSettings, const backtest::StrategyParams& params,
                    const config::WalkForwardSettings& settings, const WalkForwardOptions& options)
{
    return runWindows(symbols, training, engineSettings, std::span(&params, 1), nullptr, settings, options);
}

} // namespace sixbtc::validation
