// SPDX-License-Identifier: MIT
// Rolling extremes with a monotonic queue (exact, O(1) amortised per bar), stochastics and rate of change.
#include "strategy/indicators/ranges.h"

#include <cmath>
#include <vector>

#include "common/require.h"
#include "strategy/indicators/movingaverages.h"

namespace sixbtc::strategy::indicators {

namespace {

// Rolling max (greater = true) or min of x over n bars; the queue holds indices of candidate extremes.
void rollingExtreme(std::span<const double> x, std::int64_t n, bool greater, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    const std::size_t period = static_cast<std::size_t>(n);
    std::vector<std::size_t> queue(x.size());
    std::size_t head = 0;
    std::size_t tail = 0;
    std::size_t definedSince = 0; // first bar after the latest none
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) {
            head = tail = 0;
            definedSince = i + 1;
            out[i] = none;
            continue;
        }
        while (tail > head && (greater ? x[queue[tail - 1]] <= x[i] : x[queue[tail - 1]] >= x[i]))
            --tail;
        queue[tail++] = i;
        if (queue[head] + period <= i)
            ++head;
        out[i] = i + 1 >= definedSince + period ? x[queue[head]] : none;
    }
}

} // namespace

void highest(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    rollingExtreme(x, n, true, out);
}

void lowest(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    rollingExtreme(x, n, false, out);
}

void stochK(const PriceColumns& prices, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(out.size() == prices.close.size());
    std::vector<double> high(out.size());
    highest(prices.high, n, high);
    lowest(prices.low, n, out);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double range = high[i] - out[i];
        out[i] = range == 0.0 ? none : 100.0 * (prices.close[i] - out[i]) / range;
    }
}

void stochD(const PriceColumns& prices, std::int64_t n, std::int64_t d, std::span<double> out)
{
    std::vector<double> k(out.size());
    stochK(prices, n, k);
    sma(k, d, out);
}

void roc(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    const std::size_t period = static_cast<std::size_t>(n);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (i < period || x[i - period] == 0.0)
            out[i] = none;
        else
            out[i] = x[i] / x[i - period] - 1.0;
    }
}

} // namespace sixbtc::strategy::indicators
