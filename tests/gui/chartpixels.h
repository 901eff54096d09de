// SPDX-License-Identifier: MIT
// Test support of tst_reportwriter: where a chart image draws its curve, read pixel by pixel.
#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include <QImage>

namespace sixbtc::testing {

/// Per pixel column, the topmost (`top`) or bottommost row of a pixel that `matches`; -1 where there is none.
std::vector<int> curveRows(const QImage& image, bool top, const std::function<bool(QRgb)>& matches);

/// A pixel of the equity line's blue (also antialiased against white).
bool bluish(QRgb c);
/// A pixel of the drawdown line's red or of its lighter fill.
bool reddish(QRgb c);

/// The pixel column where the curve of `rows` reaches its extreme (the smallest row when `lowestRow`, else the
/// largest) and the column where point `extreme` of `times` belongs on the curve's horizontal pixel span (its
/// first to last drawn column, linear in time).
std::pair<int, double> extremeColumns(const std::vector<int>& rows, bool lowestRow,
                                      const std::vector<std::int64_t>& times, std::size_t extreme);

} // namespace sixbtc::testing
