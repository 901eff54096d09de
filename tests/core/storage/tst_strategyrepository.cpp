// SPDX-License-Identifier: MIT
// Conformance tests of StrategyRepository (CRUD, lineage, verdicts, lifecycle) on the backend under test.
#include <QtTest>

#include "storage/api/lifecycle.h"
#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;
using sixbtc::common::ErrorCode;
using S = StrategyStatus;

Q_DECLARE_METATYPE(StrategyStatus)

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;

struct Step
{
    S to;
    const char* reason;
};

// How a fresh GENERATED strategy reaches each status by legal moves.
std::vector<Step> pathTo(S status)
{
    switch (status) {
    case S::Generated: return {};
    case S::Validated: return {{S::Validated, ""}};
    case S::Active: return {{S::Validated, ""}, {S::Active, ""}};
    case S::Live: return {{S::Validated, ""}, {S::Active, ""}, {S::Live, ""}};
    case S::Rejected: return {{S::Rejected, "failed shuffle test"}};
    case S::Retired: return {{S::Validated, ""}, {S::Retired, "expanded"}};
    }
    return {};
}

const S kAll[] = {S::Generated, S::Validated, S::Active, S::Live, S::Rejected, S::Retired};

QByteArray rowName(S from, S to)
{
    return QByteArray(statusName(from).data()) + "->" + QByteArray(statusName(to).data());
}

} // namespace

class TstStrategyRepository : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_fixture{kStartMs};
    ManualClock& m_clock = m_fixture.clock();

    StrategyRepository& repo() { return m_fixture.store().strategies(); }

