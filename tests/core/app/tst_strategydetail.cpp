// SPDX-License-Identifier: MIT
// loadStrategyDetail on a SQLite store: every stored field comes back, risk, diagnostics and the metric cards.
#include <QtTest>

#include "app/storedrecords.h"
#include "app/strategydetail.h"
#include "config/configloader.h"
#include "storagetestenv.h"

using namespace sixbtc;
using storage::BacktestMetrics;
using storage::BacktestRun;
using storage::StrategyStatus;
using storage::testing::Backend;
using storage::testing::ManualClock;
using storage::testing::sampleStrategy;
using storage::testing::Start;
using storage::testing::TestDatabase;

Q_DECLARE_METATYPE(BacktestMetrics)
Q_DECLARE_METATYPE(std::vector<bool>)

namespace {

constexpr std::int64_t kStartMs = 1'760'000'000'000;
constexpr std::int64_t kDayMs = 86'400'000;

const char* const kCode = "type: MOM\n"
                          "timeframe: 1h\n"
                          "symbols: [BTC, ETH]\n"
                          "signals:\n"
                          "  long_entry: \"rsi(close, 14) < 30\"\n"
                          "  short_entry: \"rsi(close, 14) > 70\"\n"
                          "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 3, exit_after_bars: 48}\n";
const char* const kParams = R"({"sl_pct":0.02,"tp_pct":0.04,"leverage":3,"exit_after_bars":48})";

BacktestMetrics metrics(double sharpe, double winRate, double expectancy, double drawdown, std::int64_t trades)
{
    BacktestMetrics m;
    m.sharpe = sharpe;
    m.winRate = winRate;
    m.expectancy = expectancy;
    m.maxDrawdown = drawdown;
    m.nTrades = trades;
    m.totalReturn = 0.25;
    m.expectancyUsdc = 1.5;
    m.edRatio = 0.05;
    m.consistency = 0.6;
    m.finalEquity = 12'500.0;
    return m;
}

BacktestRun run(const std::string& uuid, const std::string& kind, const BacktestMetrics& m, std::optional<double> score)
{
    BacktestRun r;
    r.strategyUuid = uuid;
    r.kind = kind;
    r.timeframe = "1h";
    r.symbols = {"BTC", "ETH"};
    r.parametersJson = kParams;
    r.datasetHash = "ds-" + kind;
    r.dataStartMs = kStartMs - 30 * kDayMs;
    r.dataEndMs = kStartMs;
    r.engineVersion = "sixbtc test";
    r.metrics = m;
    r.score = score;
    return r;
}

} // namespace

class TstStrategyDetail : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kStartMs};
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<storage::Store> m_store;
    config::Config m_config;

    storage::Store& store() { return *m_store; }

    /// Stores sampleStrategy("MOM", index) with `code` and `params`; returns it.
    storage::NewStrategy addStrategy(std::int64_t index, const std::string& code, const std::string& params)
    {
        storage::NewStrategy s = sampleStrategy("MOM", index);
        s.record.code = code;
        s.record.parametersJson = params;
        if (!store().strategies().insert(s))
            qFatal("cannot store the strategy %s", s.record.name.c_str());
        return s;
    }

    std::int64_t addRun(const BacktestRun& r)
    {
        auto id = store().backtests().insertRun(r);
        if (!id)
            qFatal("cannot store a run: %s", id.error().message.c_str());
        m_clock.advance(1000);
        return *id;
    }

    /// Thresholds set by hand: sharpe >= 1, win rate >= 0.5, expectancy > 0.001, drawdown <= 0.2, 1h trades >= 30,
    /// score >= 40.
    void setThresholds()
    {
        m_config.scoring.minSharpe = 1.0;
        m_config.scoring.minWinRate = 0.5;
        m_config.scoring.minExpectancy = 0.001;
        m_config.scoring.maxDrawdown = 0.2;
        m_config.scoring.minTrades[static_cast<std::size_t>(common::Timeframe::parse("1h")->id())] = 30;
        m_config.scoring.robustnessMinScore = 40;
    }

