// SPDX-License-Identifier: MIT
// Tests of `sixbtc status` through the executable on a prepared SQLite file.
#include <QtTest>

#include <QFile>

#include <memory>

#include "clirunner.h"
#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;

namespace {

const QString shippedConfig = QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml");
constexpr std::int64_t kCreatedMs = 1'700'000'000'000; // 2023-11-14 22:13:20 UTC

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

// The line of `text` that contains `needle`; empty when none does.
QString lineWith(const QString& text, const QString& needle)
{
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.contains(needle))
            return line;
    }
    return {};
}

// The lines of `text` from the one equal to `title` up to the next empty line.
QStringList section(const QString& text, const QString& title)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    const auto start = lines.indexOf(title);
    QStringList result;
    for (qsizetype i = start + 1; start >= 0 && i < lines.size() && !lines.at(i).isEmpty(); ++i)
        result << lines.at(i);
    return result;
}

} // namespace

class TstStatusCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<TestDatabase> m_db;
    QString m_config;

    CliRun status(const QStringList& extra = {}) const
    {
        return runSixbtc(QStringList{QStringLiteral("--config"), m_config, QStringLiteral("status")} + extra, m_env);
    }

    // The shipped configuration next to the test database, whose name is the shipped relative `sixbtc.db`.
    void prepare(Start start)
    {
        m_db = std::make_unique<TestDatabase>(Backend::Sqlite, start);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        QFile shipped(shippedConfig);
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        const QByteArray text = shipped.readAll();
        QVERIFY(text.contains("path: sixbtc.db,"));
        QCOMPARE(qs(m_db->settings().sqlite.path.filename().string()), QStringLiteral("sixbtc.db"));
        m_config = qs(m_db->settings().sqlite.path.parent_path().string()) + QStringLiteral("/config.yaml");
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }

    // Three ACTIVE MOM strategies scored 1.5, 2.5 and 0.5 on 1h, one GENERATED REV on 4h, a training run of the
    // best and one generation job.
    void fill() const
    {
        ManualClock clock(kCreatedMs);
        auto store = m_db->open(clock);
        if (!store)
            qFatal("cannot open the test store: %s", store.error().fullText().c_str());
        auto& strategies = (*store)->strategies();
        sixbtc::common::Result<void> done;
        const std::vector<double> scores{1.5, 2.5, 0.5};
        for (std::size_t i = 0; i < scores.size() && done; ++i) {
            const NewStrategy s = sampleStrategy("MOM", static_cast<std::int64_t>(i + 1));
            done = strategies.insert(s);
            if (done)
                done = strategies.transition(s.record.uuid, StrategyStatus::Validated, "checks passed");
            if (done)
                done = strategies.transition(s.record.uuid, StrategyStatus::Active, "admitted");
            if (done)
                done = strategies.setScore(s.record.uuid, scores[i]);
        }
        NewStrategy rev = sampleStrategy("REV", 4);
        rev.record.timeframe = "4h";
        if (done)
            done = strategies.insert(rev);
        BacktestRun run;
        run.strategyUuid = sampleStrategy("MOM", 2).record.uuid;
        run.kind = "training";
        run.timeframe = "1h";
        run.symbols = {"BTC", "ETH"};
        run.parametersJson = "{}";
        run.datasetHash = "ds";
        run.engineVersion = "test";
        run.metrics.totalReturn = 0.1234;
        run.metrics.sharpe = 1.875;
        run.metrics.maxDrawdown = 0.0456;
        run.metrics.nTrades = 57;
        if (done) {
            auto id = (*store)->backtests().insertRun(run);
            if (!id)
                done = tl::unexpected(id.error());
        }
        GenerationJob job;
        job.id = "00000000-0000-4000-8000-000000000001";
        job.parametersJson = "{}";
        job.requested = 40;
        if (done)
            done = (*store)->jobs().createJob(job);
        if (!done)
            qFatal("cannot fill the test store: %s", done.error().fullText().c_str());
    }

