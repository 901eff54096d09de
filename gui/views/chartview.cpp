// SPDX-License-Identifier: MIT
// The chart viewer panel: composes the three chart widgets and keeps their time ranges and crosshairs together.
#include "views/chartview.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "report/chartrenderer.h"
#include "widgets/drawdownchart.h"
#include "widgets/equitychart.h"
#include "widgets/pricechart.h"

namespace sixbtc::gui {

namespace {

constexpr int kPriceStretch = 3;
constexpr int kEquityStretch = 3;
constexpr int kDrawdownStretch = 2;

QString number(std::optional<double> value, int decimals)
{
    return value ? QLocale().toString(*value, 'f', decimals) : QStringLiteral("-");
}

} // namespace

ChartView::ChartView(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_cursor(new QLabel(this))
    , m_symbols(new QComboBox(this))
    , m_resetZoom(new QAction(tr("Reset zoom"), this))
    , m_price(new PriceChart)
    , m_equity(new EquityChart)
    , m_drawdown(new DrawdownChart)
{
    m_title->setObjectName(QStringLiteral("chartTitle"));
    m_cursor->setObjectName(QStringLiteral("crosshairLabel"));
    m_symbols->setObjectName(QStringLiteral("symbolSelector"));
    m_symbols->setToolTip(tr("The symbol shown in the price chart"));
    m_symbols->hide();
    m_resetZoom->setObjectName(QStringLiteral("resetZoom"));
    m_resetZoom->setToolTip(tr("Show the whole run (Home). Zoom: mouse wheel, drag a range, +/-; "
                               "pan: middle or Ctrl+drag, arrow keys"));
    m_price->setObjectName(QStringLiteral("priceChart"));
    m_equity->setObjectName(QStringLiteral("equityChart"));
    m_drawdown->setObjectName(QStringLiteral("drawdownChart"));

    auto* reset = new QToolButton(this);
    reset->setDefaultAction(m_resetZoom);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_cursor);
    header->addWidget(m_symbols);
    header->addWidget(reset);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_price);
    splitter->addWidget(m_equity);
    splitter->addWidget(m_drawdown);
    splitter->setStretchFactor(0, kPriceStretch);
    splitter->setStretchFactor(1, kEquityStretch);
    splitter->setStretchFactor(2, kDrawdownStretch);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_resetZoom, &QAction::triggered, this, &ChartView::resetZoom);
    connect(m_symbols, &QComboBox::currentIndexChanged, this, &ChartView::showSymbol);
    for (std::size_t i = 0; i < charts().size(); ++i) {
        TimeChartView* chart = charts()[i];
        connect(chart, &TimeChartView::xRangeChanged, this,
                [this, chart](double from, double to) { syncRange(chart, from, to); });
        connect(chart, &TimeChartView::cursorMoved, this, &ChartView::showCursor);
        connect(chart, &TimeChartView::cursorLeft, this, &ChartView::hideCursor);
        // Measured as the layout places the plot (with the margins it used); the margins change later, once the
        // layouts have settled, never inside one.
        connect(chart->chart(), &QChart::plotAreaChanged, this, [this, i, chart](const QRectF& plot) {
            m_axisWidth[i] = plot.left() - chart->chart()->margins().left();
            if (!m_alignPending) {
                m_alignPending = true;
                QTimer::singleShot(0, this, &ChartView::alignPlots);
            }
        });
    }
    m_baseMargin = m_equity->chart()->margins().left();
}

ChartView::~ChartView() = default;

std::array<TimeChartView*, 3> ChartView::charts() const
{
    return {m_price, m_equity, m_drawdown};
}

void ChartView::setData(const app::ChartData& data)
{
    m_data = data;
    m_title->setText(QString::fromStdString(m_data.name));
    m_syncing = true;
    m_equity->setData(m_data.equity, m_data.holdout);
    m_drawdown->setData(m_data.equity, m_data.drawdown, m_data.holdout);
    m_syncing = false;
    const QSignalBlocker blocker(m_symbols);
    m_symbols->clear();
    for (const app::ChartCandles& candles : m_data.candles)
        m_symbols->addItem(QString::fromStdString(candles.symbol));
    m_symbols->setVisible(m_data.candles.size() > 1);
    if (m_data.candles.empty()) {
        m_syncing = true;
        m_price->setData(app::ChartCandles{}, {}, m_data.holdout);
        m_syncing = false;
    } else {
        m_symbols->setCurrentIndex(0);
        showSymbol(0);
    }
    hideCursor();
}

std::size_t ChartView::tradeMarkerCount() const
{
    return m_price->markerCount();
}

double ChartView::lastEquityPoint() const
{
    return m_equity->lastEquity().value_or(std::numeric_limits<double>::quiet_NaN());
}

qsizetype ChartView::drawnEquityPoints() const
{
    return m_equity->drawnPoints();
}

void ChartView::zoomToRange(qint64 fromMs, qint64 toMs)
{
    m_equity->setXRange(report::axisTime(fromMs), report::axisTime(toMs));
}

void ChartView::resetZoom()
{
    m_equity->resetZoom();
}

void ChartView::showSymbol(int index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_data.candles.size())
        return;
    const auto [from, to] = m_equity->xRange();
    m_syncing = true;
    m_price->setData(m_data.candles[static_cast<std::size_t>(index)], m_data.trades, m_data.holdout);
    m_price->setXRange(from, to);
    m_syncing = false;
}

void ChartView::syncRange(const TimeChartView* source, double from, double to)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (TimeChartView* chart : charts()) {
        if (chart != source)
            chart->setXRange(from, to);
    }
    m_syncing = false;
}

void ChartView::alignPlots()
{
    m_alignPending = false;
    const double widest = *std::max_element(m_axisWidth.begin(), m_axisWidth.end());
    const auto all = charts();
    for (std::size_t i = 0; i < all.size(); ++i) {
        QMargins margins = all[i]->chart()->margins();
        const int left = m_baseMargin + static_cast<int>(std::lround(widest - m_axisWidth[i]));
        if (margins.left() == left)
            continue;
        margins.setLeft(left);
        all[i]->chart()->setMargins(margins);
    }
}

void ChartView::showCursor(double mouseX)
{
    // The crosshair sits on the bar under the mouse (the last one opening at or before it).
    const double x = m_equity->barAt(mouseX).value_or(mouseX);
    // Axis values carry the UTC wall time as local time (report::axisTime), so local formatting reads UTC.
    const QString time = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(x)))
                             .toString(QStringLiteral("yyyy-MM-dd hh:mm"));
    const QString symbol = m_symbols->currentText();
    m_cursor->setText(tr("%1 UTC   equity %2   drawdown %3%   %4 %5")
                          .arg(time, number(m_equity->equityAt(x), 2), number(m_drawdown->percentAt(x), 2), symbol,
                               number(m_price->closeAt(x), 2)));
    for (TimeChartView* chart : charts())
        chart->setCrosshair(x);
}

void ChartView::hideCursor()
{
    m_cursor->clear();
    for (TimeChartView* chart : charts())
        chart->setCrosshair(std::nullopt);
}

} // namespace sixbtc::gui
