// SPDX-License-Identifier: MIT
// PBO by CSCV against combinations enumerated by hand (Bailey, Borwein, Lopez de Prado, Zhu 2015).
#include <QtTest>

#include <chrono>
#include <cmath>
#include <random>
#include <vector>

#include "validation/pbo.h"

using namespace sixbtc::validation;

namespace {

/// The matrix of strategies given as return rows, each cut into `partitions` blocks.
BlockMatrix matrixOf(const std::vector<std::vector<double>>& rows, int partitions)
{
    BlockMatrix m;
    m.strategies = rows.size();
    m.partitions = partitions;
    for (const std::vector<double>& row : rows) {
        const std::vector<BlockSums> blocks = blockSums(row, partitions);
        m.cells.insert(m.cells.end(), blocks.begin(), blocks.end());
    }
    return m;
}

} // namespace

class TstPbo : public QObject
{
    Q_OBJECT

private slots:
    void fourStrategiesEightObservationsByHand()
    {
        // Returns (any unit: the Sharpe ratio does not depend on it), S = 4 blocks of 2 observations:
        //   A:  2  0 |  2  0 | -1  1 | -1  1     blocks (n, sum, squares): (2,2,4) (2,2,4) (2,0,2) (2,0,2)
        //   B:  0  1 |  0  1 |  1  2 |  1  2                               (2,1,1) (2,1,1) (2,3,5) (2,3,5)
        //   C: -1  1 | -1  1 |  2  0 |  2  0                               (2,0,2) (2,0,2) (2,2,4) (2,2,4)
        //   D:  0  1 |  0  1 |  0  0 |  3 -1                               (2,1,1) (2,1,1) (2,0,0) (2,2,10)
        // Sharpe of a union (n, s, q): mean = s/n, var = (q - s*mean)/(n-1). Unions of 2 blocks have n = 4:
        //   (4,4,8):  1/sqrt(4/3) = 0.8660     (4,2,2): 0.5/sqrt(1/3) = 0.8660 (equal in binary64 too)
        //   (4,0,4):  0                         (4,6,10): 1.5/sqrt(1/3) = 2.5981
        //   (4,2,6):  0.5/sqrt(5/3) = 0.3873    (4,4,6):  1/sqrt(2/3) = 1.2247
        //   (4,1,1):  0.25/sqrt(1/4) = 0.5      (4,3,11): 0.75/sqrt(3) = 0.4392   (4,2,10): 0.5/sqrt(3) = 0.2887
        // The C(4,2) = 6 combinations in lexicographic order (IS blocks | OOS blocks):
        //   {0,1}|{2,3}: IS A .8660 B .8660 C 0 D .8660 -> tie, lowest index: A. OOS A 0, B 2.5981, C .8660,
        //                D .2887 -> A is worst: rank 1, omega 1/5, lambda = ln(0.2/0.8) = ln(1/4) = -1.3863.
        //   {0,2}|{1,3}: IS A .3873 B 1.2247 C .3873 D .5 -> B. OOS A .3873 B 1.2247 C .3873 D .4392 -> rank 4,
        //                omega 4/5, lambda = ln 4 = 1.3863.
        //   {0,3}|{1,2}: IS A .3873 B 1.2247 C .3873 D .4392 -> B; OOS B best -> lambda = ln 4.
        //   {1,2}|{0,3}: same sums as {0,2}|{1,3} -> B, lambda = ln 4.
        //   {1,3}|{0,2}: same sums as {0,3}|{1,2} -> B, lambda = ln 4.
        //   {2,3}|{0,1}: IS A 0 B 2.5981 C .8660 D .2887 -> B. OOS A .8660 B .8660 C 0 D .8660: C below, A, B, D
        //                tied on ranks 2, 3, 4 -> average rank 3, omega 3/5, lambda = ln(0.6/0.4) = ln 1.5 = 0.4055.
        // PBO = (combinations with lambda <= 0) / 6 = 1/6.
        const BlockMatrix m = matrixOf({{2, 0, 2, 0, -1, 1, -1, 1},
                                        {0, 1, 0, 1, 1, 2, 1, 2},
                                        {-1, 1, -1, 1, 2, 0, 2, 0},
                                        {0, 1, 0, 1, 0, 0, 3, -1}},
                                       4);
        const auto r = probabilityOfBacktestOverfitting(m);
        QVERIFY(r.has_value());
        QCOMPARE(r->combinations(), std::int64_t(6));
        const double expected[] = {std::log(0.25), std::log(4.0), std::log(4.0),
                                   std::log(4.0),  std::log(4.0), std::log(1.5)};
        for (int c = 0; c < 6; ++c)
            QVERIFY2(std::abs(r->logits[c] - expected[c]) < 1e-15, qPrintable(QString::number(c)));
        QCOMPARE(r->pbo, 1.0 / 6.0);
        // Degradation: chosen (IS, OOS) = (.8660, 0), 2 x (1.2247, 1.2247), 2 x (1.2247, 1.2247), (2.5981, .8660);
        // the fit through them has a positive slope here (B persists).
        QVERIFY(r->degradationSlope > 0.0);
    }

