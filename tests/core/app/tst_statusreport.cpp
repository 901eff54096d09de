// SPDX-License-Identifier: MIT
// loadStatus on the backend under test: exact counts per status, timeframe and type, best, last runs and jobs.
#include <QtTest>

#include "app/statusreport.h"
#include "storage/api/lifecycle.h"
#include "storagetestenv.h"

using namespace sixbtc;
using storage::BacktestMetrics;
using storage::BacktestRun;
using storage::JobStatus;
using storage::StrategyStatus;
using storage::testing::MigratedStore;
using storage::testing::sampleStrategy;

namespace {

constexpr std::int64_t kStartMs = 1'750'000'000'000;

using Counts = std::array<std::int64_t, 6>;

BacktestMetrics metrics(double totalReturn, double sharpe, double maxDrawdown, std::int64_t trades)
{
    BacktestMetrics m;
    m.totalReturn = totalReturn;
    m.sharpe = sharpe;
    m.maxDrawdown = maxDrawdown;
    m.nTrades = trades;
    return m;
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

std::string jobId(int n)
{
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
    return text;
}

} // namespace

class TstStatusReport : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_db{kStartMs};

    storage::Store& store() { return m_db.store(); }

    // Stores Strategy_<type>_<index> on `timeframe`, moves it to `status` along legal moves, and sets its score.
    std::string addStrategy(const std::string& type, std::int64_t index, const std::string& timeframe,
                            StrategyStatus status, std::optional<double> score)
    {
        storage::NewStrategy s = sampleStrategy(type, index);
        s.record.timeframe = timeframe;
        const std::string uuid = s.record.uuid;
        auto& strategies = store().strategies();
        auto done = strategies.insert(s);
        const auto move = [&](StrategyStatus to, std::string_view reason) {
            if (done)
                done = strategies.transition(uuid, to, std::string(reason));
        };
        if (status == StrategyStatus::Rejected)
            move(StrategyStatus::Rejected, "shuffle test failed");
        if (status != StrategyStatus::Generated && status != StrategyStatus::Rejected)
            move(StrategyStatus::Validated, "checks passed");
        if (status == StrategyStatus::Retired)
            move(StrategyStatus::Retired, storage::lifecycle::kExpanded);
        if (status == StrategyStatus::Active || status == StrategyStatus::Live)
            move(StrategyStatus::Active, "admitted");
        if (status == StrategyStatus::Live)
            move(StrategyStatus::Live, "deployed");
        if (done && score)
            done = strategies.setScore(uuid, *score);
        if (!done)
            qFatal("cannot store %s: %s", s.record.name.c_str(), done.error().fullText().c_str());
        return uuid;
    }

    std::int64_t addRun(const std::string& uuid, const std::string& kind, const BacktestMetrics& m)
    {
        BacktestRun run;
        run.strategyUuid = uuid;
        run.kind = kind;
        run.timeframe = store().strategies().get(uuid)->timeframe;
        run.symbols = {"BTC"};
        run.parametersJson = "{}";
        run.datasetHash = "ds";
        run.engineVersion = "test";
        run.metrics = m;
        auto id = store().backtests().insertRun(run);
        if (!id)
            qFatal("cannot store a run: %s", id.error().fullText().c_str());
        return *id;
    }

    void addJob(int n, storage::GenerationMode mode, std::int64_t requested)
    {
        storage::GenerationJob job;
        job.id = jobId(n);
        job.mode = mode;
        job.parametersJson = "{}";
        job.requested = requested;
        auto created = store().jobs().createJob(job);
        if (!created)
            qFatal("cannot store a job: %s", created.error().fullText().c_str());
    }

    // Nine strategies over four timeframes and three types, in every status.
    struct Fixture
    {
        std::string mom1, mom2, mom3, rev4;
    };
    Fixture addNine()
    {
        Fixture f;
        f.mom1 = addStrategy("MOM", 1, "1h", StrategyStatus::Active, 2.5);
        f.mom2 = addStrategy("MOM", 2, "1h", StrategyStatus::Live, 3.0);
        f.mom3 = addStrategy("MOM", 3, "4h", StrategyStatus::Active, 2.5);
        f.rev4 = addStrategy("REV", 4, "15m", StrategyStatus::Active, std::nullopt);
        addStrategy("REV", 5, "1h", StrategyStatus::Generated, std::nullopt);
        addStrategy("REV", 6, "4h", StrategyStatus::Validated, 9.0);
        addStrategy("BRE", 7, "1d", StrategyStatus::Rejected, std::nullopt);
        addStrategy("BRE", 8, "15m", StrategyStatus::Retired, 1.0);
        addStrategy("BRE", 9, "1h", StrategyStatus::Generated, std::nullopt);
        return f;
    }

