// SPDX-License-Identifier: MIT
// The price chart: close line of the visible range, trade markers, value axis fitted to the bars' highs and lows.
#include "widgets/pricechart.h"

#include <algorithm>
#include <limits>

#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include "report/chartrenderer.h"
#include "widgets/axistimes.h"
#include "widgets/lttb.h"

namespace sixbtc::gui {

namespace {

constexpr qreal kLineWidth = 1.0;
constexpr qreal kMarkerSize = 7.0;
constexpr int kCloseAlpha = 170;
const QColor kWinColor{0x20, 0xa0, 0x40};
const QColor kLossColor{0xd0, 0x30, 0x30};

QScatterSeries* markers(QScatterSeries::MarkerShape shape, const QColor& colour)
{
    auto* series = new QScatterSeries;
    series->setMarkerShape(shape);
    series->setMarkerSize(kMarkerSize);
    series->setColor(colour);
    series->setBorderColor(colour.darker());
    return series;
}

} // namespace

PriceChart::PriceChart(QWidget* parent)
    : TimeChartView(parent)
    , m_close(new QLineSeries)
    , m_winEntries(markers(QScatterSeries::MarkerShapeTriangle, kWinColor))
    , m_winExits(markers(QScatterSeries::MarkerShapeCircle, kWinColor))
    , m_lossEntries(markers(QScatterSeries::MarkerShapeTriangle, kLossColor))
    , m_lossExits(markers(QScatterSeries::MarkerShapeCircle, kLossColor))
{
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(m_close), static_cast<QAbstractSeries*>(m_winEntries),
          static_cast<QAbstractSeries*>(m_winExits), static_cast<QAbstractSeries*>(m_lossEntries),
          static_cast<QAbstractSeries*>(m_lossExits)}) {
        chart()->addSeries(series);
        series->attachAxis(timeAxis());
        series->attachAxis(valueAxis());
    }
    valueAxis()->setLabelFormat(QStringLiteral("%.7g"));
    PriceChart::applyPalette();
}

void PriceChart::setData(const app::ChartCandles& candles, const std::vector<storage::TradeRecord>& trades,
                         const backtest::TimeRange& holdout)
{
    const std::vector<double> x = axisTimes(candles.timeMs);
    m_points.clear();
    m_points.reserve(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        m_points.emplace_back(x[i], candles.close[i]);
    m_high = candles.high;
    m_low = candles.low;
    m_fills.clear();
    QList<QPointF> winEntries;
    QList<QPointF> winExits;
    QList<QPointF> lossEntries;
    QList<QPointF> lossExits;
    for (const storage::TradeRecord& trade : trades) {
        if (trade.symbol != candles.symbol)
            continue;
        const QPointF entry(report::axisTime(trade.entryTimeMs), trade.entryPx);
        const QPointF exit(report::axisTime(trade.exitTimeMs), trade.exitPx);
        (trade.pnlNet > 0.0 ? winEntries : lossEntries).append(entry);
        (trade.pnlNet > 0.0 ? winExits : lossExits).append(exit);
        m_fills.push_back(entry);
        m_fills.push_back(exit);
    }
    std::sort(m_fills.begin(), m_fills.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    m_winEntries->replace(winEntries);
    m_winExits->replace(winExits);
    m_lossEntries->replace(lossEntries);
    m_lossExits->replace(lossExits);
    valueAxis()->setTitleText(tr("%1 price").arg(QString::fromStdString(candles.symbol)));
    const double first = m_points.empty() ? 0.0 : m_points.front().x();
    const double last = m_points.empty() ? 0.0 : m_points.back().x();
    setTimeSpan(first, last, report::axisTime(holdout.fromMs), report::axisTime(holdout.toMs));
}

void PriceChart::applyPalette()
{
    TimeChartView::applyPalette();
    // The close line in the text colour, softened: the trade markers stand out against it on either theme.
    QColor close = palette().color(QPalette::Text);
    close.setAlpha(kCloseAlpha);
    m_close->setPen(QPen(close, kLineWidth));
}

std::optional<double> PriceChart::closeAt(double x) const
{
    const auto point = pointAt(m_points, x);
    return point ? std::optional<double>(point->y()) : std::nullopt;
}

std::size_t PriceChart::markerCount() const
{
    return static_cast<std::size_t>(m_winEntries->count() + m_winExits->count() + m_lossEntries->count() +
                                    m_lossExits->count());
}

void PriceChart::redraw(double from, double to)
{
    const std::vector<QPointF> shown = visiblePoints(m_points, from, to, columns());
    m_close->replace(QList<QPointF>(shown.begin(), shown.end()));
    // The value axis spans the bars' lows and highs and the fills inside the range, so every marker shows.
    const auto byX = [](const QPointF& p, double x) { return p.x() < x; };
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    const auto first = std::lower_bound(m_points.begin(), m_points.end(), from, byX);
    const auto last = std::upper_bound(first, m_points.end(), to, [](double x, const QPointF& p) { return x < p.x(); });
    for (auto it = first; it != last; ++it) {
        const auto i = static_cast<std::size_t>(it - m_points.begin());
        low = std::min(low, m_low[i]);
        high = std::max(high, m_high[i]);
    }
    const auto fillsFrom = std::lower_bound(m_fills.begin(), m_fills.end(), from, byX);
    for (auto it = fillsFrom; it != m_fills.end() && it->x() <= to; ++it) {
        low = std::min(low, it->y());
        high = std::max(high, it->y());
    }
    if (low <= high)
        fitValues(low, high, true);
}

} // namespace sixbtc::gui
