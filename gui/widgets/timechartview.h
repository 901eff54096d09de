// SPDX-License-Identifier: MIT
// TimeChartView: the shared base of the time-series charts (UTC time axis, x zoom and pan, holdout band, crosshair).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <QChartView>
#include <QDateTimeAxis>
#include <QPointF>
#include <QValueAxis>

#include "backtest/backtestdata.h"
#include "storage/api/backtestrecords.h"

class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace sixbtc::gui {

/// A QChartView with a time axis (x values from report::axisTime, so the labels read UTC) and a value axis. Zoom
/// on x with the mouse wheel, a rubber band or +/-; pan with a middle-button or Ctrl+left drag or the arrow keys.
/// Every change of the x-range emits xRangeChanged() and makes the subclass redraw its series from full-resolution
/// points for the visible range. A translucent band marks the holdout range; a vertical line marks the crosshair.
class TimeChartView : public QChartView
{
    Q_OBJECT

public:
    explicit TimeChartView(QWidget* parent = nullptr);
    ~TimeChartView() override;

    /// The x-range shown, in axis values (milliseconds).
    std::pair<double, double> xRange() const;
    /// Shows [from, to] (axis values); emits xRangeChanged() when the range changes.
    void setXRange(double from, double to);
    /// Shows the whole data span.
    void resetZoom();
    /// The vertical crosshair line at axis value `x` (std::nullopt hides it).
    void setCrosshair(std::optional<double> x);

    /// The point of `points` (sorted by x) at or before x, else the first point; none when `points` is empty.
    static std::optional<QPointF> pointAt(std::span<const QPointF> points, double x);

signals:
    void xRangeChanged(double from, double to);
    /// The mouse is over the plot at axis value `x`.
    void cursorMoved(double x);
    void cursorLeft();

protected:
    /// Sets the data span [first, last] (resetZoom() shows it, and shows it now) and the holdout band
    /// [holdoutFrom, holdoutTo) (empty when holdoutFrom >= holdoutTo), all in axis values.
    void setTimeSpan(double first, double last, double holdoutFrom, double holdoutTo);
    /// Fills `points` with (axis time of equity[i], value(i)) at full resolution and sets the time span from them
    /// and the holdout band: the one setData path of the equity-curve charts.
    void setCurve(std::vector<QPointF>& points, const std::vector<storage::EquityPoint>& equity,
                  const std::function<double(std::size_t)>& value, const backtest::TimeRange& holdout);
    QDateTimeAxis* timeAxis() const { return m_timeAxis; }
    QValueAxis* valueAxis() const { return m_valueAxis; }
    /// The number of points a series should draw: about the widget's width in pixels.
    std::size_t columns() const;
    /// Sets the value axis to [low, high] widened by a small margin below and, with `padHigh`, above (a flat range
    /// gets a unit span).
    void fitValues(double low, double high, bool padHigh);
    /// Redraws the series for the visible x-range [from, to] (axis values).
    virtual void redraw(double from, double to) = 0;
    /// Colours the chart (background, axes, grid, overlays) from the widget's palette, so that it follows the
    /// application's theme; subclasses colour their own palette-dependent series after calling this.
    virtual void applyPalette();

    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onRangeChanged();
    void zoomAround(double centre, double factor);
    void panByPixels(double dx);
    double valueAtPixel(QPointF viewPos) const;
    void placeOverlays();

    QDateTimeAxis* m_timeAxis;
    QValueAxis* m_valueAxis;
    QGraphicsRectItem* m_holdoutBand;
    QGraphicsSimpleTextItem* m_holdoutLabel;
    QGraphicsLineItem* m_crosshair;
    double m_first = 0.0;
    double m_last = 0.0;
    double m_holdoutFrom = 0.0;
    double m_holdoutTo = 0.0;
    std::optional<double> m_crosshairX;
    std::optional<QPointF> m_panFrom; ///< where the current pan drag is, in view pixels
    bool m_redrawing = false;
};

} // namespace sixbtc::gui
