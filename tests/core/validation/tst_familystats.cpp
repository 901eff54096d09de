// SPDX-License-Identifier: MIT
// FamilyStats: thread-count independence, agreement with the batch runner, and DSR recomputed from equity curves.
#include <QtTest>

#include <cmath>
#include <numbers>

#include "backtest/batchrunner.h"
#include "backtest/engine.h"
#include "randomwalk.h"
#include "referencefamily.h"
#include "validation/deflatedsharpe.h"
#include "validation/familystats.h"

using namespace sixbtc;
using namespace sixbtc::validation;
using namespace sixbtc::validation::testing;

namespace {

constexpr int kPartitions = 8;

} // namespace

class TstFamilyStats : public QObject
{
    Q_OBJECT

private:
    ReferenceFamily m_family;
    std::unique_ptr<Market> m_market;

private slots:
    void initTestCase()
    {
        m_family = loadReferenceFamily();
        QCOMPARE(m_family.grid.params.size(), std::size_t(400));
        const std::vector<double> x = gaussianLogCloses(WalkSpec{3, 4000, 0.002, 100.0});
        m_market = std::make_unique<Market>(marketOf(
            candlesFromLogCloses("BTC", common::Timeframe(common::Timeframe::Id::M5), 100.0, x), *m_family.strategy));
    }

    void independentOfTheThreadCount()
    {
        const auto one = runFamily(m_market->data, m_family.settings, m_family.grid.params, {1, kPartitions, {}, {}});
        const auto two = runFamily(m_market->data, m_family.settings, m_family.grid.params, {2, kPartitions, {}, {}});
        QVERIFY(one.has_value() && two.has_value());
        QVERIFY(*one == *two);
        const auto fOne = familyOverfitting(*one);
        const auto fTwo = familyOverfitting(*two);
        QVERIFY(fOne.has_value() && fTwo.has_value());
        QVERIFY(fOne->dsr == fTwo->dsr);
        QCOMPARE(fOne->pbo.pbo, fTwo->pbo.pbo);
        QVERIFY(fOne->pbo.logits == fTwo->pbo.logits);
    }

    void metricsEqualTheBatchRunners()
    {
        const auto stats = runFamily(m_market->data, m_family.settings, m_family.grid.params, {2, kPartitions, {}, {}});
        const auto batch = backtest::runBatch(m_market->data, m_family.settings, m_family.grid.params, {2, {}, {}});
        QVERIFY(stats.has_value() && batch.has_value());
        std::int64_t trades = 0;
        for (std::size_t i = 0; i < stats->size(); ++i) {
            QVERIFY((*stats)[i].metrics == (*batch)[i]);
            trades += (*batch)[i].nTrades;
        }
        QVERIFY(trades > 0);
    }

    void dsrFromTheEngineEquityCurve()
    {
        const auto stats = runFamily(m_market->data, m_family.settings, m_family.grid.params, {2, kPartitions, {}, {}});
        QVERIFY(stats.has_value());
        const auto family = familyOverfitting(*stats);
        QVERIFY(family.has_value());
        const std::size_t n = stats->size();
        QCOMPARE(family->trials, std::int64_t(n));
        // V: sample variance of the 400 per-bar Sharpe ratios.
        double mean = 0.0;
        for (const StrategyStats& s : *stats)
            mean += s.moments.sharpe / static_cast<double>(n);
        double v = 0.0;
        for (const StrategyStats& s : *stats)
            v += (s.moments.sharpe - mean) * (s.moments.sharpe - mean) / static_cast<double>(n - 1);
        QVERIFY(std::abs(family->sharpeVariance - v) <= 1e-9 * v);
        const double sr0 =
            std::sqrt(v) * ((1.0 - kEulerGamma) * normalQuantile(1.0 - 1.0 / static_cast<double>(n)) +
                            kEulerGamma * normalQuantile(1.0 - 1.0 / (static_cast<double>(n) * std::numbers::e)));
        QVERIFY(std::abs(family->expectedMaxSharpe - sr0) <= 1e-9 * sr0);

        backtest::Engine engine(m_market->data, m_family.settings);
        for (std::size_t i : {std::size_t(0), std::size_t(57), std::size_t(213), std::size_t(399)}) {
            engine.run(m_family.grid.params[i]);
            const std::span<const double> eq = engine.equity();
            // Moments straight from the definitions.
            std::vector<double> r;
            for (std::size_t t = 1; t < eq.size(); ++t)
                r.push_back(eq[t - 1] <= 0.0 ? 0.0 : eq[t] / eq[t - 1] - 1.0);
            const double T = static_cast<double>(r.size());
            double m = 0.0;
            for (double x : r)
                m += x / T;
            double m2 = 0.0, m3 = 0.0, m4 = 0.0;
            for (double x : r) {
                m2 += (x - m) * (x - m) / T;
                m3 += (x - m) * (x - m) * (x - m) / T;
                m4 += (x - m) * (x - m) * (x - m) * (x - m) / T;
            }
            QVERIFY(m2 > 0.0);
            const double sr = m / std::sqrt(m2 * T / (T - 1.0));
            const double skew = m3 / std::pow(m2, 1.5);
            const double kurt = m4 / (m2 * m2);
            const double z =
                (sr - sr0) * std::sqrt(T - 1.0) / std::sqrt(1.0 - skew * sr + (kurt - 1.0) / 4.0 * sr * sr);
            const double dsr = 0.5 * std::erfc(-z / std::sqrt(2.0));
            QVERIFY2(std::abs(family->dsr[i] - dsr) <= 1e-9, qPrintable(QString::number(i)));
            QVERIFY(std::abs((*stats)[i].moments.sharpe - sr) <= 1e-9 * std::abs(sr));
            // Block sums cover every return.
            std::int64_t covered = 0;
            for (const BlockSums& b : (*stats)[i].blocks)
                covered += b.n;
            QCOMPARE(covered, std::int64_t(r.size()));
        }
    }

    void invalidPartitionsAndCancellation()
    {
        const auto tooMany = runFamily(m_market->data, m_family.settings, m_family.grid.params, {1, 4000, {}, {}});
        QVERIFY(!tooMany.has_value());
        QCOMPARE(tooMany.error().code, common::ErrorCode::Input);
        FamilyOptions options{2, kPartitions, {}, {}};
        options.cancel.requestStop();
        const auto cancelled = runFamily(m_market->data, m_family.settings, m_family.grid.params, options);
        QVERIFY(!cancelled.has_value());
        QCOMPARE(cancelled.error().code, common::ErrorCode::Cancelled);
    }

    void progressCountsEveryStrategy()
    {
        std::size_t last = 0;
        FamilyOptions options{2, 0, [&last](const backtest::BatchProgress& p) { last = p.done; }, {}};
        const std::span<const backtest::StrategyParams> some(m_family.grid.params.data(), 20);
        const auto stats = runFamily(m_market->data, m_family.settings, some, options);
        QVERIFY(stats.has_value());
        QCOMPARE(last, std::size_t(20));
        QVERIFY((*stats)[0].blocks.empty());             // partitions 0: no block sums
        QVERIFY(!familyOverfitting(*stats).has_value()); // and so no PBO
    }
};

QTEST_GUILESS_MAIN(TstFamilyStats)
#include "tst_familystats.moc"
