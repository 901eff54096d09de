// SPDX-License-Identifier: MIT
// storeFamily on the backend under test: every stored row against the proof, pool admission, all-or-nothing.
#include <QtTest>

#include "app/familystore.h"
#include "app/storedrecords.h"
#include "common/digest.h"
#include "common/uuid.h"
#include "familystorefixture.h"
#include "storagetestenv.h"

using namespace sixbtc;
using storage::StrategyStatus;
using storage::testing::MigratedStore;
using testing::expandedCode;
using testing::sameMetrics;
using testing::statusText;
using testing::utcMs;

namespace {

constexpr std::int64_t kStartMs = 1'760'000'000'000;

} // namespace

class TstFamilyStore : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_db{kStartMs};
    testing::ProvenFamily m_family;
    const config::Config& m_config = m_family.config;
    const app::FamilyProof& proof() const { return *m_family.proof; }

    app::FamilyStoreInput input(const app::FamilyProof& proof, const config::Config& config) const
    {
        return app::FamilyStoreInput{&*m_family.document, "rsi7.yaml", &m_family.grid,
                                     &*m_family.prepared, &proof,      &config};
    }
    std::string expandedUuid(std::size_t index) const
    {
        return common::expansionUuid(m_family.codeHash, index).toString();
    }
    std::string baseUuid() const
    {
        return common::uuid5(common::expansionNamespace(), "base/" + m_family.codeHash).toString();
    }

    /// Names, statuses, scores and row counts of everything stored: what a refused store must leave unchanged.
    std::string snapshot()
    {
        auto& strategies = m_db.store().strategies();
        auto all = strategies.list(storage::StrategyFilter{});
        if (!all)
            return all.error().message;
        std::string out;
        for (const auto& s : *all) {
            auto events = strategies.events(s.uuid);
            auto verdicts = strategies.verdicts(s.uuid);
            auto runs = m_db.store().backtests().runsOf(s.uuid);
            out += s.name + " " + std::string(storage::statusName(s.status)) + " " +
                   (s.score ? std::to_string(*s.score) : "-") + " " + std::to_string(events ? events->size() : 0) +
                   " " + std::to_string(verdicts ? verdicts->size() : 0) + " " +
                   std::to_string(runs ? runs->size() : 0) + "\n";
        }
        return out;
    }

    /// The proof with only `scores` (grid index -> score) ACTIVE; every other strategy rejected at the thresholds.
    app::FamilyProof constructedProof(const std::map<std::size_t, double>& scores) const
    {
        app::FamilyProof proof = *m_family.proof;
        const auto reached = std::find_if(proof.strategies.begin(), proof.strategies.end(),
                                          [](const app::StrategyProof& s) { return s.walkForward.has_value(); });
        const std::optional<validation::WalkForwardResult> walkForward = reached->walkForward;
        for (auto& s : proof.strategies) {
            const auto it = scores.find(s.gridIndex);
            s.decision = it == scores.end()
                             ? validation::RobustnessDecision{false,
                                                              validation::DecisionStage::Thresholds,
                                                              {"scoring.min_sharpe"},
                                                              "constructed rejection"}
                             : validation::RobustnessDecision{true, validation::DecisionStage::Robustness, {}, ""};
            s.walkForward = it == scores.end() ? std::nullopt : walkForward;
            if (it != scores.end())
                s.score = it->second;
        }
        return proof;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_family.load()), QString());
        const auto active = std::count_if(proof().strategies.begin(), proof().strategies.end(),
                                          [](const app::StrategyProof& p) { return p.decision.active; });
        QVERIFY2(active >= 2 && active < 8, qPrintable(QString::number(active)));
    }

    void init() { QCOMPARE(QString::fromStdString(m_db.open()), QString()); }
    void cleanup() { m_db.close(); }

    void storesBaseExpandedRunsAndVerdicts();
    void poolAdmission_data();
    void poolAdmission();
    void storingTwiceIsRefusedAndChangesNothing();
    void aFailedStoreLeavesNothing();
    void aFailedShuffleTestRejectsTheFamily();
    void withoutHoldoutThereIsNoHoldoutRun();
    void storedRowsAreByteIdentical();
};