    static void compareCounts(const app::StatusCounts& counts, const std::string& group, const Counts& expected)
    {
        QCOMPARE(qs(counts.group), qs(group));
        QCOMPARE(counts.byStatus, expected);
    }

private slots:
    void init()
    {
        const std::string error = m_db.open();
        QVERIFY2(error.empty(), error.c_str());
    }
    void cleanup() { m_db.close(); }

    void emptyStore()
    {
        auto report = app::loadStatus(store(), 5, 5);
        SIXBTC_VERIFY_OK(report);
        QCOMPARE(report->all.total(), std::int64_t(0));
        QVERIFY(report->byTimeframe.empty());
        QVERIFY(report->byType.empty());
        QVERIFY(report->best.empty());
        QVERIFY(report->lastRuns.empty());
        QVERIFY(report->jobs.empty());
    }

    // Columns: GENERATED VALIDATED ACTIVE LIVE REJECTED RETIRED, counted by hand from addNine().
    void countsPerStatusTimeframeAndType()
    {
        addNine();
        auto report = app::loadStatus(store(), 0, 0);
        SIXBTC_VERIFY_OK(report);
        compareCounts(report->all, "all", Counts{2, 1, 3, 1, 1, 1});
        QCOMPARE(report->all.total(), std::int64_t(9));
        QCOMPARE(report->all.count(StrategyStatus::Active), std::int64_t(3));
        // Shortest timeframe first, not alphabetical (which would put 1d before 1h).
        QCOMPARE(report->byTimeframe.size(), std::size_t(4));
        compareCounts(report->byTimeframe[0], "15m", Counts{0, 0, 1, 0, 0, 1});
        compareCounts(report->byTimeframe[1], "1h", Counts{2, 0, 1, 1, 0, 0});
        compareCounts(report->byTimeframe[2], "4h", Counts{0, 1, 1, 0, 0, 0});
        compareCounts(report->byTimeframe[3], "1d", Counts{0, 0, 0, 0, 1, 0});
        QCOMPARE(report->byType.size(), std::size_t(3));
        compareCounts(report->byType[0], "BRE", Counts{1, 0, 0, 0, 1, 1});
        compareCounts(report->byType[1], "MOM", Counts{0, 0, 2, 1, 0, 0});
        compareCounts(report->byType[2], "REV", Counts{1, 1, 1, 0, 0, 0});
        QVERIFY(report->best.empty());
        QVERIFY(report->lastRuns.empty());
    }

