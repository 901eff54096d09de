// SPDX-License-Identifier: MIT
// EquityChart: a run's equity curve on a UTC time axis, downsampled to the visible range, holdout shaded.
#pragma once

#include <optional>
#include <vector>

#include <QPointF>

#include "backtest/backtestdata.h"
#include "storage/api/backtestrecords.h"
#include "widgets/timechartview.h"

class QLineSeries;

namespace sixbtc::gui {

/// The equity curve as a line; zooming redraws it from the full-resolution points of the visible range.
class EquityChart : public TimeChartView
{
    Q_OBJECT

public:
    explicit EquityChart(QWidget* parent = nullptr);

    /// Shows `equity` (sorted by time) with the holdout range shaded.
    void setData(const std::vector<storage::EquityPoint>& equity, const backtest::TimeRange& holdout);

    /// The equity at or before axis value `x` (full resolution); none without data.
    std::optional<double> equityAt(double x) const;
    /// The axis time of the point at or before axis value `x` (full resolution); none without data.
    std::optional<double> barAt(double x) const;
    /// The last point of the curve at full resolution; none without data.
    std::optional<double> lastEquity() const;
    /// The number of points the line draws now.
    qsizetype drawnPoints() const;

protected:
    void redraw(double from, double to) override;

private:
    std::vector<QPointF> m_points; ///< (axis time, equity), full resolution
    QLineSeries* m_line;
};

} // namespace sixbtc::gui