void TstFamilyStore::storesBaseExpandedRunsAndVerdicts()
{
    auto& repo = m_db.store().strategies();
    auto& runs = m_db.store().backtests();
    auto summary = app::storeFamily(m_db.store(), input(proof(), m_config));
    SIXBTC_VERIFY_OK(summary);
    const std::string base = baseUuid();
    QCOMPARE(summary->baseUuid, base);
    QCOMPARE(summary->baseName, "PatStrat_REV_" + base.substr(0, 8));

    auto baseRow = repo.get(base);
    SIXBTC_VERIFY_OK(baseRow);
    QCOMPARE(baseRow->status, StrategyStatus::Retired);
    QCOMPARE(baseRow->generationMode, storage::GenerationMode::Pattern);
    QCOMPARE(baseRow->code, strategy::printStrategyDocument(*m_family.document));
    QCOMPARE(baseRow->createdAtMs, kStartMs);
    auto events = repo.events(base);
    SIXBTC_VERIFY_OK(events);
    QCOMPARE(events->size(), std::size_t{3});
    QVERIFY(!(*events)[0].from && (*events)[0].to == StrategyStatus::Generated);
    QVERIFY((*events)[1].from == StrategyStatus::Generated && (*events)[1].to == StrategyStatus::Validated);
    QVERIFY((*events)[2].from == StrategyStatus::Validated && (*events)[2].to == StrategyStatus::Retired);
    QCOMPARE((*events)[2].reason, std::string("expanded"));
    auto lineage = repo.lineage(base);
    SIXBTC_VERIFY_OK(lineage);
    QCOMPARE(lineage->source, storage::LineageSource::Pattern);
    QCOMPARE(lineage->patternId, std::string("file:rsi7.yaml"));
    QCOMPARE(lineage->codeHash, m_family.codeHash);
    QCOMPARE(lineage->dataStartMs, utcMs("2025-03-01T00:00:00Z"));
    QCOMPARE(lineage->dataEndMs, utcMs("2025-05-15T00:00:00Z"));
    QCOMPARE(lineage->datasetHash.size(), std::size_t{64});
    auto baseVerdicts = repo.verdicts(base);
    SIXBTC_VERIFY_OK(baseVerdicts);
    QCOMPARE(baseVerdicts->size(), std::size_t{2});
    QVERIFY((*baseVerdicts)[0].check == "shuffle_test" && (*baseVerdicts)[0].passed);
    QCOMPARE((*baseVerdicts)[1].check, std::string("walk_forward_family"));
    QCOMPARE((*baseVerdicts)[1].passed, proof().familyWalkForward.stable);

    const auto& split = proof().split;
    int active = 0;
    for (std::size_t i = 0; i < m_family.grid.params.size(); ++i) {
        const app::StrategyProof& p = proof().strategies[i];
        const std::string uuid = expandedUuid(i);
        auto row = repo.get(uuid);
        SIXBTC_VERIFY_OK(row);
        QCOMPARE(row->name, "Strategy_REV_" + uuid.substr(0, 8));
        QCOMPARE(row->generationMode, storage::GenerationMode::Optimized);
        QCOMPARE(row->baseUuid, std::optional<std::string>(base));
        QCOMPARE(row->score, std::optional<double>(p.score));
        QCOMPARE(row->code, expandedCode(m_family.grid.params[i]));
        auto params = app::paramsFromText(row->parametersJson);
        QVERIFY(params && *params == m_family.grid.params[i]);
        QCOMPARE(row->status, p.decision.active ? StrategyStatus::Active : StrategyStatus::Rejected);
        active += p.decision.active ? 1 : 0;
        auto rowEvents = repo.events(uuid);
        SIXBTC_VERIFY_OK(rowEvents);
        QCOMPARE(rowEvents->size(), std::size_t{3});
        QCOMPARE((*rowEvents)[1].to, StrategyStatus::Validated);
        QCOMPARE((*rowEvents)[2].reason,
                 p.decision.active ? std::string("robustness passed; entered the pool") : p.decision.reason);
        auto rowLineage = repo.lineage(uuid);
        SIXBTC_VERIFY_OK(rowLineage);
        QCOMPARE(rowLineage->source, storage::LineageSource::Expansion);
        QCOMPARE(rowLineage->gridIndex, std::optional<std::int64_t>(static_cast<std::int64_t>(i)));
        QCOMPARE(rowLineage->codeHash, common::sha256Hex(row->code));
        QCOMPARE(rowLineage->datasetHash, lineage->datasetHash);

        auto stored = runs.runsOf(uuid);
        SIXBTC_VERIFY_OK(stored);
        const bool reached = p.walkForward.has_value();
        QCOMPARE(stored->size(), std::size_t{reached ? 3u : 2u});
        const auto& training = (*stored)[0];
        QVERIFY(training.kind == "training" && training.dataStartMs == split.training.fromMs &&
                training.dataEndMs == split.training.toMs && training.score == std::optional<double>(p.score));
        QVERIFY(sameMetrics(training.metrics, p.training));
        const auto& holdout = (*stored)[1];
        QVERIFY(holdout.kind == "holdout" && holdout.dataStartMs == split.holdout.fromMs &&
                holdout.dataEndMs == split.holdout.toMs && !holdout.score);
        QVERIFY(sameMetrics(holdout.metrics, *p.holdout));
        auto verdicts = repo.verdicts(uuid);
        SIXBTC_VERIFY_OK(verdicts);
        std::vector<std::string> checks;
        for (const auto& v : *verdicts)
            checks.push_back(v.check);
        const std::vector<std::string> wanted =
            reached ? std::vector<std::string>{"score_threshold", "shuffle_test", "walk_forward", "dsr", "pbo",
                                               "robustness"}
                    : std::vector<std::string>{"score_threshold", "robustness"};
        QCOMPARE(checks, wanted);
        QCOMPARE((*verdicts)[0].passed, reached);
        QCOMPARE((*verdicts)[0].backtestRunId, std::optional<std::int64_t>(training.id));
        if (!reached)
            continue;
        const auto& wf = (*stored)[2];
        QVERIFY(wf.kind == "walk_forward" && wf.dataStartMs == split.training.fromMs);
        QCOMPARE((*verdicts)[2].backtestRunId, std::optional<std::int64_t>(wf.id));
        QCOMPARE((*verdicts)[2].passed, true);
        QCOMPARE((*verdicts)[3].passed, p.dsr >= m_config.validation.overfitting.minDsr);
        auto windows = runs.walkForwardWindows(wf.id);
        SIXBTC_VERIFY_OK(windows);
        QCOMPARE(windows->size(), p.walkForward->windows.size());
        for (std::size_t w = 0; w < windows->size(); ++w) {
            const auto& got = (*windows)[w];
            const auto& want = p.walkForward->windows[w];
            QVERIFY(got.trainStartMs == want.ranges.inSample.fromMs && got.trainEndMs == want.ranges.inSample.toMs &&
                    got.testStartMs == want.ranges.outOfSample.fromMs && got.testEndMs == want.ranges.outOfSample.toMs);
            QCOMPARE(got.parametersJson, row->parametersJson);
            QVERIFY(sameMetrics(got.inSample, want.inSample) && sameMetrics(got.outOfSample, want.outOfSample));
        }
    }
    QCOMPARE(summary->active, active);
    QCOMPARE(summary->rejected, 8 - active);
    QVERIFY(summary->evicted.empty());
}

