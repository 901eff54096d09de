// SPDX-License-Identifier: MIT
// Per-bar returns, their moments and block sums against values computed by hand.
#include <QtTest>

#include <cmath>
#include <vector>

#include "validation/returnstats.h"

using namespace sixbtc::validation;

namespace {

bool closeRel(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

} // namespace

class TstReturnStats : public QObject
{
    Q_OBJECT

private slots:
    void barReturnsOfAnEquityCurve()
    {
        // 100 -> 110 -> 99 -> 108.9 -> 108.9: +10 %, -10 %, +10 %, 0 %; a non-positive previous equity gives 0.
        const std::vector<double> r = barReturns(std::vector<double>{100.0, 110.0, 99.0, 108.9, 108.9, 0.0, 5.0});
        QCOMPARE(r.size(), std::size_t(6));
        QVERIFY(closeRel(r[0], 0.1, 1e-14));
        QVERIFY(closeRel(r[1], -0.1, 1e-14));
        QVERIFY(closeRel(r[2], 0.1, 1e-14));
        QCOMPARE(r[3], 0.0);
        QCOMPARE(r[4], -1.0);
        QCOMPARE(r[5], 0.0);
        QVERIFY(barReturns(std::vector<double>{100.0}).empty());
    }

    void momentsByHand()
    {
        // r = 0.1, -0.1, 0.1, 0: T = 4, mean = 0.1 / 4 = 0.025; deviations 0.075, -0.125, 0.075, -0.025.
        // sum d^2 = 0.005625 + 0.015625 + 0.005625 + 0.000625 = 0.0275 -> sample std = sqrt(0.0275 / 3) = 0.0957427108;
        // sharpe = 0.025 / 0.0957427108 = 0.26111648393354675.
        // m2 = 0.0275 / 4 = 0.006875; sum d^3 = 0.000421875 - 0.001953125 + 0.000421875 - 0.000015625 = -0.001125,
        // m3 = -0.00028125; skew = -0.00028125 / 0.006875^1.5 = -0.49338220021815865.
        // sum d^4 = 0.000031640625 + 0.000244140625 + 0.000031640625 + 0.000000390625 = 0.0003078125,
        // m4 = 0.000076953125; kurt = 0.000076953125 / 0.006875^2 = 1.628099173553719.
        const ReturnMoments m = returnMoments(std::vector<double>{0.1, -0.1, 0.1, 0.0});
        QCOMPARE(m.n, std::int64_t(4));
        QVERIFY(closeRel(m.mean, 0.025, 1e-14));
        QVERIFY(closeRel(m.stdDev, std::sqrt(0.0275 / 3.0), 1e-14));
        QVERIFY(closeRel(m.sharpe, 0.26111648393354675, 1e-13));
        QVERIFY(closeRel(m.skewness, -0.49338220021815865, 1e-13));
        QVERIFY(closeRel(m.kurtosis, 1.628099173553719, 1e-13));
    }

    void momentsOfANormalLikeSample()
    {
        // Symmetric sample -2, -1, 0, 1, 2: skew 0; m2 = 10/5 = 2, m4 = 34/5 = 6.8, kurt = 6.8 / 4 = 1.7.
        const ReturnMoments m = returnMoments(std::vector<double>{-2.0, -1.0, 0.0, 1.0, 2.0});
        QCOMPARE(m.mean, 0.0);
        QCOMPARE(m.skewness, 0.0);
        QVERIFY(closeRel(m.kurtosis, 1.7, 1e-15));
        QCOMPARE(m.sharpe, 0.0);
        QVERIFY(closeRel(m.stdDev, std::sqrt(2.5), 1e-15));
    }

    void degenerateMoments()
    {
        const ReturnMoments none = returnMoments(std::vector<double>{});
        QCOMPARE(none.n, std::int64_t(0));
        QCOMPARE(none.sharpe, 0.0);
        QCOMPARE(none.kurtosis, 3.0);
        const ReturnMoments one = returnMoments(std::vector<double>{0.5});
        QCOMPARE(one.n, std::int64_t(1));
        QCOMPARE(one.mean, 0.5);
        QCOMPARE(one.stdDev, 0.0);
        QCOMPARE(one.sharpe, 0.0);
        const ReturnMoments flat = returnMoments(std::vector<double>(10, 0.0));
        QCOMPARE(flat.sharpe, 0.0);
        QCOMPARE(flat.skewness, 0.0);
        QCOMPARE(flat.kurtosis, 3.0);
    }

    void blockSumsSpreadTheRemainderOverTheFirstBlocks()
    {
        // r = 0..9, T = 10, S = 4: 10 = 4 * 2 + 2, so blocks 0 and 1 hold 3 returns, blocks 2 and 3 hold 2:
        // {0,1,2}: sum 3, squares 5; {3,4,5}: 12, 50; {6,7}: 13, 85; {8,9}: 17, 145.
        std::vector<double> r;
        for (int i = 0; i < 10; ++i)
            r.push_back(i);
        const std::vector<BlockSums> b = blockSums(r, 4);
        QCOMPARE(b.size(), std::size_t(4));
        QCOMPARE(b[0], (BlockSums{3, 3.0, 5.0}));
        QCOMPARE(b[1], (BlockSums{3, 12.0, 50.0}));
        QCOMPARE(b[2], (BlockSums{2, 13.0, 85.0}));
        QCOMPARE(b[3], (BlockSums{2, 17.0, 145.0}));
        // One block per return.
        const std::vector<BlockSums> single = blockSums(r, 10);
        QCOMPARE(single[9], (BlockSums{1, 9.0, 81.0}));
    }

    void sharpeOfAUnionOfBlocks()
    {
        // Blocks 1 and 3 of the above: {3,4,5,8,9}: n 5, sum 29, squares 195; mean 5.8,
        // var = (195 - 29 * 5.8) / 4 = 26.8 / 4 = 6.7, Sharpe = 5.8 / sqrt(6.7) = 2.2407354869...
        std::vector<double> r;
        for (int i = 0; i < 10; ++i)
            r.push_back(i);
        const std::vector<BlockSums> b = blockSums(r, 4);
        BlockSums u;
        accumulate(u, b[1]);
        accumulate(u, b[3]);
        QVERIFY(closeRel(blockSharpe(u), 5.8 / std::sqrt(6.7), 1e-14));
        QVERIFY(closeRel(blockSharpe(u), returnMoments(std::vector<double>{3, 4, 5, 8, 9}).sharpe, 1e-14));
        // Flat and tiny unions.
        QCOMPARE(blockSharpe(BlockSums{5, 0.0, 0.0}), 0.0);
        QCOMPARE(blockSharpe(BlockSums{1, 2.0, 4.0}), 0.0);
        // Equal non-zero returns: the one-pass variance is rounding noise, so the Sharpe is 0.
        const std::vector<double> equal(7, 0.001);
        QCOMPARE(blockSharpe(blockSums(equal, 1)[0]), 0.0);
    }
};

QTEST_GUILESS_MAIN(TstReturnStats)
#include "tst_returnstats.moc"
