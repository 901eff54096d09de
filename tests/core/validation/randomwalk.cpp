// SPDX-License-Identifier: MIT
// Gaussian random walks, their candles and the incremental RSI crossing that plants the edge.
#include "randomwalk.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "common/require.h"

namespace sixbtc::validation::testing {

namespace {

/// A uniform in (0, 1] from the top 53 bits of one engine output.
double unitOpenClosed(std::mt19937_64& engine)
{
    return (static_cast<double>(engine() >> 11) + 1.0) * 0x1.0p-53;
}

double rsiValue(double avgGain, double avgLoss)
{
    return avgGain + avgLoss == 0.0 ? 50.0 : 100.0 * avgGain / (avgGain + avgLoss);
}

} // namespace

GaussianSource::GaussianSource(std::uint64_t seed)
    : m_engine(seed)
{
}

double GaussianSource::next()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    const double u1 = unitOpenClosed(m_engine);
    const double u2 = unitOpenClosed(m_engine);
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spare = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

std::vector<double> gaussianLogCloses(const WalkSpec& spec)
{
    return jumpLogCloses(spec, 0.0, [](std::span<const double>) { return false; });
}

std::vector<double> jumpLogCloses(const WalkSpec& spec, double jump, const LongSignal& longSignal,
                                  std::vector<std::size_t>* signalBars)
{
    GaussianSource gauss(spec.seed);
    std::vector<double> logCloses;
    std::vector<double> closes;
    logCloses.reserve(spec.bars);
    closes.reserve(spec.bars);
    double x = std::log(spec.startPrice);
    bool fired = false;
    for (std::size_t t = 0; t < spec.bars; ++t) {
        x = x + spec.sigma * gauss.next() + (fired ? jump : 0.0);
        logCloses.push_back(x);
        closes.push_back(std::exp(x));
        fired = longSignal(closes);
        if (fired && signalBars != nullptr)
            signalBars->push_back(t);
    }
    return logCloses;
}

common::CandleSeries candlesFromLogCloses(const std::string& symbol, common::Timeframe timeframe, double startPrice,
                                          std::span<const double> logCloses)
{
    common::CandleSeries series(symbol, timeframe);
    series.reserve(logCloses.size());
    double open = startPrice;
    for (std::size_t t = 0; t < logCloses.size(); ++t) {
        const double close = std::exp(logCloses[t]);
        series.append(static_cast<std::int64_t>(t) * timeframe.durationMs(), open, std::max(open, close),
                      std::min(open, close), close, 1.0);
        open = close;
    }
    return series;
}

RsiCrossUp::RsiCrossUp(int period, double level)
    : m_period(period)
    , m_level(level)
{
}

bool RsiCrossUp::operator()(std::span<const double> closes)
{
    SIXBTC_REQUIRE(closes.size() == m_seen + 1);
    m_seen = closes.size();
    const std::size_t t = closes.size() - 1;
    const auto p = static_cast<std::size_t>(m_period);
    if (t == 0)
        return false;
    const double delta = closes[t] - closes[t - 1];
    const double gain = delta > 0.0 ? delta : 0.0;
    const double loss = delta < 0.0 ? -delta : 0.0;
    if (t < p) {
        m_avgGain = m_avgGain + gain;
        m_avgLoss = m_avgLoss + loss;
        return false;
    }
    if (t == p) {
        m_avgGain = (m_avgGain + gain) / static_cast<double>(m_period);
        m_avgLoss = (m_avgLoss + loss) / static_cast<double>(m_period);
        m_previousRsi = rsiValue(m_avgGain, m_avgLoss);
        return false;
    }
    m_avgGain = (m_avgGain * static_cast<double>(m_period - 1) + gain) / static_cast<double>(m_period);
    m_avgLoss = (m_avgLoss * static_cast<double>(m_period - 1) + loss) / static_cast<double>(m_period);
    const double rsi = rsiValue(m_avgGain, m_avgLoss);
    const bool cross = m_previousRsi < m_level && rsi >= m_level;
    m_previousRsi = rsi;
    return cross;
}

} // namespace sixbtc::validation::testing
