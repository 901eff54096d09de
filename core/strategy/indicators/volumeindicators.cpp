// SPDX-License-Identifier: MIT
// On-balance volume and rolling VWAP (recomputed from its window at every bar).
#include "strategy/indicators/volumeindicators.h"

#include <vector>

#include "common/require.h"

namespace sixbtc::strategy::indicators {

void obv(const PriceColumns& prices, std::span<double> out)
{
    SIXBTC_REQUIRE(out.size() == prices.close.size());
    double total = 0.0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i > 0) {
            if (prices.close[i] > prices.close[i - 1])
                total += prices.volume[i];
            else if (prices.close[i] < prices.close[i - 1])
                total -= prices.volume[i];
        }
        out[i] = total;
    }
}

void vwap(const PriceColumns& prices, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == prices.close.size());
    const std::size_t period = static_cast<std::size_t>(n);
    std::vector<double> tp(out.size());
    typicalPrice(prices, tp);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i + 1 < period) {
            out[i] = none;
            continue;
        }
        double weighted = 0.0;
        double volume = 0.0;
        for (std::size_t j = i + 1 - period; j <= i; ++j) {
            weighted += tp[j] * prices.volume[j];
            volume += prices.volume[j];
        }
        out[i] = volume == 0.0 ? none : weighted / volume;
    }
}

} // namespace sixbtc::strategy::indicators
