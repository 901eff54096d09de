// SPDX-License-Identifier: MIT
// ChartRenderer: equity and drawdown charts drawn offscreen with Qt Charts into images and PNG files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <QColor>
#include <QImage>
#include <QSize>

#include "common/error.h"
#include "report/drawingreduction.h"

namespace sixbtc::gui::report {

/// The colour of the equity line and of the drawdown line (tests find the curves by it).
inline const QColor kEquityColor{0x1f, 0x5f, 0xbf};
inline const QColor kDrawdownColor{0xc0, 0x30, 0x30};

/// The x value of the UTC time `utcMs` on a QDateTimeAxis whose labels then read UTC (the axis labels local time).
qreal axisTime(std::int64_t utcMs);

/// Draws time-series charts (time axis in UTC, value axis) of a fixed pixel size without a window; works under
/// QT_QPA_PLATFORM=offscreen. \warning Needs a QApplication (Qt Charts draws with Qt Widgets).
class ChartRenderer
{
public:
    explicit ChartRenderer(QSize size);

    QSize size() const { return m_size; }

    /// The equity curve as a line.
    QImage equityImage(const std::vector<ChartPoint>& equity, const std::string& title) const;
    /// A drawdown series (fractions, 0.1 = 10% below the peak) as a filled area of negative percentages.
    QImage drawdownImage(const std::vector<ChartPoint>& drawdown, const std::string& title) const;

    /// Saves `image` as a PNG file; an Input error naming the file when that fails.
    static common::Result<void> savePng(const QImage& image, const std::filesystem::path& file);

private:
    QSize m_size;
};

} // namespace sixbtc::gui::report
