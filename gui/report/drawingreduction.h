// SPDX-License-Identifier: MIT
// ChartPoint and the per-pixel-column reduction of a long curve, for drawing only.
#pragma once

#include <cstdint>
#include <vector>

namespace sixbtc::gui::report {

/// One point of a time series: UTC milliseconds and a value.
struct ChartPoint
{
    std::int64_t timeMs = 0;
    double value = 0.0;

    bool operator==(const ChartPoint&) const = default;
};

/// The points to draw of a curve sorted by time on a plot `columns` pixels wide: the curve itself when it has at
/// most 2 x `columns` points, else its first and last point and, per pixel column (equal time slices of the curve's
/// span), the column's lowest and highest point in time order, so that every peak and the deepest trough stay
/// visible. Never use the result for figures.
/// \warning `columns` must be positive and `points` sorted by time.
std::vector<ChartPoint> reduceForDrawing(const std::vector<ChartPoint>& points, int columns);

} // namespace sixbtc::gui::report
