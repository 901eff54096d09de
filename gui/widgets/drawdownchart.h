// SPDX-License-Identifier: MIT
// DrawdownChart: a run's drawdown as an area below zero, in percent, on a UTC time axis; holdout shaded.
#pragma once

#include <optional>
#include <vector>

#include <QPointF>

#include "backtest/backtestdata.h"
#include "storage/api/backtestrecords.h"
#include "widgets/timechartview.h"

class QAreaSeries;
class QLineSeries;

namespace sixbtc::gui {

/// The drawdown (1 - equity / running peak) drawn downwards from zero in percent; zooming redraws it from the
/// full-resolution points of the visible range.
class DrawdownChart : public TimeChartView
{
    Q_OBJECT

public:
    explicit DrawdownChart(QWidget* parent = nullptr);

    /// Shows `drawdown` (fractions, one per point of `equity`, whose times it takes) with the holdout range shaded.
    /// \warning drawdown.size() == equity.size().
    void setData(const std::vector<storage::EquityPoint>& equity, const std::vector<double>& drawdown,
                 const backtest::TimeRange& holdout);

    /// The drawdown in percent (0 or negative) at or before axis value `x`; none without data.
    std::optional<double> percentAt(double x) const;

protected:
    void redraw(double from, double to) override;

private:
    std::vector<QPointF> m_points; ///< (axis time, -100 x drawdown), full resolution
    QAreaSeries* m_area;
    QLineSeries* m_zero;
    QLineSeries* m_depth;
};

} // namespace sixbtc::gui
