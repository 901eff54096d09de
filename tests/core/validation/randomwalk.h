// SPDX-License-Identifier: MIT
// Seeded Gaussian random walks of log closes turned into candles: the noise and edge markets of the overfitting tests.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "common/candleseries.h"
#include "common/timeframe.h"

namespace sixbtc::validation::testing {

/// Standard normal draws by the Box-Muller transform on std::mt19937_64 (portable, unlike
/// std::normal_distribution): each pair of engine outputs u1, u2 (53-bit uniforms, u1 in (0, 1]) gives
/// z0 = sqrt(-2 ln u1) cos(2 pi u2), returned first, then z1 = sqrt(-2 ln u1) sin(2 pi u2).
class GaussianSource
{
public:
    explicit GaussianSource(std::uint64_t seed);
    double next();

private:
    std::mt19937_64 m_engine;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

/// The walk: x[-1] = ln(startPrice), x[t] = x[t-1] + sigma * z[t] (+ jump when the long signal fired at bar t-1),
/// z[t] the t-th draw of GaussianSource(seed).
struct WalkSpec
{
    std::uint64_t seed;
    std::size_t bars;
    double sigma;      ///< per bar, e.g. 0.002
    double startPrice; ///< the open of bar 0
};

/// Called once per bar in ascending order with the closes of bars 0..t; returns whether the long entry fires at t.
using LongSignal = std::function<bool(std::span<const double> closes)>;

/// Log closes of the plain walk.
std::vector<double> gaussianLogCloses(const WalkSpec& spec);

/// Log closes of the walk with a permanent +`jump` in the log close of the bar after each bar where `longSignal`
/// fires (the series is built bar by bar, so the signal sees the jumps before it). `signalBars` receives the bars
/// where it fired.
std::vector<double> jumpLogCloses(const WalkSpec& spec, double jump, const LongSignal& longSignal,
                                  std::vector<std::size_t>* signalBars = nullptr);

/// Candles of log closes: close[t] = exp(x[t]), open[t] = close[t-1] (open[0] = startPrice), high = max(open, close),
/// low = min(open, close), volume 1, open time t * timeframe length from 0.
common::CandleSeries candlesFromLogCloses(const std::string& symbol, common::Timeframe timeframe, double startPrice,
                                          std::span<const double> logCloses);

/// The incremental long entry `rsi(close, p)[1] < level and rsi(close, p) >= level` with the spec's Wilder RSI
/// (section 10: seeded by the plain mean of the first p gains and losses, defined from bar p), as a LongSignal.
/// \warning call it on every bar in order (closes of bars 0..t for t = 0, 1, ...).
class RsiCrossUp
{
public:
    RsiCrossUp(int period, double level);
    bool operator()(std::span<const double> closes);

private:
    int m_period;
    double m_level;
    std::size_t m_seen = 0; ///< bars seen so far
    double m_avgGain = 0.0;
    double m_avgLoss = 0.0;
    double m_previousRsi = 0.0;
};

} // namespace sixbtc::validation::testing