    // ACTIVE and LIVE only (the VALIDATED 9.0 is not in the pool), by score, ties by name, unscored last; the newest
    // training run gives the figures, other kinds are ignored.
    void bestStrategiesWithTheirTrainingRun()
    {
        const Fixture f = addNine();
        addRun(f.mom1, "training", metrics(0.10, 1.1, 0.05, 40));
        addRun(f.mom1, "training", metrics(0.20, 1.6, 0.04, 44));
        addRun(f.mom1, "holdout", metrics(-0.3, -1.0, 0.5, 9));
        addRun(f.mom3, "training", metrics(0.31, 2.0, 0.07, 31));

        auto report = app::loadStatus(store(), 10, 0);
        SIXBTC_VERIFY_OK(report);
        QStringList names;
        for (const auto& s : report->best)
            names << qs(s.name);
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Strategy_MOM_00000002"), QStringLiteral("Strategy_MOM_00000001"),
                              QStringLiteral("Strategy_MOM_00000003"), QStringLiteral("Strategy_REV_00000004")}));
        const app::BestStrategy& live = report->best[0];
        QCOMPARE(live.status, StrategyStatus::Live);
        QCOMPARE(live.score, std::optional<double>(3.0));
        QVERIFY(!live.training.has_value());
        const app::BestStrategy& mom1 = report->best[1];
        QCOMPARE(qs(mom1.type), QStringLiteral("MOM"));
        QCOMPARE(qs(mom1.timeframe), QStringLiteral("1h"));
        QVERIFY(mom1.training.has_value());
        QVERIFY(*mom1.training == metrics(0.20, 1.6, 0.04, 44));
        QVERIFY(*report->best[2].training == metrics(0.31, 2.0, 0.07, 31));
        QVERIFY(!report->best[3].score.has_value());

        auto top2 = app::loadStatus(store(), 2, 0);
        SIXBTC_VERIFY_OK(top2);
        QCOMPARE(top2->best.size(), std::size_t(2));
        QCOMPARE(qs(top2->best[1].name), QStringLiteral("Strategy_MOM_00000001"));
    }

    // Newest first across strategies; runs stored in the same millisecond come newest id first.
    void lastRunsNewestFirst()
    {
        const Fixture f = addNine();
        m_db.clock().set(kStartMs + 1'000);
        const std::int64_t a = addRun(f.mom1, "training", metrics(0.1, 1.0, 0.1, 10));
        m_db.clock().set(kStartMs + 3'000);
        const std::int64_t b = addRun(f.rev4, "walk_forward", metrics(0.2, 2.0, 0.1, 10));
        const std::int64_t c = addRun(f.mom3, "holdout", metrics(-0.05, -0.5, 0.1, 10));
        m_db.clock().set(kStartMs + 2'000);
        const std::int64_t d = addRun(f.mom2, "training", metrics(0.3, 3.0, 0.1, 10));

        auto report = app::loadStatus(store(), 0, 3);
        SIXBTC_VERIFY_OK(report);
        QCOMPARE(report->lastRuns.size(), std::size_t(3));
        QCOMPARE(report->lastRuns[0].id, c);
        QCOMPARE(report->lastRuns[1].id, b);
        QCOMPARE(report->lastRuns[2].id, d);
        const app::RecentRun& newest = report->lastRuns[0];
        QCOMPARE(qs(newest.strategyName), QStringLiteral("Strategy_MOM_00000003"));
        QCOMPARE(qs(newest.kind), QStringLiteral("holdout"));
        QCOMPARE(qs(newest.timeframe), QStringLiteral("4h"));
        QCOMPARE(newest.createdAtMs, kStartMs + 3'000);
        QCOMPARE(newest.totalReturn, -0.05);
        QCOMPARE(newest.sharpe, -0.5);
        QCOMPARE(qs(report->lastRuns[1].strategyName), QStringLiteral("Strategy_REV_00000004"));

        auto all = app::loadStatus(store(), 0, 10);
        SIXBTC_VERIFY_OK(all);
        QCOMPARE(all->lastRuns.size(), std::size_t(4));
        QCOMPARE(all->lastRuns[3].id, a);
    }

    void newestJobsFirst()
    {
        addJob(1, storage::GenerationMode::Pattern, 100);
        m_db.clock().advance(60'000);
        addJob(2, storage::GenerationMode::AiFree, 20);
        m_db.clock().advance(60'000);
        addJob(3, storage::GenerationMode::AiAssigned, 5);
        m_db.clock().advance(1'000);
        auto updated = store().jobs().updateJob(jobId(2), JobStatus::Running, 7, "");
        SIXBTC_VERIFY_OK(updated);
        m_db.clock().advance(1'000);
        updated = store().jobs().updateJob(jobId(1), JobStatus::Done, 100, "");
        SIXBTC_VERIFY_OK(updated);

        auto report = app::loadStatus(store(), 0, 2);
        SIXBTC_VERIFY_OK(report);
        QCOMPARE(report->jobs.size(), std::size_t(2));
        QCOMPARE(qs(report->jobs[0].id), qs(jobId(3)));
        const storage::GenerationJob& running = report->jobs[1];
        QCOMPARE(qs(running.id), qs(jobId(2)));
        QCOMPARE(running.status, JobStatus::Running);
        QCOMPARE(running.produced, std::int64_t(7));
        QCOMPARE(running.requested, std::int64_t(20));
        QCOMPARE(running.createdAtMs, kStartMs + 60'000);
        QCOMPARE(running.startedAtMs, std::optional<std::int64_t>(kStartMs + 121'000));
        QVERIFY(!running.finishedAtMs.has_value());
        QVERIFY(report->lastRuns.empty());

        auto all = app::loadStatus(store(), 0, 5);
        SIXBTC_VERIFY_OK(all);
        QCOMPARE(all->jobs.size(), std::size_t(3));
        QCOMPARE(all->jobs[2].status, JobStatus::Done);
        QCOMPARE(all->jobs[2].finishedAtMs, std::optional<std::int64_t>(kStartMs + 122'000));
    }
};

QTEST_GUILESS_MAIN(TstStatusReport)
#include "tst_statusreport.moc"
