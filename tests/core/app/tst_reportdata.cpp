// SPDX-License-Identifier: MIT
// loadReportData on a SQLite store: pool order, the latest runs, missing runs, drawdown, storage errors returned.
#include <QtTest>

#include "app/reportdata.h"
#include "storage/api/sqlrow.h"
#include "storagetestenv.h"

using namespace sixbtc;
using storage::BacktestMetrics;
using storage::BacktestRun;
using storage::EquityPoint;
using storage::StrategyStatus;
using storage::testing::Backend;
using storage::testing::ManualClock;
using storage::testing::sampleStrategy;
using storage::testing::Start;
using storage::testing::TestDatabase;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

constexpr std::int64_t kStartMs = 1'760'000'000'000;
constexpr std::int64_t kDayMs = 86'400'000;

BacktestMetrics metrics(double sharpe, std::int64_t trades)
{
    BacktestMetrics m;
    m.sharpe = sharpe;
    m.totalReturn = sharpe / 10.0;
    m.nTrades = trades;
    return m;
}

BacktestRun run(const std::string& uuid, const std::string& kind, const BacktestMetrics& m)
{
    BacktestRun r;
    r.strategyUuid = uuid;
    r.kind = kind;
    r.timeframe = "1h";
    r.symbols = {"BTC"};
    r.parametersJson = "{}";
    r.datasetHash = "ds";
    r.dataStartMs = kStartMs;
    r.dataEndMs = kStartMs + 10 * kDayMs;
    r.engineVersion = "test";
    r.metrics = m;
    return r;
}

std::vector<EquityPoint> curve(const std::vector<double>& values)
{
    std::vector<EquityPoint> points;
    for (std::size_t i = 0; i < values.size(); ++i)
        points.push_back(EquityPoint{kStartMs + static_cast<std::int64_t>(i) * kDayMs, values[i]});
    return points;
}

} // namespace

class TstReportData : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kStartMs};
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<storage::Store> m_store;

    storage::Store& store() { return *m_store; }

    /// Stores sampleStrategy(type, index), moves it to `status` and gives it `score` and a training run.
    std::string addStrategy(const std::string& type, std::int64_t index, StrategyStatus status,
                            std::optional<double> score, bool withTraining = true)
    {
        const storage::NewStrategy s = sampleStrategy(type, index);
        const std::string& uuid = s.record.uuid;
        auto& strategies = store().strategies();
        bool ok = strategies.insert(s).has_value();
        if (status == StrategyStatus::Rejected) {
            ok = ok && strategies.transition(uuid, StrategyStatus::Rejected, "below the thresholds").has_value();
        } else {
            ok = ok && strategies.transition(uuid, StrategyStatus::Validated, "").has_value();
            ok = ok && strategies.transition(uuid, StrategyStatus::Active, "").has_value();
            if (status == StrategyStatus::Live)
                ok = ok && strategies.transition(uuid, StrategyStatus::Live, "deployed").has_value();
        }
        if (score)
            ok = ok && strategies.setScore(uuid, *score).has_value();
        if (withTraining)
            ok = ok && store().backtests().insertRun(run(uuid, "training", metrics(index, index * 10))).has_value();
        if (!ok)
            qFatal("cannot store the strategy %s", s.record.name.c_str());
        return s.record.name;
    }

    std::string uuidOf(const std::string& type, std::int64_t index) { return sampleStrategy(type, index).record.uuid; }

    std::int64_t addRun(const std::string& uuid, const std::string& kind, double sharpe)
    {
        auto id = store().backtests().insertRun(run(uuid, kind, metrics(sharpe, 1)));
        if (!id)
            qFatal("cannot store a run: %s", id.error().message.c_str());
        m_clock.advance(1000);
        return *id;
    }

    void addVerdict(const std::string& uuid, const std::string& check, bool passed, const std::string& figures)
    {
        storage::ValidationVerdict v;
        v.strategyUuid = uuid;
        v.check = check;
        v.passed = passed;
        v.figuresJson = figures;
        if (!store().strategies().addVerdict(v))
            qFatal("cannot store a verdict");
    }

