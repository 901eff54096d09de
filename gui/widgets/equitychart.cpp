// SPDX-License-Identifier: MIT
// The equity chart: full-resolution points kept, the visible range reduced with LTTB for the line.
#include "widgets/equitychart.h"

#include <algorithm>

#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include "report/chartrenderer.h"
#include "widgets/lttb.h"

namespace sixbtc::gui {

namespace {

constexpr qreal kLineWidth = 1.5;

} // namespace

EquityChart::EquityChart(QWidget* parent)
    : TimeChartView(parent)
    , m_line(new QLineSeries)
{
    m_line->setPen(QPen(report::kEquityColor, kLineWidth));
    chart()->addSeries(m_line);
    m_line->attachAxis(timeAxis());
    m_line->attachAxis(valueAxis());
    valueAxis()->setTitleText(tr("equity (USDC)"));
    valueAxis()->setLabelFormat(QStringLiteral("%.7g"));
}

void EquityChart::setData(const std::vector<storage::EquityPoint>& equity, const backtest::TimeRange& holdout)
{
    setCurve(
        m_points, equity, [&](std::size_t i) { return equity[i].equity; }, holdout);
}

std::optional<double> EquityChart::equityAt(double x) const
{
    const auto point = pointAt(m_points, x);
    return point ? std::optional<double>(point->y()) : std::nullopt;
}

std::optional<double> EquityChart::barAt(double x) const
{
    const auto point = pointAt(m_points, x);
    return point ? std::optional<double>(point->x()) : std::nullopt;
}

std::optional<double> EquityChart::lastEquity() const
{
    return m_points.empty() ? std::nullopt : std::optional<double>(m_points.back().y());
}

qsizetype EquityChart::drawnPoints() const
{
    return m_line->count();
}

void EquityChart::redraw(double from, double to)
{
    const std::vector<QPointF> shown = visiblePoints(m_points, from, to, columns());
    m_line->replace(QList<QPointF>(shown.begin(), shown.end()));
    if (shown.empty())
        return;
    const auto [low, high] = std::minmax_element(shown.begin(), shown.end(),
                                                 [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); });
    fitValues(low->y(), high->y(), true);
}

} // namespace sixbtc::gui
