// SPDX-License-Identifier: MIT
// Offscreen Qt Charts rendering: a QChart in a QGraphicsScene painted onto a QImage.
#include "report/chartrenderer.h"

#include <algorithm>
#include <memory>

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QValueAxis>

#include "common/require.h"

namespace sixbtc::gui::report {

namespace {

constexpr int kTimeTicks = 6;
constexpr int kValueTicks = 6;
constexpr qreal kLineWidth = 1.5;
constexpr qreal kValuePadding = 0.05; // share of the value span left free above and below the curve
constexpr std::int64_t kHalfHourMs = 30 * 60 * 1000;

QList<QPointF> drawnPoints(const std::vector<ChartPoint>& points, int columns, double scale)
{
    QList<QPointF> out;
    for (const ChartPoint& p : reduceForDrawing(points, columns))
        out.append(QPointF(axisTime(p.timeMs), p.value * scale));
    return out;
}

std::unique_ptr<QChart> newChart(const std::string& title)
{
    auto chart = std::make_unique<QChart>();
    chart->setTitle(QString::fromStdString(title));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setTheme(QChart::ChartThemeLight);
    return chart;
}

// The time axis over the curve's span (at least an hour, so that a single point still has an axis).
void addTimeAxis(QChart& chart, QAbstractSeries& series, const std::vector<ChartPoint>& points)
{
    auto* axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("yyyy-MM-dd"));
    axis->setTickCount(kTimeTicks);
    axis->setTitleText(QStringLiteral("time (UTC)"));
    std::int64_t first = points.empty() ? 0 : points.front().timeMs;
    std::int64_t last = points.empty() ? 0 : points.back().timeMs;
    if (last - first < 2 * kHalfHourMs) {
        first -= kHalfHourMs;
        last += kHalfHourMs;
    }
    axis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(axisTime(first))),
                   QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(axisTime(last))));
    chart.addAxis(axis, Qt::AlignBottom);
    series.attachAxis(axis);
}

// The value axis from `low` to `high`, widened by the padding on the sides named and rounded to nice numbers (a
// flat curve gets a unit span).
void addValueAxis(QChart& chart, QAbstractSeries& series, double low, double high, bool padHigh, const QString& title,
                  const QString& labelFormat)
{
    auto* axis = new QValueAxis;
    const double span = high > low ? high - low : 1.0;
    axis->setRange(low - span * kValuePadding, padHigh ? high + span * kValuePadding : high);
    axis->setTickCount(kValueTicks);
    axis->applyNiceNumbers();
    axis->setLabelFormat(labelFormat);
    axis->setTitleText(title);
    chart.addAxis(axis, Qt::AlignLeft);
    series.attachAxis(axis);
}

QImage paint(std::unique_ptr<QChart> chart, QSize size)
{
    QGraphicsScene scene;
    QChart* drawn = chart.release();
    scene.addItem(drawn); // the scene owns the chart from here on
    drawn->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    scene.setSceneRect(drawn->geometry());
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(image.rect()), scene.sceneRect());
    painter.end();
    return image;
}

} // namespace

// QDateTimeAxis labels its ticks in local time (Qt 6.4 gives it no time zone), so a UTC time is placed where the
// local clock shows the same wall time: the labels then read UTC on any machine.
qreal axisTime(std::int64_t utcMs)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return static_cast<qreal>(QDateTime(utc.date(), utc.time(), Qt::LocalTime).toMSecsSinceEpoch());
}

ChartRenderer::ChartRenderer(QSize size)
    : m_size(size)
{
    SIXBTC_REQUIRE(size.width() > 0 && size.height() > 0);
}

QImage ChartRenderer::equityImage(const std::vector<ChartPoint>& equity, const std::string& title) const
{
    auto chart = newChart(title);
    auto* line = new QLineSeries;
    line->replace(drawnPoints(equity, m_size.width(), 1.0));
    line->setPen(QPen(kEquityColor, kLineWidth));
    chart->addSeries(line);
    const auto [low, high] = std::minmax_element(equity.begin(), equity.end(),
                                                 [](const auto& a, const auto& b) { return a.value < b.value; });
    addTimeAxis(*chart, *line, equity);
    addValueAxis(*chart, *line, equity.empty() ? 0.0 : low->value, equity.empty() ? 0.0 : high->value, true,
                 QStringLiteral("equity (USDC)"), QStringLiteral("%.7g"));
    return paint(std::move(chart), m_size);
}

QImage ChartRenderer::drawdownImage(const std::vector<ChartPoint>& drawdown, const std::string& title) const
{
    auto chart = newChart(title);
    // The area between the zero line and the drawdown line, drawn downwards in percent; the area owns both lines.
    auto* area = new QAreaSeries;
    auto* zero = new QLineSeries(area);
    if (!drawdown.empty()) {
        zero->append(axisTime(drawdown.front().timeMs), 0.0);
        zero->append(axisTime(drawdown.back().timeMs), 0.0);
    }
    auto* depth = new QLineSeries(area);
    depth->replace(drawnPoints(drawdown, m_size.width(), -100.0));
    area->setUpperSeries(zero);
    area->setLowerSeries(depth);
    area->setPen(QPen(kDrawdownColor, kLineWidth));
    QColor fill = kDrawdownColor;
    fill.setAlpha(96);
    area->setBrush(fill);
    chart->addSeries(area);
    double deepest = 0.0;
    for (const ChartPoint& p : drawdown)
        deepest = std::max(deepest, p.value);
    addTimeAxis(*chart, *area, drawdown);
    addValueAxis(*chart, *area, -100.0 * deepest, 0.0, false, QStringLiteral("drawdown (%)"), QStringLiteral("%.4g"));
    return paint(std::move(chart), m_size);
}

common::Result<void> ChartRenderer::savePng(const QImage& image, const std::filesystem::path& file)
{
    if (!image.save(QString::fromStdString(file.string()), "PNG"))
        return common::fail(common::ErrorCode::Input, "cannot write the image " + file.string());
    return {};
}

} // namespace sixbtc::gui::report
