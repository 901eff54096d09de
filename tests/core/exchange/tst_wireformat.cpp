// SPDX-License-Identifier: MIT
// Tests of wire formatting: tick rounding toward the safe side, canonical numbers, scaled integers.
#include <QtTest>

#include <random>

#include "exchange/hyperliquid/signing/wireformat.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstWireFormat : public QObject
{
    Q_OBJECT

private slots:
    void roundsPriceOntoTickOnTheSafeSide_data()
    {
        QTest::addColumn<QString>("price");
        QTest::addColumn<int>("szDecimals");
        QTest::addColumn<bool>("spot");
        QTest::addColumn<QString>("buy");
        QTest::addColumn<QString>("sell");
        // 5 significant figures and 6 - szDecimals places (perp) / 8 - szDecimals (spot); integers always pass.
        QTest::newRow("5 sig figs") << QStringLiteral("12345.6") << 0 << false << QStringLiteral("12345")
                                    << QStringLiteral("12346");
        QTest::newRow("below one") << QStringLiteral("0.1234567") << 0 << false << QStringLiteral("0.12345")
                                   << QStringLiteral("0.12346");
        QTest::newRow("carry to 6 digits")
            << QStringLiteral("99999.5") << 0 << false << QStringLiteral("99999") << QStringLiteral("100000");
        QTest::newRow("carry below one") << QStringLiteral("0.0999995") << 0 << false << QStringLiteral("0.099999")
                                         << QStringLiteral("0.1");
        QTest::newRow("integer above 5 figures")
            << QStringLiteral("123456.7") << 0 << false << QStringLiteral("123456") << QStringLiteral("123457");
        QTest::newRow("BTC szDecimals 5")
            << QStringLiteral("1.23456") << 5 << false << QStringLiteral("1.2") << QStringLiteral("1.3");
        QTest::newRow("BTC price") << QStringLiteral("67012.75") << 5 << false << QStringLiteral("67012")
                                   << QStringLiteral("67013");
        QTest::newRow("ETH price") << QStringLiteral("3456.789") << 4 << false << QStringLiteral("3456.7")
                                   << QStringLiteral("3456.8");
        QTest::newRow("already on grid") << QStringLiteral("100.00") << 2 << false << QStringLiteral("100")
                                         << QStringLiteral("100");
        QTest::newRow("tiny sell") << QStringLiteral("0.00000001") << 0 << false << QString()
                                   << QStringLiteral("0.000001");
        QTest::newRow("spot") << QStringLiteral("0.000123456") << 0 << true << QStringLiteral("0.00012345")
                              << QStringLiteral("0.00012346");
        QTest::newRow("spot szDecimals 3")
            << QStringLiteral("0.0001234") << 3 << true << QStringLiteral("0.00012") << QStringLiteral("0.00013");
    }
    void roundsPriceOntoTickOnTheSafeSide()
    {
        QFETCH(QString, price);
        QFETCH(int, szDecimals);
        QFETCH(bool, spot);
        QFETCH(QString, buy);
        QFETCH(QString, sell);
        const MarketKind kind = spot ? MarketKind::Spot : MarketKind::Perp;
        const auto down = roundPriceToTick(price.toStdString(), szDecimals, kind, true);
        if (buy.isEmpty()) {
            QVERIFY(!down.has_value());
            QVERIFY(down.error().message.find("rounds down to 0") != std::string::npos);
        } else {
            QVERIFY(down.has_value());
            QCOMPARE(qs(*down), buy);
            QVERIFY(isValidWirePrice(*down, szDecimals, kind));
        }
        const auto up = roundPriceToTick(price.toStdString(), szDecimals, kind, false);
        QVERIFY(up.has_value());
        QCOMPARE(qs(*up), sell);
        QVERIFY(isValidWirePrice(*up, szDecimals, kind));
    }

    void tickRoundingNeverWorsensTheLimit()
    {
        std::mt19937_64 random(20240611); // fixed seed: the same prices on every run
        std::uniform_int_distribution<int> exponent(-6, 6);
        std::uniform_int_distribution<long long> mantissa(1, 999'999'999);
        std::uniform_int_distribution<int> decimals(0, 5);
        for (int i = 0; i < 5000; ++i) {
            const int szDecimals = decimals(random);
            const int shift = exponent(random);
            std::string price = std::to_string(mantissa(random));
            // Place the decimal point so that prices span 1e-6 .. 1e14.
            if (shift < 0)
                price = "0." + std::string(std::size_t(-shift), '0') + price;
            else if (std::size_t(shift) < price.size())
                price.insert(std::size_t(shift) + 1, ".");
            const auto buy = roundPriceToTick(price, szDecimals, MarketKind::Perp, true);
            const auto sell = roundPriceToTick(price, szDecimals, MarketKind::Perp, false);
            QVERIFY2(sell.has_value(), price.c_str());
            QVERIFY2(isValidWirePrice(*sell, szDecimals, MarketKind::Perp), (price + " -> " + *sell).c_str());
            QVERIFY2(std::stold(*sell) >= std::stold(price), (price + " -> " + *sell).c_str());
            QCOMPARE(qs(*roundPriceToTick(*sell, szDecimals, MarketKind::Perp, false)), qs(*sell));
            if (!buy.has_value())
                continue; // rounds down to zero: refused, covered above
            QVERIFY2(isValidWirePrice(*buy, szDecimals, MarketKind::Perp), (price + " -> " + *buy).c_str());
            QVERIFY2(std::stold(*buy) <= std::stold(price), (price + " -> " + *buy).c_str());
            QCOMPARE(qs(*roundPriceToTick(*buy, szDecimals, MarketKind::Perp, true)), qs(*buy));
            QCOMPARE(qs(*formatPrice(price, szDecimals, MarketKind::Perp)), qs(*buy));
        }
    }

    void refusesPricesThatCannotBeLimits_data()
    {
        QTest::addColumn<QString>("price");
        for (const char* bad : {"0", "-5", "abc", "", "1e3", "1.2.3", " 1", "+1"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void refusesPricesThatCannotBeLimits()
    {
        QFETCH(QString, price);
        QVERIFY(!roundPriceToTick(price.toStdString(), 0, MarketKind::Perp, true).has_value());
        QVERIFY(!roundPriceToTick(price.toStdString(), 0, MarketKind::Perp, false).has_value());
    }

    void formatPriceKeepsWholeIntegers()
    {
        // nktkas would give 123450 here; an integer price is always valid, so truncation stops at the integer.
        QCOMPARE(qs(*formatPrice("123456.7", 0, MarketKind::Perp)), QStringLiteral("123456"));
        QVERIFY(!formatPrice("0.0000004", 0, MarketKind::Perp).has_value());
    }

    void validatesWireNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("canonical");
        QTest::newRow("zero") << QStringLiteral("0") << true;
        QTest::newRow("integer") << QStringLiteral("100") << true;
        QTest::newRow("fraction") << QStringLiteral("0.0147") << true;
        QTest::newRow("trailing zero") << QStringLiteral("2000.0") << false;
        QTest::newRow("leading zero") << QStringLiteral("01") << false;
        QTest::newRow("bare point") << QStringLiteral(".5") << false;
        QTest::newRow("negative") << QStringLiteral("-1") << false;
        QTest::newRow("exponent") << QStringLiteral("1e3") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void validatesWireNumbers()
    {
        QFETCH(QString, text);
        QFETCH(bool, canonical);
        QCOMPARE(isCanonicalWireNumber(text.toStdString()), canonical);
    }

    void checksTickAndLotRules()
    {
        QVERIFY(isValidWirePrice("1234.5", 0, MarketKind::Perp));
        QVERIFY(!isValidWirePrice("1234.56", 0, MarketKind::Perp));
        QVERIFY(isValidWirePrice("0.001234", 0, MarketKind::Perp));
        QVERIFY(!isValidWirePrice("0.0012345", 0, MarketKind::Perp));
        QVERIFY(isValidWirePrice("0.01234", 1, MarketKind::Perp));
        QVERIFY(!isValidWirePrice("0.012345", 1, MarketKind::Perp));
        QVERIFY(isValidWirePrice("123456", 5, MarketKind::Perp));
        QVERIFY(!isValidWirePrice("0", 0, MarketKind::Perp));
        QVERIFY(isValidWireSize("1.001", 3));
        QVERIFY(!isValidWireSize("1.0001", 3));
        QVERIFY(!isValidWireSize("0", 3));
        QCOMPARE(allowedPriceDecimals("0.5", 2, MarketKind::Spot), 5);
        QCOMPARE(allowedPriceDecimals("0.005", 2, MarketKind::Spot), 6);
    }

    void floatToWireFromDoubles()
    {
        QCOMPARE(qs(*floatToWire(0.1 + 0.2)), QStringLiteral("0.3"));
        QCOMPARE(qs(*floatToWire(-0.0)), QStringLiteral("0"));
        QCOMPARE(qs(*floatToWire(1e15)), QStringLiteral("1000000000000000"));
        QVERIFY(!floatToWire(std::numeric_limits<double>::quiet_NaN()).has_value());
        QVERIFY(!floatToWire(std::numeric_limits<double>::infinity()).has_value());
        QVERIFY(!floatToWire(1e-9).has_value());
    }

    void decimalFromDoubleIsShortest()
    {
        QCOMPARE(qs(*decimalFromDouble(0.1)), QStringLiteral("0.1"));
        QCOMPARE(qs(*decimalFromDouble(67012.5)), QStringLiteral("67012.5"));
        QCOMPARE(qs(*decimalFromDouble(1e-7)), QStringLiteral("0.0000001"));
        QCOMPARE(qs(*decimalFromDouble(-2.0)), QStringLiteral("-2"));
        QVERIFY(!decimalFromDouble(std::numeric_limits<double>::infinity()).has_value());
    }

    void scalesUsdAmounts_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::addColumn<qint64>("micros"); // -1: refused
        QTest::newRow("12.5") << QStringLiteral("12.5") << qint64(12'500'000);
        QTest::newRow("tiny excess") << QStringLiteral("1.0000000001") << qint64(1'000'000);
        QTest::newRow("just below") << QStringLiteral("0.9999999999") << qint64(1'000'000);
        QTest::newRow("seventh decimal") << QStringLiteral("1.0000001") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-1") << qint64(-1);
        QTest::newRow("overflow") << QStringLiteral("18446744073709.551616") << qint64(-1);
        QTest::newRow("garbage") << QStringLiteral("1,5") << qint64(-1);
    }
    void scalesUsdAmounts()
    {
        QFETCH(QString, amount);
        QFETCH(qint64, micros);
        const auto result = floatToUsdInt(amount.toStdString());
        QCOMPARE(result.has_value(), micros >= 0);
        if (result)
            QCOMPARE(qint64(*result), micros);
    }
};

QTEST_GUILESS_MAIN(TstWireFormat)
#include "tst_wireformat.moc"
