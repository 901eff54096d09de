// SPDX-License-Identifier: MIT
// The time-series chart base: axes, x zoom and pan, visible-range redraw, holdout band and crosshair line.
#include "widgets/timechartview.h"

#include <algorithm>
#include <cmath>

#include "report/chartrenderer.h"
#include "widgets/axistimes.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPen>
#include <QValueAxis>
#include <QWheelEvent>

namespace sixbtc::gui {

namespace {

constexpr int kTimeTicks = 6;
constexpr int kValueTicks = 5;
constexpr double kHalfHourMs = 30.0 * 60.0 * 1000.0;
constexpr double kMinSpanMs = 60.0 * 60.0 * 1000.0;     // the narrowest zoom: one hour
constexpr double kDayFormatSpanMs = 3.0 * 86'400'000.0; // narrower ranges label hours and minutes
constexpr double kWheelStep = 1.25;                     // x-range factor of one wheel notch (120 units)
constexpr double kKeyZoom = 1.25;                       // x-range factor of one +/- key press
constexpr double kKeyPanShare = 0.1;                    // share of the plot width one arrow key pans
constexpr double kValueMargin = 0.05;                   // share of the value span left free above and below
constexpr std::size_t kMinColumns = 64;
const QColor kBandColor{0x80, 0x80, 0x80, 40};

QDateTime axisDateTime(double x)
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(x)));
}

} // namespace

TimeChartView::TimeChartView(QWidget* parent)
    : QChartView(new QChart, parent)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_holdoutBand(new QGraphicsRectItem(chart()))
    , m_holdoutLabel(new QGraphicsSimpleTextItem(tr("holdout"), chart()))
    , m_crosshair(new QGraphicsLineItem(chart()))
{
    chart()->legend()->hide();
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->setBackgroundRoundness(0);
    m_timeAxis->setFormat(QStringLiteral("yyyy-MM-dd"));
    m_timeAxis->setTickCount(kTimeTicks);
    m_timeAxis->setTitleText(tr("time (UTC)"));
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    connect(m_timeAxis, &QDateTimeAxis::rangeChanged, this, &TimeChartView::onRangeChanged);
    connect(chart(), &QChart::plotAreaChanged, this, &TimeChartView::placeOverlays);

    m_holdoutBand->setPen(Qt::NoPen);
    m_holdoutBand->setBrush(kBandColor);
    for (QGraphicsItem* item : {static_cast<QGraphicsItem*>(m_holdoutBand), static_cast<QGraphicsItem*>(m_holdoutLabel),
                                static_cast<QGraphicsItem*>(m_crosshair)}) {
        item->setAcceptedMouseButtons(Qt::NoButton);
        item->setZValue(chart()->zValue() + 100.0);
        item->hide();
    }
    TimeChartView::applyPalette();
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
}

TimeChartView::~TimeChartView() = default;

std::pair<double, double> TimeChartView::xRange() const
{
    return {static_cast<double>(m_timeAxis->min().toMSecsSinceEpoch()),
            static_cast<double>(m_timeAxis->max().toMSecsSinceEpoch())};
}

void TimeChartView::setXRange(double from, double to)
{
    m_timeAxis->setRange(axisDateTime(from), axisDateTime(to));
}

void TimeChartView::resetZoom()
{
    setXRange(m_first, m_last);
}

void TimeChartView::setCrosshair(std::optional<double> x)
{
    m_crosshairX = x;
    placeOverlays();
}

std::optional<QPointF> TimeChartView::pointAt(std::span<const QPointF> points, double x)
{
    if (points.empty())
        return std::nullopt;
    const auto after =
        std::upper_bound(points.begin(), points.end(), x, [](double value, const QPointF& p) { return value < p.x(); });
    return after == points.begin() ? points.front() : *(after - 1);
}

void TimeChartView::setCurve(std::vector<QPointF>& points, const std::vector<storage::EquityPoint>& equity,
                             const std::function<double(std::size_t)>& value, const backtest::TimeRange& holdout)
{
    std::vector<std::int64_t> times;
    times.reserve(equity.size());
    for (const storage::EquityPoint& p : equity)
        times.push_back(p.timeMs);
    const std::vector<double> x = axisTimes(times);
    points.clear();
    points.reserve(equity.size());
    for (std::size_t i = 0; i < equity.size(); ++i)
        points.emplace_back(x[i], value(i));
    const double first = points.empty() ? 0.0 : points.front().x();
    const double last = points.empty() ? 0.0 : points.back().x();
    setTimeSpan(first, last, report::axisTime(holdout.fromMs), report::axisTime(holdout.toMs));
}

void TimeChartView::setTimeSpan(double first, double last, double holdoutFrom, double holdoutTo)
{
    if (last - first < 2.0 * kHalfHourMs) {
        first -= kHalfHourMs;
        last += kHalfHourMs;
    }
    m_first = first;
    m_last = last;
    m_holdoutFrom = holdoutFrom;
    m_holdoutTo = holdoutTo;
    const auto before = xRange();
    setXRange(first, last);
    if (xRange() == before)
        onRangeChanged();
}

std::size_t TimeChartView::columns() const
{
    return std::max(kMinColumns, static_cast<std::size_t>(std::max(width(), 0)));
}

