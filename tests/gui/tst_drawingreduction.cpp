// SPDX-License-Identifier: MIT
// The per-pixel-column reduction of a long curve for drawing: every column's extremes kept, short curves unchanged.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "report/drawingreduction.h"

using sixbtc::gui::report::ChartPoint;
using sixbtc::gui::report::reduceForDrawing;

class TstDrawingReduction : public QObject
{
    Q_OBJECT

private slots:
    void reductionKeepsEveryColumnsExtremes()
    {
        // 10000 points on a gentle wave with one spike and one crash: both survive the reduction to 100 columns.
        std::vector<ChartPoint> points;
        for (int i = 0; i < 10'000; ++i)
            points.push_back(ChartPoint{i * 60'000LL, 100.0 + std::sin(i / 500.0)});
        points[4321].value = 500.0;
        points[777].value = -50.0;
        const auto reduced = reduceForDrawing(points, 100);
        QVERIFY(reduced.size() <= 202);
        QVERIFY(reduced.size() >= 100);
        QCOMPARE(reduced.front(), points.front());
        QCOMPARE(reduced.back(), points.back());
        QVERIFY(std::find(reduced.begin(), reduced.end(), points[4321]) != reduced.end());
        QVERIFY(std::find(reduced.begin(), reduced.end(), points[777]) != reduced.end());
        for (std::size_t i = 1; i < reduced.size(); ++i)
            QVERIFY(reduced[i - 1].timeMs < reduced[i].timeMs);
        // Within each column, the reduction holds that column's highest and lowest point.
        const auto column = [](std::int64_t t) { return std::min<std::int64_t>(99, t * 100 / (9'999 * 60'000LL)); };
        for (std::int64_t c = 0; c < 100; ++c) {
            const auto extremes = [&](const std::vector<ChartPoint>& curve) {
                std::vector<double> values;
                for (const auto& p : curve) {
                    if (column(p.timeMs) == c)
                        values.push_back(p.value);
                }
                const auto [low, high] = std::minmax_element(values.begin(), values.end());
                return std::make_pair(*low, *high);
            };
            QCOMPARE(extremes(reduced), extremes(points));
        }
        // Only points of the curve are kept.
        for (const auto& p : reduced)
            QVERIFY(std::find(points.begin(), points.end(), p) != points.end());
    }

    void aCurveOfAtMostTwoPointsPerColumnIsDrawnAsItIs()
    {
        std::vector<ChartPoint> points;
        for (int i = 0; i < 200; ++i)
            points.push_back(ChartPoint{i * 1000LL, (i % 7) * 1.5});
        QCOMPARE(reduceForDrawing(points, 100), points);
        points.push_back(ChartPoint{200'000, 3.0});
        QVERIFY(reduceForDrawing(points, 100).size() < points.size());
    }
};

QTEST_GUILESS_MAIN(TstDrawingReduction)
#include "tst_drawingreduction.moc"
