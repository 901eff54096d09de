// SPDX-License-Identifier: MIT
// The Deflated Sharpe Ratio (Bailey & Lopez de Prado 2014) and the normal distribution functions it needs.
#pragma once

#include <cstdint>

#include "validation/returnstats.h"

namespace sixbtc::validation {

/// The Euler-Mascheroni constant gamma.
inline constexpr double kEulerGamma = 0.57721566490153286061;

/// Z(x), the standard normal cumulative distribution, 0.5 * erfc(-x / sqrt 2).
double normalCdf(double x);

/// Z^-1(p), the standard normal quantile: Acklam's rational approximation refined by one Halley step on erfc,
/// accurate to about 1e-15 relative. \warning 0 < p < 1.
double normalQuantile(double p);

/// SR0, the expected maximum of `trials` = N per-bar Sharpe ratios drawn with variance `variance` = V when the
/// true Sharpe is 0: sqrt(V) * ((1 - gamma) * Z^-1(1 - 1/N) + gamma * Z^-1(1 - 1/(N e))). N = 1 gives 0 (one trial
/// needs no deflation) and V = 0 gives 0. \warning trials >= 1, variance >= 0.
double expectedMaxSharpe(std::int64_t trials, double variance);

/// PSR(SR0) = Z((SR - SR0) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurt - 1) / 4 * SR^2)), the probability that the
/// true per-bar Sharpe exceeds `benchmark` given the observed per-bar `sharpe`, T = `observations` returns and their
/// skewness and non-excess kurtosis. Edge cases: T < 2 gives 0 (no evidence); a denominator <= 0 (only a two-point
/// distribution reaches 0) means no estimation error, giving 1 when SR > SR0, 0 when SR < SR0 and 0.5 when equal.
double probabilisticSharpe(double sharpe, double benchmark, std::int64_t observations, double skewness,
                           double kurtosis);

/// DSR = PSR(SR0) with SR0 = expectedMaxSharpe(trials, trialVariance): `moments` are the strategy's per-bar return
/// moments, `trials` the number of trials actually run for its base and `trialVariance` the variance across those
/// trials of their per-bar Sharpe. \warning trials >= 1, trialVariance >= 0.
double deflatedSharpe(const ReturnMoments& moments, std::int64_t trials, double trialVariance);

} // namespace sixbtc::validation
