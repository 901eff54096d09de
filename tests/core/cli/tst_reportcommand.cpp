// SPDX-License-Identifier: MIT
// Tests of `sixbtc report` through the executable: the folder it writes, headless, and its usage and input errors.
#include <QtTest>

#include <QFile>
#include <QImage>

#include <cmath>
#include <fstream>
#include <memory>

#include "clirunner.h"
#include "storagetestenv.h"
#include "testconfig.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;

namespace {

constexpr std::int64_t kStartMs = 1'735'689'600'000; // 2025-01-01 00:00 UTC
constexpr std::int64_t kHourMs = 3'600'000;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstReportCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<TestDatabase> m_db;
    QString m_config;
    std::string m_active;
    std::string m_withoutCurve;

    CliRun report(const QStringList& extra) const
    {
        return runSixbtc(QStringList{QStringLiteral("--config"), m_config, QStringLiteral("report")} + extra, m_env);
    }

    // Two ACTIVE strategies, one of them with a "full" run of 48 hourly equity points and 4 trades.
    void fill(Store& store)
    {
        for (const std::int64_t index : {1, 2}) {
            const NewStrategy s = sampleStrategy("MOM", index);
            auto& strategies = store.strategies();
            QVERIFY(strategies.insert(s).has_value());
            QVERIFY(strategies.transition(s.record.uuid, StrategyStatus::Validated, "").has_value());
            QVERIFY(strategies.transition(s.record.uuid, StrategyStatus::Active, "").has_value());
            QVERIFY(strategies.setScore(s.record.uuid, 50.0 + static_cast<double>(index)).has_value());
            BacktestRun run{0,        s.record.uuid,           "training", "1h", {"BTC"},           "{}",        "ds",
                            kStartMs, kStartMs + 48 * kHourMs, "test",     0,    BacktestMetrics{}, std::nullopt};
            QVERIFY(store.backtests().insertRun(run).has_value());
            if (index == 2) {
                m_withoutCurve = s.record.name;
                continue;
            }
            m_active = s.record.name;
            run.kind = "full";
            auto id = store.backtests().insertRun(run);
            QVERIFY(id.has_value());
            std::vector<EquityPoint> curve;
            for (int i = 0; i < 48; ++i)
                curve.push_back(EquityPoint{kStartMs + i * kHourMs, 10'000.0 + 50.0 * std::sin(i / 5.0) + i});
            QVERIFY(store.backtests().addEquityCurve(*id, curve).has_value());
            QVERIFY(store.backtests().addTrades(*id, std::vector<TradeRecord>(4)).has_value());
        }
    }

private slots:
    void initTestCase()
    {
        m_env = isolatedEnvironment(m_home.path());
        // The command chooses the offscreen platform itself when none is set (a headless server).
        m_env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        m_env.remove(QStringLiteral("DISPLAY"));
        m_env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        const ManualClock clock(kStartMs);
        m_db = std::make_unique<TestDatabase>(Backend::Sqlite, Start::Migrated);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        m_config = writeTestConfig(*m_db, {});
        QVERIFY(!m_config.isEmpty());
        auto store = m_db->open(clock);
        QVERIFY(store.has_value());
        fill(**store);
    }

    void writesTheFolderHeadless()
    {
        const QString out = m_home.path() + QStringLiteral("/reports/today");
        const CliRun run = report({QStringLiteral("--out"), out});
        QVERIFY2(!run.crashed && run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("wrote ") + out +
                              QStringLiteral("/index.html: 2 strategies in the pool (2 ACTIVE, 0 LIVE), 2 charts, "
                                             "1 ACTIVE without an equity curve\n"));
        QFile index(out + QStringLiteral("/index.html"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(index.readAll());
        QVERIFY(html.contains(QStringLiteral("no equity curve stored: run sixbtc backtest --strategy ") +
                              qs(m_withoutCurve)));
        QVERIFY(html.contains(QStringLiteral(": 4 trades, final equity ")));
        for (const char* kind : {"equity_", "drawdown_"}) {
            const QImage image(out + QLatin1Char('/') + QLatin1String(kind) + qs(m_active) + QStringLiteral(".png"));
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), QSize(960, 360));
        }
    }

    void outIsRequired()
    {
        const CliRun run = report({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--out DIR is required")), qPrintable(run.err));
    }

    void anUnusableFolderIsAnInputError()
    {
        const QString file = m_home.path() + QStringLiteral("/plain-file");
        std::ofstream(file.toStdString()) << "not a folder";
        const CliRun run = report({QStringLiteral("--out"), file + QStringLiteral("/report")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(
            run.err.contains(QStringLiteral("cannot create the report folder ") + file + QStringLiteral("/report")),
            qPrintable(run.err));
    }

    void aMissingDatabaseIsNotCreated()
    {
        QTemporaryDir empty;
        QVERIFY(QFile::copy(m_config, empty.path() + QStringLiteral("/config.yaml")));
        const CliRun run = runSixbtc({QStringLiteral("--config"), empty.path() + QStringLiteral("/config.yaml"),
                                      QStringLiteral("report"), QStringLiteral("--out"), empty.path()},
                                     m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("sixbtc db migrate")), qPrintable(run.err));
        QVERIFY(!QFile::exists(empty.path() + QStringLiteral("/sixbtc.db")));
        QVERIFY(!QFile::exists(empty.path() + QStringLiteral("/index.html")));
    }
};

QTEST_GUILESS_MAIN(TstReportCommand)
#include "tst_reportcommand.moc"
