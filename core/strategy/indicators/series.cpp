// SPDX-License-Identifier: MIT
// Helpers shared by the indicators.
#include "strategy/indicators/series.h"

#include <cmath>

#include "common/require.h"

namespace sixbtc::strategy::indicators {

std::size_t firstDefined(std::span<const double> x)
{
    std::size_t i = 0;
    while (i < x.size() && std::isnan(x[i]))
        ++i;
    return i;
}

void equalRunLengths(std::span<const double> x, std::span<std::int64_t> out)
{
    SIXBTC_REQUIRE(out.size() == x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]))
            out[i] = 0;
        else
            out[i] = (i > 0 && x[i] == x[i - 1]) ? out[i - 1] + 1 : 1;
    }
}

void typicalPrice(const PriceColumns& prices, std::span<double> out)
{
    SIXBTC_REQUIRE(out.size() == prices.close.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = (prices.high[i] + prices.low[i] + prices.close[i]) / 3.0;
}

} // namespace sixbtc::strategy::indicators