private slots:
    void initTestCase() { m_env = isolatedEnvironment(m_home.path()); }

    void missingDatabaseIsRefused()
    {
        prepare(Start::Empty);
        const CliRun run = status();
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("there is no database at")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("sixbtc db migrate")), qPrintable(run.err));
        QVERIFY(!QFile::exists(qs(m_db->settings().sqlite.path.string())));
    }

    void emptyDatabaseSaysWhatToDo()
    {
        prepare(Start::Migrated);
        const CliRun run = status();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("no strategies yet: run sixbtc pipeline")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("by timeframe")), qPrintable(run.out));
    }

    void tablesOfAFilledDatabase()
    {
        prepare(Start::Migrated);
        fill();
        const CliRun run = status();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("strategies: 4 (GENERATED 1, VALIDATED 0, ACTIVE 3, LIVE 0, "
                                                 "REJECTED 0, RETIRED 0)")),
                 qPrintable(run.out));

        const QStringList byTimeframe = section(run.out, QStringLiteral("by timeframe"));
        QCOMPARE(byTimeframe.size(), 4); // titles, rule, 1h, 4h
        QVERIFY2(byTimeframe.at(0).simplified() ==
                     QStringLiteral("tf GENERATED VALIDATED ACTIVE LIVE REJECTED RETIRED total"),
                 qPrintable(byTimeframe.at(0)));
        QCOMPARE(byTimeframe.at(2).simplified(), QStringLiteral("1h 0 0 3 0 0 0 3"));
        QCOMPARE(byTimeframe.at(3).simplified(), QStringLiteral("4h 1 0 0 0 0 0 1"));
        // Numbers are right-aligned under their titles.
        QCOMPARE(byTimeframe.at(2).indexOf(QStringLiteral("3 ")) + 1,
                 byTimeframe.at(0).indexOf(QStringLiteral("ACTIVE")) + 6);

        const QStringList byType = section(run.out, QStringLiteral("by type"));
        QCOMPARE(byType.size(), 4);
        QCOMPARE(byType.at(2).simplified(), QStringLiteral("MOM 0 0 3 0 0 0 3"));
        QCOMPARE(byType.at(3).simplified(), QStringLiteral("REV 1 0 0 0 0 0 1"));

        const QStringList best =
            section(run.out, QStringLiteral("best ACTIVE/LIVE strategies by score (training run)"));
        QCOMPARE(best.size(), 5);
        QCOMPARE(best.at(2).simplified(),
                 QStringLiteral("Strategy_MOM_00000002 MOM 1h ACTIVE 2.500 1.88 12.34 4.56 57"));
        QCOMPARE(best.at(3).simplified(), QStringLiteral("Strategy_MOM_00000001 MOM 1h ACTIVE 1.500 - - - -"));
        QVERIFY(best.at(4).startsWith(QStringLiteral("Strategy_MOM_00000003 ")));

        const QStringList runs = section(run.out, QStringLiteral("last backtest runs"));
        QCOMPARE(runs.size(), 3);
        QVERIFY2(runs.at(2).simplified().endsWith(
                     QStringLiteral("Strategy_MOM_00000002 training 1h 2023-11-14 22:13 12.34 1.88")),
                 qPrintable(runs.at(2)));

        const QStringList jobs = section(run.out, QStringLiteral("generation jobs"));
        QCOMPARE(jobs.size(), 3);
        QCOMPARE(jobs.at(2).simplified(),
                 QStringLiteral("00000000-0000-4000-8000-000000000001 pattern 40 0 queued 2023-11-14 22:13 - -"));
    }

    void bestAndRunsLimitTheRows()
    {
        prepare(Start::Migrated);
        fill();
        const CliRun run = status({QStringLiteral("--best"), QStringLiteral("1"), QStringLiteral("--runs=0")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList best =
            section(run.out, QStringLiteral("best ACTIVE/LIVE strategies by score (training run)"));
        QCOMPARE(best.size(), 3);
        QVERIFY(best.at(2).startsWith(QStringLiteral("Strategy_MOM_00000002 ")));
        QVERIFY2(!run.out.contains(QStringLiteral("Strategy_MOM_00000001")), qPrintable(run.out));
        QCOMPARE(section(run.out, QStringLiteral("last backtest runs")), QStringList{QStringLiteral("none")});
        QCOMPARE(section(run.out, QStringLiteral("generation jobs")), QStringList{QStringLiteral("none")});
        QVERIFY(lineWith(run.out, QStringLiteral("strategies: 4")).contains(QStringLiteral("ACTIVE 3")));
    }

    void badRowCountIsAUsageError()
    {
        prepare(Start::Migrated);
        const CliRun run = status({QStringLiteral("--best"), QStringLiteral("-2")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--best must be a whole number >= 0, not '-2'")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TstStatusCommand)
#include "tst_statuscommand.moc"
