// SPDX-License-Identifier: MIT
// Tests of the columnar CandleSeries.
#include <QtTest>

#include "common/candleseries.h"

using sixbtc::common::CandleSeries;
using sixbtc::common::Timeframe;

class TstCandleSeries : public QObject
{
    Q_OBJECT

private slots:
    void appendKeepsColumnsAligned()
    {
        CandleSeries series("BTC", Timeframe(Timeframe::Id::H1));
        series.reserve(2);
        series.append(3'600'000, 10.0, 12.0, 9.0, 11.0, 5.0);
        series.append(7'200'000, 11.0, 13.0, 10.5, 12.5, 0.0);
        QCOMPARE(series.size(), std::size_t(2));
        QCOMPARE(series.symbol(), std::string("BTC"));
        QCOMPARE(series.timestampMs()[1], std::int64_t(7'200'000));
        QCOMPARE(series.open()[1], 11.0);
        QCOMPARE(series.high()[0], 12.0);
        QCOMPARE(series.low()[1], 10.5);
        QCOMPARE(series.close()[0], 11.0);
        QCOMPARE(series.volume()[1], 0.0);
    }

    void lowerBoundFindsFirstBarAtOrAfter()
    {
        CandleSeries series("ETH", Timeframe(Timeframe::Id::M5));
        for (int i = 0; i < 10; ++i)
            series.append(std::int64_t(i) * 300'000, 1, 1, 1, 1, 1);
        QCOMPARE(series.lowerBound(0), std::size_t(0));
        QCOMPARE(series.lowerBound(300'000), std::size_t(1));
        QCOMPARE(series.lowerBound(300'001), std::size_t(2));
        QCOMPARE(series.lowerBound(-1), std::size_t(0));
        QCOMPARE(series.lowerBound(10 * 300'000), std::size_t(10));
    }
};

QTEST_GUILESS_MAIN(TstCandleSeries)
#include "tst_candleseries.moc"
