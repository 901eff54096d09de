// SPDX-License-Identifier: MIT
// Tests of candle file name parsing: <BASE>_<QUOTE>[_<SETTLE>]-<tf>.csv[.gz].
#include <QtTest>

#include "data/candlefilename.h"

using sixbtc::data::CandleFileName;
using sixbtc::data::Market;

class TstCandleFileName : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidNames_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("quote");
        QTest::addColumn<QString>("settle"); // empty = spot
        QTest::addColumn<QString>("timeframe");
        QTest::addColumn<bool>("compressed");
        QTest::addColumn<QString>("pair");
        QTest::newRow("spot gz") << QStringLiteral("BTC_USDT-5m.csv.gz") << QStringLiteral("BTC")
                                 << QStringLiteral("USDT") << QString() << QStringLiteral("5m") << true
                                 << QStringLiteral("BTC/USDT");
        QTest::newRow("perpetual gz") << QStringLiteral("BTC_USDT_USDT-5m.csv.gz") << QStringLiteral("BTC")
                                      << QStringLiteral("USDT") << QStringLiteral("USDT") << QStringLiteral("5m")
                                      << true << QStringLiteral("BTC/USDT:USDT");
        QTest::newRow("spot csv") << QStringLiteral("ETH_USDT-15m.csv") << QStringLiteral("ETH")
                                  << QStringLiteral("USDT") << QString() << QStringLiteral("15m") << false
                                  << QStringLiteral("ETH/USDT");
        QTest::newRow("perpetual csv") << QStringLiteral("XRP_USDT_USDT-1h.csv") << QStringLiteral("XRP")
                                       << QStringLiteral("USDT") << QStringLiteral("USDT") << QStringLiteral("1h")
                                       << false << QStringLiteral("XRP/USDT:USDT");
        QTest::newRow("coin-margined") << QStringLiteral("BTC_USD_BTC-1d.csv") << QStringLiteral("BTC")
                                       << QStringLiteral("USD") << QStringLiteral("BTC") << QStringLiteral("1d")
                                       << false << QStringLiteral("BTC/USD:BTC");
        QTest::newRow("digits") << QStringLiteral("1INCH_USDC-4h.csv.gz") << QStringLiteral("1INCH")
                                << QStringLiteral("USDC") << QString() << QStringLiteral("4h") << true
                                << QStringLiteral("1INCH/USDC");
        QTest::newRow("30m") << QStringLiteral("SOL_USDT-30m.csv") << QStringLiteral("SOL") << QStringLiteral("USDT")
                             << QString() << QStringLiteral("30m") << false << QStringLiteral("SOL/USDT");
    }
    void parsesValidNames()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, base);
        QFETCH(QString, quote);
        QFETCH(QString, settle);
        QFETCH(QString, timeframe);
        QFETCH(bool, compressed);
        QFETCH(QString, pair);
        const auto name = CandleFileName::parse(fileName.toStdString());
        QVERIFY2(name.has_value(), name ? "" : name.error().message.c_str());
        QCOMPARE(QString::fromStdString(name->base), base);
        QCOMPARE(QString::fromStdString(name->quote), quote);
        QCOMPARE(name->settle.has_value(), !settle.isEmpty());
        QCOMPARE(QString::fromStdString(name->settle.value_or(std::string())), settle);
        QCOMPARE(name->market, settle.isEmpty() ? Market::Spot : Market::Perpetual);
        QCOMPARE(QString::fromStdString(std::string(name->timeframe.name())), timeframe);
        QCOMPARE(name->compressed, compressed);
        QCOMPARE(QString::fromStdString(name->pair()), pair);
    }

    void reportsNamesThatDoNotFit_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("reason");
        const auto add = [](const char* fileName, const char* reason) {
            QTest::newRow(fileName) << QString::fromUtf8(fileName) << QString::fromUtf8(reason);
        };
        add("BTC_USDT-5m.txt", "it does not end in .csv or .csv.gz");
        add("BTC_USDT-5m.gz", "it does not end in .csv or .csv.gz");
        add("BTC_USDT-5m.csv.bz2", "it does not end in .csv or .csv.gz");
        add("BTC_USDT.csv", "there is no '-<tf>' before the extension");
        add("BTC_USDT-1m.csv", "'1m' is not a timeframe (5m 15m 30m 1h 4h 1d)");
        add("BTC_USDT-.csv", "'' is not a timeframe (5m 15m 30m 1h 4h 1d)");
        add("BTC_USDT_USDT-5m-futures.csv", "'5m-futures' is not a timeframe (5m 15m 30m 1h 4h 1d)");
        add("BTC-USDT-1h.csv", "'USDT-1h' is not a timeframe (5m 15m 30m 1h 4h 1d)");
        add("BTC-5m.csv", "expected 2 or 3 currency codes separated by '_', found 1");
        add("BTC_USDT_USDT_X-5m.csv", "expected 2 or 3 currency codes separated by '_', found 4");
        add("btc_usdt-5m.csv", "currency code 'btc' is not made of A-Z and 0-9");
        add("BTC__USDT-5m.csv", "currency code '' is not made of A-Z and 0-9");
        add("BTC_USDT_-5m.csv", "currency code '' is not made of A-Z and 0-9");
        add("BTC/USDT-5m.csv", "expected 2 or 3 currency codes separated by '_', found 1");
        add(".csv", "there is no '-<tf>' before the extension");
    }
    void reportsNamesThatDoNotFit()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, reason);
        const auto name = CandleFileName::parse(fileName.toStdString());
        QVERIFY(!name.has_value());
        QCOMPARE(name.error().code, sixbtc::common::ErrorCode::Input);
        QCOMPARE(QString::fromStdString(name.error().message),
                 QStringLiteral("candle file name '") + fileName +
                     QStringLiteral("' does not match <BASE>_<QUOTE>[_<SETTLE>]-<tf>.csv[.gz]: ") + reason);
    }
};

QTEST_GUILESS_MAIN(TstCandleFileName)
#include "tst_candlefilename.moc"