void TstFamilyStore::poolAdmission_data()
{
    QTest::addColumn<QList<double>>("scores"); // of grid indexes 1, 3 and 5
    QTest::addColumn<double>("incumbent");     // an ACTIVE row stored before; 0 = none
    QTest::addColumn<QStringList>("statuses"); // of grid indexes 1, 3 and 5 afterwards
    QTest::addColumn<QString>("incumbentStatus");
    const QString a = QStringLiteral("ACTIVE");
    const QString r = QStringLiteral("REJECTED");
    QTest::newRow("the two best enter") << QList<double>{50, 70, 60} << 0.0 << QStringList{r, a, a} << QString();
    QTest::newRow("a weaker member is evicted")
        << QList<double>{50, 70, 60} << 55.0 << QStringList{r, a, a} << QStringLiteral("RETIRED");
    QTest::newRow("a stronger member stays") << QList<double>{50, 70, 60} << 65.0 << QStringList{r, a, r} << a;
    QTest::newRow("ties by grid index") << QList<double>{60, 60, 60} << 0.0 << QStringList{a, a, r} << QString();
}

void TstFamilyStore::poolAdmission()
{
    QFETCH(QList<double>, scores);
    QFETCH(double, incumbent);
    QFETCH(QStringList, statuses);
    QFETCH(QString, incumbentStatus);
    auto& repo = m_db.store().strategies();
    const storage::NewStrategy member = storage::testing::sampleStrategy("MOM", 1);
    if (incumbent > 0) {
        auto ok = repo.insert(member);
        SIXBTC_VERIFY_OK(ok);
        ok = repo.transition(member.record.uuid, StrategyStatus::Validated, "");
        SIXBTC_VERIFY_OK(ok);
        ok = repo.transition(member.record.uuid, StrategyStatus::Active, "");
        SIXBTC_VERIFY_OK(ok);
        ok = repo.setScore(member.record.uuid, incumbent);
        SIXBTC_VERIFY_OK(ok);
    }
    config::Config config = m_config;
    config.pool.maxActive = 2;
    const app::FamilyProof proof = constructedProof({{1, scores[0]}, {3, scores[1]}, {5, scores[2]}});
    auto summary = app::storeFamily(m_db.store(), input(proof, config));
    SIXBTC_VERIFY_OK(summary);
    const std::size_t indexes[] = {1, 3, 5};
    for (int k = 0; k < 3; ++k) {
        auto row = repo.get(expandedUuid(indexes[k]));
        SIXBTC_VERIFY_OK(row);
        QCOMPARE(statusText(row->status), statuses[k]);
        auto events = repo.events(row->uuid);
        SIXBTC_VERIFY_OK(events);
        if (row->status == StrategyStatus::Rejected) {
            QVERIFY2(events->back().reason.rfind("pool: ", 0) == 0, events->back().reason.c_str());
            QCOMPARE(events->back().from, std::optional<StrategyStatus>(StrategyStatus::Validated));
        }
    }
    QCOMPARE(summary->active, static_cast<int>(statuses.count(QStringLiteral("ACTIVE"))));
    QCOMPARE(summary->rejected, 8 - summary->active);
    if (incumbent > 0) {
        auto row = repo.get(member.record.uuid);
        SIXBTC_VERIFY_OK(row);
        QCOMPARE(statusText(row->status), incumbentStatus);
        const bool evicted = row->status == StrategyStatus::Retired;
        QCOMPARE(summary->evicted, evicted ? std::vector<std::string>{member.record.name} : std::vector<std::string>{});
        auto events = repo.events(member.record.uuid);
        SIXBTC_VERIFY_OK(events);
        if (evicted)
            QCOMPARE(events->back().reason, std::string("evicted"));
    }
    auto pool = repo.list(storage::StrategyFilter{StrategyStatus::Active, std::nullopt});
    SIXBTC_VERIFY_OK(pool);
    QCOMPARE(pool->size(), std::size_t{2});
}

