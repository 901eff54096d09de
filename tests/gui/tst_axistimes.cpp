// SPDX-License-Identifier: MIT
// axisTimes against report::axisTime point by point, in time zones with and without daylight saving time.
#include <QtTest>

#include <ctime>
#include <set>
#include <vector>

#include "report/chartrenderer.h"
#include "widgets/axistimes.h"

class TstAxisTimes : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    void matchesAxisTimeAtEveryPoint_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("shifts");
        QTest::newRow("UTC") << QByteArray("UTC") << 1;
        QTest::newRow("Rome") << QByteArray("Europe/Rome") << 2;
        QTest::newRow("New York") << QByteArray("America/New_York") << 2;
        // Lord Howe shifts by 30 minutes, at 02:00 local time (15:30 UTC): mid-hour in UTC.
        QTest::newRow("Lord Howe") << QByteArray("Australia/Lord_Howe") << 2;
        QTest::newRow("Kathmandu") << QByteArray("Asia/Kathmandu") << 1;
    }

    void matchesAxisTimeAtEveryPoint()
    {
        QFETCH(QByteArray, zone);
        QFETCH(int, shifts);
        qputenv("TZ", zone);
        tzset();
        QCOMPARE(QTimeZone::systemTimeZoneId(), zone == "UTC" ? QByteArray("UTC") : zone);
        // 14 months of 5m bars from 2025-01-01: every daylight saving transition of 2025 in between.
        std::vector<std::int64_t> times;
        for (std::int64_t t = 1'735'689'600'000; t < 1'772'323'200'000; t += 300'000)
            times.push_back(t);
        const std::vector<double> fast = sixbtc::gui::axisTimes(times);
        QCOMPARE(fast.size(), times.size());
        std::set<double> seen;
        for (std::size_t i = 0; i < times.size(); ++i) {
            const double exact = sixbtc::gui::report::axisTime(times[i]);
            if (fast[i] != exact)
                QFAIL(qPrintable(QStringLiteral("point %1 (%2): %3 != %4")
                                     .arg(i)
                                     .arg(times[i])
                                     .arg(fast[i], 0, 'f', 0)
                                     .arg(exact, 0, 'f', 0)));
            seen.insert(exact - static_cast<double>(times[i]));
        }
        // The series crosses as many different shifts as the zone has offsets in 2025.
        QCOMPARE(int(seen.size()), shifts);
    }
};

QTEST_GUILESS_MAIN(TstAxisTimes)
#include "tst_axistimes.moc"
