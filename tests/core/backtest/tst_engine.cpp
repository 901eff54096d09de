// SPDX-License-Identifier: MIT
// The worked examples and sizing checks of spec section 12, run through the reference Engine.
#include <QtTest>

#include "backtest/engine.h"
#include "backtestfixture.h"

using namespace sixbtc::backtest;
using namespace sixbtc::backtest::testing;

class TstEngine : public QObject
{
    Q_OBJECT

private slots:
    void example1LongTakeProfit()
    {
        const HandSymbol sym(
            "X", {{100, 101, 99, 100, 1}, {100, 102, 99.5, 101}, {101, 105, 100.5, 104.5}, {104.5, 105, 104, 104.8}});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        const Metrics m = engine.run({0.02, 0.04, 5.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& tr = engine.trades()[0];
        QCOMPARE(tr.entryBar, std::int64_t(1));
        QCOMPARE(tr.exitBar, std::int64_t(2));
        QCOMPARE(tr.dir, 1);
        QCOMPARE(tr.reason, ExitReason::TakeProfit);
        SIXBTC_COMPARE_REL(tr.entryPx, 100.02);
        QCOMPARE(tr.qty, 49.99000199960008);
        QCOMPARE(tr.notional, 5000.0);
        QCOMPARE(tr.margin, 1000.0);
        SIXBTC_COMPARE_REL(tr.entryFee, 2.0);
        SIXBTC_COMPARE_REL(tr.exitPx, 103.99999584);
        SIXBTC_COMPARE_REL(tr.exitFee, 2.079584);
        QCOMPARE(tr.pnlNet, 194.88041600000005);
        QCOMPARE(tr.equityAtEntry, 10000.0);
        const fill::CloseAmounts a = fill::closeAmounts(1, tr.qty, tr.entryPx, tr.exitPx, tr.entryFee, 0.0004);
        SIXBTC_COMPARE_REL(a.gross, 198.96);
        QCOMPARE(engine.equity()[0], 10000.0);
        QCOMPARE(engine.equity()[1], 10046.990201959608);
        SIXBTC_COMPARE_REL(engine.equity()[2], 10194.880416);
        QCOMPARE(engine.equity()[3], engine.equity()[2]);
        SIXBTC_COMPARE_REL(m.totalReturn, 0.0194880416);
        QCOMPARE(m.winRate, 1.0);
        SIXBTC_COMPARE_REL(m.expectancy, 0.0194880416);
        QCOMPARE(m.expectancyUsdc, tr.pnlNet);
        QCOMPARE(m.maxDrawdown, 0.0);
        QCOMPARE(m.edRatio, 0.0);
        QCOMPARE(m.consistency, 0.75);
        QCOMPARE(m.nTrades, std::int64_t(1));
        QCOMPARE(m.finalEquity, engine.equity()[3]);
    }

    void example1Levels()
    {
        double sl = 0.0;
        double tp = 0.0;
        fill::levels(100.0 * 1.0002, 1, {0.02, 0.04, 5.0, 0}, sl, tp);
        SIXBTC_COMPARE_REL(sl, 98.0196);
        SIXBTC_COMPARE_REL(tp, 104.0208);
    }

    void example2ShortTieTakesStop()
    {
        const HandSymbol sym("X", {{200, 201, 199, 200, -1}, {200, 203, 195, 197}, {197, 198, 196, 197.5}});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        const Metrics m = engine.run({0.01, 0.02, 3.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& tr = engine.trades()[0];
        QCOMPARE(tr.dir, -1);
        QCOMPARE(tr.entryBar, std::int64_t(1));
        QCOMPARE(tr.exitBar, std::int64_t(1));
        QCOMPARE(tr.reason, ExitReason::StopLoss);
        QCOMPARE(tr.notional, 10000.0);
        QCOMPARE(tr.margin, 3333.3333333333335);
        SIXBTC_COMPARE_REL(tr.entryPx, 199.96);
        QCOMPARE(tr.qty, 50.01000200040008);
        SIXBTC_COMPARE_REL(tr.entryFee, 4.0);
        double sl = 0.0;
        double tp = 0.0;
        fill::levels(tr.entryPx, -1, {0.01, 0.02, 3.0, 0}, sl, tp);
        QCOMPARE(sl, 201.95960000000002);
        SIXBTC_COMPARE_REL(tp, 195.9608);
        SIXBTC_COMPARE_REL(tr.exitPx, 201.99999192);
        SIXBTC_COMPARE_REL(tr.exitFee, 4.040808);
        SIXBTC_COMPARE_REL(tr.pnlNet, -110.060808);
        SIXBTC_COMPARE_REL(engine.equity()[1], 9889.939192);
        QCOMPARE(engine.equity()[2], engine.equity()[1]);
        SIXBTC_COMPARE_REL(m.totalReturn, -0.0110060808);
        SIXBTC_COMPARE_REL(m.maxDrawdown, 0.0110060808);
        SIXBTC_COMPARE_REL(m.expectancy, -0.0110060808);
        QCOMPARE(m.edRatio, -1.0000000000000009);
        QCOMPARE(m.consistency, 0.0);
        QCOMPARE(m.winRate, 0.0);
    }

    void example3StopGappedThrough()
    {
        const HandSymbol sym("X", {{50, 50.5, 49.5, 50, 1},
                                   {50, 50.5, 49.8, 50.2},
                                   {50.2, 50.3, 50.0, 50.1},
                                   {49.0, 49.6, 48.8, 49.3},
                                   {49.3, 49.5, 49.1, 49.4}});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        const Metrics m = engine.run({0.01, 0.03, 2.0, 3});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& tr = engine.trades()[0];
        QCOMPARE(tr.notional, 10000.0);
        QCOMPARE(tr.margin, 5000.0);
        SIXBTC_COMPARE_REL(tr.entryPx, 50.01);
        QCOMPARE(tr.qty, 199.96000799840033);
        double sl = 0.0;
        double tp = 0.0;
        fill::levels(tr.entryPx, 1, {0.01, 0.03, 2.0, 3}, sl, tp);
        QCOMPARE(sl, 49.509899999999995);
        SIXBTC_COMPARE_REL(tp, 51.5103);
        QCOMPARE(engine.equity()[1], 10033.992401519698);
        QCOMPARE(engine.equity()[2], 10013.996400719856);
        QCOMPARE(tr.reason, ExitReason::StopLoss);
        QCOMPARE(tr.exitBar, std::int64_t(3));
        SIXBTC_COMPARE_REL(tr.exitPx, 48.9902);
        const fill::CloseAmounts a = fill::closeAmounts(1, tr.qty, tr.entryPx, tr.exitPx, tr.entryFee, 0.0004);
        QCOMPARE(a.gross, -203.91921615676796);
        QCOMPARE(tr.exitFee, 3.918432313537293);
        QCOMPARE(tr.pnlNet, -211.83764847030525);
        QCOMPARE(engine.equity()[3], 9788.162351529694);
        QCOMPARE(engine.equity()[4], 9788.162351529694);
        QCOMPARE(m.maxDrawdown, 0.02449972455159236);
        QCOMPARE(m.consistency, 0.4);
    }

    void example3bTimeExit()
    {
        const HandSymbol sym("X", {{50, 50.5, 49.5, 50, 1},
                                   {50, 50.5, 49.8, 50.2},
                                   {50.2, 50.3, 50.0, 50.1},
                                   {50.1, 50.4, 49.9, 50.3},
                                   {50.35, 50.5, 50.2, 50.4}});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        engine.run({0.01, 0.03, 2.0, 3});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& tr = engine.trades()[0];
        QCOMPARE(tr.reason, ExitReason::Time);
        QCOMPARE(tr.exitBar, std::int64_t(4));
        SIXBTC_COMPARE_REL(tr.exitPx, 50.33993);
        const fill::CloseAmounts a = fill::closeAmounts(1, tr.qty, tr.entryPx, tr.exitPx, tr.entryFee, 0.0004);
        QCOMPARE(a.gross, 65.97280543891311);
        QCOMPARE(tr.exitFee, 4.026389122175565);
        QCOMPARE(tr.pnlNet, 57.94641631673755);
        QCOMPARE(engine.equity()[3], 10053.988402319535);
        QCOMPARE(engine.equity()[4], 10057.946416316738);
    }

    void sizingCapBinds()
    {
        EngineSettings s = exampleSettings();
        s.maxPositionSizePct = 0.25;
        double notional = 0.0;
        double margin = 0.0;
        QVERIFY(fill::sizeEntry(10000.0, 0.0, s, {0.005, 0.01, 1.0, 0}, notional, margin));
        QCOMPARE(notional, 2500.0);
        QCOMPARE(margin, 2500.0);
    }

    void sizingMinNotional()
    {
        EngineSettings s = exampleSettings();
        s.maxPositionSizePct = 0.25;
        double notional = 0.0;
        double margin = 0.0;
        QVERIFY(fill::sizeEntry(400.0, 0.0, s, {0.005, 0.01, 1.0, 0}, notional, margin));
        QCOMPARE(notional, 100.0);
        QVERIFY(!fill::sizeEntry(30.0, 0.0, s, {0.005, 0.01, 1.0, 0}, notional, margin));
        QCOMPARE(notional, 7.5);
    }

    void sizingSecondSymbolSkippedForMargin()
    {
        const std::vector<Bar> bars{{100, 101, 99, 100, 1}, {100, 100.5, 99.5, 100}, {100, 100.5, 99.5, 100}};
        const HandSymbol a("A", bars);
        const HandSymbol b("B", bars);
        const BacktestData data = makeData({&a, &b});
        Engine engine(data, exampleSettings());
        engine.run({0.01, 0.5, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& tr = engine.trades()[0];
        QCOMPARE(tr.symbol, 0);
        QCOMPARE(tr.notional, 5000.0);
        QCOMPARE(tr.margin, 5000.0);
        SIXBTC_COMPARE_REL(tr.entryFee, 2.0);
        QCOMPARE(tr.reason, ExitReason::End);
        // What the second symbol saw at the open of bar 1, and why it was skipped.
        const double equity = 9998.0 + fill::upnl(1, tr.qty, tr.entryPx, 100.0);
        QVERIFY(closeRel(equity, 9998.0 - 5000.0 * 0.0002 / 1.0002));
        QVERIFY(closeRel(equity, 9997.0002, 1e-8));
        double notional = 0.0;
        double margin = 0.0;
        QVERIFY(!fill::sizeEntry(equity, 5000.0, exampleSettings(), {0.01, 0.5, 1.0, 0}, notional, margin));
        QVERIFY(closeRel(notional, 4998.5001, 1e-8));
        QVERIFY(margin > equity - 5000.0);
    }
};

QTEST_GUILESS_MAIN(TstEngine)
#include "tst_engine.moc"
