// SPDX-License-Identifier: MIT
// Small hand-checked candle series and comparison helpers for the indicator tests.
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include <QtTest>

#include "strategy/indicators/series.h"

namespace sixbtc::strategy::test {

inline constexpr double N = std::numeric_limits<double>::quiet_NaN();

/// Five bars whose true ranges, directional moves and typical prices are worked out by hand in the tests.
struct FiveBars
{
    std::vector<double> open{9.0, 9.5, 10.5, 11.0, 9.9};
    std::vector<double> high{10.0, 11.0, 12.0, 11.5, 10.0};
    std::vector<double> low{8.0, 9.0, 10.5, 9.0, 9.8};
    std::vector<double> close{9.0, 10.0, 11.0, 9.5, 9.9};
    std::vector<double> volume{100.0, 200.0, 300.0, 400.0, 500.0};

    indicators::PriceColumns columns() const { return {open, high, low, close, volume}; }
};

/// Compares two series element by element: both none, or equal within `tolerance` relative.
inline bool sameSeries(const std::vector<double>& actual, const std::vector<double>& expected, double tolerance,
                       QString* why)
{
    if (actual.size() != expected.size()) {
        *why = QStringLiteral("size %1 != %2").arg(actual.size()).arg(expected.size());
        return false;
    }
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const double a = actual[i];
        const double e = expected[i];
        const bool ok = (std::isnan(a) && std::isnan(e)) ||
                        (!std::isnan(a) && !std::isnan(e) && std::fabs(a - e) <= tolerance * std::max(1.0, std::fabs(e)));
        if (!ok) {
            *why = QStringLiteral("bar %1: %2 != expected %3").arg(i).arg(a, 0, 'g', 17).arg(e, 0, 'g', 17);
            return false;
        }
    }
    return true;
}

} // namespace sixbtc::strategy::test

#define SIXBTC_COMPARE_SERIES(actual, expected)                                                                 \
    do {                                                                                                      \
        QString why_;                                                                                         \
        QVERIFY2(::sixbtc::strategy::test::sameSeries((actual), (expected), 1e-12, &why_), qPrintable(why_)); \
    } while (false)
