// SPDX-License-Identifier: MIT
// loadStrategyRows / loadStrategyRow on SQLite: every field and the newest training metrics against what was stored.
#include <QtTest>

#include "app/storedrecords.h"
#include "app/strategytable.h"
#include "storagetestenv.h"

using namespace sixbtc;
using app::StrategyRow;
using storage::BacktestMetrics;
using storage::BacktestRun;
using storage::GenerationMode;
using storage::StrategyStatus;
using storage::testing::MigratedStore;
using storage::testing::sampleStrategy;

namespace {

constexpr std::int64_t kStartMs = 1'750'000'000'000;

BacktestMetrics metrics(double seed)
{
    return BacktestMetrics{seed / 10.0,
                           seed / 4.0,
                           0.4,
                           seed / 100.0,
                           seed,
                           0.05 * seed,
                           static_cast<std::int64_t>(seed) * 3,
                           seed / 8.0,
                           0.6,
                           10'000.0 * seed};
}

BacktestRun run(const std::string& uuid, const char* kind, double seed)
{
    return BacktestRun{0, uuid, kind, "4h", {"BTC"}, "{}", "ds", 1, 2, "0.1.0", 0, metrics(seed), std::nullopt};
}

} // namespace

class TstStrategyTable : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_db{kStartMs};
    std::vector<std::string> m_uuids; // in creation order, one second apart

    storage::Store& store() { return m_db.store(); }

private slots:
    void init()
    {
        const std::string error = m_db.open();
        QVERIFY2(error.empty(), error.c_str());
        m_uuids.clear();
        const GenerationMode modes[] = {GenerationMode::Pattern, GenerationMode::AiFree, GenerationMode::AiAssigned,
                                        GenerationMode::Optimized, GenerationMode::Pattern};
        for (std::int64_t i = 0; i < 5; ++i) {
            storage::NewStrategy s = sampleStrategy(i % 2 == 0 ? "MOM" : "REV", i + 1);
            s.record.timeframe = i < 3 ? "15m" : "4h";
            s.record.generationMode = modes[i];
            s.record.symbols = {"SOL"};
            m_db.clock().set(kStartMs + i * 1000);
            auto inserted = store().strategies().insert(s);
            SIXBTC_VERIFY_OK(inserted);
            m_uuids.push_back(s.record.uuid);
        }
        auto scored = store().strategies().setScore(m_uuids[1], 0.75);
        SIXBTC_VERIFY_OK(scored);
        auto validated = store().strategies().transition(m_uuids[1], StrategyStatus::Validated, "");
        SIXBTC_VERIFY_OK(validated);
        auto rejected = store().strategies().transition(m_uuids[3], StrategyStatus::Rejected, "low score");
        SIXBTC_VERIFY_OK(rejected);
        // Strategy 1: training 2 then training 5 (newest); strategy 3: holdout only.
        auto runs = store().backtests().insertRuns(
            {run(m_uuids[1], app::kTrainingRun, 2.0), run(m_uuids[1], app::kHoldoutRun, 9.0),
             run(m_uuids[1], app::kTrainingRun, 5.0), run(m_uuids[3], app::kHoldoutRun, 7.0)});
        SIXBTC_VERIFY_OK(runs);
    }
    void cleanup() { m_db.close(); }

    void pagesHoldEveryStrategyInCreationOrder()
    {
        auto first = app::loadStrategyRows(store(), 0, 3);
        SIXBTC_VERIFY_OK(first);
        auto second = app::loadStrategyRows(store(), 3, 3);
        SIXBTC_VERIFY_OK(second);
        QCOMPARE(first->size(), std::size_t(3));
        QCOMPARE(second->size(), std::size_t(2));
        std::vector<StrategyRow> rows = *first;
        rows.insert(rows.end(), second->begin(), second->end());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].uuid, m_uuids[i]);
            QCOMPARE(rows[i].createdAtMs, kStartMs + std::int64_t(i) * 1000);
            QCOMPARE(rows[i].symbols, std::vector<std::string>{"SOL"});
        }
        QCOMPARE(rows[0].name, std::string("Strategy_MOM_00000001"));
        QCOMPARE(rows[1].name, std::string("Strategy_REV_00000002"));
        QCOMPARE(rows[1].type, std::string("REV"));
        QCOMPARE(rows[2].timeframe, std::string("15m"));
        QCOMPARE(rows[3].timeframe, std::string("4h"));
        QCOMPARE(rows[2].generationMode, GenerationMode::AiAssigned);
        QCOMPARE(rows[3].generationMode, GenerationMode::Optimized);
        QCOMPARE(rows[0].status, StrategyStatus::Generated);
        QCOMPARE(rows[1].status, StrategyStatus::Validated);
        QCOMPARE(rows[3].status, StrategyStatus::Rejected);
        QCOMPARE(rows[1].score, std::optional<double>(0.75));
        QCOMPARE(rows[0].score, std::optional<double>());
    }

    void metricsAreThoseOfTheNewestTrainingRun()
    {
        auto rows = app::loadStrategyRows(store(), 0, 10);
        SIXBTC_VERIFY_OK(rows);
        QCOMPARE(rows->size(), std::size_t(5));
        QVERIFY((*rows)[1].training.has_value());
        const BacktestMetrics& m = *(*rows)[1].training;
        QCOMPARE(m.totalReturn, 0.5);
        QCOMPARE(m.sharpe, 1.25);
        QCOMPARE(m.nTrades, std::int64_t(15));
        QCOMPARE(m.maxDrawdown, 0.25);
        QCOMPARE(m.finalEquity, 50'000.0);
        // A holdout run alone is no training run.
        QVERIFY(!(*rows)[3].training.has_value());
        QVERIFY(!(*rows)[0].training.has_value());
    }

    void oneRowMatchesItsPagedRow()
    {
        auto rows = app::loadStrategyRows(store(), 0, 10);
        SIXBTC_VERIFY_OK(rows);
        for (std::size_t i : {std::size_t(1), std::size_t(3)}) {
            auto row = app::loadStrategyRow(store(), m_uuids[i]);
            SIXBTC_VERIFY_OK(row);
            QCOMPARE(row->uuid, (*rows)[i].uuid);
            QCOMPARE(row->status, (*rows)[i].status);
            QCOMPARE(row->score, (*rows)[i].score);
            QCOMPARE(row->training, (*rows)[i].training);
            QCOMPARE(row->generationMode, (*rows)[i].generationMode);
        }
        auto missing = app::loadStrategyRow(store(), sampleStrategy("MOM", 99).record.uuid);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, common::ErrorCode::Input);
    }
};

QTEST_GUILESS_MAIN(TstStrategyTable)
#include "tst_strategytable.moc"