private slots:
    void initTestCase()
    {
        auto config = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
        SIXBTC_VERIFY_OK(config);
        m_config = *config;
        setThresholds();
    }

    void init()
    {
        m_clock.set(kStartMs);
        m_db = std::make_unique<TestDatabase>(Backend::Sqlite, Start::Migrated);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        auto opened = m_db->open(m_clock);
        SIXBTC_VERIFY_OK(opened);
        m_store = std::move(*opened);
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void everyStoredFieldComesBack()
    {
        const storage::NewStrategy s = addStrategy(1, kCode, kParams);
        const std::string& uuid = s.record.uuid;
        auto& strategies = store().strategies();
        m_clock.advance(60'000);
        const auto validated = strategies.transition(uuid, StrategyStatus::Validated, "expanded from base");
        SIXBTC_VERIFY_OK(validated);
        m_clock.advance(60'000);
        const auto active = strategies.transition(uuid, StrategyStatus::Active, "passed robustness");
        SIXBTC_VERIFY_OK(active);
        const auto scored = strategies.setScore(uuid, 61.5);
        SIXBTC_VERIFY_OK(scored);
        const std::int64_t oldTraining = addRun(run(uuid, app::kTrainingRun, metrics(0.1, 0.1, 0, 0.9, 1), 5.0));
        const std::int64_t training = addRun(run(uuid, app::kTrainingRun, metrics(1.5, 0.6, 0.002, 0.1, 40), 61.5));
        const std::int64_t holdout = addRun(run(uuid, app::kHoldoutRun, metrics(0.8, 0.5, 0.001, 0.05, 4), 30.0));
        storage::ValidationVerdict verdict;
        verdict.strategyUuid = uuid;
        verdict.check = "shuffle_test";
        verdict.passed = true;
        verdict.figuresJson = R"({"cuts":5})";
        verdict.backtestRunId = training;
        const auto first = strategies.addVerdict(verdict);
        SIXBTC_VERIFY_OK(first);
        verdict.check = "pbo";
        verdict.passed = false;
        verdict.figuresJson = R"({"pbo":0.6})";
        verdict.backtestRunId.reset();
        const auto second = strategies.addVerdict(verdict);
        SIXBTC_VERIFY_OK(second);

        auto detail = app::loadStrategyDetail(store(), m_config, uuid);
        SIXBTC_VERIFY_OK(detail);
        QCOMPARE(detail->record.name, s.record.name);
        QCOMPARE(detail->record.code, std::string(kCode));
        QCOMPARE(detail->record.symbols, (std::vector<std::string>{"BTC", "ETH"}));
        QCOMPARE(detail->record.status, StrategyStatus::Active);
        QCOMPARE(detail->record.score, std::optional<double>(61.5));
        QCOMPARE(detail->lineage.patternId, std::string("rsi_reversal"));
        QCOMPARE(detail->lineage.codeHash, s.lineage.codeHash);
        QCOMPARE(detail->lineage.datasetHash, std::string("ds-1h-btc-eth"));
        QCOMPARE(detail->lineage.dataStartMs, 1'600'000'000'000);
        QCOMPARE(detail->lineage.dataEndMs, 1'700'000'000'000);
        QCOMPARE(detail->lineage.engineVersion, std::string("0.1.0"));

        QCOMPARE(detail->events.size(), std::size_t(3));
        QVERIFY(!detail->events[0].from.has_value());
        QCOMPARE(detail->events[0].to, StrategyStatus::Generated);
        QCOMPARE(detail->events[0].atMs, kStartMs);
        QCOMPARE(detail->events[1].from, std::optional<StrategyStatus>(StrategyStatus::Generated));
        QCOMPARE(detail->events[1].to, StrategyStatus::Validated);
        QCOMPARE(detail->events[1].reason, std::string("expanded from base"));
        QCOMPARE(detail->events[2].to, StrategyStatus::Active);
        QCOMPARE(detail->events[2].atMs, kStartMs + 120'000);

        QCOMPARE(detail->verdicts.size(), std::size_t(2));
        QCOMPARE(detail->verdicts[0].check, std::string("shuffle_test"));
        QVERIFY(detail->verdicts[0].passed);
        QCOMPARE(detail->verdicts[0].backtestRunId, std::optional<std::int64_t>(training));
        QCOMPARE(detail->verdicts[1].figuresJson, std::string(R"({"pbo":0.6})"));
        QVERIFY(!detail->verdicts[1].passed);

        QCOMPARE(detail->runs.size(), std::size_t(3));
        QCOMPARE(detail->runs[0].id, oldTraining);
        QCOMPARE(detail->runs[2].id, holdout);
        QCOMPARE(detail->runs[2].kind, std::string(app::kHoldoutRun));
        QCOMPARE(detail->runs[2].dataStartMs, kStartMs - 30 * kDayMs);
        QCOMPARE(detail->runs[2].dataEndMs, kStartMs);
        QCOMPARE(detail->runs[2].metrics, metrics(0.8, 0.5, 0.001, 0.05, 4));
        QCOMPARE(detail->runs[2].score, std::optional<double>(30.0));
        // The cards read the newest training run, not the older one.
        QCOMPARE(detail->trainingRunId, std::optional<std::int64_t>(training));
        QCOMPARE(detail->cards.front().value, std::optional<double>(1.5));

        QVERIFY(detail->risk.has_value());
        QCOMPARE(*detail->risk, (backtest::StrategyParams{0.02, 0.04, 3.0, 48}));
        QVERIFY(detail->diagnostics.empty());
    }

    void cardsCheckTheHandSetThresholds_data()
    {
        QTest::addColumn<BacktestMetrics>("training");
        QTest::addColumn<double>("score");
        // sharpe, win rate, expectancy, drawdown, trades, score
        QTest::addColumn<std::vector<bool>>("passed");
        QTest::newRow("all pass") << metrics(1.5, 0.55, 0.002, 0.1, 40) << 60.0
                                  << std::vector<bool>{true, true, true, true, true, true};
        // At every limit: only the expectancy fails, as it must be strictly above its minimum.
        QTest::newRow("at the limits") << metrics(1.0, 0.5, 0.001, 0.2, 30) << 40.0
                                       << std::vector<bool>{true, true, false, true, true, true};
        QTest::newRow("all fail") << metrics(0.99, 0.49, 0.0, 0.21, 29) << 39.9
                                  << std::vector<bool>{false, false, false, false, false, false};
        QTest::newRow("mixed") << metrics(2.0, 0.3, 0.01, 0.5, 100) << 45.0
                               << std::vector<bool>{true, false, true, false, true, true};
    }

    void cardsCheckTheHandSetThresholds()
    {
        QFETCH(BacktestMetrics, training);
        QFETCH(double, score);
        QFETCH(std::vector<bool>, passed);
        const std::string uuid = addStrategy(2, kCode, kParams).record.uuid;
        const auto scored = store().strategies().setScore(uuid, score);
        SIXBTC_VERIFY_OK(scored);
        addRun(run(uuid, app::kTrainingRun, training, score));
        auto detail = app::loadStrategyDetail(store(), m_config, uuid);
        SIXBTC_VERIFY_OK(detail);
        const auto& cards = detail->cards;
        QCOMPARE(cards.size(), passed.size());
        const std::vector<std::string> keys{"scoring.min_sharpe",     "scoring.min_win_rate",
                                            "scoring.min_expectancy", "scoring.max_drawdown",
                                            "scoring.min_trades.1h",  "scoring.robustness_min_score"};
        const std::vector<double> limits{1.0, 0.5, 0.001, 0.2, 30.0, 40.0};
        const std::vector<double> values{training.sharpe,
                                         training.winRate,
                                         training.expectancy,
                                         training.maxDrawdown,
                                         static_cast<double>(training.nTrades),
                                         score};
        for (std::size_t i = 0; i < cards.size(); ++i) {
            const QByteArray where = QByteArray::fromStdString(cards[i].key);
            QCOMPARE(cards[i].key, keys[i]);
            QVERIFY2(cards[i].threshold == limits[i], where.constData());
            QVERIFY2(cards[i].value == std::optional<double>(values[i]), where.constData());
            QVERIFY2(cards[i].passed == std::optional<bool>(passed[i]), where.constData());
        }
        QCOMPARE(cards[2].comparison, std::string(">"));
        QCOMPARE(cards[3].comparison, std::string("<="));
    }

    void aNaNMetricFailsItsCard()
    {
        BacktestMetrics m = metrics(std::nan(""), 0.6, 0.002, 0.1, 40);
        const auto cards = app::metricCards(m, std::nan(""), m_config.scoring, *common::Timeframe::parse("1h"));
        QCOMPARE(cards[0].passed, std::optional<bool>(false));
        QCOMPARE(cards[1].passed, std::optional<bool>(true));
        QCOMPARE(cards[5].passed, std::optional<bool>(false));
    }

    void aBaseHasNoRiskAndNoTrainingRunLeavesTheCardsOpen()
    {
        const std::string uuid = addStrategy(3, kCode, "{}").record.uuid;
        auto detail = app::loadStrategyDetail(store(), m_config, uuid);
        SIXBTC_VERIFY_OK(detail);
        QVERIFY(!detail->risk.has_value());
        QVERIFY(!detail->trainingRunId.has_value());
        QCOMPARE(detail->cards.size(), std::size_t(6));
        for (const auto& card : detail->cards) {
            QVERIFY(!card.value.has_value());
            QVERIFY(!card.passed.has_value());
        }
        QCOMPARE(detail->cards[4].threshold, 30.0);
    }

    void aStoredCodeWithAnErrorGivesItsDiagnostic()
    {
        // Line 5: `  long_entry: "` is 15 characters, the rule starts in column 16; "rsi(close, 14) < 30 and " is
        // 24 more, so `foo` is at column 40.
        const std::string code = "type: MOM\n"
                                 "timeframe: 1h\n"
                                 "symbols: [BTC, ETH]\n"
                                 "signals:\n"
                                 "  long_entry: \"rsi(close, 14) < 30 and foo(close) > 1\"\n"
                                 "  short_entry: \"rsi(close, 14) > 70\"\n";
        const std::string uuid = addStrategy(4, code, kParams).record.uuid;
        auto detail = app::loadStrategyDetail(store(), m_config, uuid);
        SIXBTC_VERIFY_OK(detail);
        QCOMPARE(detail->diagnostics.size(), std::size_t(1));
        QCOMPARE(detail->diagnostics[0].line, 5);
        QCOMPARE(detail->diagnostics[0].column, 40);
        QVERIFY(detail->diagnostics[0].message.find("'foo'") != std::string::npos);
    }

    void errorsAreReturned()
    {
        const auto missing = app::loadStrategyDetail(store(), m_config, sampleStrategy("MOM", 9).record.uuid);
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, common::ErrorCode::Input);
        const std::string uuid = addStrategy(5, kCode, R"({"sl_pct":0.02})").record.uuid;
        const auto badParams = app::loadStrategyDetail(store(), m_config, uuid);
        QVERIFY(!badParams.has_value());
        QCOMPARE(badParams.error().code, common::ErrorCode::Input);
        QVERIFY(badParams.error().message.find("exit_after_bars") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstStrategyDetail)
#include "tst_strategydetail.moc"
