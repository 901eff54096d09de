// SPDX-License-Identifier: MIT
// RSI, ATR and ADX with Wilder's smoothing, seeded with plain means as spec §10 fixes for RSI.
#include "strategy/indicators/wilder.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/require.h"

namespace sixbtc::strategy::indicators {

namespace {

// Wilder smoothing of v[from..]: the mean of v[from..from+n-1] at bar from+n-1, then (avg*(n-1) + v)/n.
void wilderSmooth(std::span<const double> v, std::size_t from, std::int64_t n, std::span<double> out)
{
    const double period = static_cast<double>(n);
    const double keep = period - 1.0;
    const std::size_t seedBar = from + static_cast<std::size_t>(n) - 1;
    double sum = 0.0;
    double avg = none;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i < from) {
            out[i] = none;
        } else if (i < seedBar) {
            sum += v[i];
            out[i] = none;
        } else if (i == seedBar) {
            sum += v[i];
            avg = sum / period;
            out[i] = avg;
        } else {
            avg = (avg * keep + v[i]) / period;
            out[i] = avg;
        }
    }
}

double trueRange(const PriceColumns& p, std::size_t i)
{
    const double range = p.high[i] - p.low[i];
    const double up = std::fabs(p.high[i] - p.close[i - 1]);
    const double down = std::fabs(p.low[i] - p.close[i - 1]);
    return std::max(range, std::max(up, down));
}

} // namespace

// Gains and losses are smoothed as they are computed (the same arithmetic as wilderSmooth, in the same order),
// so RSI needs no scratch columns.
void rsi(std::span<const double> x, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == x.size());
    const std::size_t start = firstDefined(x);
    const std::size_t seedBar = start + static_cast<std::size_t>(n);
    const double period = static_cast<double>(n);
    const double keep = period - 1.0;
    double gainSum = 0.0;
    double lossSum = 0.0;
    double avgGain = none;
    double avgLoss = none;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (i <= start) {
            out[i] = none;
            continue;
        }
        const double delta = x[i] - x[i - 1];
        const double gain = delta > 0.0 ? delta : (std::isnan(delta) ? none : 0.0);
        const double loss = delta < 0.0 ? -delta : (std::isnan(delta) ? none : 0.0);
        if (i <= seedBar) {
            gainSum += gain;
            lossSum += loss;
            if (i < seedBar) {
                out[i] = none;
                continue;
            }
            avgGain = gainSum / period;
            avgLoss = lossSum / period;
        } else {
            avgGain = (avgGain * keep + gain) / period;
            avgLoss = (avgLoss * keep + loss) / period;
        }
        const double total = avgGain + avgLoss;
        out[i] = total == 0.0 ? 50.0 : 100.0 * avgGain / total;
    }
}

// The true ranges are written into `out` and smoothed in place (wilderSmooth reads bar i before writing it).
void atr(const PriceColumns& prices, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == prices.close.size());
    if (out.empty())
        return;
    out[0] = none;
    for (std::size_t i = 1; i < out.size(); ++i)
        out[i] = trueRange(prices, i);
    wilderSmooth(out, 1, n, out);
}

void adx(const PriceColumns& p, std::int64_t n, std::span<double> out)
{
    SIXBTC_REQUIRE(n >= 1 && out.size() == p.close.size());
    const std::size_t size = out.size();
    std::vector<double> tr(size, none);
    std::vector<double> plusDm(size, none);
    std::vector<double> minusDm(size, none);
    for (std::size_t i = 1; i < size; ++i) {
        tr[i] = trueRange(p, i);
        const double up = p.high[i] - p.high[i - 1];
        const double down = p.low[i - 1] - p.low[i];
        plusDm[i] = (up > down && up > 0.0) ? up : 0.0;
        minusDm[i] = (down > up && down > 0.0) ? down : 0.0;
    }
    std::vector<double> smoothTr(size);
    std::vector<double> smoothPlus(size);
    std::vector<double> smoothMinus(size);
    wilderSmooth(tr, 1, n, smoothTr);
    wilderSmooth(plusDm, 1, n, smoothPlus);
    wilderSmooth(minusDm, 1, n, smoothMinus);
    std::vector<double> dx(size, none);
    for (std::size_t i = 0; i < size; ++i) {
        if (std::isnan(smoothTr[i]))
            continue;
        const double plusDi = smoothTr[i] == 0.0 ? 0.0 : 100.0 * smoothPlus[i] / smoothTr[i];
        const double minusDi = smoothTr[i] == 0.0 ? 0.0 : 100.0 * smoothMinus[i] / smoothTr[i];
        const double sum = plusDi + minusDi;
        dx[i] = sum == 0.0 ? 0.0 : 100.0 * std::fabs(plusDi - minusDi) / sum;
    }
    wilderSmooth(dx, static_cast<std::size_t>(n), n, out);
}

} // namespace sixbtc::strategy::indicators
