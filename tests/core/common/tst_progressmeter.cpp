// SPDX-License-Identifier: MIT
// Tests of ProgressMeter on a fake clock: rate, ETA, the exact line texts and the redraw and print cadence.
#include <QtTest>

#include "common/progressmeter.h"

using sixbtc::common::formatClockDuration;
using sixbtc::common::ProgressMeter;

namespace {

constexpr std::int64_t kStartMs = 50'000;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstProgressMeter : public QObject
{
    Q_OBJECT

private:
    std::int64_t m_nowMs = kStartMs;

    ProgressMeter meter()
    {
        return ProgressMeter([this] { return m_nowMs; });
    }

private slots:
    void init() { m_nowMs = kStartMs; }

    // 120 of 240 units after 3,846 ms: 31.2 units/s, 120 units left take 3.846 s, shown rounded up as 0:04.
    void halfwayLines()
    {
        ProgressMeter m = meter();
        m.start("validate", 240);
        m_nowMs += 3'846;
        m.advance(120);
        QCOMPARE(m.elapsedMs(), std::int64_t(3'846));
        QVERIFY(std::abs(m.rate() - 120.0 / 3.846) < 1e-9);
        QVERIFY(m.eta().has_value());
        QVERIFY(std::abs(*m.eta() - 3.846) < 1e-9);
        QCOMPARE(qs(m.barLine(20)), QStringLiteral("validate [##########----------] 120/240  31.2/s  ETA 0:04"));
        QCOMPARE(qs(m.plainLine()), QStringLiteral("validate: 120/240 (50%), 31.2/s, ETA 0:04"));
    }

    // 240 units in 7.7 s: 31.17 units/s; the elapsed time stops at finish().
    void finishLine()
    {
        ProgressMeter m = meter();
        m.start("validate", 240);
        m_nowMs += 7'700;
        m.advance(240);
        m.finish();
        m_nowMs += 5'000;
        QCOMPARE(m.elapsedMs(), std::int64_t(7'700));
        QCOMPARE(qs(m.finishLine()), QStringLiteral("validate: 240 in 7.7 s (31.2/s)"));
        QCOMPARE(qs(m.barLine(10)), QStringLiteral("validate [##########] 240/240  31.2/s  ETA 0:00"));
    }

    void finishShortOfTheTotalShowsBoth()
    {
        ProgressMeter m = meter();
        m.start("backtest", 1'000);
        m_nowMs += 4'000;
        m.advance(250);
        m.finish();
        QCOMPARE(qs(m.finishLine()), QStringLiteral("backtest: 250/1000 in 4.0 s (62.5/s)"));
    }

    void noEtaBeforeTheFirstUnit()
    {
        ProgressMeter m = meter();
        m.start("generate", 7);
        QCOMPARE(m.rate(), 0.0);
        QVERIFY(!m.eta().has_value());
        m_nowMs += 2'000;
        QVERIFY(!m.eta().has_value());
        QCOMPARE(qs(m.barLine(7)), QStringLiteral("generate [-------] 0/7  0.0/s  ETA -:--"));
        QCOMPARE(qs(m.plainLine()), QStringLiteral("generate: 0/7 (0%), 0.0/s, ETA -:--"));
        // One unit in the same millisecond as the start: no elapsed time, so no rate and no ETA yet.
        m.start("generate", 7);
        m.advance();
        QCOMPARE(m.rate(), 0.0);
        QVERIFY(!m.eta().has_value());
    }

    // The bar floors: 2 of 3 over 10 cells is 6.67 cells, drawn as 6; 66.7 % is printed as 66 %.
    void barAndPercentRoundDown()
    {
        ProgressMeter m = meter();
        m.start("score", 3);
        m_nowMs += 1'000;
        m.advance(2);
        QCOMPARE(qs(m.barLine(10)), QStringLiteral("score [######----] 2/3  2.0/s  ETA 0:01"));
        QCOMPARE(qs(m.plainLine()), QStringLiteral("score: 2/3 (66%), 2.0/s, ETA 0:01"));
    }

    void emptyPhaseIsComplete()
    {
        ProgressMeter m = meter();
        m.start("store", 0);
        QCOMPARE(qs(m.barLine(4)), QStringLiteral("store [####] 0/0  0.0/s  ETA -:--"));
        QCOMPARE(qs(m.plainLine()), QStringLiteral("store: 0/0 (100%), 0.0/s, ETA -:--"));
        QVERIFY(!m.shouldPrintPlain());
        QVERIFY(m.shouldRedraw());
        QVERIFY(!m.shouldRedraw());
    }

    void clockDurations_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0:00");
        QTest::newRow("fraction rounds up") << 0.2 << QStringLiteral("0:01");
        QTest::newRow("whole") << 59.0 << QStringLiteral("0:59");
        QTest::newRow("minute") << 60.0 << QStringLiteral("1:00");
        QTest::newRow("last second of the hour") << 3'599.0 << QStringLiteral("59:59");
        QTest::newRow("rounds up to the hour") << 3'599.5 << QStringLiteral("1:00:00");
        QTest::newRow("hour") << 3'600.0 << QStringLiteral("1:00:00");
        QTest::newRow("long") << 3.0 * 3'600 + 25 * 60 + 7 << QStringLiteral("3:25:07");
    }
    void clockDurations()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(qs(formatClockDuration(seconds)), text);
    }

    void restartForgetsThePreviousPhase()
    {
        ProgressMeter m = meter();
        m.start("one", 2);
        m_nowMs += 1'000;
        m.advance(2);
        m.finish();
        m.start("two", 5);
        QCOMPARE(qs(m.phase()), QStringLiteral("two"));
        QCOMPARE(m.done(), std::size_t(0));
        QVERIFY(!m.finished());
        m_nowMs += 500;
        QCOMPARE(m.elapsedMs(), std::int64_t(500));
    }

    // Redraws: the first call, then at most one per 100 ms, and the end once even inside 100 ms.
    void redrawCadence()
    {
        ProgressMeter m = meter();
        m.start("backtest", 10);
        QVERIFY(m.shouldRedraw());
        m.advance();
        QVERIFY(!m.shouldRedraw());
        m_nowMs += 99;
        m.advance();
        QVERIFY(!m.shouldRedraw());
        m_nowMs += 1;
        QVERIFY(m.shouldRedraw());
        m_nowMs += 50;
        QVERIFY(!m.shouldRedraw());
        m.advance(8);
        QVERIFY(m.shouldRedraw());
        QVERIFY(!m.shouldRedraw());
        m_nowMs += 100;
        QVERIFY(m.shouldRedraw());
    }

    void finishIsAlwaysRedrawn()
    {
        ProgressMeter m = meter();
        m.start("backtest", 10);
        QVERIFY(m.shouldRedraw());
        m.advance(3);
        m.finish();
        QVERIFY(m.shouldRedraw());
        QVERIFY(!m.shouldRedraw());
    }

    // Plain lines: one per new 10 % step (several steps at once give one line), or after 10 s without one.
    void plainCadence()
    {
        ProgressMeter m = meter();
        m.start("validate", 200);
        QVERIFY(!m.shouldPrintPlain());
        m.advance(19);
        QVERIFY(!m.shouldPrintPlain());
        m.advance();
        QVERIFY(m.shouldPrintPlain()); // 10 %
        QVERIFY(!m.shouldPrintPlain());
        m.advance(19);
        QVERIFY(!m.shouldPrintPlain()); // 19.5 %
        m.advance(21);
        QVERIFY(m.shouldPrintPlain()); // 30 %: one line for the 20 % and 30 % steps
        QVERIFY(!m.shouldPrintPlain());
        m_nowMs += 9'999;
        QVERIFY(!m.shouldPrintPlain());
        m_nowMs += 1;
        QVERIFY(m.shouldPrintPlain()); // 10 s since the last line
        m_nowMs += 5'000;
        m.advance(20);
        QVERIFY(m.shouldPrintPlain()); // 40 %, 5 s after the timed line
        m.advance(120);
        QVERIFY(!m.shouldPrintPlain()); // the end belongs to the finish line
        m_nowMs += 60'000;
        QVERIFY(!m.shouldPrintPlain());
    }

    void plainTimerStartsAtTheStart()
    {
        ProgressMeter m = meter();
        m_nowMs += 123'456;
        m.start("generate", 1'000);
        m_nowMs += 9'999;
        QVERIFY(!m.shouldPrintPlain());
        m_nowMs += 1;
        QVERIFY(m.shouldPrintPlain());
        QCOMPARE(qs(m.plainLine()), QStringLiteral("generate: 0/1000 (0%), 0.0/s, ETA -:--"));
    }
};

QTEST_GUILESS_MAIN(TstProgressMeter)
#include "tst_progressmeter.moc"
