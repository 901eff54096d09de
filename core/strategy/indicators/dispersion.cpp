// SPDX-License-Identifier: MIT
// Standard deviation, z-score, Bollinger bands and CCI, each recomputed from its window at every bar.
#include "strategy/indicators/dispersion.h"

#include <cmath>
#include <vector>

#include "common/require.h"
#include "strategy/indicators/movingaverages.h"

namespace sixbtc::strategy::indicators {

namespace {

// Mean and population deviation measure of x[i-n+1..i]; `absolute` selects mean |d| instead of sqrt(mean d^2).
double windowDeviation(std::span<const double> x, std::size_t i, std::size_t period, double mean, bool absolute)
{
    double sum = 0.0;
    for (std::size_t j = i + 1 - period; j <= i; ++j) {
        const double d = x[j] - mean;
        sum += absolute ? std::fabs(d) : d * d;
    }
    const double average = sum / static_cast<double>(period);
    return absolute ? average : std::sqrt(average);
}

// Deviation of every bar's window around its sma; exactly 0 when the whole window holds one value.
void deviations(std::span<const double> x, std::int64_t n, bool absolute, std::span<const double> means,
                std::span<double> out)
{
    const std::size_t period = static_cast<std::size_t>(n);
    std::vector<std::int64_t> runs(x.size());
    equalRunLengths(x, runs);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(means[i]))
            out[i] = none;
        else if (runs[i] >= n)
            out[i] = 0.0;
        else
            out[i] = windowDeviation(x, i, period, means[i], absolute);
    }
}

} // namespace

void stdev(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    std::vector<double> means(x.size());
    sma(x, n, means);
    deviations(x, n, false, means, out);
}

void zscore(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    std::vector<double> means(x.size());
    sma(x, n, means);
    deviations(x, n, false, means, out);
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = out[i] == 0.0 ? none : (x[i] - means[i]) / out[i];
}

void bollinger(std::span<const double> x, std::int64_t n, double k, bool upper, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    std::vector<double> means(x.size());
    sma(x, n, means);
    deviations(x, n, false, means, out);
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = upper ? means[i] + k * out[i] : means[i] - k * out[i];
}

void cci(const PriceColumns& prices, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == prices.close.size());
    std::vector<double> tp(out.size());
    typicalPrice(prices, tp);
    std::vector<double> means(out.size());
    sma(tp, n, means);
    deviations(tp, n, true, means, out);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = out[i] == 0.0 ? none : (tp[i] - means[i]) / (0.015 * out[i]);
}

} // namespace sixbtc::strategy::indicators
