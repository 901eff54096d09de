// SPDX-License-Identifier: MIT
// dailyReturns and correlation: hand-computed returns and coefficients, edge cases, and BTC vs ETH daily closes.
#include <QtTest>

#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "data/candlereader.h"
#include "pool/dailyreturns.h"

using sixbtc::pool::correlation;
using sixbtc::pool::dailyReturns;
using sixbtc::pool::DailyReturns;
using sixbtc::pool::EquitySample;
using sixbtc::pool::kMsPerDay;

Q_DECLARE_METATYPE(std::vector<EquitySample>)
Q_DECLARE_METATYPE(DailyReturns)

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

/// Time `hours` after the start of UTC day `day`.
std::int64_t at(std::int64_t day, double hours)
{
    return day * kMsPerDay + static_cast<std::int64_t>(hours * static_cast<double>(kHourMs));
}

/// Returns on consecutive days from day 1, one per value.
DailyReturns series(const std::vector<double>& values, std::int64_t firstDay = 1)
{
    DailyReturns returns;
    for (std::size_t i = 0; i < values.size(); ++i)
        returns[firstDay + static_cast<std::int64_t>(i)] = values[i];
    return returns;
}

bool near(double actual, double expected, double tolerance = 1e-15)
{
    return std::fabs(actual - expected) <= tolerance;
}

DailyReturns returnsOf(const std::vector<EquitySample>& curve)
{
    auto returns = dailyReturns(curve);
    if (!returns)
        qFatal("unexpected error: %s", returns.error().message.c_str());
    return *returns;
}

/// Buy-and-hold equity of a bundled 1d candle file: equity = close, sampled at the last millisecond of each bar.
std::vector<EquitySample> buyAndHold(const char* file)
{
    const sixbtc::common::Timeframe d1(sixbtc::common::Timeframe::Id::D1);
    auto data = sixbtc::data::CandleReader::read(std::string(SIXBTC_BUNDLED_DATA_DIR) + "/" + file, "X", d1);
    if (!data)
        qFatal("cannot read %s: %s", file, data.error().message.c_str());
    std::vector<EquitySample> curve;
    for (std::size_t i = 0; i < data->series.size(); ++i)
        curve.push_back({data->series.timestampMs()[i] + d1.durationMs() - 1, data->series.close()[i]});
    return curve;
}

/// Close-to-close returns keyed by the bar's open day, computed straight from the file rows.
std::map<std::int64_t, long double> rowReturns(const std::vector<EquitySample>& curve)
{
    std::map<std::int64_t, long double> returns;
    for (std::size_t i = 1; i < curve.size(); ++i)
        returns[(curve[i].timeMs - kMsPerDay + 1) / kMsPerDay] =
            static_cast<long double>(curve[i].equity) / static_cast<long double>(curve[i - 1].equity) - 1.0L;
    return returns;
}

} // namespace

class TstDailyReturns : public QObject
{
    Q_OBJECT

private slots:
    void theLastSampleOfEachDayClosesIt()
    {
        // Day 0 closes at 110 (23:00), day 1 at 121 (last millisecond), day 2 at 133.1 (its first millisecond).
        const DailyReturns r = returnsOf(
            {{at(0, 1), 100.0}, {at(0, 23), 110.0}, {at(1, 5), 90.0}, {at(1, 24) - 1, 121.0}, {at(2, 0), 133.1}});
        QCOMPARE(r.size(), std::size_t(2));
        QVERIFY(near(r.at(1), 121.0 / 110.0 - 1.0));
        QVERIFY(near(r.at(1), 0.1));
        QVERIFY(near(r.at(2), 0.1));
    }

    void equalTimesKeepTheLaterSample()
    {
        const DailyReturns r = returnsOf({{at(0, 12), 100.0}, {at(1, 12), 50.0}, {at(1, 12), 125.0}});
        QCOMPARE(r.size(), std::size_t(1));
        QVERIFY(near(r.at(1), 0.25));
    }