private slots:
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

    void drawdownSeriesFollowsTheRunningPeak_data()
    {
        QTest::addColumn<std::vector<double>>("equity");
        QTest::addColumn<std::vector<double>>("expected");
        QTest::newRow("empty") << std::vector<double>{} << std::vector<double>{};
        QTest::newRow("rising") << std::vector<double>{100, 101, 105} << std::vector<double>{0, 0, 0};
        // Peaks 100, 110, 110, 121, 121: 1 - 99/110 = 0.1, 1 - 60.5/121 = 0.5.
        QTest::newRow("two troughs") << std::vector<double>{100, 110, 99, 121, 60.5}
                                     << std::vector<double>{0, 0, 0.1, 0, 0.5};
        // The first point is the first peak even when the curve only falls: 1 - 75/100, 1 - 50/100.
        QTest::newRow("falling") << std::vector<double>{100, 75, 50} << std::vector<double>{0, 0.25, 0.5};
        // A return to the old peak is no drawdown; zero equity is a full one.
        QTest::newRow("recovery and ruin")
            << std::vector<double>{200, 150, 200, 0} << std::vector<double>{0, 0.25, 0, 1};
    }

    void drawdownSeriesFollowsTheRunningPeak()
    {
        QFETCH(std::vector<double>, equity);
        QFETCH(std::vector<double>, expected);
        auto drawdown = app::drawdownSeries(curve(equity));
        SIXBTC_VERIFY_OK(drawdown);
        QCOMPARE(drawdown->size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(std::abs((*drawdown)[i] - expected[i]) < 1e-15, qPrintable(QString::number(i)));
    }

    void drawdownSeriesRefusesACurveWithoutAPositivePeak()
    {
        QVERIFY(!app::drawdownSeries(curve({0.0, 10.0})).has_value());
        QVERIFY(!app::drawdownSeries(curve({-5.0, -1.0})).has_value());
        const auto nonFinite = app::drawdownSeries(curve({100.0, std::nan("")}));
        QVERIFY(!nonFinite.has_value());
        QVERIFY(nonFinite.error().message.find("point 1") != std::string::npos);
    }

    void poolHoldsActiveAndLiveByDescendingScoreThenName()
    {
        addStrategy("MOM", 1, StrategyStatus::Active, 55.0);
        addStrategy("REV", 2, StrategyStatus::Active, 70.0);
        addStrategy("MOM", 3, StrategyStatus::Live, 70.0);
        addStrategy("TRN", 4, StrategyStatus::Rejected, 99.0);
        addStrategy("BRE", 5, StrategyStatus::Active, 80.5);
        addStrategy("VOL", 6, StrategyStatus::Active, std::nullopt);
        auto data = app::loadReportData(store());
        SIXBTC_VERIFY_OK(data);
        QStringList names;
        for (const auto& row : data->pool)
            names << QString::fromStdString(row.name);
        // 80.5, then the tie at 70 by name (MOM < REV), then 55, then the one without a score.
        QCOMPARE(names, (QStringList{QStringLiteral("Strategy_BRE_00000005"), QStringLiteral("Strategy_MOM_00000003"),
                                     QStringLiteral("Strategy_REV_00000002"), QStringLiteral("Strategy_MOM_00000001"),
                                     QStringLiteral("Strategy_VOL_00000006")}));
        QCOMPARE(data->pool[1].status, StrategyStatus::Live);
        QCOMPARE(data->pool[0].score, std::optional<double>(80.5));
        QCOMPARE(data->pool[0].training.sharpe, 5.0);
        QCOMPARE(data->pool[0].training.nTrades, 50);
        QCOMPARE(data->pool[0].type, std::string("BRE"));
        QCOMPARE(data->pool[0].symbols, (std::vector<std::string>{"BTC", "ETH"}));
        // The ACTIVE ones only, in pool order.
        QStringList active;
        for (const auto& s : data->active)
            active << QString::fromStdString(s.name);
        QCOMPARE(active,
                 (QStringList{QStringLiteral("Strategy_BRE_00000005"), QStringLiteral("Strategy_REV_00000002"),
                              QStringLiteral("Strategy_MOM_00000001"), QStringLiteral("Strategy_VOL_00000006")}));
    }

    void anEmptyStoreGivesAnEmptyReport()
    {
        addStrategy("TRN", 1, StrategyStatus::Rejected, 10.0, false);
        auto data = app::loadReportData(store());
        SIXBTC_VERIFY_OK(data);
        QVERIFY(data->pool.empty());
        QVERIFY(data->active.empty());
    }

    void missingRunsLeaveTheirPartsEmpty()
    {
        addStrategy("MOM", 1, StrategyStatus::Active, 60.0);
        auto data = app::loadReportData(store());
        SIXBTC_VERIFY_OK(data);
        QCOMPARE(data->pool.size(), std::size_t(1));
        QVERIFY(!data->pool[0].holdout.has_value());
        QCOMPARE(data->active.size(), std::size_t(1));
        QVERIFY(!data->active[0].curve.has_value());
        QVERIFY(data->active[0].windows.empty());
        QVERIFY(data->active[0].verdicts.empty());
    }

    void aPoolStrategyWithoutTrainingRunIsAnError()
    {
        const std::string name = addStrategy("MOM", 1, StrategyStatus::Active, 60.0, false);
        auto data = app::loadReportData(store());
        QVERIFY(!data.has_value());
        QCOMPARE(data.error().code, common::ErrorCode::Database);
        QVERIFY(data.error().message.find(name) != std::string::npos);
    }

    void theLatestRunsWindowsAndVerdictsAreShown()
    {
        addStrategy("MOM", 1, StrategyStatus::Active, 60.0);
        const std::string uuid = uuidOf("MOM", 1);
        addRun(uuid, "holdout", 1.0);
        addRun(uuid, "holdout", 2.5);
        const std::int64_t oldFull = addRun(uuid, "full", 1.0);
        const std::int64_t newFull = addRun(uuid, "full", 2.0);
        auto& backtests = store().backtests();
        const auto oldCurve = backtests.addEquityCurve(oldFull, curve({100, 50}));
        SIXBTC_VERIFY_OK(oldCurve);
        const auto equity = curve({10'000, 11'000, 9'900, 12'100, 11'495});
        const auto newCurve = backtests.addEquityCurve(newFull, equity);
        SIXBTC_VERIFY_OK(newCurve);
        std::vector<storage::TradeRecord> trades(3);
        for (auto& t : trades)
            t.symbol = "BTC";
        const auto tradesAdded = backtests.addTrades(newFull, trades);
        SIXBTC_VERIFY_OK(tradesAdded);
        const std::int64_t oldWf = addRun(uuid, "walk_forward", 1.0);
        const std::int64_t newWf = addRun(uuid, "walk_forward", 1.0);
        storage::WalkForwardWindow w;
        w.parametersJson = R"({"sl_pct":0.02})";
        const auto oldWindows = backtests.addWalkForwardWindows(oldWf, {w});
        SIXBTC_VERIFY_OK(oldWindows);
        w.index = 1;
        storage::WalkForwardWindow w2 = w;
        w2.index = 2;
        w2.outOfSample.sharpe = 1.25;
        const auto newWindows = backtests.addWalkForwardWindows(newWf, {w, w2});
        SIXBTC_VERIFY_OK(newWindows);
        addVerdict(uuid, "score_threshold", true, R"({"score":60})");
        addVerdict(uuid, "walk_forward", false, R"({"stable":false})");
        addVerdict(uuid, "dsr", true, R"({"dsr":0.97})");
        addVerdict(uuid, "walk_forward", true, R"({"stable":true})");

        auto data = app::loadReportData(store());
        SIXBTC_VERIFY_OK(data);
        QCOMPARE(data->pool[0].holdout->sharpe, 2.5);
        const app::ReportStrategy& s = data->active.at(0);
        QVERIFY(s.curve.has_value());
        QCOMPARE(s.curve->runId, newFull);
        QCOMPARE(s.curve->equity, equity);
        QCOMPARE(s.curve->tradeCount, std::int64_t(3));
        // Peaks 10000, 11000, 11000, 12100, 12100: 1 - 9900/11000 = 0.1, 1 - 11495/12100 = 0.05.
        QCOMPARE(s.curve->drawdown.size(), std::size_t(5));
        QCOMPARE(s.curve->drawdown[0], 0.0);
        QVERIFY(std::abs(s.curve->drawdown[2] - 0.1) < 1e-15);
        QCOMPARE(s.curve->drawdown[3], 0.0);
        QVERIFY(std::abs(s.curve->drawdown[4] - 0.05) < 1e-15);
        QCOMPARE(s.windows.size(), std::size_t(2));
        QCOMPARE(s.windows[1].outOfSample.sharpe, 1.25);
        // One verdict per check, the latest, in the order the checks first appeared.
        QCOMPARE(s.verdicts.size(), std::size_t(3));
        QCOMPARE(s.verdicts[0].check, std::string("score_threshold"));
        QCOMPARE(s.verdicts[1].check, std::string("walk_forward"));
        QVERIFY(s.verdicts[1].passed);
        QCOMPARE(s.verdicts[1].figuresJson, std::string(R"({"stable":true})"));
        QCOMPARE(s.verdicts[2].check, std::string("dsr"));
    }

    void aCurveWithoutPositivePeakIsAnErrorNamingTheStrategy()
    {
        const std::string name = addStrategy("MOM", 1, StrategyStatus::Active, 60.0);
        const std::int64_t full = addRun(uuidOf("MOM", 1), "full", 1.0);
        const auto added = store().backtests().addEquityCurve(full, curve({0.0, 1.0}));
        SIXBTC_VERIFY_OK(added);
        auto data = app::loadReportData(store());
        QVERIFY(!data.has_value());
        QVERIFY(data.error().message.find(name) != std::string::npos);
    }

    void aStorageErrorIsReturned()
    {
        addStrategy("MOM", 1, StrategyStatus::Active, 60.0);
        addRun(uuidOf("MOM", 1), "full", 1.0);
        auto sql = m_db->connect();
        SIXBTC_VERIFY_OK(sql);
        auto dropped = (*sql)->execute("DROP TABLE equity_points", {});
        SIXBTC_VERIFY_OK(dropped);
        auto data = app::loadReportData(store());
        QVERIFY(!data.has_value());
        QCOMPARE(data.error().code, common::ErrorCode::Database);
    }
};

QTEST_GUILESS_MAIN(TstReportData)
#include "tst_reportdata.moc"
