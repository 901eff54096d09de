// SPDX-License-Identifier: MIT
// Tests of the pool's strategy actions on a SQLite store with real strategies on the bundled 5m candles.
#include <QtTest>

#include <memory>
#include <optional>

#include "app/familyidentity.h"
#include "app/strategyactions.h"
#include "config/configloader.h"
#include "storage/api/lifecycle.h"
#include "storagetestenv.h"

using namespace sixbtc;
using storage::StrategyStatus;

namespace {

const std::string kBase = "type: REV\ntimeframe: 5m\nsymbols: [BTC]\nsignals:\n"
                          "  long_entry: \"rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30\"\n"
                          "  short_entry: \"rsi(close, 14)[1] > 70 and rsi(close, 14) <= 70\"\n";
const std::string kWithRisk = kBase + "risk: {sl_pct: 0.01, tp_pct: 0.02, leverage: 2, exit_after_bars: 0}\n";

} // namespace

class TstStrategyActions : public QObject
{
    Q_OBJECT

private:
    storage::testing::ManualClock m_clock{1'780'000'000'000};
    std::unique_ptr<storage::testing::TestDatabase> m_db;
    std::unique_ptr<storage::Store> m_store;
    config::Config m_config;
    std::optional<app::CandleCache> m_cache;
    std::int64_t m_next = 1;

    /// Stores a 5m BTC strategy with `code`, moved along `path` (each step a legal transition).
    storage::StrategyRecord add(const std::string& code, const std::vector<StrategyStatus>& path,
                                storage::GenerationMode mode = storage::GenerationMode::Pattern)
    {
        storage::NewStrategy strategy = storage::testing::sampleStrategy("REV", m_next++);
        strategy.record.timeframe = "5m";
        strategy.record.symbols = {"BTC"};
        strategy.record.code = code;
        strategy.record.generationMode = mode;
        if (mode == storage::GenerationMode::Optimized) {
            strategy.record.baseUuid = storage::testing::sampleStrategy("REV", 999).record.uuid;
            strategy.lineage.source = storage::LineageSource::Expansion;
            strategy.lineage.gridIndex = 0;
        }
        const auto inserted = m_store->strategies().insert(strategy);
        [&] { SIXBTC_VERIFY_OK(inserted); }();
        for (StrategyStatus to : path) {
            m_clock.advance(1000);
            const auto moved = m_store->strategies().transition(strategy.record.uuid, to, "test");
            [&] { SIXBTC_VERIFY_OK(moved); }();
        }
        return *m_store->strategies().get(strategy.record.uuid);
    }

    /// Stores kBase as the pipeline's pattern source does (its family's base UUID and name) and validates it.
    storage::StrategyRecord addValidatedBase()
    {
        auto parsed = strategy::parseStrategyDocument(kBase, "base.yaml");
        [&] { QVERIFY(parsed.document.has_value()); }();
        const storage::NewStrategy base = app::newBaseStrategy(*parsed.document, "rsi_reversal");
        const auto inserted = m_store->strategies().insert(base);
        [&] { SIXBTC_VERIFY_OK(inserted); }();
        m_clock.advance(1000);
        const auto moved = m_store->strategies().transition(base.record.uuid, StrategyStatus::Validated, "test");
        [&] { SIXBTC_VERIFY_OK(moved); }();
        return *m_store->strategies().get(base.record.uuid);
    }

    std::size_t fullRuns(const std::string& uuid)
    {
        auto runs = m_store->backtests().runsOf(uuid);
        return static_cast<std::size_t>(
            std::count_if(runs->begin(), runs->end(), [](const auto& run) { return run.kind == app::kFullRun; }));
    }

    StrategyStatus statusOf(const std::string& uuid) { return m_store->strategies().get(uuid)->status; }

private slots:
    void init()
    {
        m_db = std::make_unique<storage::testing::TestDatabase>(storage::testing::Backend::Sqlite,
                                                                storage::testing::Start::Migrated);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        auto store = m_db->open(m_clock);
        SIXBTC_VERIFY_OK(store);
        m_store = std::move(*store);
        auto loaded = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
        SIXBTC_VERIFY_OK(loaded);
        m_config = std::move(*loaded);
        m_config.data.dir = SIXBTC_BUNDLED_DATA_DIR;
        m_config.backtest.trainingDays = 20;
        m_config.backtest.holdoutDays = 5;
        // Two grid points keep the optimise test short; the shipped 400-point grid runs in tst_jobrunner.
        m_config.optimization.grid.slPct = {0.01, 0.02};
        m_config.optimization.grid.tpPct = {0.02};
        m_config.optimization.grid.leverage = {2};
        m_config.optimization.grid.exitAfterBars = {0};
        auto cache = app::CandleCache::open(m_config.data);
        SIXBTC_VERIFY_OK(cache);
        m_cache.emplace(std::move(*cache));
    }

