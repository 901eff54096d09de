// SPDX-License-Identifier: MIT
// Per-pixel-column min/max reduction of a curve for drawing.
#include "report/drawingreduction.h"

#include <algorithm>
#include <cstddef>

#include "common/require.h"

namespace sixbtc::gui::report {

std::vector<ChartPoint> reduceForDrawing(const std::vector<ChartPoint>& points, int columns)
{
    SIXBTC_REQUIRE(columns > 0);
    const auto width = static_cast<std::size_t>(columns);
    if (points.size() <= 2 * width)
        return points;
    const std::int64_t first = points.front().timeMs;
    const double span = static_cast<double>(points.back().timeMs - first);

    // The column of a point: its time's share of the span, the last point in the last column.
    const auto columnOf = [&](std::size_t i) {
        const double share = span > 0.0 ? static_cast<double>(points[i].timeMs - first) / span : 0.0;
        return std::min(width - 1, static_cast<std::size_t>(share * static_cast<double>(width)));
    };
    // The first and the last point stay, so the drawn curve spans the same time and ends at the same value.
    std::vector<ChartPoint> reduced{points.front()};
    reduced.reserve(2 * width + 2);
    std::size_t lastKept = 0;
    std::size_t begin = 0;
    while (begin < points.size()) {
        const std::size_t column = columnOf(begin);
        std::size_t end = begin + 1;
        while (end < points.size() && columnOf(end) == column)
            ++end;
        std::size_t low = begin;
        std::size_t high = begin;
        for (std::size_t i = begin + 1; i < end; ++i) {
            if (points[i].value < points[low].value)
                low = i;
            if (points[i].value > points[high].value)
                high = i;
        }
        const std::size_t earlier = std::min(low, high);
        const std::size_t later = std::max(low, high);
        if (earlier != 0)
            reduced.push_back(points[earlier]);
        if (later != earlier)
            reduced.push_back(points[later]);
        lastKept = later;
        begin = end;
    }
    if (lastKept != points.size() - 1)
        reduced.push_back(points.back());
    return reduced;
}

} // namespace sixbtc::gui::report
