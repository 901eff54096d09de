// SPDX-License-Identifier: MIT
// Daily returns and their correlation: day-end equities, then a two-pass Pearson over the common days.
#include "pool/dailyreturns.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "common/utctime.h"

namespace sixbtc::pool {
namespace {

/// Shortest round-trip text of a double, independent of the C locale.
std::string numberText(double value)
{
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

std::string sampleText(std::size_t index, const EquitySample& sample)
{
    return "sample " + std::to_string(index) + " (" + common::formatUtcMinute(sample.timeMs) + " UTC)";
}

struct DayEnd
{
    std::int64_t day;
    double equity;
    std::size_t index; ///< index of the sample that closed the day, for messages
};

} // namespace

std::int64_t utcDay(std::int64_t timeMs)
{
    const std::int64_t quotient = timeMs / kMsPerDay;
    return (timeMs % kMsPerDay < 0) ? quotient - 1 : quotient;
}

common::Result<DailyReturns> dailyReturns(std::span<const EquitySample> curve)
{
    std::vector<DayEnd> dayEnds;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        const EquitySample& sample = curve[i];
        if (i > 0 && sample.timeMs < curve[i - 1].timeMs)
            return common::fail(common::ErrorCode::Data, "equity curve: " + sampleText(i, sample) +
                                                             " is earlier than " + sampleText(i - 1, curve[i - 1]));
        if (!std::isfinite(sample.equity))
            return common::fail(common::ErrorCode::Data,
                                "equity curve: " + sampleText(i, sample) + " has a non-finite equity");
        const std::int64_t day = utcDay(sample.timeMs);
        if (!dayEnds.empty() && dayEnds.back().day == day)
            dayEnds.back() = DayEnd{day, sample.equity, i};
        else
            dayEnds.push_back(DayEnd{day, sample.equity, i});
    }

    DailyReturns returns;
    for (std::size_t k = 0; k < dayEnds.size(); ++k) {
        const DayEnd& end = dayEnds[k];
        // Each day-end equity is the base of the next return, and an account at or below zero has no meaningful
        // returns, so every day-end must be positive (the last one included).
        if (!(end.equity > 0.0))
            return common::fail(common::ErrorCode::Data, "equity curve: the day closes at " + numberText(end.equity) +
                                                             " at " + sampleText(end.index, curve[end.index]) +
                                                             "; daily returns need a positive equity");
        if (k > 0)
            returns.emplace_hint(returns.end(), end.day, end.equity / dayEnds[k - 1].equity - 1.0);
    }
    return returns;
}

Correlation correlation(const DailyReturns& a, const DailyReturns& b)
{
    std::vector<double> x;
    std::vector<double> y;
    auto ia = a.begin();
    auto ib = b.begin();
    while (ia != a.end() && ib != b.end()) {
        if (ia->first < ib->first) {
            ++ia;
        } else if (ib->first < ia->first) {
            ++ib;
        } else {
            x.push_back(ia->second);
            y.push_back(ib->second);
            ++ia;
            ++ib;
        }
    }

    Correlation result{std::nullopt, x.size()};
    if (x.size() < kMinCorrelationDays)
        return result;
    // Zero variance is decided on the values themselves: the mean of equal values need not round back to that value,
    // which would leave tiny non-zero deviations and a meaningless quotient.
    const auto [xMin, xMax] = std::minmax_element(x.begin(), x.end());
    const auto [yMin, yMax] = std::minmax_element(y.begin(), y.end());
    if (*xMin == *xMax || *yMin == *yMax)
        return result;

    const double n = static_cast<double>(x.size());
    double sumX = 0.0;
    double sumY = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sumX += x[i];
        sumY += y[i];
    }
    const double meanX = sumX / n;
    const double meanY = sumY / n;
    double sxx = 0.0;
    double syy = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double dx = x[i] - meanX;
        const double dy = y[i] - meanY;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    // Separate roots avoid under- or overflow of sxx * syy; rounding can push a perfect (anti-)correlation a hair
    // past +-1.
    result.value = std::clamp(sxy / (std::sqrt(sxx) * std::sqrt(syy)), -1.0, 1.0);
    return result;
}

} // namespace sixbtc::pool
