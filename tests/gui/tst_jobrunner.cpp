// SPDX-License-Identifier: MIT
// Tests of the job runner: a 400-strategy batch on real candles leaves the GUI thread free; cancel, stale results,
// failures and a runner destroyed while its job runs.
#include <QtTest>

#include <QSemaphore>
#include <QThreadPool>

#include <atomic>
#include <memory>

#include "app/backtestusecase.h"
#include "app/candlecache.h"
#include "app/jobrunner.h"
#include "app/strategyjobs.h"
#include "app/threadguard.h"
#include "backtest/enginesettings.h"
#include "config/configloader.h"
#include "storagetestenv.h"

using namespace sixbtc;
using gui::JobContext;
using gui::JobId;
using gui::JobRunner;

namespace {

const char* const kDocument = "type: REV\ntimeframe: 5m\nsymbols: [BTC]\nsignals:\n"
                              "  long_entry: \"rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30\"\n"
                              "  short_entry: \"rsi(close, 14)[1] > 70 and rsi(close, 14) <= 70\"\n";

constexpr int kWaitMs = 300'000;

/// app::runOptimize of kDocument over the configuration's grid on the bundled 5m candles; the result is the
/// number of strategies run and their total number of trades, as a QVariantList.
JobRunner::Work optimizeBatch(std::shared_ptr<const config::Config> config)
{
    return [config](JobContext& context) -> common::Result<QVariant> {
        auto cache = app::CandleCache::open(config->data);
        if (!cache)
            return tl::unexpected(cache.error());
        auto parsed = strategy::parseStrategyDocument(kDocument, "batch.yaml");
        if (!parsed.document)
            return common::fail(common::ErrorCode::Input, "the batch document does not parse");
        auto candles = cache->candles(parsed.document->timeframe(), parsed.document->symbols());
        if (!candles)
            return tl::unexpected(candles.error());
        auto prepared = app::prepareBacktest(*parsed.document, *candles, backtest::TimeRange{}, false);
        if (!prepared)
            return tl::unexpected(prepared.error());
        auto grid = backtest::expandGrid(config->optimization.grid);
        if (!grid)
            return tl::unexpected(grid.error());
        context.progress(0, grid->params.size());
        auto outcome =
            app::runOptimize(prepared->data, backtest::engineSettingsFrom(*config), *grid, 1, false, context.cancel);
        if (!outcome)
            return tl::unexpected(outcome.error());
        context.progress(outcome->metrics.size(), grid->params.size());
        qint64 trades = 0;
        for (const auto& metrics : outcome->metrics)
            trades += metrics.nTrades;
        return QVariant(QVariantList{qint64(outcome->metrics.size()), trades});
    };
}

} // namespace

class TstJobRunner : public QObject
{
    Q_OBJECT

private:
    storage::testing::ManualClock m_clock{1'780'000'000'000};
    std::unique_ptr<storage::testing::TestDatabase> m_db;
    std::shared_ptr<config::Config> m_config;
    std::atomic<int> m_storesOpened{0};
    std::atomic<bool> m_storeOpenedOnGuiThread{false};
    Qt::HANDLE m_guiThread = nullptr;

    JobRunner::StoreFactory factory()
    {
        return [this]() {
            ++m_storesOpened;
            if (QThread::currentThreadId() == m_guiThread)
                m_storeOpenedOnGuiThread = true;
            return m_db->open(m_clock);
        };
    }

private slots:
    void initTestCase()
    {
        // The engine must never run on this (the GUI) thread: any call here aborts the test.
        app::forbidEngineOnThisThread();
        m_guiThread = QThread::currentThreadId();
        // The stale-result test blocks one pool thread while two newer jobs run.
        QThreadPool::globalInstance()->setMaxThreadCount(qMax(2, QThreadPool::globalInstance()->maxThreadCount()));
        m_db = std::make_unique<storage::testing::TestDatabase>(storage::testing::Backend::Sqlite,
                                                                storage::testing::Start::Migrated);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        auto loaded = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
        SIXBTC_VERIFY_OK(loaded);
        m_config = std::make_shared<config::Config>(std::move(*loaded));
        m_config->data.dir = SIXBTC_BUNDLED_DATA_DIR;
    }

    void init()
    {
        m_storesOpened = 0;
        m_storeOpenedOnGuiThread = false;
    }

