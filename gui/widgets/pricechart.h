// SPDX-License-Identifier: MIT
// PriceChart: one symbol's close line with the run's trade entries and exits marked, coloured by result.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <QPointF>

#include "app/chartdata.h"
#include "backtest/backtestdata.h"
#include "storage/api/backtestrecords.h"
#include "widgets/timechartview.h"

class QLineSeries;
class QScatterSeries;

namespace sixbtc::gui {

/// The close line (downsampled to the visible range like the equity chart) and one marker per trade entry
/// (triangle) and exit (circle) at its fill price: green for a trade with a positive net result, red otherwise.
class PriceChart : public TimeChartView
{
    Q_OBJECT

public:
    explicit PriceChart(QWidget* parent = nullptr);

    /// Shows the candles of one symbol and, of `trades`, those of that symbol, with the holdout range shaded.
    void setData(const app::ChartCandles& candles, const std::vector<storage::TradeRecord>& trades,
                 const backtest::TimeRange& holdout);

    /// The close at or before axis value `x`; none without data.
    std::optional<double> closeAt(double x) const;
    /// Entry and exit markers drawn (two per trade of the symbol).
    std::size_t markerCount() const;

protected:
    void redraw(double from, double to) override;
    void applyPalette() override;

private:
    std::vector<QPointF> m_points; ///< (axis time, close), full resolution
    std::vector<double> m_high;    ///< per point of m_points
    std::vector<double> m_low;     ///< per point of m_points
    std::vector<QPointF> m_fills;  ///< every marker, for fitting the value axis
    QLineSeries* m_close;
    QScatterSeries* m_winEntries;
    QScatterSeries* m_winExits;
    QScatterSeries* m_lossEntries;
    QScatterSeries* m_lossExits;
};

} // namespace sixbtc::gui