private slots:
    void init()
    {
        const std::string error = m_fixture.open();
        QVERIFY2(error.empty(), error.c_str());
    }
    void cleanup() { m_fixture.close(); }

    void insertAndGetRoundTrip()
    {
        NewStrategy s = sampleStrategy("MOM", 7);
        s.record.baseUuid = sampleStrategy("MOM", 1).record.uuid;
        s.record.score = 0.1 + 0.2; // not exactly representable in decimal: must come back bit-identical
        s.record.generationMode = GenerationMode::Optimized;
        s.record.code = "entry: close > sma(20) # \xc3\xa9t\xc3\xa9 'quoted'\n";
        auto inserted = repo().insert(s);
        SIXBTC_VERIFY_OK(inserted);
        auto got = repo().get(s.record.uuid);
        SIXBTC_VERIFY_OK(got);
        QCOMPARE(got->uuid, s.record.uuid);
        QCOMPARE(got->name, std::string("Strategy_MOM_00000007"));
        QCOMPARE(got->type, std::string("MOM"));
        QCOMPARE(got->timeframe, std::string("1h"));
        QCOMPARE(got->symbols, (std::vector<std::string>{"BTC", "ETH"}));
        QCOMPARE(got->code, s.record.code);
        QCOMPARE(got->parametersJson, s.record.parametersJson);
        QCOMPARE(got->generationMode, GenerationMode::Optimized);
        QCOMPARE(got->baseUuid, s.record.baseUuid);
        QCOMPARE(got->createdAtMs, kStartMs);
        QCOMPARE(got->status, S::Generated);
        QVERIFY(got->score.has_value());
        QCOMPARE(*got->score, 0.30000000000000004);
    }

    void lineageRoundTrip()
    {
        NewStrategy s = sampleStrategy("REV", 1);
        s.lineage = Lineage{LineageSource::Llm, "",         "anthropic", "claude-x", "tmpl-9f", 42,
                            std::nullopt,       "code-abc", "ds-1",      1,          2,         "0.2.0"};
        auto inserted = repo().insert(s);
        SIXBTC_VERIFY_OK(inserted);
        auto lineage = repo().lineage(s.record.uuid);
        SIXBTC_VERIFY_OK(lineage);
        QCOMPARE(lineage->source, LineageSource::Llm);
        QCOMPARE(lineage->llmProvider, std::string("anthropic"));
        QCOMPARE(lineage->llmModel, std::string("claude-x"));
        QCOMPARE(lineage->promptTemplateHash, std::string("tmpl-9f"));
        QCOMPARE(lineage->seed, std::optional<std::int64_t>(42));
        QCOMPARE(lineage->gridIndex, std::optional<std::int64_t>());
        QCOMPARE(lineage->codeHash, std::string("code-abc"));
        QCOMPARE(lineage->datasetHash, std::string("ds-1"));
        QCOMPARE(lineage->dataStartMs, std::int64_t(1));
        QCOMPARE(lineage->dataEndMs, std::int64_t(2));
        QCOMPARE(lineage->engineVersion, std::string("0.2.0"));
        QCOMPARE(repo().lineage(sampleStrategy("REV", 2).record.uuid).error().code, ErrorCode::Input);
    }

    void creationIsAnEvent()
    {
        const NewStrategy s = sampleStrategy("MOM", 1);
        auto inserted = repo().insert(s);
        SIXBTC_VERIFY_OK(inserted);
        auto events = repo().events(s.record.uuid);
        SIXBTC_VERIFY_OK(events);
        QCOMPARE(events->size(), std::size_t(1));
        QVERIFY(!events->front().from.has_value());
        QCOMPARE(events->front().to, S::Generated);
        QCOMPARE(events->front().atMs, kStartMs);
        QCOMPARE(events->front().reason, std::string("created"));
    }

    void invalidRecordsAreRefused_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("uppercase uuid") << 0;
        QTest::newRow("wrong prefix") << 1;
        QTest::newRow("type differs from name") << 2;
        QTest::newRow("seven hex digits") << 3;
        QTest::newRow("created ACTIVE") << 4;
        QTest::newRow("no symbols") << 5;
        QTest::newRow("PatStrat ok") << 6;
    }
    void invalidRecordsAreRefused()
    {
        QFETCH(int, fault);
        NewStrategy s = sampleStrategy("MOM", 3);
        switch (fault) {
        case 0: s.record.uuid[0] = 'A'; break;
        case 1: s.record.name = "Strat_MOM_00000003"; break;
        case 2: s.record.type = "REV"; break;
        case 3: s.record.name = "Strategy_MOM_0000003"; break;
        case 4: s.record.status = S::Active; break;
        case 5: s.record.symbols.clear(); break;
        case 6: s.record.name = "PatStrat_MOM_abcdef01"; break;
        }
        const auto inserted = repo().insert(s);
        auto all = repo().list({});
        SIXBTC_VERIFY_OK(all);
        if (fault == 6) {
            SIXBTC_VERIFY_OK(inserted);
            QCOMPARE(all->size(), std::size_t(1));
            return;
        }
        QVERIFY(!inserted);
        QCOMPARE(inserted.error().code, ErrorCode::Invalid);
        QVERIFY(all->empty());
    }

    void duplicatesAreRefused()
    {
        const NewStrategy first = sampleStrategy("MOM", 1);
        auto inserted = repo().insert(first);
        SIXBTC_VERIFY_OK(inserted);
        const auto sameUuid = repo().insert(first);
        QVERIFY(!sameUuid);
        QCOMPARE(sameUuid.error().code, ErrorCode::Database);
        NewStrategy sameName = sampleStrategy("MOM", 2);
        sameName.record.name = first.record.name;
        QVERIFY(!repo().insert(sameName));
        QCOMPARE(repo().list({})->size(), std::size_t(1));
    }

    void insertManyIsAllOrNone()
    {
        std::vector<NewStrategy> batch;
        for (int i = 0; i < 250; ++i)
            batch.push_back(sampleStrategy("TRN", i));
        batch[230].record.name = batch[3].record.name; // fails in the third multi-row statement
        QVERIFY(!repo().insertMany(batch));
        QVERIFY(repo().list({})->empty());
        batch[230] = sampleStrategy("TRN", 230);
        auto inserted = repo().insertMany(batch);
        SIXBTC_VERIFY_OK(inserted);
        auto all = repo().list({});
        SIXBTC_VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(250));
        QCOMPARE(repo().events(batch[249].record.uuid)->size(), std::size_t(1));
        QCOMPARE(repo().lineage(batch[249].record.uuid)->patternId, std::string("rsi_reversal"));
    }

    void listFiltersAndOrders()
    {
        for (int i = 0; i < 5; ++i) {
            auto inserted = repo().insert(sampleStrategy("BRK", 4 - i)); // later insert = smaller index
            SIXBTC_VERIFY_OK(inserted);
            m_clock.advance(1000);
        }
        const std::string third = sampleStrategy("BRK", 2).record.uuid;
        auto moved = repo().transition(third, S::Validated, "");
        SIXBTC_VERIFY_OK(moved);
        auto all = repo().list({});
        SIXBTC_VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(5));
        QCOMPARE(all->front().name, std::string("Strategy_BRK_00000004")); // oldest first
        QCOMPARE(all->back().name, std::string("Strategy_BRK_00000000"));
        auto validated = repo().list({S::Validated, std::nullopt});
        SIXBTC_VERIFY_OK(validated);
        QCOMPARE(validated->size(), std::size_t(1));
        QCOMPARE(validated->front().uuid, third);
        QCOMPARE(repo().list({S::Generated, 2})->size(), std::size_t(2));
        QCOMPARE(repo().list({S::Live, std::nullopt})->size(), std::size_t(0));
    }

    // Every (timeframe, type, status) with strategies, counted; byte order of timeframe and type, then status.
    void countByGroupCountsEveryCombination()
    {
        QVERIFY(repo().countByGroup()->empty());
        const struct
        {
            const char* type;
            const char* timeframe;
            S status;
        } rows[] = {{"MOM", "1h", S::Generated}, {"MOM", "1h", S::Generated}, {"MOM", "1h", S::Active},
                    {"REV", "1h", S::Live},      {"MOM", "4h", S::Rejected},  {"BRK", "15m", S::Generated},
                    {"REV", "1h", S::Live},      {"REV", "1h", S::Validated}};
        std::int64_t index = 0;
        for (const auto& row : rows) {
            NewStrategy s = sampleStrategy(row.type, ++index);
            s.record.timeframe = row.timeframe;
            auto inserted = repo().insert(s);
            SIXBTC_VERIFY_OK(inserted);
            for (const Step& step : pathTo(row.status)) {
                auto moved = repo().transition(s.record.uuid, step.to, step.reason);
                SIXBTC_VERIFY_OK(moved);
            }
        }
        auto counts = repo().countByGroup();
        SIXBTC_VERIFY_OK(counts);
        const std::vector<StrategyCount> expected{{"15m", "BRK", S::Generated, 1}, {"1h", "MOM", S::Generated, 2},
                                                  {"1h", "MOM", S::Active, 1},     {"1h", "REV", S::Validated, 1},
                                                  {"1h", "REV", S::Live, 2},       {"4h", "MOM", S::Rejected, 1}};
        QVERIFY(*counts == expected);
    }

    void legalTransitionsAreStored_data()
    {
        QTest::addColumn<StrategyStatus>("from");
        QTest::addColumn<StrategyStatus>("to");
        QTest::addColumn<QString>("reason");
        for (const auto& [from, to] : lifecycle::legalTransitions()) {
            QString reason;
            if (to == S::Rejected)
                reason = QStringLiteral("overfit");
            else if (to == S::Retired)
                reason = from == S::Validated ? QStringLiteral("expanded")
                                              : (from == S::Active ? QStringLiteral("retired by user")
                                                                   : QStringLiteral("emergency stop"));
            QTest::newRow(rowName(from, to).constData()) << from << to << reason;
        }
    }
    void legalTransitionsAreStored()
    {
        QFETCH(StrategyStatus, from);
        QFETCH(StrategyStatus, to);
        QFETCH(QString, reason);
        const std::string uuid = sampleStrategy("MOM", 1).record.uuid;
        auto inserted = repo().insert(sampleStrategy("MOM", 1));
        SIXBTC_VERIFY_OK(inserted);
        for (const Step& step : pathTo(from)) {
            m_clock.advance(10);
            auto moved = repo().transition(uuid, step.to, step.reason);
            SIXBTC_VERIFY_OK(moved);
        }
        m_clock.set(kStartMs + 123'456);
        auto moved = repo().transition(uuid, to, reason.toStdString());
        SIXBTC_VERIFY_OK(moved);
        QCOMPARE(repo().get(uuid)->status, to);
        auto events = repo().events(uuid);
        SIXBTC_VERIFY_OK(events);
        QCOMPARE(events->size(), pathTo(from).size() + 2);
        const StrategyEvent& last = events->back();
        QCOMPARE(last.from, std::optional<S>(from));
        QCOMPARE(last.to, to);
        QCOMPARE(last.reason, reason.toStdString());
        QCOMPARE(last.atMs, kStartMs + 123'456);
    }

    void illegalTransitionsAreRefused_data()
    {
        QTest::addColumn<StrategyStatus>("from");
        QTest::addColumn<StrategyStatus>("to");
        const auto& legal = lifecycle::legalTransitions();
        for (const S from : kAll) {
            for (const S to : kAll) {
                if (std::find(legal.begin(), legal.end(), std::pair{from, to}) == legal.end())
                    QTest::newRow(rowName(from, to).constData()) << from << to;
            }
        }
    }
    void illegalTransitionsAreRefused()
    {
        QFETCH(StrategyStatus, from);
        QFETCH(StrategyStatus, to);
        const std::string uuid = sampleStrategy("MOM", 1).record.uuid;
        auto inserted = repo().insert(sampleStrategy("MOM", 1));
        SIXBTC_VERIFY_OK(inserted);
        for (const Step& step : pathTo(from)) {
            auto moved = repo().transition(uuid, step.to, step.reason);
            SIXBTC_VERIFY_OK(moved);
        }
        const std::size_t eventsBefore = repo().events(uuid)->size();
        const auto refused = repo().transition(uuid, to, "evicted");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QVERIFY(refused.error().message.find("Strategy_MOM_00000001") != std::string::npos);
        QCOMPARE(repo().get(uuid)->status, from);
        QCOMPARE(repo().events(uuid)->size(), eventsBefore);
    }

    void wrongReasonIsRefused()
    {
        const std::string uuid = sampleStrategy("MOM", 1).record.uuid;
        auto inserted = repo().insert(sampleStrategy("MOM", 1));
        SIXBTC_VERIFY_OK(inserted);
        QVERIFY(repo().transition(uuid, S::Validated, ""));
        QVERIFY(repo().transition(uuid, S::Active, ""));
        QVERIFY(!repo().transition(uuid, S::Retired, "bored"));
        QCOMPARE(repo().get(uuid)->status, S::Active);
    }

    void unknownStrategy()
    {
        const auto moved = repo().transition(sampleStrategy("MOM", 9).record.uuid, S::Validated, "");
        QVERIFY(!moved);
        QCOMPARE(moved.error().code, ErrorCode::Input);
        QCOMPARE(repo().get(sampleStrategy("MOM", 9).record.uuid).error().code, ErrorCode::Input);
        QCOMPARE(repo().setScore(sampleStrategy("MOM", 9).record.uuid, 1.0).error().code, ErrorCode::Input);
    }

    void scoreAndVerdicts()
    {
        const std::string uuid = sampleStrategy("MOM", 1).record.uuid;
        auto inserted = repo().insert(sampleStrategy("MOM", 1));
        SIXBTC_VERIFY_OK(inserted);
        auto scored = repo().setScore(uuid, -1.25);
        SIXBTC_VERIFY_OK(scored);
        QCOMPARE(repo().get(uuid)->score, std::optional<double>(-1.25));
        m_clock.set(kStartMs + 5);
        auto first = repo().addVerdict({0, uuid, "shuffle_test", true, R"({"p_value":0.012})", std::nullopt, 0});
        SIXBTC_VERIFY_OK(first);
        m_clock.set(kStartMs + 9);
        auto second = repo().addVerdict({0, uuid, "pbo", false, R"({"pbo":0.61})", std::nullopt, 0});
        SIXBTC_VERIFY_OK(second);
        QVERIFY(*second > *first);
        auto verdicts = repo().verdicts(uuid);
        SIXBTC_VERIFY_OK(verdicts);
        QCOMPARE(verdicts->size(), std::size_t(2));
        QCOMPARE((*verdicts)[0].check, std::string("shuffle_test"));
        QVERIFY((*verdicts)[0].passed);
        QCOMPARE((*verdicts)[0].atMs, kStartMs + 5);
        QCOMPARE((*verdicts)[1].figuresJson, std::string(R"({"pbo":0.61})"));
        QVERIFY(!(*verdicts)[1].passed);
        QVERIFY(!repo().addVerdict({0, sampleStrategy("MOM", 2).record.uuid, "pbo", true, "{}", std::nullopt, 0}));
    }

    void failedTransactionLeavesNothing()
    {
        const auto outcome = m_fixture.store().inTransaction([&]() -> sixbtc::common::Result<void> {
            if (auto inserted = repo().insert(sampleStrategy("MOM", 1)); !inserted)
                return inserted;
            return sixbtc::common::fail(ErrorCode::Cancelled, "stopped");
        });
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, ErrorCode::Cancelled);
        QVERIFY(repo().list({})->empty());
    }
};

QTEST_GUILESS_MAIN(TstStrategyRepository)
#include "tst_strategyrepository.moc"