    void identicalStrategiesAreAllTies()
    {
        // Three identical strategies: the IS tie goes to strategy 0; OOS all three tie on ranks 1..3 -> average 2,
        // omega = 2/4 = 0.5, lambda = ln 1 = 0, which counts as overfit (lambda <= 0): PBO = 1.
        const std::vector<double> row = {0.01, -0.02, 0.03, 0.0, 0.01, 0.02, -0.01, 0.02};
        const auto r = probabilityOfBacktestOverfitting(matrixOf({row, row, row}, 4));
        QVERIFY(r.has_value());
        for (double logit : r->logits)
            QCOMPARE(logit, 0.0);
        QCOMPARE(r->pbo, 1.0);
    }

    void aDominantStrategyIsNeverOverfit()
    {
        // Strategy i = base + 0.1 i: same std, higher mean in every union, so the IS best (i = 3) is the OOS best:
        // rank 4 of 4, lambda = ln 4 in all C(6,3) = 20 combinations, PBO 0.
        const std::vector<double> base = {0.3, -0.5, 0.2, 0.1, -0.4, 0.6, 0.0, -0.2, 0.5, -0.1, 0.2, -0.3};
        std::vector<std::vector<double>> rows;
        for (int i = 0; i < 4; ++i) {
            rows.push_back(base);
            for (double& v : rows.back())
                v += 0.1 * i;
        }
        const auto r = probabilityOfBacktestOverfitting(matrixOf(rows, 6));
        QVERIFY(r.has_value());
        QCOMPARE(r->combinations(), std::int64_t(20));
        for (double logit : r->logits)
            QVERIFY(std::abs(logit - std::log(4.0)) < 1e-15);
        QCOMPARE(r->pbo, 0.0);
    }

    void aReversingStrategyIsAlwaysOverfit()
    {
        // Two mirrored strategies: A = 1 2 | 1 2 | -2 -1 | -2 -1 (S = 4 blocks of 2) and B = -A. Combination {0,1}: IS
        // A mean 1.5 > 0 > B -> A; OOS A negative < B -> rank 1, omega 1/3, lambda = ln(1/2) < 0. {0,2}, {0,3}, {1,2},
        // {1,3}: IS and OOS hold one positive and one negative block each, so A and B both have Sharpe 0 IS -> A
        // (lowest index), OOS both 0 -> tie, rank 1.5, omega 1/2, lambda 0. {2,3}: IS B best, OOS B worst -> lambda
        // ln(1/2). PBO = 6/6.
        const std::vector<double> a = {1, 2, 1, 2, -2, -1, -2, -1};
        const std::vector<double> b = {-1, -2, -1, -2, 2, 1, 2, 1};
        const auto r = probabilityOfBacktestOverfitting(matrixOf({a, b}, 4));
        QVERIFY(r.has_value());
        QVERIFY(std::abs(r->logits[0] - std::log(0.5)) < 1e-15);
        for (int c = 1; c < 5; ++c)
            QCOMPARE(r->logits[c], 0.0);
        QVERIFY(std::abs(r->logits[5] - std::log(0.5)) < 1e-15);
        QCOMPARE(r->pbo, 1.0);
    }

    void invalidInputsFail_data()
    {
        QTest::addColumn<int>("strategies");
        QTest::addColumn<int>("partitions");
        QTest::newRow("one strategy") << 1 << 4;
        QTest::newRow("odd partitions") << 3 << 5;
        QTest::newRow("two partitions") << 3 << 2;
    }

    void invalidInputsFail()
    {
        QFETCH(int, strategies);
        QFETCH(int, partitions);
        std::vector<std::vector<double>> rows(static_cast<std::size_t>(strategies), std::vector<double>(20, 0.01));
        const auto r = probabilityOfBacktestOverfitting(matrixOf(rows, partitions));
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, sixbtc::common::ErrorCode::Input);
    }

    void mismatchedBlocksFail()
    {
        BlockMatrix m = matrixOf({std::vector<double>(9, 0.01), std::vector<double>(9, 0.02)}, 4);
        m.cells[5].n = 1; // strategy 1, block 1 now differs in size from strategy 0's
        QVERIFY(!probabilityOfBacktestOverfitting(m).has_value());
        m.cells.pop_back();
        QVERIFY(!probabilityOfBacktestOverfitting(m).has_value());
    }

    void fourHundredStrategiesSixteenPartitionsIsFast()
    {
        // 400 x 16 (12,870 combinations), as the shipped grid and config: well under a second in a Release build.
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> u(-0.01, 0.01);
        std::vector<std::vector<double>> rows(400, std::vector<double>(1600));
        for (auto& row : rows)
            for (double& v : row)
                v = u(rng);
        const BlockMatrix m = matrixOf(rows, 16);
        const auto start = std::chrono::steady_clock::now();
        const auto r = probabilityOfBacktestOverfitting(m);
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        QVERIFY(r.has_value());
        QCOMPARE(r->combinations(), std::int64_t(12870));
        qInfo("PBO of 400 random strategies x 16 partitions: %.3f in %.3f s", r->pbo, elapsed.count());
        // Independent noise: the IS best is a random draw out of sample, so PBO is near 1/2.
        QVERIFY(r->pbo > 0.3 && r->pbo < 0.7);
#ifdef NDEBUG
        QVERIFY(elapsed.count() < 1.0);
#endif
    }
};

QTEST_GUILESS_MAIN(TstPbo)
#include "tst_pbo.moc"
