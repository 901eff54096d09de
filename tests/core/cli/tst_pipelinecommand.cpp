// SPDX-License-Identifier: MIT
// `sixbtc pipeline` end to end on real bundled candles (SQLite or PostgreSQL): every strategy's lifecycle, the pool,
// the full runs, the report files, a second cycle, and SIGKILL at several points followed by a resuming run.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <map>
#include <memory>
#include <set>

#include "clirunner.h"
#include "storage/api/lifecycle.h"
#include "storagetestenv.h"
#include "testconfig.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;

namespace {

/// 2 timeframes x 2 bases, 8 grid points each, thresholds opened so that some strategies reach the pool of 5.
const QList<ConfigEdit> kSmallRun{
    {QStringLiteral("timeframes: \\[5m, 15m, 30m, 1h, 4h, 1d\\]"), QStringLiteral("timeframes: [1h, 4h]")},
    {QStringLiteral("strategies_per_timeframe: 8"), QStringLiteral("strategies_per_timeframe: 2")},
    {QStringLiteral("sl_pct: \\[[^\\]]*\\]"), QStringLiteral("sl_pct: [0.01, 0.02]")},
    {QStringLiteral("tp_pct: \\[[^\\]]*\\]"), QStringLiteral("tp_pct: [0.02, 0.03]")},
    {QStringLiteral("leverage: \\[1, 2, 5, 10\\]"), QStringLiteral("leverage: [1]")},
    {QStringLiteral("exit_after_bars: \\[[^\\]]*\\]"), QStringLiteral("exit_after_bars: [0, 48]")},
    {QStringLiteral("min_sharpe: 1.0"), QStringLiteral("min_sharpe: 0")},
    {QStringLiteral("min_win_rate: 0.55"), QStringLiteral("min_win_rate: 0")},
    {QStringLiteral("^  max_drawdown: 0.30"), QStringLiteral("  max_drawdown: 1.0")},
    {QStringLiteral("min_trades: \\{[^}]*\\}"),
     QStringLiteral("min_trades: {5m: 1, 15m: 1, 30m: 1, 1h: 1, 4h: 1, 1d: 1}")},
    {QStringLiteral("robustness_min_score: 40"), QStringLiteral("robustness_min_score: 0")},
    {QStringLiteral("min_windows_with_edge: 3"), QStringLiteral("min_windows_with_edge: 1")},
    {QStringLiteral("max_sharpe_dispersion: 1.0"), QStringLiteral("max_sharpe_dispersion: 1000")},
    {QStringLiteral("max_pbo: 0.5"), QStringLiteral("max_pbo: 1")},
    {QStringLiteral("min_dsr: 0.95"), QStringLiteral("min_dsr: 0")},
    {QStringLiteral("max_active: 200"), QStringLiteral("max_active: 5")}};
constexpr std::size_t kBasesPerCycle = 4;
constexpr std::size_t kGridSize = 8;
constexpr std::size_t kPoolSize = 5;

/// What a database holds, per strategy UUID: status, score and the kinds of its runs; comparable across databases.
using Snapshot = std::map<std::string, std::string>;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstPipelineCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<TestDatabase> m_db;
    QString m_config;
    ManualClock m_clock{0};

    void freshDatabase()
    {
        m_db.reset();
        m_db = std::make_unique<TestDatabase>(backendUnderTest(), Start::Empty);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        m_config = writeTestConfig(*m_db, kSmallRun);
        QVERIFY(!m_config.isEmpty());
    }

    CliRun sixbtc(QStringList args) const
    {
        args.prepend(m_config);
        args.prepend(QStringLiteral("--config"));
        return runSixbtc(args, m_env);
    }

    std::unique_ptr<Store> store()
    {
        auto opened = m_db->open(m_clock);
        if (!opened)
            qFatal("cannot open the test store: %s", opened.error().fullText().c_str());
        return std::move(*opened);
    }

    Snapshot snapshot();
    void checkLifecycles(std::size_t bases);
    void runUntilKilled(const QString& killAt);

private slots:
    void initTestCase() { m_env = isolatedEnvironment(m_home.path()); }
    void init() { freshDatabase(); }
    void cleanup() { m_db.reset(); }

