// SPDX-License-Identifier: MIT
// Tests of Timeframe parsing and duration arithmetic.
#include <QtTest>

#include "common/timeframe.h"

using sixbtc::common::Timeframe;

class TstTimeframe : public QObject
{
    Q_OBJECT

private slots:
    void parsesEverySupportedName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("durationMs");
        QTest::newRow("5m") << QStringLiteral("5m") << qint64(300'000);
        QTest::newRow("15m") << QStringLiteral("15m") << qint64(900'000);
        QTest::newRow("30m") << QStringLiteral("30m") << qint64(1'800'000);
        QTest::newRow("1h") << QStringLiteral("1h") << qint64(3'600'000);
        QTest::newRow("4h") << QStringLiteral("4h") << qint64(14'400'000);
        QTest::newRow("1d") << QStringLiteral("1d") << qint64(86'400'000);
    }
    void parsesEverySupportedName()
    {
        QFETCH(QString, name);
        QFETCH(qint64, durationMs);
        const auto tf = Timeframe::parse(name.toStdString());
        QVERIFY(tf.has_value());
        QCOMPARE(tf->durationMs(), durationMs);
        QCOMPARE(QString::fromUtf8(tf->name().data(), qsizetype(tf->name().size())), name);
    }

    void rejectsUnsupportedNames_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* bad : {"", "1m", "2h", "1w", "5M", " 5m", "5m ", "60m", "1D"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void rejectsUnsupportedNames()
    {
        QFETCH(QString, name);
        const auto tf = Timeframe::parse(name.toStdString());
        QVERIFY(!tf.has_value());
        QVERIFY(tf.error().message.find("unsupported timeframe") != std::string::npos);
    }

    void allListsSixInOrder()
    {
        const auto& all = Timeframe::all();
        QCOMPARE(all.size(), std::size_t(6));
        for (std::size_t i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].durationMs() < all[i].durationMs());
    }

    void barsInPeriod_data()
    {
        QTest::addColumn<QString>("tf");
        QTest::addColumn<QString>("period");
        QTest::addColumn<qint64>("bars");
        QTest::newRow("24h on 5m") << QStringLiteral("5m") << QStringLiteral("24h") << qint64(288);
        QTest::newRow("24h on 15m") << QStringLiteral("15m") << QStringLiteral("24h") << qint64(96);
        QTest::newRow("24h on 1h") << QStringLiteral("1h") << QStringLiteral("24h") << qint64(24);
        QTest::newRow("24h on 4h") << QStringLiteral("4h") << QStringLiteral("24h") << qint64(6);
        QTest::newRow("24h on 1d") << QStringLiteral("1d") << QStringLiteral("24h") << qint64(1);
        QTest::newRow("90m on 30m") << QStringLiteral("30m") << QStringLiteral("90m") << qint64(3);
        QTest::newRow("2d on 4h") << QStringLiteral("4h") << QStringLiteral("2d") << qint64(12);
        QTest::newRow("365d on 1d") << QStringLiteral("1d") << QStringLiteral("365d") << qint64(365);
        QTest::newRow("5m on 5m") << QStringLiteral("5m") << QStringLiteral("5m") << qint64(1);
    }
    void barsInPeriod()
    {
        QFETCH(QString, tf);
        QFETCH(QString, period);
        QFETCH(qint64, bars);
        const auto timeframe = Timeframe::parse(tf.toStdString());
        QVERIFY(timeframe.has_value());
        const auto result = timeframe->barsInPeriod(period.toStdString());
        QVERIFY2(result.has_value(), result ? "" : result.error().message.c_str());
        QCOMPARE(*result, bars);
    }

    void barsInPeriodRejectsNonMultiplesAndMalformed_data()
    {
        QTest::addColumn<QString>("tf");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("expected");
        QTest::newRow("90m on 1h") << QStringLiteral("1h") << QStringLiteral("90m") << QStringLiteral("whole multiple");
        QTest::newRow("12h on 1d") << QStringLiteral("1d") << QStringLiteral("12h") << QStringLiteral("whole multiple");
        QTest::newRow("7m on 5m") << QStringLiteral("5m") << QStringLiteral("7m") << QStringLiteral("whole multiple");
        QTest::newRow("zero") << QStringLiteral("5m") << QStringLiteral("0h") << QStringLiteral("malformed");
        QTest::newRow("negative") << QStringLiteral("5m") << QStringLiteral("-5m") << QStringLiteral("malformed");
        QTest::newRow("no unit") << QStringLiteral("5m") << QStringLiteral("24") << QStringLiteral("malformed");
        QTest::newRow("unit only") << QStringLiteral("5m") << QStringLiteral("h") << QStringLiteral("malformed");
        QTest::newRow("bad unit") << QStringLiteral("5m") << QStringLiteral("2w") << QStringLiteral("malformed");
        QTest::newRow("fraction") << QStringLiteral("5m") << QStringLiteral("1.5h") << QStringLiteral("malformed");
        QTest::newRow("plus") << QStringLiteral("5m") << QStringLiteral("+1h") << QStringLiteral("malformed");
        QTest::newRow("overflow") << QStringLiteral("5m") << QStringLiteral("99999999999999999d")
                                  << QStringLiteral("malformed");
    }
    void barsInPeriodRejectsNonMultiplesAndMalformed()
    {
        QFETCH(QString, tf);
        QFETCH(QString, period);
        QFETCH(QString, expected);
        const auto result = Timeframe::parse(tf.toStdString())->barsInPeriod(period.toStdString());
        QVERIFY(!result.has_value());
        QVERIFY2(QString::fromStdString(result.error().message).contains(expected), result.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TstTimeframe)
#include "tst_timeframe.moc"