    void cleanup() { QVERIFY(QThreadPool::globalInstance()->waitForDone(kWaitMs)); }

    void batchLeavesTheGuiThreadFree()
    {
        const auto& grid = m_config->optimization.grid;
        const qint64 strategies =
            qint64(grid.slPct.size() * grid.tpPct.size() * grid.leverage.size() * grid.exitAfterBars.size());
        QCOMPARE(strategies, qint64(400)); // the shipped grid

        JobRunner runner(factory());
        QStringList order;
        QSignalSpy finished(&runner, &JobRunner::finished);
        QSignalSpy progress(&runner, &JobRunner::progress);
        connect(&runner, &JobRunner::finished, this, [&order] { order << QStringLiteral("batch finished"); });
        const JobId id = runner.start(QStringLiteral("batch"), optimizeBatch(m_config));
        QTimer::singleShot(0, this, [&order] { order << QStringLiteral("zero timer"); });
        QVERIFY(runner.isRunning(id));

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QCOMPARE(order, (QStringList{QStringLiteral("zero timer"), QStringLiteral("batch finished")}));
        QCOMPARE(finished.at(0).at(0).value<JobId>(), id);
        const QVariantList result = finished.at(0).at(1).toList();
        QCOMPARE(result.at(0).toLongLong(), strategies);
        QVERIFY(result.at(1).toLongLong() > strategies); // the RSI reversal trades on 5m bars
        QCOMPARE(progress.count(), 2);
        QCOMPARE(progress.at(0), (QVariantList{QVariant::fromValue(id), qint64(0), strategies}));
        QCOMPARE(progress.at(1), (QVariantList{QVariant::fromValue(id), strategies, strategies}));
        QVERIFY(!runner.isRunning(id));
        QCOMPARE(m_storesOpened.load(), 1);
        QVERIFY(!m_storeOpenedOnGuiThread);
    }