void TimeChartView::fitValues(double low, double high, bool padHigh)
{
    const double span = high > low ? high - low : 1.0;
    m_valueAxis->setRange(low - span * kValueMargin, padHigh ? high + span * kValueMargin : high);
    m_valueAxis->setTickCount(kValueTicks);
    m_valueAxis->applyNiceNumbers();
}

void TimeChartView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        QChartView::wheelEvent(event);
        return;
    }
    zoomAround(valueAtPixel(event->position()), std::pow(kWheelStep, -notches));
    event->accept();
}

void TimeChartView::mousePressEvent(QMouseEvent* event)
{
    const bool pan = event->button() == Qt::MiddleButton ||
                     (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier));
    if (pan) {
        m_panFrom = event->position();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void TimeChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panFrom) {
        panByPixels(event->position().x() - m_panFrom->x());
        m_panFrom = event->position();
    }
    const QPointF inChart = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (chart()->plotArea().contains(inChart))
        emit cursorMoved(valueAtPixel(event->position()));
    else
        emit cursorLeft();
    QChartView::mouseMoveEvent(event);
}

void TimeChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panFrom) {
        m_panFrom.reset();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void TimeChartView::keyPressEvent(QKeyEvent* event)
{
    const double plotWidth = chart()->plotArea().width();
    const auto [from, to] = xRange();
    switch (event->key()) {
    case Qt::Key_Left: panByPixels(plotWidth * kKeyPanShare); break;
    case Qt::Key_Right: panByPixels(-plotWidth * kKeyPanShare); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAround((from + to) / 2.0, 1.0 / kKeyZoom); break;
    case Qt::Key_Minus: zoomAround((from + to) / 2.0, kKeyZoom); break;
    case Qt::Key_Home: resetZoom(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void TimeChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    const auto [from, to] = xRange();
    redraw(from, to);
    placeOverlays();
}

void TimeChartView::leaveEvent(QEvent* event)
{
    emit cursorLeft();
    QChartView::leaveEvent(event);
}

void TimeChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimeChartView::applyPalette()
{
    const QPalette colours = palette();
    const QColor text = colours.color(QPalette::Text);
    setBackgroundBrush(colours.color(QPalette::Window));
    chart()->setBackgroundBrush(colours.color(QPalette::Base));
    chart()->setBackgroundPen(Qt::NoPen);
    chart()->setTitleBrush(text);
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_timeAxis), static_cast<QAbstractAxis*>(m_valueAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(colours.color(QPalette::Midlight));
        axis->setLinePenColor(colours.color(QPalette::Mid));
    }
    m_holdoutLabel->setBrush(text);
    m_crosshair->setPen(QPen(text, 1.0, Qt::DashLine));
}

void TimeChartView::onRangeChanged()
{
    if (m_redrawing)
        return;
    m_redrawing = true;
    const auto [from, to] = xRange();
    m_timeAxis->setFormat(to - from < kDayFormatSpanMs ? QStringLiteral("MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd"));
    redraw(from, to);
    placeOverlays();
    m_redrawing = false;
    emit xRangeChanged(from, to);
}

void TimeChartView::zoomAround(double centre, double factor)
{
    const auto [from, to] = xRange();
    const double full = m_last - m_first;
    double width = std::clamp((to - from) * factor, std::min(kMinSpanMs, full), full);
    const double share = to > from ? std::clamp((centre - from) / (to - from), 0.0, 1.0) : 0.5;
    double newFrom = centre - width * share;
    newFrom = std::clamp(newFrom, m_first, m_last - width);
    setXRange(newFrom, newFrom + width);
}

void TimeChartView::panByPixels(double dx)
{
    const double plotWidth = chart()->plotArea().width();
    if (plotWidth <= 0.0)
        return;
    const auto [from, to] = xRange();
    const double width = to - from;
    if (width >= m_last - m_first)
        return;
    const double newFrom = std::clamp(from - dx / plotWidth * width, m_first, m_last - width);
    setXRange(newFrom, newFrom + width);
}

double TimeChartView::valueAtPixel(QPointF viewPos) const
{
    const QPointF inChart = chart()->mapFromScene(mapToScene(viewPos.toPoint()));
    return chart()->mapToValue(inChart).x();
}

void TimeChartView::placeOverlays()
{
    const QRectF plot = chart()->plotArea();
    const auto [from, to] = xRange();
    const auto pixel = [&](double x) { return plot.left() + (x - from) / (to - from) * plot.width(); };
    const bool hasBand = m_holdoutTo > m_holdoutFrom && to > from;
    const double left = hasBand ? std::clamp(pixel(m_holdoutFrom), plot.left(), plot.right()) : 0.0;
    const double right = hasBand ? std::clamp(pixel(m_holdoutTo), plot.left(), plot.right()) : 0.0;
    m_holdoutBand->setVisible(hasBand && right > left);
    m_holdoutBand->setRect(QRectF(QPointF(left, plot.top()), QPointF(right, plot.bottom())));
    m_holdoutLabel->setVisible(m_holdoutBand->isVisible() && right - left > m_holdoutLabel->boundingRect().width());
    m_holdoutLabel->setPos(left + 4.0, plot.top() + 2.0);
    const bool hasLine = m_crosshairX && *m_crosshairX >= from && *m_crosshairX <= to && to > from;
    m_crosshair->setVisible(hasLine);
    if (hasLine)
        m_crosshair->setLine(pixel(*m_crosshairX), plot.top(), pixel(*m_crosshairX), plot.bottom());
}

} // namespace sixbtc::gui
