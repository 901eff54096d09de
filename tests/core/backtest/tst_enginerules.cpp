// SPDX-License-Identifier: MIT
// Hand-checked cases for the rules the spec's worked examples do not reach.
#include <QtTest>

#include "backtest/engine.h"
#include "backtestfixture.h"

using namespace sixbtc::backtest;
using namespace sixbtc::backtest::testing;

namespace {

const Bar kFlat{100, 100.5, 99.5, 100};

Bar withSignal(Bar bar, int signal)
{
    bar.signal = signal;
    return bar;
}

} // namespace

class TstEngineRules : public QObject
{
    Q_OBJECT

private slots:
    void timeExitComesBeforeStopOnTheSameBar()
    {
        // Bar 2 both reaches the time limit (N = 1) and trades through the stop: TIME at the open wins.
        const HandSymbol sym("X", {withSignal(kFlat, 1), kFlat, {100, 100.5, 90, 95}, kFlat});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        engine.run({0.02, 0.04, 5.0, 1});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        QCOMPARE(engine.trades()[0].reason, ExitReason::Time);
        QCOMPARE(engine.trades()[0].exitBar, std::int64_t(2));
        QCOMPARE(engine.trades()[0].exitPx, 100.0 * (1.0 - 0.0002));
        engine.run({0.02, 0.04, 5.0, 2});
        QCOMPARE(engine.trades()[0].reason, ExitReason::StopLoss);
        QCOMPARE(engine.trades()[0].exitPx, 100.0 * (1.0 + 0.0002) * (1.0 - 0.02) * (1.0 - 0.0002));
    }

