// SPDX-License-Identifier: MIT
// GUI tests of the chart viewer (offscreen): a real "full" run stored in SQLite, loaded and shown, zoomed and panned.
#include <QtTest>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "app/chartdata.h"
#include "chartpixels.h"
#include "core/app/chartfixture.h"
#include "report/chartrenderer.h"
#include "views/chartview.h"
#include "widgets/drawdownchart.h"
#include "widgets/equitychart.h"
#include "widgets/pricechart.h"

using namespace sixbtc;
using gui::ChartView;
using gui::TimeChartView;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

/// The x-ranges of the three charts of `view`, price first.
std::vector<std::pair<double, double>> ranges(const ChartView& view)
{
    return {view.findChild<gui::PriceChart*>(QStringLiteral("priceChart"))->xRange(),
            view.findChild<gui::EquityChart*>(QStringLiteral("equityChart"))->xRange(),
            view.findChild<gui::DrawdownChart*>(QStringLiteral("drawdownChart"))->xRange()};
}

void wheel(QWidget* viewport, int notches)
{
    const QPointF centre(viewport->width() / 2.0, viewport->height() / 2.0);
    QWheelEvent event(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

} // namespace

class TstChartView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::ChartFixture> m_fixture;

    /// Stores a strategy on `symbols`, its full run, and loads its chart data.
    app::ChartData chartOf(std::int64_t index, const std::string& symbolList, const std::vector<std::string>& symbols)
    {
        auto strategy = m_fixture->addStrategy(index, testing::rsiDocument(symbolList), symbols);
        if (!strategy)
            qFatal("cannot store the strategy: %s", strategy.error().fullText().c_str());
        auto run = m_fixture->fullRun(*strategy);
        if (!run)
            qFatal("cannot store the full run: %s", run.error().fullText().c_str());
        auto chart = loadChartData(m_fixture->store(), m_fixture->cache(), m_fixture->config(), strategy->uuid);
        if (!chart)
            qFatal("cannot load the chart data: %s", chart.error().fullText().c_str());
        return std::move(*chart);
    }

    /// Equity points with a time inside [fromMs, toMs].
    static qsizetype pointsInside(const app::ChartData& data, std::int64_t fromMs, std::int64_t toMs)
    {
        return std::count_if(data.equity.begin(), data.equity.end(),
                             [&](const storage::EquityPoint& p) { return p.timeMs >= fromMs && p.timeMs <= toMs; });
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<testing::ChartFixture>();
        const std::string error = m_fixture->open();
        QVERIFY2(error.empty(), error.c_str());
    }

    void cleanup() { m_fixture.reset(); }

    void showsTheStoredTradesAndFinalEquity()
    {
        const app::ChartData data = chartOf(1, "[BTC]", {"BTC"});
        ChartView view;
        QVERIFY(std::isnan(view.lastEquityPoint()));
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        const auto storedTrades = m_fixture->store().backtests().trades(data.runId);
        SIXBTC_VERIFY_OK(storedTrades);
        QVERIFY(storedTrades->size() > 10);
        QCOMPARE(view.tradeMarkerCount(), 2 * storedTrades->size());
        const auto run = m_fixture->store().backtests().run(data.runId);
        SIXBTC_VERIFY_OK(run);
        QCOMPARE(view.lastEquityPoint(), run->metrics.finalEquity);
        // The whole curve (20,160 bars) is drawn with about one point per pixel column, its ends kept.
        const auto* equity = view.findChild<gui::EquityChart*>(QStringLiteral("equityChart"));
        QVERIFY(view.drawnEquityPoints() <= equity->width() + 2);
        QVERIFY(view.drawnEquityPoints() >= equity->width() / 2);
        QVERIFY(!view.findChild<QComboBox*>(QStringLiteral("symbolSelector"))->isVisible());
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("chartTitle"))->text(), QString::fromStdString(data.name));
    }

    void drawsTheCurveAndShadesTheHoldout()
    {
        const app::ChartData data = chartOf(7, "[BTC]", {"BTC"});
        ChartView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        QTest::qWait(0);
        auto* equity = view.findChild<gui::EquityChart*>(QStringLiteral("equityChart"));
        const QImage image = equity->grab().toImage();
        const QRectF plot = equity->chart()->plotArea();
        const auto columnOf = [&](std::int64_t timeMs) {
            const auto [from, to] = equity->xRange();
            return int(plot.left() + (gui::report::axisTime(timeMs) - from) / (to - from) * plot.width());
        };
        // The curve's blue appears in the plot.
        const auto rows = testing::curveRows(image, true, testing::bluish);
        QVERIFY(std::count_if(rows.begin(), rows.end(), [](int row) { return row >= 0; }) > plot.width() / 2);
        // Just below the plot's top edge, the holdout (the last 10 of 70 days) is tinted and the training is not.
        const int row = int(plot.top()) + 3;
        const QColor training = image.pixelColor(columnOf(data.training.fromMs + 5 * kDayMs), row);
        const QColor holdout = image.pixelColor(columnOf(data.holdout.fromMs + 5 * kDayMs), row);
        QVERIFY2(holdout.lightness() < training.lightness(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(holdout.name(), training.name())));
    }

    void thePlotsShareTheirLeftEdgeAndFollowThePalette()
    {
        const app::ChartData data = chartOf(8, "[BTC]", {"BTC"});
        ChartView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        auto* price = view.findChild<gui::PriceChart*>(QStringLiteral("priceChart"));
        auto* equity = view.findChild<gui::EquityChart*>(QStringLiteral("equityChart"));
        auto* drawdown = view.findChild<gui::DrawdownChart*>(QStringLiteral("drawdownChart"));
        // The value labels differ in width ("100000", "10500", "-15"); the plots still start at the same x.
        const auto aligned = [&] {
            const double left = equity->chart()->plotArea().left();
            return std::abs(price->chart()->plotArea().left() - left) < 1.0 &&
                   std::abs(drawdown->chart()->plotArea().left() - left) < 1.0;
        };
        QTRY_VERIFY(aligned());
        view.zoomToRange(data.holdout.fromMs, data.holdout.fromMs + kDayMs);
        QTRY_VERIFY(aligned());
        // A dark palette (as the dark theme sets) colours the charts' background, labels and grid.
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        view.setPalette(dark);
        for (const TimeChartView* chart : {static_cast<TimeChartView*>(price), static_cast<TimeChartView*>(equity),
                                           static_cast<TimeChartView*>(drawdown)}) {
            QCOMPARE(chart->chart()->backgroundBrush().color(), QColor(0x1e, 0x1f, 0x22));
            for (const QAbstractAxis* axis : chart->chart()->axes())
                QCOMPARE(axis->labelsColor(), QColor(0xdf, 0xe1, 0xe5));
        }
    }

    void zoomingInDrawsFullResolution()
    {
        const app::ChartData data = chartOf(2, "[BTC]", {"BTC"});
        ChartView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        const double fullDays = double(data.equity.back().timeMs - data.equity.front().timeMs) / kDayMs;
        const double fullPerDay = double(view.drawnEquityPoints()) / fullDays;
        // Two days inside the holdout: every 5m bar of them is drawn, plus one neighbour on each side.
        const std::int64_t from = data.holdout.fromMs + kDayMs;
        const std::int64_t to = from + 2 * kDayMs;
        view.zoomToRange(from, to);
        QCOMPARE(view.drawnEquityPoints(), pointsInside(data, from, to) + 2);
        const double zoomedPerDay = double(view.drawnEquityPoints()) / 2.0;
        QVERIFY2(zoomedPerDay > 5 * fullPerDay,
                 qPrintable(QStringLiteral("%1 vs %2").arg(zoomedPerDay).arg(fullPerDay)));
        for (const auto& range : ranges(view))
            QCOMPARE(range, std::make_pair(gui::report::axisTime(from), gui::report::axisTime(to)));
        // Reset zoom shows the whole run again.
        view.findChild<QAction*>(QStringLiteral("resetZoom"))->trigger();
        QCOMPARE(ranges(view)[1], std::make_pair(gui::report::axisTime(data.equity.front().timeMs),
                                                 gui::report::axisTime(data.equity.back().timeMs)));
        QCOMPARE(double(view.drawnEquityPoints()) / fullDays, fullPerDay);
    }

    void zoomAndPanOnOneChartApplyToAll()
    {
        const app::ChartData data = chartOf(3, "[BTC]", {"BTC"});
        ChartView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        auto* drawdown = view.findChild<gui::DrawdownChart*>(QStringLiteral("drawdownChart"));
        const auto full = drawdown->xRange();
        wheel(drawdown->viewport(), 3);
        const auto zoomed = ranges(view);
        QVERIFY(zoomed[2].second - zoomed[2].first < full.second - full.first);
        QCOMPARE(zoomed[0], zoomed[2]);
        QCOMPARE(zoomed[1], zoomed[2]);
        // Three notches of 1.25 around the middle: the width is divided by 1.25^3.
        QCOMPARE(std::round((full.second - full.first) / (zoomed[2].second - zoomed[2].first) * 1000.0),
                 std::round(std::pow(1.25, 3) * 1000.0));
        // An arrow key pans the price chart back in time; the others follow.
        auto* price = view.findChild<gui::PriceChart*>(QStringLiteral("priceChart"));
        price->setFocus();
        QTest::keyClick(price, Qt::Key_Left);
        const auto panned = ranges(view);
        QVERIFY(panned[0].first < zoomed[0].first);
        QCOMPARE(panned[0].second - panned[0].first, zoomed[0].second - zoomed[0].first);
        QCOMPARE(panned[1], panned[0]);
        QCOMPARE(panned[2], panned[0]);
    }

    void aRubberBandZoomsEveryChart()
    {
        const app::ChartData data = chartOf(4, "[BTC]", {"BTC"});
        ChartView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        auto* equity = view.findChild<gui::EquityChart*>(QStringLiteral("equityChart"));
        const auto full = equity->xRange();
        const QRect plot = equity->chart()->plotArea().toRect();
        const QPoint start(plot.left() + plot.width() / 4, plot.center().y());
        const QPoint end(plot.left() + plot.width() / 2, plot.center().y());
        QTest::mousePress(equity->viewport(), Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseMove(equity->viewport(), end);
        QTest::mouseRelease(equity->viewport(), Qt::LeftButton, Qt::NoModifier, end);
        const auto zoomed = ranges(view);
        // A quarter of the plot's width selected: a quarter of the span, starting a quarter in.
        const double span = full.second - full.first;
        QVERIFY(std::abs((zoomed[1].second - zoomed[1].first) - span / 4.0) < span / 100.0);
        QVERIFY(std::abs((zoomed[1].first - full.first) - span / 4.0) < span / 100.0);
        QCOMPARE(zoomed[0], zoomed[1]);
        QCOMPARE(zoomed[2], zoomed[1]);
    }

    void theCrosshairShowsTheValuesUnderTheMouse()
    {
        const app::ChartData data = chartOf(5, "[BTC]", {"BTC"});
        ChartView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        auto* equity = view.findChild<gui::EquityChart*>(QStringLiteral("equityChart"));
        auto* label = view.findChild<QLabel*>(QStringLiteral("crosshairLabel"));
        QVERIFY(label->text().isEmpty());
        // Zoom to the last day and an hour past the data, then point near the plot's right edge: past the last bar,
        // whose values the crosshair shows (the bar at or before the mouse), at the bar's time. The first move
        // enters the chart.
        constexpr std::int64_t kHourMs = 3'600'000;
        view.zoomToRange(data.equity.back().timeMs - kDayMs, data.equity.back().timeMs + kHourMs);
        const QRectF plot = equity->chart()->plotArea();
        QSignalSpy moved(equity, &TimeChartView::cursorMoved);
        QTest::mouseMove(equity->viewport(), plot.center().toPoint());
        QTest::mouseMove(equity->viewport(), QPoint(int(plot.right()) - 2, int(plot.center().y())));
        QVERIFY(!moved.isEmpty());
        const QString text = label->text();
        const QString lastBar = QDateTime::fromMSecsSinceEpoch(data.equity.back().timeMs, Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-dd hh:mm"));
        QVERIFY2(text.startsWith(lastBar + QStringLiteral(" UTC")), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(data.equity.back().equity, 'f', 2)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("BTC ") + QLocale().toString(data.candles[0].close.back(), 'f', 2)),
                 qPrintable(text));
    }

    void theSymbolSelectorSwitchesThePriceChart()
    {
        const app::ChartData data = chartOf(6, "[ETH, BTC]", {"ETH", "BTC"});
        ChartView view;
        view.resize(1200, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        auto* selector = view.findChild<QComboBox*>(QStringLiteral("symbolSelector"));
        QVERIFY(selector->isVisible());
        QCOMPARE(selector->count(), 2);
        QCOMPARE(selector->currentText(), QStringLiteral("ETH"));
        const auto countOf = [&](const std::string& symbol) {
            return static_cast<std::size_t>(std::count_if(data.trades.begin(), data.trades.end(),
                                                          [&](const auto& t) { return t.symbol == symbol; }));
        };
        QCOMPARE(view.tradeMarkerCount(), 2 * countOf("ETH"));
        view.zoomToRange(data.holdout.fromMs, data.holdout.toMs);
        selector->setCurrentIndex(1);
        QCOMPARE(view.tradeMarkerCount(), 2 * countOf("BTC"));
        QCOMPARE(countOf("ETH") + countOf("BTC"), data.trades.size());
        // The zoom is kept across the switch.
        const auto kept = ranges(view);
        QCOMPARE(kept[0], kept[1]);
    }
};

QTEST_MAIN(TstChartView)
#include "tst_chartview.moc"