    void cleanup()
    {
        m_cache.reset();
        m_store.reset();
        m_db.reset();
    }

    void backtestAgainStoresAnotherFullRun()
    {
        const auto strategy = add(kWithRisk, {StrategyStatus::Validated, StrategyStatus::Active});
        for (std::size_t round = 1; round <= 2; ++round) {
            auto outcome = app::backtestAgain(*m_store, *m_cache, m_config, strategy.uuid, common::CancelToken());
            SIXBTC_VERIFY_OK(outcome);
            QCOMPARE(outcome->strategy.status, StrategyStatus::Active);
            QVERIFY(outcome->fullRun.has_value());
            QVERIFY(!outcome->phase.has_value());
            QCOMPARE(fullRuns(strategy.uuid), round);
            auto trades = m_store->backtests().trades(outcome->fullRun->runId);
            SIXBTC_VERIFY_OK(trades);
            QCOMPARE(trades->size(), outcome->fullRun->trades);
            QVERIFY(outcome->fullRun->trades > 0);
            m_clock.advance(1000);
        }
    }

    void backtestAgainRefusesABaseAndACancelledToken()
    {
        const auto base = add(kBase, {});
        auto refused = app::backtestAgain(*m_store, *m_cache, m_config, base.uuid, common::CancelToken());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, common::ErrorCode::Input);

