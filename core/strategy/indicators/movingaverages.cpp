// SPDX-License-Identifier: MIT
// Moving averages and MACD. Windowed sums are recomputed from their window at every bar, so a value depends only
// on the bars of its window (not on where the data starts) and a none inside the window makes the value none.
#include "strategy/indicators/movingaverages.h"

#include <vector>

#include "common/require.h"
#include "strategy/indicators/series.h"

namespace sixbtc::strategy::indicators {

void sma(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    const std::size_t period = static_cast<std::size_t>(n);
    const std::size_t first = firstDefined(x) + period - 1;
    const double divisor = static_cast<double>(n);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (i < first) {
            out[i] = none;
            continue;
        }
        double sum = 0.0;
        for (std::size_t j = i + 1 - period; j <= i; ++j)
            sum += x[j];
        out[i] = sum / divisor;
    }
}

void wma(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    const std::size_t period = static_cast<std::size_t>(n);
    const std::size_t first = firstDefined(x) + period - 1;
    const double divisor = static_cast<double>(n) * static_cast<double>(n + 1) / 2.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (i < first) {
            out[i] = none;
            continue;
        }
        double sum = 0.0;
        double weight = 1.0;
        for (std::size_t j = i + 1 - period; j <= i; ++j) {
            sum += weight * x[j];
            weight += 1.0;
        }
        out[i] = sum / divisor;
    }
}

void ema(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    const std::size_t start = firstDefined(x);
    const std::size_t first = start + static_cast<std::size_t>(n) - 1;
    // spec §10: a = 2.0/(period+1.0), b = 1.0 - a, ema[i] = a*x[i] + b*ema[i-1].
    const double a = 2.0 / (static_cast<double>(n) + 1.0);
    const double b = 1.0 - a;
    double e = start < x.size() ? x[start] : none;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (i > start)
            e = a * x[i] + b * e;
        out[i] = i < first ? none : e;
    }
}

void macdLine(std::span<const double> x, std::int64_t fast, std::int64_t slow, std::span<double> out)
{
    SIXBTC_REQUIRE(out.size() == x.size());
    std::vector<double> slowEma(x.size());
    ema(x, fast, out);
    ema(x, slow, slowEma);
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = out[i] - slowEma[i];
}

void macdSignal(std::span<const double> x, std::int64_t fast, std::int64_t slow, std::int64_t signal,
                std::span<double> out)
{
    std::vector<double> line(x.size());
    macdLine(x, fast, slow, line);
    ema(line, signal, out);
}

void macdHist(std::span<const double> x, std::int64_t fast, std::int64_t slow, std::int64_t signal,
              std::span<double> out)
{
    std::vector<double> line(x.size());
    macdLine(x, fast, slow, line);
    ema(line, signal, out);
    for (std::size_t i = 0; i < x.size(); ++i)
        out[i] = line[i] - out[i];
}

} // namespace sixbtc::strategy::indicators
