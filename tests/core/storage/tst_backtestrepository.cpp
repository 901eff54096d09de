// SPDX-License-Identifier: MIT
// Conformance tests of BacktestRepository: runs with metrics, windows, equity curves, trades, walk-forward windows.
#include <QtTest>

#include <cmath>

#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;
using sixbtc::common::ErrorCode;

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;

// Metrics with values that only survive a bit-exact round trip (no decimal shortcut).
BacktestMetrics metrics(double seed)
{
    return BacktestMetrics{seed / 3.0,
                           std::sqrt(seed),
                           0.1 * seed,
                           seed / 7.0,
                           -seed * 11.1,
                           1.0 / (seed + 3.0),
                           static_cast<std::int64_t>(seed * 100),
                           1e-300 * seed,
                           2.0 / 3.0,
                           10'000.0 + seed / 9.0};
}

BacktestRun sampleRun(const std::string& uuid, double seed)
{
    return BacktestRun{0,
                       uuid,
                       "full",
                       "1h",
                       {"BTC"},
                       R"({"sl_pct":0.02})",
                       "ds-abc",
                       1,
                       2,
                       "0.1.0",
                       0,
                       metrics(seed),
                       seed > 1 ? std::optional<double>(seed / 13.0) : std::nullopt};
}

} // namespace

class TstBacktestRepository : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_fixture{kStartMs};
    ManualClock& m_clock = m_fixture.clock();
    std::string m_uuid;

    BacktestRepository& repo() { return m_fixture.store().backtests(); }

