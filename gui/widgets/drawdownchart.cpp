// SPDX-License-Identifier: MIT
// The drawdown chart: the area between zero and the (LTTB-reduced) drawdown line of the visible range.
#include "widgets/drawdownchart.h"

#include <algorithm>

#include <QAreaSeries>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include "common/require.h"
#include "report/chartrenderer.h"
#include "widgets/lttb.h"

namespace sixbtc::gui {

namespace {

constexpr qreal kLineWidth = 1.0;
constexpr int kFillAlpha = 96;

} // namespace

DrawdownChart::DrawdownChart(QWidget* parent)
    : TimeChartView(parent)
    , m_area(new QAreaSeries)
    , m_zero(new QLineSeries(m_area))
    , m_depth(new QLineSeries(m_area))
{
    m_area->setUpperSeries(m_zero);
    m_area->setLowerSeries(m_depth);
    m_area->setPen(QPen(report::kDrawdownColor, kLineWidth));
    QColor fill = report::kDrawdownColor;
    fill.setAlpha(kFillAlpha);
    m_area->setBrush(fill);
    chart()->addSeries(m_area);
    m_area->attachAxis(timeAxis());
    m_area->attachAxis(valueAxis());
    valueAxis()->setTitleText(tr("drawdown (%)"));
    valueAxis()->setLabelFormat(QStringLiteral("%.4g"));
}

void DrawdownChart::setData(const std::vector<storage::EquityPoint>& equity, const std::vector<double>& drawdown,
                            const backtest::TimeRange& holdout)
{
    SIXBTC_REQUIRE(drawdown.size() == equity.size());
    setCurve(
        m_points, equity, [&](std::size_t i) { return -100.0 * drawdown[i]; }, holdout);
}

std::optional<double> DrawdownChart::percentAt(double x) const
{
    const auto point = pointAt(m_points, x);
    return point ? std::optional<double>(point->y()) : std::nullopt;
}

void DrawdownChart::redraw(double from, double to)
{
    const std::vector<QPointF> shown = visiblePoints(m_points, from, to, columns());
    m_depth->replace(QList<QPointF>(shown.begin(), shown.end()));
    if (shown.empty()) {
        m_zero->clear();
        return;
    }
    m_zero->replace(QList<QPointF>{QPointF(shown.front().x(), 0.0), QPointF(shown.back().x(), 0.0)});
    const auto deepest =
        std::min_element(shown.begin(), shown.end(), [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
    // The area hangs from zero: the axis ends at zero at the top.
    fitValues(deepest->y(), 0.0, false);
}

} // namespace sixbtc::gui