    void pipelineEndToEnd();
    void stepByStep();
    void refusedInputs_data();
    void refusedInputs();
    void secondRunIsANewCycle();
    void killedAndResumed_data();
    void killedAndResumed();
};

Snapshot TstPipelineCommand::snapshot()
{
    auto s = store();
    auto all = s->strategies().list(StrategyFilter{});
    if (!all)
        qFatal("list: %s", all.error().fullText().c_str());
    Snapshot shot;
    for (const auto& row : *all) {
        std::string value = row.name + " " + std::string(statusName(row.status)) + " " +
                            (row.score ? QString::number(*row.score, 'g', 12).toStdString() : std::string("-"));
        auto runs = s->backtests().runsOf(row.uuid);
        if (!runs)
            qFatal("runs: %s", runs.error().fullText().c_str());
        for (const auto& run : *runs)
            value += " " + run.kind + ":" + QString::number(run.metrics.totalReturn, 'g', 12).toStdString();
        shot[row.uuid] = value;
    }
    return shot;
}

// Every strategy followed a legal path to a resting status, with the reasons the pipeline gives.
void TstPipelineCommand::checkLifecycles(std::size_t bases)
{
    using S = StrategyStatus;
    auto s = store();
    auto all = s->strategies().list(StrategyFilter{});
    QVERIFY(all.has_value());
    std::size_t baseCount = 0;
    std::size_t expanded = 0;
    std::size_t active = 0;
    std::set<std::string> names;
    for (const auto& row : *all) {
        QVERIFY2(names.insert(row.name).second, row.name.c_str());
        auto events = s->strategies().events(row.uuid);
        QVERIFY(events.has_value());
        std::vector<S> path;
        for (const auto& e : *events)
            path.push_back(e.to);
        QCOMPARE(path.back(), row.status);
        QVERIFY2(row.status != S::Generated && row.status != S::Validated, row.name.c_str());
        if (row.generationMode == GenerationMode::Pattern) {
            ++baseCount;
            QVERIFY(row.name.rfind("PatStrat_", 0) == 0);
            const bool expandedBase = path == std::vector<S>{S::Generated, S::Validated, S::Retired};
            QVERIFY2(expandedBase || path == (std::vector<S>{S::Generated, S::Rejected}), row.name.c_str());
            if (expandedBase)
                QCOMPARE(events->back().reason, std::string(lifecycle::kExpanded));
            continue;
        }
        ++expanded;
        QCOMPARE(row.generationMode, GenerationMode::Optimized);
        QVERIFY(row.baseUuid.has_value());
        QVERIFY(path.size() >= 3 && path[0] == S::Generated && path[1] == S::Validated);
        QVERIFY2(path[2] == S::Active || path[2] == S::Rejected, row.name.c_str());
        if (path.size() == 4)
            QVERIFY(path[2] == S::Active && path[3] == S::Retired && events->back().reason == lifecycle::kEvicted);
        QVERIFY(path.size() <= 4);
        if (row.status != S::Active)
            continue;
        ++active;
        auto runs = s->backtests().runsOf(row.uuid);
        QVERIFY(runs.has_value());
        const auto full =
            std::find_if(runs->begin(), runs->end(), [](const BacktestRun& r) { return r.kind == "full"; });
        QVERIFY2(full != runs->end(), row.name.c_str());
        auto curve = s->backtests().equityCurve(full->id);
        auto trades = s->backtests().trades(full->id);
        QVERIFY(curve.has_value() && trades.has_value());
        QVERIFY(curve->size() > 100);
        QCOMPARE(static_cast<std::int64_t>(trades->size()), full->metrics.nTrades);
        QCOMPARE(curve->back().equity, full->metrics.finalEquity);
    }
    QCOMPARE(baseCount, bases);
    QVERIFY(expanded % kGridSize == 0 && expanded >= kGridSize);
    QVERIFY2(active >= 1 && active <= kPoolSize, qPrintable(QString::number(active)));
}

