// SPDX-License-Identifier: MIT
// ChartView: the chart viewer panel (price with trades, equity, drawdown) on one shared, zoomable time range.
#pragma once

#include <array>
#include <cstddef>

#include <QWidget>

#include "app/chartdata.h"

class QAction;
class QComboBox;
class QLabel;

namespace sixbtc::gui {

class DrawdownChart;
class EquityChart;
class PriceChart;
class TimeChartView;

/// The price chart of one symbol with the run's trade markers on top, the equity curve, the drawdown below, all on
/// one time range: zoom or pan on one chart applies to all. A crosshair line follows the mouse on every chart with a
/// label of the time, equity, drawdown and price under it; a selector picks the symbol of a multi-symbol strategy;
/// "Reset zoom" shows the whole run.
class ChartView : public QWidget
{
    Q_OBJECT

public:
    explicit ChartView(QWidget* parent = nullptr);
    ~ChartView() override;

    /// Shows a strategy's chart data (its first symbol in the price chart), fully zoomed out.
    void setData(const app::ChartData& data);

    /// Entry and exit markers of the symbol shown (two per trade of that symbol).
    std::size_t tradeMarkerCount() const;
    /// The last point of the equity curve at full resolution; NaN without data.
    double lastEquityPoint() const;
    /// The number of points the equity line draws now.
    qsizetype drawnEquityPoints() const;
    /// Shows the UTC time range [fromMs, toMs] on every chart.
    void zoomToRange(qint64 fromMs, qint64 toMs);
    /// Shows the whole run on every chart.
    void resetZoom();

private:
    /// The three charts, price first.
    std::array<TimeChartView*, 3> charts() const;
    void showSymbol(int index);
    void syncRange(const TimeChartView* source, double from, double to);
    void showCursor(double mouseX);
    void hideCursor();
    /// Widens the left margins so that the three plots start at the same x (their value labels differ in width).
    void alignPlots();

    app::ChartData m_data;
    QLabel* m_title;
    QLabel* m_cursor;
    QComboBox* m_symbols;
    QAction* m_resetZoom;
    PriceChart* m_price;
    EquityChart* m_equity;
    DrawdownChart* m_drawdown;
    std::array<double, 3> m_axisWidth{}; ///< per chart, from its left margin to its plot's left edge
    int m_baseMargin = 0;                ///< the charts' own left margin
    bool m_alignPending = false;
    bool m_syncing = false;
};

} // namespace sixbtc::gui