    void cancelEndsTheBatchWithCancelled()
    {
        JobRunner runner(factory());
        QSignalSpy finished(&runner, &JobRunner::finished);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy progress(&runner, &JobRunner::progress);
        const JobId id = runner.start(QStringLiteral("batch"), optimizeBatch(m_config));
        QTRY_COMPARE_WITH_TIMEOUT(progress.count(), 1, kWaitMs); // the engine has started
        runner.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(0).value<JobId>(), id);
        QCOMPARE(failed.at(0).at(1).value<common::Error>().code, common::ErrorCode::Cancelled);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(progress.count(), 1); // nothing after the cancel
        QVERIFY(!runner.isRunning(id));
    }

    void strategyActionsRunThroughTheRunner()
    {
        auto store = m_db->open(m_clock);
        SIXBTC_VERIFY_OK(store);
        storage::NewStrategy strategy = storage::testing::sampleStrategy("REV", 7);
        strategy.record.timeframe = "5m";
        strategy.record.symbols = {"BTC"};
        strategy.record.code = std::string(kDocument) + "risk: {sl_pct: 0.01, tp_pct: 0.02, leverage: 2, "
                                                        "exit_after_bars: 0}\n";
        const std::string uuid = strategy.record.uuid;
        SIXBTC_VERIFY_OK((*store)->strategies().insert(strategy));
        for (auto to : {storage::StrategyStatus::Validated, storage::StrategyStatus::Active})
            SIXBTC_VERIFY_OK((*store)->strategies().transition(uuid, to, "test"));

        JobRunner runner(factory());
        QSignalSpy finished(&runner, &JobRunner::finished);
        QSignalSpy failed(&runner, &JobRunner::failed);
        const QString key = QString::fromStdString(uuid);
        runner.start(key, gui::strategyActionWork(gui::StrategyAction::BacktestAgain, m_config, uuid));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto backtest = finished.at(0).at(1).value<app::ActionOutcome>();
        QVERIFY(backtest.fullRun.has_value());
        QVERIFY(backtest.fullRun->trades > 0);
        QCOMPARE(backtest.strategy.status, storage::StrategyStatus::Active);

        runner.start(key, gui::strategyActionWork(gui::StrategyAction::Retire, m_config, uuid));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kWaitMs);
        QCOMPARE(finished.at(1).at(1).value<app::ActionOutcome>().strategy.status, storage::StrategyStatus::Retired);
        QCOMPARE((*store)->strategies().get(uuid)->status, storage::StrategyStatus::Retired);
        auto runs = (*store)->backtests().runsOf(uuid);
        SIXBTC_VERIFY_OK(runs);
        QCOMPARE(runs->size(), std::size_t(1));

        // A third action on a RETIRED strategy is refused by the use case and arrives as failed().
        runner.start(key, gui::strategyActionWork(gui::StrategyAction::Retire, m_config, uuid));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(1).value<common::Error>().code, common::ErrorCode::Input);
        QCOMPARE(m_storesOpened.load(), 3);
    }

    void aNewerJobWithTheSameKeyMakesTheOlderStale()
    {
        JobRunner runner(factory());
        QSignalSpy finished(&runner, &JobRunner::finished);
        QSignalSpy failed(&runner, &JobRunner::failed);
        auto release = std::make_shared<QSemaphore>();
        auto olderSawStop = std::make_shared<std::atomic<bool>>(false);
        const JobId older = runner.start(QStringLiteral("uuid-1"), [release, olderSawStop](JobContext& context) {
            (void)release->tryAcquire(1, kWaitMs);
            *olderSawStop = context.cancel.stopRequested();
            return common::Result<QVariant>(QVariant(1));
        });
        const JobId newer =
            runner.start(QStringLiteral("uuid-1"), [](JobContext&) { return common::Result<QVariant>(QVariant(2)); });
        const JobId other =
            runner.start(QStringLiteral("uuid-2"), [](JobContext&) { return common::Result<QVariant>(QVariant(3)); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kWaitMs);
        release->release();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(kWaitMs)); // the older job has posted its result
        QTRY_COMPARE(runner.runningCount(), 0);
        QVERIFY(*olderSawStop);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(failed.count(), 0);
        QMap<JobId, int> results;
        for (const auto& signal : finished)
            results.insert(signal.at(0).value<JobId>(), signal.at(1).toInt());
        QCOMPARE(results, (QMap<JobId, int>{{newer, 2}, {other, 3}}));
        QVERIFY(!results.contains(older));
    }

    void failuresArriveAsFailed()
    {
        JobRunner runner(factory());
        QSignalSpy finished(&runner, &JobRunner::finished);
        QSignalSpy failed(&runner, &JobRunner::failed);
        const JobId id = runner.start(QStringLiteral("failing"), [](JobContext&) -> common::Result<QVariant> {
            return common::fail(common::ErrorCode::Input, "no such strategy", {"uuid 42"});
        });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(0).value<JobId>(), id);
        const auto error = failed.at(0).at(1).value<common::Error>();
        QCOMPARE(error.code, common::ErrorCode::Input);
        QCOMPARE(error.message, std::string("no such strategy"));
        QCOMPARE(error.details, std::vector<std::string>{"uuid 42"});
        QCOMPARE(finished.count(), 0);
    }

    void aStoreThatCannotOpenFailsTheJobBeforeItsWork()
    {
        JobRunner runner([]() -> common::Result<std::unique_ptr<storage::Store>> {
            return common::fail(common::ErrorCode::Database, "cannot open the database");
        });
        QSignalSpy failed(&runner, &JobRunner::failed);
        auto workRan = std::make_shared<std::atomic<bool>>(false);
        runner.start(QStringLiteral("k"), [workRan](JobContext&) {
            *workRan = true;
            return common::Result<QVariant>(QVariant());
        });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(1).value<common::Error>().message, std::string("cannot open the database"));
        QVERIFY(!*workRan);
    }

    void aDestroyedRunnerStopsItsJobsAndDropsTheirResults()
    {
        auto runner = std::make_unique<JobRunner>(factory());
        auto started = std::make_shared<QSemaphore>();
        auto sawStop = std::make_shared<std::atomic<bool>>(false);
        runner->start(QStringLiteral("k"), [started, sawStop](JobContext& context) {
            started->release();
            QDeadlineTimer deadline(kWaitMs);
            while (!context.cancel.stopRequested() && !deadline.hasExpired())
                QThread::msleep(1);
            *sawStop = context.cancel.stopRequested();
            return common::Result<QVariant>(QVariant(1));
        });
        QVERIFY(started->tryAcquire(1, kWaitMs));
        runner.reset();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(kWaitMs));
        QCoreApplication::processEvents(); // the dropped delivery runs here and must not touch the runner
        QVERIFY(*sawStop);
    }
};

QTEST_GUILESS_MAIN(TstJobRunner)
#include "tst_jobrunner.moc"
