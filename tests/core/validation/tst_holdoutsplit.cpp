// SPDX-License-Identifier: MIT
// splitTrainingHoldout on hand-made extents: full, cut, zero holdout, and nothing left for training.
#include <QtTest>

#include "validation/holdoutsplit.h"

using sixbtc::common::Timeframe;
using sixbtc::validation::splitTrainingHoldout;

namespace {

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kT0 = 1'704'067'200'000; // 2024-01-01 00:00 UTC

const Timeframe h1(Timeframe::Id::H1);

} // namespace

class TstHoldoutSplit : public QObject
{
    Q_OBJECT

private slots:
    void enoughDataGivesTheAskedRanges()
    {
        const auto split = splitTrainingHoldout(kT0, kT0 + 400 * kDay - kHour, h1, 365, 30);
        QVERIFY(split.has_value());
        QCOMPARE(split->holdout.fromMs, kT0 + 370 * kDay);
        QCOMPARE(split->holdout.toMs, kT0 + 400 * kDay);
        QCOMPARE(split->training.fromMs, kT0 + 5 * kDay);
        QCOMPARE(split->training.toMs, kT0 + 370 * kDay);
        QVERIFY(!split->truncated);
        QVERIFY(split->notes.empty());
    }

    void endIsOneBarAfterTheLastOpenTime()
    {
        const Timeframe m5(Timeframe::Id::M5);
        const std::int64_t last = kT0 + 40 * kDay - 5 * 60'000;
        const auto split = splitTrainingHoldout(kT0, last, m5, 10, 30);
        QVERIFY(split.has_value());
        QCOMPARE(split->holdout.toMs, kT0 + 40 * kDay);
        QCOMPARE(split->holdout.fromMs, kT0 + 10 * kDay);
        QCOMPARE(split->training.fromMs, kT0);
        QVERIFY(!split->truncated);
    }

    void shortDataCutsTheTrainingAndKeepsTheHoldout()
    {
        const auto split = splitTrainingHoldout(kT0, kT0 + 100 * kDay - kHour, h1, 365, 30);
        QVERIFY(split.has_value());
        QCOMPARE(split->holdout.fromMs, kT0 + 70 * kDay);
        QCOMPARE(split->holdout.toMs, kT0 + 100 * kDay);
        QCOMPARE(split->training.fromMs, kT0);
        QCOMPARE(split->training.toMs, kT0 + 70 * kDay);
        QVERIFY(split->truncated);
        QCOMPARE(split->notes.size(), std::size_t{1});
        const QString note = QString::fromStdString(split->notes[0]);
        QVERIFY2(note.contains(QStringLiteral("backtest.training_days asks for 365 days")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("30-day holdout (backtest.holdout_days)")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("leaves 70 days")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("2024-01-01 00:00 UTC")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("100 days")), qPrintable(note));
    }

    void partialDaysAreNamedWithDecimals()
    {
        // 2.5 days of data, a 2-day holdout: 12 hours are left for training.
        const auto split = splitTrainingHoldout(kT0, kT0 + 60 * kHour - kHour, h1, 5, 2);
        QVERIFY(split.has_value());
        QCOMPARE(split->training.fromMs, kT0);
        QCOMPARE(split->training.toMs, kT0 + 12 * kHour);
        QVERIFY2(QString::fromStdString(split->notes[0]).contains(QStringLiteral("leaves 0.50 days")),
                 qPrintable(QString::fromStdString(split->notes[0])));
    }

    void zeroHoldoutIsEmptyAtTheEnd()
    {
        const auto split = splitTrainingHoldout(kT0, kT0 + 400 * kDay - kHour, h1, 365, 0);
        QVERIFY(split.has_value());
        QCOMPARE(split->holdout.fromMs, kT0 + 400 * kDay);
        QCOMPARE(split->holdout.toMs, kT0 + 400 * kDay);
        QCOMPARE(split->training.fromMs, kT0 + 35 * kDay);
        QCOMPARE(split->training.toMs, kT0 + 400 * kDay);
    }

    void oneBarBeforeTheHoldoutIsEnough()
    {
        const Timeframe d1(Timeframe::Id::D1);
        const auto split = splitTrainingHoldout(kT0, kT0 + 30 * kDay, d1, 365, 30);
        QVERIFY(split.has_value());
        QCOMPARE(split->training.fromMs, kT0);
        QCOMPARE(split->training.toMs, kT0 + kDay);
        QCOMPARE(split->holdout.fromMs, kT0 + kDay);
        QVERIFY(split->truncated);
    }

    void nothingLeftForTrainingIsAnInputError_data()
    {
        QTest::addColumn<qint64>("lastBarMs");
        QTest::newRow("exactly the holdout") << qint64(kT0 + 30 * kDay - kHour);
        QTest::newRow("shorter than the holdout") << qint64(kT0 + 20 * kDay);
        QTest::newRow("one bar") << qint64(kT0);
    }

    void nothingLeftForTrainingIsAnInputError()
    {
        QFETCH(qint64, lastBarMs);
        const auto split = splitTrainingHoldout(kT0, lastBarMs, h1, 365, 30);
        QVERIFY(!split.has_value());
        QCOMPARE(split.error().code, sixbtc::common::ErrorCode::Input);
        const QString message = QString::fromStdString(split.error().message);
        QVERIFY2(message.contains(QStringLiteral("30-day holdout (backtest.holdout_days)")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("backtest.training_days")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TstHoldoutSplit)
#include "tst_holdoutsplit.moc"