private slots:
    void init()
    {
        const std::string error = m_fixture.open();
        QVERIFY2(error.empty(), error.c_str());
        m_uuid = sampleStrategy("MOM", 1).record.uuid;
        auto inserted = m_fixture.store().strategies().insert(sampleStrategy("MOM", 1));
        SIXBTC_VERIFY_OK(inserted);
    }
    void cleanup() { m_fixture.close(); }

    void runRoundTrip()
    {
        const BacktestRun run = sampleRun(m_uuid, 5.0);
        auto id = repo().insertRun(run);
        SIXBTC_VERIFY_OK(id);
        auto stored = repo().run(*id);
        SIXBTC_VERIFY_OK(stored);
        QCOMPARE(stored->id, *id);
        QCOMPARE(stored->strategyUuid, m_uuid);
        QCOMPARE(stored->symbols, std::vector<std::string>{"BTC"});
        QCOMPARE(stored->createdAtMs, kStartMs);
        QVERIFY(stored->metrics == run.metrics);
        QCOMPARE(stored->score, run.score);
        QCOMPARE(repo().run(*id + 1000).error().code, ErrorCode::Input);
    }

    void bulkRunsKeepOrder()
    {
        std::vector<BacktestRun> runs;
        for (int i = 0; i < 230; ++i)
            runs.push_back(sampleRun(m_uuid, i));
        auto ids = repo().insertRuns(runs);
        SIXBTC_VERIFY_OK(ids);
        QCOMPARE(ids->size(), runs.size());
        for (std::size_t i : {std::size_t(0), std::size_t(99), std::size_t(100), std::size_t(229)}) {
            auto stored = repo().run((*ids)[i]);
            SIXBTC_VERIFY_OK(stored);
            QVERIFY(stored->metrics == runs[i].metrics);
        }
        QCOMPARE(repo().runsOf(m_uuid)->size(), std::size_t(230));
    }

    // Newest first by creation time, ties (one insertRuns call shares one time) by id descending, across strategies.
    void recentRunsNewestFirst()
    {
        QVERIFY(repo().recentRuns(5)->empty());
        auto other = m_fixture.store().strategies().insert(sampleStrategy("REV", 2));
        SIXBTC_VERIFY_OK(other);
        const std::string otherUuid = sampleStrategy("REV", 2).record.uuid;
        auto a = repo().insertRuns({sampleRun(m_uuid, 1.0), sampleRun(otherUuid, 2.0)});
        SIXBTC_VERIFY_OK(a);
        m_clock.advance(1'000);
        auto b = repo().insertRun(sampleRun(otherUuid, 3.0));
        SIXBTC_VERIFY_OK(b);
        // An older time with a newer id: the time decides.
        m_clock.set(kStartMs - 5'000);
        auto c = repo().insertRun(sampleRun(m_uuid, 4.0));
        SIXBTC_VERIFY_OK(c);

        auto recent = repo().recentRuns(10);
        SIXBTC_VERIFY_OK(recent);
        std::vector<std::int64_t> ids;
        for (const BacktestRun& run : *recent)
            ids.push_back(run.id);
        QCOMPARE(ids, (std::vector<std::int64_t>{*b, (*a)[1], (*a)[0], *c}));
        QCOMPARE(recent->front().strategyUuid, otherUuid);
        QCOMPARE(recent->front().createdAtMs, kStartMs + 1'000);
        QVERIFY(recent->front().metrics == metrics(3.0));
        QCOMPARE(recent->back().createdAtMs, kStartMs - 5'000);

        auto two = repo().recentRuns(2);
        SIXBTC_VERIFY_OK(two);
        QCOMPARE(two->size(), std::size_t(2));
        QCOMPARE(two->at(1).id, (*a)[1]);
        QVERIFY(repo().recentRuns(0)->empty());
    }

    void runOfUnknownStrategyIsRefused()
    {
        QVERIFY(!repo().insertRun(sampleRun(sampleStrategy("MOM", 2).record.uuid, 1.0)));
    }

    void detailsRoundTrip()
    {
        auto id = repo().insertRun(sampleRun(m_uuid, 2.0));
        SIXBTC_VERIFY_OK(id);
        const std::vector<WindowResult> windows{{0, 10, 20, metrics(1.0)}, {1, 20, 30, metrics(2.0)}};
        auto added = repo().addWindowResults(*id, windows);
        SIXBTC_VERIFY_OK(added);
        QVERIFY(*repo().windowResults(*id) == windows);

        std::vector<EquityPoint> curve;
        for (int i = 0; i < 250; ++i)
            curve.push_back({kStartMs + i * 3'600'000LL, 10'000.0 * std::exp(i / 997.0)});
        added = repo().addEquityCurve(*id, curve);
        SIXBTC_VERIFY_OK(added);
        QVERIFY(*repo().equityCurve(*id) == curve);

        const std::vector<TradeRecord> trades{
            {"BTC", 3, 9, 100, 200, 1, 100.1, 104.1, 0.3, 30.03, 10.01, 0.01, 0.02, 1.17, 10'000, "TP"},
            {"ETH", 4, 5, 110, 120, -1, 2000.5, 2010.25, 1.0 / 3.0, 666.8, 222.2, 0.1, 0.1, -3.45, 10'001.17, "SL"},
        };
        added = repo().addTrades(*id, trades);
        SIXBTC_VERIFY_OK(added);
        QVERIFY(*repo().trades(*id) == trades);

        const std::vector<WalkForwardWindow> wf{{0, 1, 2, 3, 4, R"({"leverage":2})", metrics(3.0), metrics(4.0)}};
        added = repo().addWalkForwardWindows(*id, wf);
        SIXBTC_VERIFY_OK(added);
        QVERIFY(*repo().walkForwardWindows(*id) == wf);
    }

    void duplicateWindowIsRefusedWhole()
    {
        auto id = repo().insertRun(sampleRun(m_uuid, 2.0));
        SIXBTC_VERIFY_OK(id);
        const std::vector<WindowResult> windows{{0, 10, 20, metrics(1.0)}, {0, 20, 30, metrics(2.0)}};
        QVERIFY(!repo().addWindowResults(*id, windows));
        QVERIFY(repo().windowResults(*id)->empty());
    }
};

QTEST_GUILESS_MAIN(TstBacktestRepository)
#include "tst_backtestrepository.moc"
