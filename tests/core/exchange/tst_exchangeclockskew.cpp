// SPDX-License-Identifier: MIT
// Tests of the HTTP Date parser and of the clock skew guard that blocks writes.
#include <QtTest>

#include "exchange/hyperliquid/http/exchangeclockskew.h"
#include "exchange/hyperliquid/http/httpdate.h"

using namespace sixbtc::exchange::hyperliquid;

class TstExchangeClockSkew : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheThreeForms_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("seconds"); // from Python's calendar.timegm
        QTest::newRow("IMF-fixdate (RFC 7231 example)")
            << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(784111777);
        QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << qint64(784111777);
        QTest::newRow("asctime, padded day") << QByteArray("Sun Nov  6 08:49:37 1994") << qint64(784111777);
        QTest::newRow("leap day") << QByteArray("Tue, 29 Feb 2000 23:59:59 GMT") << qint64(951868799);
        QTest::newRow("epoch") << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT") << qint64(0);
        QTest::newRow("RFC 850 year 69 is 2069") << QByteArray("Tuesday, 31-Dec-69 00:00:00 GMT") << qint64(3155673600);
        QTest::newRow("surrounding blanks") << QByteArray("  Wed, 25 Nov 2026 01:20:34 GMT \r") << qint64(1795569634);
    }
    void parsesTheThreeForms()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, seconds);
        const auto ms = parseHttpDate(header);
        QVERIFY(ms.has_value());
        QCOMPARE(*ms, seconds * 1000);
    }

    void refusesMalformedDates_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 UTC");
        QTest::newRow("unknown month") << QByteArray("Sun, 06 Nox 1994 08:49:37 GMT");
        QTest::newRow("no leap day in 1900") << QByteArray("Thu, 29 Feb 1900 00:00:00 GMT");
        QTest::newRow("31 November") << QByteArray("Sun, 31 Nov 1994 08:49:37 GMT");
        QTest::newRow("hour 24") << QByteArray("Sun, 06 Nov 1994 24:00:00 GMT");
        QTest::newRow("one-digit day in IMF-fixdate") << QByteArray("Sun, 6 Nov 1994 08:49:37 GMT");
        QTest::newRow("two-digit year in IMF-fixdate") << QByteArray("Sun, 06 Nov 94 08:49:37 GMT");
        QTest::newRow("bad day name") << QByteArray("Sux, 06 Nov 1994 08:49:37 GMT");
        QTest::newRow("missing seconds") << QByteArray("Sun, 06 Nov 1994 08:49 GMT");
        QTest::newRow("delta seconds") << QByteArray("120");
        QTest::newRow("ISO 8601") << QByteArray("1994-11-06T08:49:37Z");
    }
    void refusesMalformedDates()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!parseHttpDate(header).has_value());
    }

    void boundsAllowForTheDateResolution_data()
    {
        QTest::addColumn<qint64>("skew");
        QTest::addColumn<bool>("inBounds");
        // max 2000: the true skew lies in [m, m + 1000), so m is accepted from -3000 to +2000.
        QTest::newRow("zero") << qint64(0) << true;
        QTest::newRow("+2000") << qint64(2000) << true;
        QTest::newRow("+2001") << qint64(2001) << false;
        QTest::newRow("-3000") << qint64(-3000) << true;
        QTest::newRow("-3001") << qint64(-3001) << false;
        QTest::newRow("one hour ahead") << qint64(3600000) << false;
    }
    void boundsAllowForTheDateResolution()
    {
        QFETCH(qint64, skew);
        QFETCH(bool, inBounds);
        ExchangeClockSkew guard(2000);
        const std::int64_t local = 1795569634000;
        const auto result = guard.record(local + skew, local);
        QCOMPARE(result.has_value(), inBounds);
        QCOMPARE(guard.blocked(), !inBounds);
        QCOMPARE(*guard.lastSkewMs(), std::int64_t(skew));
        if (!inBounds) {
            QCOMPARE(result.error().kind(), ErrorKind::Nonce);
            const std::string& message = result.error().message();
            QVERIFY2(message.find("clock skew of " + std::to_string(skew) + " ms") != std::string::npos,
                     message.c_str());
            QVERIFY2(message.find("hyperliquid.max_clock_skew_ms = 2000") != std::string::npos, message.c_str());
        }
    }

    void theLastMeasurementDecides()
    {
        ExchangeClockSkew guard(500);
        QVERIFY(!guard.lastSkewMs().has_value());
        QVERIFY(!guard.blocked());
        QVERIFY(!guard.record(10'000, 0).has_value());
        QVERIFY(guard.blocked());
        QCOMPARE(guard.blockedError().kind(), ErrorKind::Nonce);
        QVERIFY(guard.record(10'000, 9'800).has_value());
        QVERIFY(!guard.blocked());
        QCOMPARE(*guard.lastSkewMs(), std::int64_t(200));
    }
};

QTEST_GUILESS_MAIN(TstExchangeClockSkew)
#include "tst_exchangeclockskew.moc"