void TstPipelineCommand::pipelineEndToEnd()
{
    const CliRun run = sixbtc({QStringLiteral("pipeline")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    for (const char* text : {"phase", "generate", "validate", "backtest", "classify", "total wall time",
                             "pool: ", "rotation preview (dry run)", "no subaccount is configured"})
        QVERIFY2(run.out.contains(QLatin1String(text)), text);
    QVERIFY2(run.err.contains(QStringLiteral("backtest: 32 in ")), qPrintable(run.err));
    checkLifecycles(kBasesPerCycle);

    const QString out = m_home.filePath(QStringLiteral("report"));
    const CliRun report = sixbtc({QStringLiteral("report"), QStringLiteral("--out"), out});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err + report.out));
    QFile index(out + QStringLiteral("/index.html"));
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(index.readAll());
    auto active = store()->strategies().list(StrategyFilter{StrategyStatus::Active, std::nullopt});
    QVERIFY(active.has_value());
    for (const auto& row : *active) {
        QVERIFY2(html.contains(qs(row.name)), row.name.c_str());
        for (const char* kind : {"equity_", "drawdown_"}) {
            const QString png = out + QLatin1Char('/') + QLatin1String(kind) + qs(row.name) + QStringLiteral(".png");
            QVERIFY2(QFileInfo(png).size() > 1000, qPrintable(png));
        }
    }
    const CliRun status = sixbtc({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    const CliRun rotate = sixbtc({QStringLiteral("rotate"), QStringLiteral("--dry-run")});
    QVERIFY2(rotate.exitCode == 0 && rotate.out.contains(qs(active->front().name)), qPrintable(rotate.out));
}

// The phases one command at a time: generate, backtest (validate + expand) one base, classify, re-run a member.
void TstPipelineCommand::stepByStep()
{
    const CliRun generate = sixbtc({QStringLiteral("generate"), QStringLiteral("--count"), QStringLiteral("1"),
                                    QStringLiteral("--timeframe"), QStringLiteral("4h")});
    QVERIFY2(generate.exitCode == 0 && generate.out.contains(QStringLiteral("generated 1 base")),
             qPrintable(generate.out + generate.err));
    auto bases = store()->strategies().list(StrategyFilter{StrategyStatus::Generated, std::nullopt});
    QVERIFY(bases.has_value());
    QCOMPARE(bases->size(), std::size_t{1});
    const std::string base = bases->front().name;
    QCOMPARE(bases->front().timeframe, std::string("4h"));

    const CliRun backtest = sixbtc({QStringLiteral("backtest"), QStringLiteral("--strategy"), qs(base)});
    QVERIFY2(backtest.exitCode == 0 && backtest.out.contains(QStringLiteral("expanded into 8 strategies")),
             qPrintable(backtest.out + backtest.err));
    auto waiting = store()->strategies().list(StrategyFilter{StrategyStatus::Validated, std::nullopt});
    QVERIFY(waiting.has_value());
    QCOMPARE(waiting->size(), kGridSize);

    const CliRun classify = sixbtc({QStringLiteral("classify")});
    QVERIFY2(classify.exitCode == 0 && classify.out.contains(QStringLiteral("classified 8: ")),
             qPrintable(classify.out));
    checkLifecycles(1);
    auto active = store()->strategies().list(StrategyFilter{StrategyStatus::Active, std::nullopt});
    QVERIFY(active.has_value() && !active->empty());
    const std::string member = active->front().uuid;

    const CliRun rerun = sixbtc({QStringLiteral("backtest"), QStringLiteral("--strategy"), qs(member)});
    QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
    auto runs = store()->backtests().runsOf(member);
    QVERIFY(runs.has_value());
    std::vector<BacktestRun> full;
    std::copy_if(runs->begin(), runs->end(), std::back_inserter(full),
                 [](const BacktestRun& r) { return r.kind == "full"; });
    QCOMPARE(full.size(), std::size_t{2});
    QVERIFY(full[0].metrics == full[1].metrics);
    QVERIFY2(rerun.out.contains(QStringLiteral("stored run ") + QString::number(full[1].id)), qPrintable(rerun.out));
}

void TstPipelineCommand::refusedInputs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("generate without --count")
        << QStringList{QStringLiteral("generate")} << 2 << QStringLiteral("--count N is required");
    QTest::newRow("generate --count 0") << QStringList{QStringLiteral("generate"), QStringLiteral("--count"),
                                                       QStringLiteral("0")}
                                        << 2 << QStringLiteral("--count N is required");
    QTest::newRow("generate on an unknown timeframe")
        << QStringList{QStringLiteral("generate"), QStringLiteral("--count"), QStringLiteral("1"),
                       QStringLiteral("--timeframe"), QStringLiteral("2h")}
        << 2 << QStringLiteral("--timeframe: ");
    QTest::newRow("rotate without --dry-run")
        << QStringList{QStringLiteral("rotate")} << 2 << QStringLiteral("only 'sixbtc rotate --dry-run' is available");
    QTest::newRow("backtest of an unknown strategy")
        << QStringList{QStringLiteral("backtest"), QStringLiteral("--strategy"), QStringLiteral("Strategy_MOM_0")} << 2
        << QStringLiteral("no stored strategy is named Strategy_MOM_0");
    QTest::newRow("backtest with a file and --all")
        << QStringList{QStringLiteral("backtest"), QStringLiteral("--all"), QStringLiteral("--strategy-file"),
                       QStringLiteral("x.yaml")}
        << 2 << QStringLiteral("not several");
}

void TstPipelineCommand::refusedInputs()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CliRun run = sixbtc(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

void TstPipelineCommand::secondRunIsANewCycle()
{
    const CliRun first = sixbtc({QStringLiteral("pipeline")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const Snapshot before = snapshot();
    const CliRun second = sixbtc({QStringLiteral("pipeline")});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QVERIFY(!second.out.contains(QStringLiteral("resumed")));
    checkLifecycles(2 * kBasesPerCycle);
    const Snapshot after = snapshot();
    QVERIFY(after.size() > before.size());
    for (const auto& [uuid, value] : before) {
        // A first-cycle strategy keeps its rows; only the pool may have moved it (evicted).
        const std::string now = after.at(uuid);
        QVERIFY2(now == value || now.find(" RETIRED ") != std::string::npos, now.c_str());
    }
}

void TstPipelineCommand::runUntilKilled(const QString& killAt)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(QStringLiteral(SIXBTC_CLI_PATH), {QStringLiteral("--config"), m_config, QStringLiteral("pipeline")});
    QVERIFY(process.waitForStarted());
    const QRegularExpression line(killAt, QRegularExpression::MultilineOption);
    QString err;
    while (!line.match(err).hasMatch()) {
        QVERIFY2(process.state() == QProcess::Running, qPrintable(QStringLiteral("ended before ") + killAt + err));
        process.waitForReadyRead(50);
        err += QString::fromUtf8(process.readAllStandardError());
    }
    process.kill();
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
}

void TstPipelineCommand::killedAndResumed_data()
{
    QTest::addColumn<QString>("killAt"); // a progress line on standard error
    QTest::newRow("during generation") << QStringLiteral("^generate: 0/");
    QTest::newRow("during validation") << QStringLiteral("^validate: [1-3]/");
    QTest::newRow("between two families") << QStringLiteral("^backtest: (8|16)/");
    QTest::newRow("after classification") << QStringLiteral("^equity: 0/");
}

void TstPipelineCommand::killedAndResumed()
{
    QFETCH(QString, killAt);
    const CliRun reference = sixbtc({QStringLiteral("pipeline")});
    QVERIFY2(reference.exitCode == 0, qPrintable(reference.err));
    const Snapshot expected = snapshot();

    freshDatabase();
    runUntilKilled(killAt);
    const CliRun resumed = sixbtc({QStringLiteral("pipeline")});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err + resumed.out));
    checkLifecycles(kBasesPerCycle);
    QCOMPARE(snapshot(), expected);
}

QTEST_GUILESS_MAIN(TstPipelineCommand)
#include "tst_pipelinecommand.moc"