    void aGapGivesOneReturnOnTheDayAfterIt()
    {
        // Days 1 and 2 have no sample: day 3's return spans the gap; day 4's is an ordinary one.
        const DailyReturns r = returnsOf({{at(0, 23), 100.0}, {at(3, 1), 150.0}, {at(4, 22), 120.0}});
        QCOMPARE(r.size(), std::size_t(2));
        QVERIFY(!r.contains(1));
        QVERIFY(!r.contains(2));
        QVERIFY(near(r.at(3), 0.5));
        QVERIFY(near(r.at(4), -0.2));
    }

    void oneDayOrNoneGivesNoReturn()
    {
        QVERIFY(returnsOf({}).empty());
        QVERIFY(returnsOf({{at(7, 0), 100.0}}).empty());
        QVERIFY(returnsOf({{at(7, 0), 100.0}, {at(7, 12), 120.0}, {at(7, 24) - 1, 80.0}}).empty());
    }

    void daysBefore1970AreFloored()
    {
        QCOMPARE(sixbtc::pool::utcDay(-1), std::int64_t(-1));
        QCOMPARE(sixbtc::pool::utcDay(-kMsPerDay), std::int64_t(-1));
        QCOMPARE(sixbtc::pool::utcDay(-kMsPerDay - 1), std::int64_t(-2));
        QCOMPARE(sixbtc::pool::utcDay(kMsPerDay - 1), std::int64_t(0));
        const DailyReturns r = returnsOf({{-kMsPerDay, 200.0}, {-1, 100.0}, {0, 150.0}});
        QCOMPARE(r.size(), std::size_t(1));
        QVERIFY(near(r.at(0), 0.5));
    }

    void anIntradayDipBelowZeroIsNotAClose()
    {
        const DailyReturns r = returnsOf({{at(0, 23), 100.0}, {at(1, 3), -5.0}, {at(1, 23), 80.0}});
        QVERIFY(near(r.at(1), -0.2));
    }

    void brokenCurvesAreDataErrors_data()
    {
        QTest::addColumn<std::vector<EquitySample>>("curve");
        QTest::addColumn<QString>("expected");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("time goes back") << std::vector<EquitySample>{{at(2, 0), 100.0}, {at(1, 0), 100.0}}
                                        << QStringLiteral("sample 1 (1970-01-02 00:00 UTC) is earlier than sample 0");
        QTest::newRow("nan") << std::vector<EquitySample>{{at(0, 0), 100.0}, {at(0, 1), nan}}
                             << QStringLiteral("sample 1 (1970-01-01 01:00 UTC) has a non-finite equity");
        QTest::newRow("zero close") << std::vector<EquitySample>{{at(0, 0), 100.0}, {at(1, 0), 0.0}}
                                    << QStringLiteral("the day closes at 0 at sample 1");
        QTest::newRow("negative first close")
            << std::vector<EquitySample>{{at(0, 0), -2.5}, {at(1, 0), 100.0}}
            << QStringLiteral("the day closes at -2.5 at sample 0 (1970-01-01 00:00 UTC)");
    }

    void brokenCurvesAreDataErrors()
    {
        QFETCH(std::vector<EquitySample>, curve);
        QFETCH(QString, expected);
        const auto result = dailyReturns(curve);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, sixbtc::common::ErrorCode::Data);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void correlationMatchesHandComputedValues_data()
    {
        QTest::addColumn<DailyReturns>("a");
        QTest::addColumn<DailyReturns>("b");
        QTest::addColumn<double>("expected");
        QTest::addColumn<int>("commonDays");
        // dx = -1.5 -0.5 0.5 1.5, dy = -0.5 -1.5 1.5 0.5 (in 0.01): sxy = 3, sxx = syy = 5 -> 0.6.
        QTest::newRow("four days") << series({0.01, 0.02, 0.03, 0.04}) << series({0.02, 0.01, 0.04, 0.03}) << 0.6 << 4;
        // dx = -1 0 1, dy = -1 1 0: sxy = 1, sxx = syy = 2 -> 0.5.
        QTest::newRow("three days") << series({-0.01, 0.0, 0.01}) << series({0.0, 0.02, 0.01}) << 0.5 << 3;
        // Only days 2..5 are common; on them x = 2 4 6 8 and y = 8 6 2 4 (in 0.001):
        // dx = -3 -1 1 3, dy = 3 1 -3 -1 -> sxy = -9 - 1 - 3 - 3 = -16, sxx = syy = 20 -> -0.8.
        QTest::newRow("partly overlapping") << series({0.5, 0.002, 0.004, 0.006, 0.008}, 1)
                                            << series({0.008, 0.006, 0.002, 0.004, -0.7}, 2) << -0.8 << 4;
        QTest::newRow("perfect") << series({0.01, -0.02, 0.005, 0.03}) << series({0.03, -0.03, 0.02, 0.07}) << 1.0 << 4;
        QTest::newRow("anti") << series({0.01, -0.02, 0.005, 0.03}) << series({-0.03, 0.06, -0.015, -0.09}) << -1.0
                              << 4;
    }

