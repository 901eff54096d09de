// SPDX-License-Identifier: MIT
// Largest-Triangle-Three-Buckets and the visible-range cut.
#include "widgets/lttb.h"

#include <algorithm>
#include <cmath>

#include "common/require.h"

namespace sixbtc::gui {

std::vector<QPointF> lttb(std::span<const QPointF> points, std::size_t threshold)
{
    SIXBTC_REQUIRE(threshold >= 3);
    const std::size_t n = points.size();
    if (n <= threshold)
        return {points.begin(), points.end()};

    std::vector<QPointF> kept;
    kept.reserve(threshold);
    kept.push_back(points.front());
    // Bucket i (0-based) of the n - 2 inner points starts at floor(i * (n - 2) / (threshold - 2)) + 1, in integers
    // so that the last bucket ends exactly before the last point.
    const auto bucketStart = [&](std::size_t bucket) { return bucket * (n - 2) / (threshold - 2) + 1; };
    std::size_t previous = 0;
    for (std::size_t bucket = 0; bucket + 2 < threshold; ++bucket) {
        const std::size_t from = bucketStart(bucket);
        const std::size_t to = bucketStart(bucket + 1);
        // The mean of the next bucket; the last bucket's "next" is the last point.
        const std::size_t nextFrom = to;
        const std::size_t nextTo = bucket + 3 < threshold ? bucketStart(bucket + 2) : n;
        double meanX = 0.0;
        double meanY = 0.0;
        for (std::size_t j = nextFrom; j < nextTo; ++j) {
            meanX += points[j].x();
            meanY += points[j].y();
        }
        const double count = static_cast<double>(nextTo - nextFrom);
        meanX /= count;
        meanY /= count;

        const QPointF a = points[previous];
        double largest = -1.0;
        std::size_t chosen = from;
        for (std::size_t j = from; j < to; ++j) {
            const double area =
                std::abs((a.x() - meanX) * (points[j].y() - a.y()) - (a.x() - points[j].x()) * (meanY - a.y()));
            if (area > largest) {
                largest = area;
                chosen = j;
            }
        }
        kept.push_back(points[chosen]);
        previous = chosen;
    }
    kept.push_back(points.back());
    return kept;
}

std::vector<QPointF> visiblePoints(std::span<const QPointF> points, double fromX, double toX, std::size_t threshold)
{
    SIXBTC_REQUIRE(threshold >= 3);
    auto first =
        std::lower_bound(points.begin(), points.end(), fromX, [](const QPointF& p, double x) { return p.x() < x; });
    auto last = std::upper_bound(first, points.end(), toX, [](double x, const QPointF& p) { return x < p.x(); });
    if (first != points.begin())
        --first;
    if (last != points.end())
        ++last;
    return lttb(
        points.subspan(static_cast<std::size_t>(first - points.begin()), static_cast<std::size_t>(last - first)),
        threshold);
}

} // namespace sixbtc::gui
