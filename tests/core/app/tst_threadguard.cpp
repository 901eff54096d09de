// SPDX-License-Identifier: MIT
// Tests of the thread guard: every engine entry point aborts on the forbidden thread and runs on any other one.
// The aborting calls run in a child process: this binary started again with --call-on-forbidden-thread ENTRY.
#include <QtTest>

#include <cstring>
#include <thread>

#include "app/backtestusecase.h"
#include "app/fullrun.h"
#include "app/pipelinephases.h"
#include "app/provefamily.h"
#include "app/threadguard.h"
#include "backtest/enginesettings.h"
#include "config/configloader.h"
#include "storagetestenv.h"

using namespace sixbtc;

namespace {

constexpr const char* kForbiddenFlag = "--call-on-forbidden-thread";
constexpr const char* kWorkerFlag = "--call-on-worker-thread";

const char* const kDocument = "type: REV\ntimeframe: 5m\nsymbols: [BTC]\nsignals:\n"
                              "  long_entry: \"rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30\"\n"
                              "  short_entry: \"rsi(close, 14)[1] > 70 and rsi(close, 14) <= 70\"\n"
                              "risk: {sl_pct: 0.01, tp_pct: 0.02, leverage: 2, exit_after_bars: 0}\n";

class SilentObserver final : public app::PhaseObserver
{
public:
    void phaseStarted(std::string_view, std::size_t) override {}
    void unitsDone(std::size_t) override {}
    void phaseFinished() override {}
};

int fail(const std::string& why)
{
    std::fprintf(stderr, "setup failed: %s\n", why.c_str());
    return 3;
}

/// Prepares real inputs for every entry point, marks the main thread forbidden, then calls `entry` on the main
/// thread (onWorker false: the guard must abort) or on a std::thread (onWorker true: it must run; exit code 0).
/// Without the guard each call returns normally, so the child would exit with 0.
int callEntryPoint(const std::string& entry, bool onWorker)
{
    auto loaded = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
    if (!loaded)
        return fail(loaded.error().fullText());
    config::Config config = std::move(*loaded);
    config.data.dir = SIXBTC_BUNDLED_DATA_DIR;
    config.backtest.trainingDays = 20;
    config.backtest.holdoutDays = 5;
    storage::testing::ManualClock clock(1'780'000'000'000);
    storage::testing::TestDatabase db(storage::testing::Backend::Sqlite, storage::testing::Start::Migrated);
    auto store = db.open(clock);
    if (!store)
        return fail(store.error().fullText());
    auto cache = app::CandleCache::open(config.data);
    if (!cache)
        return fail(cache.error().fullText());
    auto parsed = strategy::parseStrategyDocument(kDocument, "guard.yaml");
    if (!parsed.document)
        return fail("the document does not parse");
    auto candles = cache->candles(parsed.document->timeframe(), parsed.document->symbols());
    if (!candles)
        return fail(candles.error().fullText());
    auto prepared = app::prepareBacktest(*parsed.document, *candles, backtest::TimeRange{}, false);
    auto grid = backtest::expandGrid(config.optimization.grid);
    storage::NewStrategy stored = storage::testing::sampleStrategy("REV", 1);
    stored.record.timeframe = "5m";
    stored.record.code = kDocument;
    if (!prepared || !grid || !(*store)->strategies().insert(stored))
        return fail("cannot prepare the run, the grid or the stored strategy");
    auto library = generation::PatternLibrary::loadEmbedded();
    if (!library)
        return fail(library.error().fullText());

    SilentObserver observer;
    const app::PhaseContext ctx{**store, *cache, config, observer, common::CancelToken()};
    const backtest::EngineSettings settings = backtest::engineSettingsFrom(config);
    const std::map<std::string, std::function<void()>> calls{
        {"runBacktest",
         [&] {
             (void)app::runBacktest(prepared->data, settings, backtest::StrategyParams{0.01, 0.02, 2, 0});
         }},
        {"runOptimize", [&] { (void)app::runOptimize(prepared->data, settings, *grid, 1, false, ctx.cancel); }},
        {"proveFamily",
         [&] {
             (void)app::proveFamily(
                 app::FamilyProofInput{&*parsed.document, &*candles, &*prepared, &*grid, &config, ctx.cancel, {}});
         }},
        {"storeFullRun", [&] { (void)app::storeFullRun(**store, *cache, config, stored.record); }},
        {"generateCycle",
         [&] {
             (void)app::generateCycle(ctx, *library, 1, {common::Timeframe(common::Timeframe::Id::M5)},
                                      storage::JobStatus::Done);
         }},
        {"validatePending", [&] { (void)app::validatePending(ctx, std::string()); }},
        {"expandPending", [&] { (void)app::expandPending(ctx, std::string()); }},
        {"classifyPending", [&] { (void)app::classifyPending(ctx); }},
    };
    const auto call = calls.find(entry);
    if (call == calls.end())
        return fail("unknown entry point " + entry);
    // An early return on the main thread proves nothing, so the cheap calls are cut short by a stop request only on
    // the worker (the guard runs before any of them looks at the token).
    app::forbidEngineOnThisThread();
    if (!onWorker) {
        call->second();
        return 0;
    }
    ctx.cancel.requestStop();
    std::thread worker(call->second);
    worker.join();
    return 0;
}

} // namespace

class TstThreadGuard : public QObject
{
    Q_OBJECT

private slots:
    void engineRunsOnEveryThreadWhenNothingIsForbidden()
    {
        // This process never calls forbidEngineOnThisThread(), like the CLI.
        app::requireEngineThread();
        std::thread worker([] { app::requireEngineThread(); });
        worker.join();
    }

    void entryPoints_data()
    {
        QTest::addColumn<QString>("entry");
        for (const char* entry : {"runBacktest", "runOptimize", "proveFamily", "storeFullRun", "generateCycle",
                                  "validatePending", "expandPending", "classifyPending"})
            QTest::newRow(entry) << QString::fromLatin1(entry);
    }

    void entryPoints()
    {
        QFETCH(QString, entry);
        QProcess forbidden;
        forbidden.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kForbiddenFlag), entry});
        QVERIFY(forbidden.waitForFinished(120'000));
        const QString stderrText = QString::fromUtf8(forbidden.readAllStandardError());
        QVERIFY2(forbidden.exitStatus() == QProcess::CrashExit, qPrintable(stderrText));
        QVERIFY2(stderrText.contains(QStringLiteral("precondition failed: engineAllowedHere")), qPrintable(stderrText));
        QVERIFY(stderrText.contains(QStringLiteral("threadguard.cpp")));

        QProcess worker;
        worker.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kWorkerFlag), entry});
        QVERIFY(worker.waitForFinished(120'000));
        const QString workerStderr = QString::fromUtf8(worker.readAllStandardError());
        QVERIFY2(worker.exitStatus() == QProcess::NormalExit, qPrintable(workerStderr));
        QCOMPARE(worker.exitCode(), 0);
    }
};

int main(int argc, char** argv)
{
    if (argc == 3 && std::strcmp(argv[1], kForbiddenFlag) == 0)
        return callEntryPoint(argv[2], false);
    if (argc == 3 && std::strcmp(argv[1], kWorkerFlag) == 0)
        return callEntryPoint(argv[2], true);
    QCoreApplication application(argc, argv);
    TstThreadGuard test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_threadguard.moc"