    void correlationMatchesHandComputedValues()
    {
        QFETCH(DailyReturns, a);
        QFETCH(DailyReturns, b);
        QFETCH(double, expected);
        QFETCH(int, commonDays);
        for (const auto& c : {correlation(a, b), correlation(b, a)}) {
            QCOMPARE(c.commonDays, std::size_t(commonDays));
            QVERIFY(c.value.has_value());
            QVERIFY2(near(*c.value, expected, 1e-14), qPrintable(QString::number(*c.value, 'g', 17)));
            QVERIFY(std::fabs(*c.value) <= 1.0);
        }
    }

    void unmeasurableCorrelationsHaveNoValue_data()
    {
        QTest::addColumn<DailyReturns>("a");
        QTest::addColumn<DailyReturns>("b");
        QTest::addColumn<int>("commonDays");
        // 0.1 three times: the rounded mean differs from 0.1, yet the series is constant.
        QTest::newRow("constant side") << series({0.01, 0.02, 0.04}) << series({0.1, 0.1, 0.1}) << 3;
        QTest::newRow("both constant") << series({0.0, 0.0, 0.0, 0.0}) << series({0.0, 0.0, 0.0, 0.0}) << 4;
        QTest::newRow("two common days") << series({0.01, 0.02, 0.04}) << series({0.03, 0.01, 0.05}, 2) << 2;
        QTest::newRow("no common day") << series({0.01, 0.02, 0.04}) << series({0.03, 0.01, 0.05}, 10) << 0;
        QTest::newRow("empty") << DailyReturns{} << series({0.03, 0.01, 0.05}) << 0;
    }

    void unmeasurableCorrelationsHaveNoValue()
    {
        QFETCH(DailyReturns, a);
        QFETCH(DailyReturns, b);
        QFETCH(int, commonDays);
        const auto c = correlation(a, b);
        QCOMPARE(c.commonDays, std::size_t(commonDays));
        QVERIFY(!c.value.has_value());
    }

    void btcAndEthBuyAndHoldCorrelateAsComputedIndependently()
    {
        const std::vector<EquitySample> btc = buyAndHold("BTC_USDT-1d.csv.gz");
        const std::vector<EquitySample> eth = buyAndHold("ETH_USDT-1d.csv.gz");
        const auto c = correlation(returnsOf(btc), returnsOf(eth));

        const auto x = rowReturns(btc);
        const auto y = rowReturns(eth);
        std::size_t common = 0;
        long double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (const auto& [day, rx] : x) {
            const auto it = y.find(day);
            if (it == y.end())
                continue;
            const long double ry = it->second;
            ++common;
            sx += rx;
            sy += ry;
            sxx += rx * rx;
            syy += ry * ry;
            sxy += rx * ry;
        }
        const auto n = static_cast<long double>(common);
        const long double expected = (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));

        QVERIFY(common > 400);
        QCOMPARE(c.commonDays, common);
        QVERIFY(c.value.has_value());
        QVERIFY2(std::fabs(static_cast<long double>(*c.value) - expected) <= 1e-12L,
                 qPrintable(QStringLiteral("%1 vs %2").arg(*c.value, 0, 'g', 17).arg(double(expected), 0, 'g', 17)));
        QVERIFY2(*c.value > 0.5, qPrintable(QString::number(*c.value)));
    }
};

QTEST_GUILESS_MAIN(TstDailyReturns)
#include "tst_dailyreturns.moc"
