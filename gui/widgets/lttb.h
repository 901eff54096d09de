// SPDX-License-Identifier: MIT
// Largest-Triangle-Three-Buckets downsampling of a curve, and the visible part of a curve reduced for drawing.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include <QPointF>

namespace sixbtc::gui {

/// Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points of `points` (sorted by x) that keep the
/// curve's shape. The first and last points are kept; the points between are cut into threshold - 2 buckets of
/// equal count, and each bucket keeps the point forming the largest triangle with the point kept before it and the
/// mean of the next bucket. All points when there are at most `threshold`. For drawing only.
/// \warning threshold >= 3.
std::vector<QPointF> lttb(std::span<const QPointF> points, std::size_t threshold);

/// The points of `points` (sorted by x) that draw the x-range [fromX, toX]: those inside it plus the nearest point
/// on each side (so the line reaches the plot's edges), reduced with lttb() to `threshold` points. Zooming in thus
/// shows the curve at full resolution once the range holds at most `threshold` points. \warning threshold >= 3.
std::vector<QPointF> visiblePoints(std::span<const QPointF> points, double fromX, double toX, std::size_t threshold);

} // namespace sixbtc::gui