        const auto strategy = add(kWithRisk, {});
        common::CancelToken stopped;
        stopped.requestStop();
        auto cancelled = app::backtestAgain(*m_store, *m_cache, m_config, strategy.uuid, stopped);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, common::ErrorCode::Cancelled);
        QCOMPARE(fullRuns(strategy.uuid), std::size_t(0));
    }

    void validateDecidesAGeneratedBase()
    {
        const auto base = add(kBase, {});
        auto outcome = app::validate(*m_store, *m_cache, m_config, base.uuid, common::CancelToken());
        SIXBTC_VERIFY_OK(outcome);
        QVERIFY(outcome->phase.has_value());
        QCOMPARE(outcome->phase->units, std::size_t(1));
        QCOMPARE(outcome->phase->passed + outcome->phase->rejected, std::size_t(1));
        const StrategyStatus expected =
            outcome->phase->passed == 1 ? StrategyStatus::Validated : StrategyStatus::Rejected;
        QCOMPARE(outcome->strategy.status, expected);
        QCOMPARE(statusOf(base.uuid), expected);
        auto verdicts = m_store->strategies().verdicts(base.uuid);
        SIXBTC_VERIFY_OK(verdicts);
        QVERIFY(!verdicts->empty());
        QCOMPARE(verdicts->front().check, std::string("static_check"));
    }

    void actionsRefuseTheWrongStatus_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("pathLength");
        QTest::addColumn<bool>("optimized");
        QTest::addColumn<QString>("message");
        QTest::newRow("validate a VALIDATED base")
            << QStringLiteral("validate") << 1 << false << QStringLiteral("validate needs a GENERATED base strategy; ");
        QTest::newRow("optimise a GENERATED base")
            << QStringLiteral("optimise") << 0 << false << QStringLiteral("optimise needs a VALIDATED base strategy; ");
        QTest::newRow("optimise an optimized strategy")
            << QStringLiteral("optimise") << 1 << true << QStringLiteral("is an optimized strategy, VALIDATED");
        QTest::newRow("retire a VALIDATED strategy")
            << QStringLiteral("retire") << 1 << false << QStringLiteral("retire needs an ACTIVE or LIVE strategy; ");
    }

    void actionsRefuseTheWrongStatus()
    {
        QFETCH(QString, action);
        QFETCH(int, pathLength);
        QFETCH(bool, optimized);
        QFETCH(QString, message);
        const std::vector<StrategyStatus> path(static_cast<std::size_t>(pathLength), StrategyStatus::Validated);
        const auto strategy = add(optimized ? kWithRisk : kBase, path,
                                  optimized ? storage::GenerationMode::Optimized : storage::GenerationMode::Pattern);
        const common::CancelToken token;
        const std::string uuid = strategy.uuid;
        common::Result<app::ActionOutcome> outcome =
            action == QLatin1String("validate")   ? app::validate(*m_store, *m_cache, m_config, uuid, token)
            : action == QLatin1String("optimise") ? app::optimise(*m_store, *m_cache, m_config, uuid, token, {})
                                                  : app::retire(*m_store, *m_cache, m_config, uuid, token);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, common::ErrorCode::Input);
        QVERIFY2(QString::fromStdString(outcome.error().message).contains(message), outcome.error().message.c_str());
        QCOMPARE(statusOf(uuid), strategy.status);
    }

    void optimiseExpandsAValidatedBaseAndReportsProgress()
    {
        const auto base = addValidatedBase();
        std::vector<std::pair<std::size_t, std::size_t>> reports;
        auto outcome = app::optimise(*m_store, *m_cache, m_config, base.uuid, common::CancelToken(),
                                     [&](std::size_t done, std::size_t total) { reports.emplace_back(done, total); });
        SIXBTC_VERIFY_OK(outcome);
        QCOMPARE(outcome->strategy.status, StrategyStatus::Retired);
        QCOMPARE(outcome->phase->units, std::size_t(2));
        const std::vector<std::pair<std::size_t, std::size_t>> expected{{0, 2}, {2, 2}};
        QCOMPARE(reports, expected);
        auto events = m_store->strategies().events(base.uuid);
        SIXBTC_VERIFY_OK(events);
        QCOMPARE(events->back().reason, std::string(storage::lifecycle::kExpanded));
        // The two expanded strategies are stored with the base as their base.
        auto all = m_store->strategies().list(storage::StrategyFilter{});
        SIXBTC_VERIFY_OK(all);
        const auto children = std::count_if(all->begin(), all->end(), [&](const storage::StrategyRecord& s) {
            return s.baseUuid == base.uuid && s.generationMode == storage::GenerationMode::Optimized;
        });
        QCOMPARE(children, 2);
    }

    void retireMovesActiveAndLiveToRetiredByUser_data()
    {
        QTest::addColumn<bool>("live");
        QTest::newRow("ACTIVE") << false;
        QTest::newRow("LIVE") << true;
    }

    void retireMovesActiveAndLiveToRetiredByUser()
    {
        QFETCH(bool, live);
        std::vector<StrategyStatus> path{StrategyStatus::Validated, StrategyStatus::Active};
        if (live)
            path.push_back(StrategyStatus::Live);
        const auto strategy = add(kWithRisk, path);
        auto outcome = app::retire(*m_store, *m_cache, m_config, strategy.uuid, common::CancelToken());
        SIXBTC_VERIFY_OK(outcome);
        QCOMPARE(outcome->strategy.status, StrategyStatus::Retired);
        QCOMPARE(statusOf(strategy.uuid), StrategyStatus::Retired);
        auto events = m_store->strategies().events(strategy.uuid);
        SIXBTC_VERIFY_OK(events);
        QCOMPARE(events->back().reason, std::string(storage::lifecycle::kRetiredByUser));
        QCOMPARE(*events->back().from, live ? StrategyStatus::Live : StrategyStatus::Active);
    }

    void aStoppedTokenChangesNothing()
    {
        const auto active = add(kWithRisk, {StrategyStatus::Validated, StrategyStatus::Active});
        const auto generated = add(kBase, {});
        common::CancelToken stopped;
        stopped.requestStop();
        auto retired = app::retire(*m_store, *m_cache, m_config, active.uuid, stopped);
        auto validated = app::validate(*m_store, *m_cache, m_config, generated.uuid, stopped);
        QVERIFY(!retired && !validated);
        QCOMPARE(retired.error().code, common::ErrorCode::Cancelled);
        QCOMPARE(validated.error().code, common::ErrorCode::Cancelled);
        QCOMPARE(statusOf(active.uuid), StrategyStatus::Active);
        QCOMPARE(statusOf(generated.uuid), StrategyStatus::Generated);
    }
};

QTEST_GUILESS_MAIN(TstStrategyActions)
#include "tst_strategyactions.moc"