    void exitSignalClosesOnlyItsSide()
    {
        Bar shortExit = kFlat;
        shortExit.shortExit = true;
        Bar longExit = {101, 101.5, 100.5, 101};
        longExit.longExit = true;
        const HandSymbol sym("X", {withSignal(kFlat, 1), shortExit, longExit, {102, 102.5, 101.5, 102}, kFlat});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        engine.run({0.05, 0.05, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& t = engine.trades()[0];
        QCOMPARE(t.reason, ExitReason::ExitSignal);
        QCOMPARE(t.exitBar, std::int64_t(3));
        QCOMPARE(t.exitPx, 102.0 * (1.0 - 0.0002));
    }

    void exitSignalBeatsOppositeSignalAndTheReverseStillOpens()
    {
        Bar both = withSignal({101, 101.5, 100.5, 101}, -1);
        both.longExit = true;
        const HandSymbol sym("X", {withSignal(kFlat, 1), kFlat, both, {102, 102.5, 101.5, 102}, kFlat});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        engine.run({0.05, 0.05, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(2));
        QCOMPARE(engine.trades()[0].reason, ExitReason::ExitSignal);
        QCOMPARE(engine.trades()[1].dir, -1);
        QCOMPARE(engine.trades()[1].entryBar, std::int64_t(3));
        QCOMPARE(engine.trades()[1].reason, ExitReason::End);
    }

    void sameDirectionReentryRightAfterTimeExit()
    {
        const HandSymbol sym("X", {withSignal(kFlat, 1), kFlat, withSignal(kFlat, 1), {101, 101.5, 100.5, 101}, kFlat});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        engine.run({0.05, 0.05, 1.0, 2});
        QCOMPARE(engine.trades().size(), std::size_t(2));
        QCOMPARE(engine.trades()[0].reason, ExitReason::Time);
        QCOMPARE(engine.trades()[0].exitBar, std::int64_t(3));
        QCOMPARE(engine.trades()[1].dir, 1);
        QCOMPARE(engine.trades()[1].entryBar, std::int64_t(3));
        QCOMPARE(engine.trades()[1].entryPx, 101.0 * (1.0 + 0.0002));
        // Without the time exit the same-direction signal is ignored.
        engine.run({0.05, 0.05, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        QCOMPARE(engine.trades()[0].entryBar, std::int64_t(1));
    }

    void reversalPaysTwoFees()
    {
        const HandSymbol sym("X", {withSignal(kFlat, 1), withSignal(kFlat, -1), {101, 101.5, 100.5, 101}, kFlat});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        engine.run({0.05, 0.05, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(2));
        const Trade& first = engine.trades()[0];
        const Trade& second = engine.trades()[1];
        QCOMPARE(first.reason, ExitReason::Signal);
        QCOMPARE(first.exitBar, std::int64_t(2));
        QCOMPARE(second.entryBar, std::int64_t(2));
        QCOMPARE(second.dir, -1);
        // Independent replay of the spec formulas in their written order.
        const double entry1 = 100.0 * (1.0 + 0.0002);
        const double notional1 = 10000.0 * 0.01 / 0.05;
        const double qty1 = notional1 / entry1;
        const double fee1 = notional1 * 0.0004;
        const double exit1 = 101.0 * (1.0 - 0.0002);
        const double gross1 = 1.0 * qty1 * (exit1 - entry1);
        const double exitFee1 = qty1 * exit1 * 0.0004;
        const double cash = (10000.0 - fee1) + (gross1 - exitFee1);
        QCOMPARE(first.exitFee, exitFee1);
        QCOMPARE(first.pnlNet, gross1 - exitFee1 - fee1);
        QCOMPARE(second.equityAtEntry, cash);
        const double notional2 = cash * 0.01 / 0.05;
        QCOMPARE(second.notional, notional2);
        QCOMPARE(second.entryFee, notional2 * 0.0004);
        QCOMPARE(second.entryPx, 101.0 * (1.0 - 0.0002));
        QCOMPARE(engine.equity()[2], (cash - notional2 * 0.0004) + -1.0 * second.qty * (101.0 - second.entryPx));
        // Without exit_on_opposite the short signal is ignored.
        EngineSettings s = exampleSettings();
        s.exitOnOpposite = false;
        Engine plain(data, s);
        plain.run({0.05, 0.05, 1.0, 0});
        QCOMPARE(plain.trades().size(), std::size_t(1));
        QCOMPARE(plain.trades()[0].reason, ExitReason::End);
    }

    void skipBelowMinNotional()
    {
        const HandSymbol sym("X", {withSignal(kFlat, 1), kFlat, kFlat});
        const BacktestData data = makeData({&sym});
        EngineSettings s = exampleSettings();
        s.minNotional = 5000.0;
        Engine taken(data, s);
        taken.run({0.02, 0.04, 5.0, 0});
        QCOMPARE(taken.trades().size(), std::size_t(1));
        s.minNotional = 5000.000000001;
        Engine skipped(data, s);
        const Metrics m = skipped.run({0.02, 0.04, 5.0, 0});
        QCOMPARE(skipped.trades().size(), std::size_t(0));
        QCOMPARE(m.finalEquity, 10000.0);
        QCOMPARE(m.sharpe, 0.0);
        QCOMPARE(m.winRate, 0.0);
        QCOMPARE(m.expectancy, 0.0);
        QCOMPARE(m.expectancyUsdc, 0.0);
    }

    void skipForMarginWithThreeSymbols()
    {
        const std::vector<Bar> bars{withSignal(kFlat, 1), kFlat, kFlat};
        const HandSymbol a("A", bars);
        const HandSymbol b("B", bars);
        const HandSymbol c("C", bars);
        const BacktestData data = makeData({&a, &b, &c});
        EngineSettings s = exampleSettings();
        s.maxPositionSizePct = 0.4;
        Engine engine(data, s);
        engine.run({0.005, 0.5, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(2));
        QCOMPARE(engine.trades()[0].symbol, 0);
        QCOMPARE(engine.trades()[1].symbol, 1);
        QCOMPARE(engine.trades()[0].margin, 4000.0);
        const double equityB = (10000.0 - 4000.0 * 0.0004) + fill::upnl(1, engine.trades()[0].qty, 100.02, 100.0);
        QCOMPARE(engine.trades()[1].equityAtEntry, equityB);
        QCOMPARE(engine.trades()[1].margin, 0.4 * equityB * 1.0 / 1.0);
    }

    void maxOpenPositionsCountsEverySymbol()
    {
        const HandSymbol a("A", {withSignal(kFlat, 1), {100, 111, 99.5, 100}, kFlat, kFlat});
        const HandSymbol b("B", {withSignal(kFlat, 1), kFlat, kFlat, kFlat});
        const HandSymbol c("C", {withSignal(kFlat, 1), withSignal(kFlat, 1), kFlat, kFlat});
        const BacktestData data = makeData({&a, &b, &c});
        EngineSettings s = exampleSettings();
        s.maxOpenPositions = 2;
        s.maxPositionSizePct = 0.1;
        Engine engine(data, s);
        engine.run({0.05, 0.1, 1.0, 0});
        // Bar 1: A and B open, C is refused (2 open). A takes profit in bar 1, so C's signal of bar 1 opens at bar 2.
        QCOMPARE(engine.trades().size(), std::size_t(3));
        QCOMPARE(engine.trades()[0].symbol, 0);
        QCOMPARE(engine.trades()[0].reason, ExitReason::TakeProfit);
        QCOMPARE(engine.trades()[1].symbol, 1);
        QCOMPARE(engine.trades()[1].entryBar, std::int64_t(1));
        QCOMPARE(engine.trades()[2].symbol, 2);
        QCOMPARE(engine.trades()[2].entryBar, std::int64_t(2));
        QCOMPARE(engine.trades()[2].reason, ExitReason::End);
    }

    void endClosesAtTheLastClose()
    {
        const HandSymbol sym("X", {withSignal(kFlat, -1), kFlat, {100, 100.5, 99.5, 99.0}});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        const Metrics m = engine.run({0.05, 0.05, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& t = engine.trades()[0];
        QCOMPARE(t.reason, ExitReason::End);
        QCOMPARE(t.exitBar, std::int64_t(2));
        QCOMPARE(t.exitPx, 99.0 * (1.0 + 0.0002));
        const double cash = (10000.0 - t.entryFee) + (-1.0 * t.qty * (t.exitPx - t.entryPx) - t.exitFee);
        QCOMPARE(engine.equity()[2], cash);
        QCOMPARE(m.finalEquity, cash);
    }

    void conflictingSignalsNeitherEnterNorExit()
    {
        const HandSymbol sym("X", {withSignal(kFlat, 2), withSignal(kFlat, 1), withSignal(kFlat, 2), kFlat});
        const BacktestData data = makeData({&sym});
        QCOMPARE(data.track(0).entry[0], std::int8_t(0));
        Engine engine(data, exampleSettings());
        engine.run({0.05, 0.05, 1.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        QCOMPARE(engine.trades()[0].entryBar, std::int64_t(2));
        QCOMPARE(engine.trades()[0].reason, ExitReason::End);
    }

    void noEntryOnceEquityIsGone()
    {
        const Bar calm{100, 100.05, 99.95, 100};
        const HandSymbol sym("X", {withSignal(calm, 1), calm, withSignal({70, 71, 69, 70}, 1), calm, calm});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        const Metrics m = engine.run({0.002, 0.05, 10.0, 0});
        QCOMPARE(engine.trades().size(), std::size_t(1));
        QCOMPARE(engine.trades()[0].notional, 50000.0);
        QCOMPARE(engine.trades()[0].exitPx, 70.0 * (1.0 - 0.0002));
        QVERIFY(engine.equity()[2] < 0.0);
        QCOMPARE(engine.equity()[4], engine.equity()[2]);
        QVERIFY(engine.equity()[1] < 10000.0);
        QCOMPARE(m.maxDrawdown, (10000.0 - engine.equity()[2]) / 10000.0);
        QVERIFY(m.maxDrawdown > 1.0);
        QCOMPARE(barReturn(5.0, -3.0), 0.0);
        QCOMPARE(barReturn(5.0, 0.0), 0.0);
    }

    void takeProfitGapFillsAtTheLevel()
    {
        const HandSymbol sym("X", {withSignal(kFlat, 1), kFlat, {110, 111, 109, 110}, kFlat});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        engine.run({0.05, 0.05, 1.0, 0});
        const double tp = 100.0 * (1.0 + 0.0002) * (1.0 + 0.05);
        QCOMPARE(engine.trades()[0].reason, ExitReason::TakeProfit);
        QCOMPARE(engine.trades()[0].exitPx, tp * (1.0 - 0.0002));
    }

    void symbolWithGapInTwoSymbolPortfolio()
    {
        // A has every 5m slot 0..5; B misses slot 3. The run has the common slots 0 1 2 4 5.
        const HandSymbol a("A", {kFlat, kFlat, kFlat, withSignal(kFlat, 1), kFlat, kFlat});
        const HandSymbol b("B", {{100, 100.5, 99.5, 100, 0, false, false, 0},
                                 {100, 100.5, 99.5, 100, 0, false, false, 1},
                                 {100, 100.5, 99.5, 100, -1, false, false, 2},
                                 {97, 97.5, 96.5, 97, 0, false, false, 4},
                                 {97, 97.5, 96.5, 97, 0, false, false, 5}});
        const BacktestData data = makeData({&a, &b});
        QCOMPARE(data.bars(), std::size_t(5));
        QCOMPARE(data.timestampMs()[3], std::int64_t(4 * 300'000));
        Engine engine(data, exampleSettings());
        engine.run({0.05, 0.05, 1.0, 0});
        // A's signal sits on the missing slot and is dropped; B's signal of slot 2 opens at the open of slot 4.
        QCOMPARE(engine.trades().size(), std::size_t(1));
        const Trade& t = engine.trades()[0];
        QCOMPARE(t.symbol, 1);
        QCOMPARE(t.entryBar, std::int64_t(3));
        QCOMPARE(t.entryPx, 97.0 * (1.0 - 0.0002));
        QCOMPARE(t.exitBar, std::int64_t(4));
    }
};

QTEST_GUILESS_MAIN(TstEngineRules)
#include "tst_enginerules.moc"