void TstFamilyStore::storingTwiceIsRefusedAndChangesNothing()
{
    auto first = app::storeFamily(m_db.store(), input(proof(), m_config));
    SIXBTC_VERIFY_OK(first);
    const std::string before = snapshot();
    QVERIFY(before.find("PatStrat_REV_") != std::string::npos);
    m_db.clock().advance(60'000);
    auto second = app::storeFamily(m_db.store(), input(proof(), m_config));
    QVERIFY(!second);
    QCOMPARE(second.error().code, common::ErrorCode::Input);
    QVERIFY2(second.error().message.find("already stored as " + first->baseName) != std::string::npos,
             second.error().message.c_str());
    QCOMPARE(snapshot(), before);
}

void TstFamilyStore::aFailedStoreLeavesNothing()
{
    // A row already holding the UUID of grid point 5 makes the insert of the expanded strategies fail midway.
    storage::NewStrategy squatter = storage::testing::sampleStrategy("MOM", 2);
    squatter.record.uuid = expandedUuid(5);
    auto inserted = m_db.store().strategies().insert(squatter);
    SIXBTC_VERIFY_OK(inserted);
    const std::string before = snapshot();
    auto stored = app::storeFamily(m_db.store(), input(proof(), m_config));
    QVERIFY(!stored);
    QCOMPARE(snapshot(), before);
    auto base = m_db.store().strategies().get(baseUuid());
    QVERIFY(!base);
    QCOMPARE(base.error().code, common::ErrorCode::Input);
}

void TstFamilyStore::aFailedShuffleTestRejectsTheFamily()
{
    app::FamilyProof failed = constructedProof({{1, 70.0}});
    failed.shuffle.passed = false;
    failed.shuffle.reason = "constructed lookahead";
    failed.strategies[1].decision = {false, validation::DecisionStage::Robustness, {"shuffle_test"}, "shuffle"};
    auto summary = app::storeFamily(m_db.store(), input(failed, m_config));
    SIXBTC_VERIFY_OK(summary);
    QVERIFY(summary->active == 0 && summary->rejected == 8);
    auto& repo = m_db.store().strategies();
    auto base = repo.get(baseUuid());
    SIXBTC_VERIFY_OK(base);
    QCOMPARE(base->status, StrategyStatus::Rejected);
    auto events = repo.events(baseUuid());
    SIXBTC_VERIFY_OK(events);
    QVERIFY(events->size() == 2 && events->back().reason == "constructed lookahead");
    for (std::size_t i = 0; i < 8; ++i) {
        auto rowEvents = repo.events(expandedUuid(i));
        SIXBTC_VERIFY_OK(rowEvents);
        QCOMPARE(rowEvents->size(), std::size_t{2}); // GENERATED -> REJECTED: never validated
        QCOMPARE(rowEvents->back().to, StrategyStatus::Rejected);
        QCOMPARE(rowEvents->back().reason, std::string("base failed the shuffle test: constructed lookahead"));
    }
}

void TstFamilyStore::withoutHoldoutThereIsNoHoldoutRun()
{
    config::Config config = m_config;
    config.backtest.holdoutDays = 0;
    auto proven = app::proveFamily(app::FamilyProofInput{
        &*m_family.document, &m_family.candles, &*m_family.prepared, &m_family.grid, &config, {}, {}});
    SIXBTC_VERIFY_OK(proven);
    auto summary = app::storeFamily(m_db.store(), input(*proven, config));
    SIXBTC_VERIFY_OK(summary);
    for (std::size_t i = 0; i < 8; ++i) {
        auto runs = m_db.store().backtests().runsOf(expandedUuid(i));
        SIXBTC_VERIFY_OK(runs);
        QCOMPARE(runs->front().kind, std::string("training"));
        QCOMPARE(runs->front().dataStartMs, utcMs("2025-03-16T00:00:00Z")); // the last 60 days
        QCOMPARE(runs->front().dataEndMs, utcMs("2025-05-15T00:00:00Z"));
        for (const auto& run : *runs)
            QVERIFY(run.kind != "holdout");
    }
}

void TstFamilyStore::storedRowsAreByteIdentical()
{
    if (storage::testing::backendUnderTest() != storage::testing::Backend::Sqlite)
        QSKIP("the table dump reads the SQLite catalog");
    std::vector<std::string> dumps;
    for (int run = 0; run < 2; ++run) {
        const storage::testing::TestDatabase db(storage::testing::Backend::Sqlite, storage::testing::Start::Empty);
        QCOMPARE(QString::fromStdString(db.setupError()), QString());
        const storage::testing::ManualClock clock(kStartMs);
        auto store = db.open(clock);
        SIXBTC_VERIFY_OK(store);
        auto migrated = (*store)->migrate();
        SIXBTC_VERIFY_OK(migrated);
        auto summary = app::storeFamily(**store, input(proof(), m_config));
        SIXBTC_VERIFY_OK(summary);
        store->reset();
        auto sql = db.connect();
        SIXBTC_VERIFY_OK(sql);
        dumps.push_back(testing::dumpSqlite(**sql));
    }
    QVERIFY2(dumps[0].find("table strategies (9 rows)") != std::string::npos, dumps[0].substr(0, 2000).c_str());
    QVERIFY(dumps[0].find("table walk_forward_windows (0 rows)") == std::string::npos);
    QCOMPARE(dumps[1], dumps[0]);
}

QTEST_GUILESS_MAIN(TstFamilyStore)
#include "tst_familystore.moc"
