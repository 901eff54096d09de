// SPDX-License-Identifier: MIT
// Largest-Triangle-Three-Buckets on hand-worked buckets, and the visible-range cut of the chart widgets.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <vector>

#include "widgets/lttb.h"

using sixbtc::gui::lttb;
using sixbtc::gui::visiblePoints;

Q_DECLARE_METATYPE(std::vector<QPointF>)

namespace {

std::vector<QPointF> curve(const std::vector<double>& ys)
{
    std::vector<QPointF> points;
    for (std::size_t i = 0; i < ys.size(); ++i)
        points.emplace_back(static_cast<double>(i), ys[i]);
    return points;
}

std::vector<double> xs(const std::vector<QPointF>& points)
{
    std::vector<double> out;
    for (const QPointF& p : points)
        out.push_back(p.x());
    return out;
}

} // namespace

class TstLttb : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLargestTriangleOfEachBucket_data()
    {
        QTest::addColumn<std::vector<QPointF>>("points");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<std::vector<double>>("keptX");
        // 6 points, 4 kept: inner points 1..4 in 2 buckets {1, 2} and {3, 4}.
        // Doubled triangle areas with the kept point a and the next bucket's mean m:
        // |(ax - mx)(y - ay) - (ax - x)(my - ay)|.
        // Bucket {1, 2}: a = (0, 0), m = (3.5, 2.5): (1, 1): |-3.5 * 1 + 1 * 2.5| = 1; (2, 0): |0 + 2 * 2.5| = 5 -> x
        // = 2. Bucket {3, 4}: a = (2, 0), next = the last point (5, 0): (3, 5): |-3 * 5 + 1 * 0| = 15; (4, 0): 0 -> x
        // = 3.
        QTest::newRow("two buckets") << curve({0, 1, 0, 5, 0, 0}) << 4 << std::vector<double>{0, 2, 3, 5};
        // 5 points, 3 kept: one bucket {1, 2, 3}; a = (0, 0), next = (4, 0): doubled area 4 |y| -> the largest |y|.
        QTest::newRow("one bucket") << curve({0, 2, -1, 1, 0}) << 3 << std::vector<double>{0, 1, 4};
        // 7 points, 4 kept: inner 5 points, buckets start at floor(i * 5 / 2) + 1: {1, 2}, {3, 4, 5}.
        // Bucket {1, 2}: a = (0, 0), next mean (4, 0): (1, 3): |-4 * 3| = 12; (2, 1): |-4 * 1| = 4 -> x = 1.
        // Bucket {3, 4, 5}: a = (1, 3), next = (6, 0): (3, 0): |-5 * -3 + 2 * -3| = 9; (4, 0): |15 + 3 * -3| = 6;
        // (5, -4): |-5 * -7 + 4 * -3| = 23 -> x = 5.
        QTest::newRow("uneven buckets") << curve({0, 3, 1, 0, 0, -4, 0}) << 4 << std::vector<double>{0, 1, 5, 6};
    }

    void keepsTheLargestTriangleOfEachBucket()
    {
        QFETCH(std::vector<QPointF>, points);
        QFETCH(int, threshold);
        QFETCH(std::vector<double>, keptX);
        QCOMPARE(xs(lttb(points, static_cast<std::size_t>(threshold))), keptX);
    }

    void keepsTheFirstAndLastPoints()
    {
        std::vector<double> ys;
        for (int i = 0; i < 1000; ++i)
            ys.push_back(std::sin(i * 0.05) * 100.0 + i * 0.3);
        const auto points = curve(ys);
        const auto kept = lttb(points, 50);
        QCOMPARE(kept.size(), std::size_t{50});
        QCOMPARE(kept.front(), points.front());
        QCOMPARE(kept.back(), points.back());
        // A subset of the input in x order.
        for (std::size_t i = 0; i < kept.size(); ++i) {
            const auto index = static_cast<std::size_t>(kept[i].x());
            QCOMPARE(kept[i], points[index]);
            if (i > 0)
                QVERIFY(kept[i].x() > kept[i - 1].x());
        }
    }

    void returnsEveryPointWhenTheThresholdIsNotSmaller_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("threshold");
        QTest::newRow("equal") << 10 << 10;
        QTest::newRow("larger") << 10 << 500;
        QTest::newRow("two points") << 2 << 3;
        QTest::newRow("empty") << 0 << 3;
    }

    void returnsEveryPointWhenTheThresholdIsNotSmaller()
    {
        QFETCH(int, size);
        QFETCH(int, threshold);
        std::vector<double> ys;
        for (int i = 0; i < size; ++i)
            ys.push_back(i % 3);
        const auto points = curve(ys);
        QCOMPARE(lttb(points, static_cast<std::size_t>(threshold)), points);
    }

    void keepsASpike_data()
    {
        QTest::addColumn<double>("spike");
        QTest::newRow("up") << 100.0;
        QTest::newRow("down") << -100.0;
    }

    void keepsASpike()
    {
        QFETCH(double, spike);
        std::vector<double> ys(1000, 1.0);
        ys[537] = spike;
        const auto kept = lttb(curve(ys), 20);
        QCOMPARE(kept.size(), std::size_t{20});
        QVERIFY(std::find(kept.begin(), kept.end(), QPointF(537.0, spike)) != kept.end());
    }

    void cutsTheVisibleRangeWithOneNeighbourEachSide()
    {
        std::vector<double> ys;
        for (int i = 0; i < 100; ++i)
            ys.push_back(i * i);
        const auto points = curve(ys);
        // Inside [10.5, 20.5]: x = 11..20, plus 10 before and 21 after; few enough to keep them all.
        std::vector<double> expected;
        for (int x = 10; x <= 21; ++x)
            expected.push_back(x);
        QCOMPARE(xs(visiblePoints(points, 10.5, 20.5, 100)), expected);
        // A range bounded by points includes them and the next ones out.
        QCOMPARE(xs(visiblePoints(points, 10.0, 12.0, 100)), (std::vector<double>{9, 10, 11, 12, 13}));
        // The whole curve reduced: first and last kept.
        const auto whole = visiblePoints(points, 0.0, 99.0, 10);
        QCOMPARE(whole.size(), std::size_t{10});
        QCOMPARE(whole.front(), points.front());
        QCOMPARE(whole.back(), points.back());
        // Past the end only the last point remains; an empty curve stays empty.
        QCOMPARE(xs(visiblePoints(points, 200.0, 300.0, 10)), std::vector<double>{99});
        QVERIFY(visiblePoints(std::vector<QPointF>{}, 0.0, 1.0, 10).empty());
    }

    void zoomingInReturnsFullResolution()
    {
        std::vector<double> ys;
        for (int i = 0; i < 20'000; ++i)
            ys.push_back(std::sin(i * 0.01));
        const auto points = curve(ys);
        const auto full = visiblePoints(points, 0.0, 19'999.0, 1000);
        QCOMPARE(full.size(), std::size_t{1000});
        // 501 points inside [5000, 5500] and one neighbour each side: all of them, at full resolution.
        const auto zoomed = visiblePoints(points, 5000.0, 5500.0, 1000);
        QCOMPARE(zoomed.size(), std::size_t{503});
        QCOMPARE(zoomed, std::vector<QPointF>(points.begin() + 4999, points.begin() + 5502));
    }
};

QTEST_GUILESS_MAIN(TstLttb)
#include "tst_lttb.moc"
