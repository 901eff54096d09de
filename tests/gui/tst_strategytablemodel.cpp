// SPDX-License-Identifier: MIT
// StrategyTableModel and StrategyFilterProxy over generated rows: model tester, paging, roles, filters, sorting.
#include <QtTest>

#include <QAbstractItemModelTester>

#include "fakestrategyrows.h"
#include "models/strategyfilterproxy.h"
#include "models/strategylabels.h"
#include "models/strategytablemodel.h"

using namespace sixbtc;
using gui::StrategyFilterProxy;
using gui::StrategyTableModel;
using gui::testing::GeneratedLoader;
using gui::testing::generatedRow;
using storage::GenerationMode;
using storage::StrategyStatus;
using M = StrategyTableModel;

namespace {

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

// A loader over explicit rows.
StrategyTableModel::Loader rowsLoader(std::vector<app::StrategyRow> rows)
{
    return [rows](std::int64_t offset, std::int64_t limit) -> common::Result<std::vector<app::StrategyRow>> {
        const auto first = std::min<std::size_t>(static_cast<std::size_t>(offset), rows.size());
        const auto last = std::min<std::size_t>(first + static_cast<std::size_t>(limit), rows.size());
        return std::vector<app::StrategyRow>(rows.begin() + first, rows.begin() + last);
    };
}

} // namespace

class TstStrategyTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void passesTheModelTesterWhileFetching()
    {
        M model(GeneratedLoader{120}, 50);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchAll();
        QCOMPARE(model.rowCount(), 120);
        app::StrategyRow changed = generatedRow(7);
        changed.status = StrategyStatus::Retired;
        QVERIFY(model.updateRow(changed));
    }

    void proxyPassesTheModelTesterWhileFilteringAndSorting()
    {
        M model(GeneratedLoader{120}, 50);
        StrategyFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(M::Score, Qt::DescendingOrder);
        model.fetchAll();
        proxy.setStatuses({StrategyStatus::Active, StrategyStatus::Rejected});
        proxy.setNameFilter(QStringLiteral("mom"));
        proxy.sort(M::Name, Qt::AscendingOrder);
        proxy.setStatuses({});
        proxy.setNameFilter({});
        QCOMPARE(proxy.rowCount(), 120);
    }

    void fetchesOnePageAtATime_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<int>>("rowsAfterEachFetch");
        QTest::addColumn<QList<qint64>>("offsets");
        QTest::newRow("partial last page") << 1200 << QList<int>{500, 1000, 1200} << QList<qint64>{0, 500, 1000};
        // An exact multiple needs one more, empty, page to know that the store has no more rows.
        QTest::newRow("exact multiple") << 1000 << QList<int>{500, 1000, 1000} << QList<qint64>{0, 500, 1000};
        QTest::newRow("empty store") << 0 << QList<int>{0} << QList<qint64>{0};
    }

    void fetchesOnePageAtATime()
    {
        QFETCH(int, count);
        QFETCH(QList<int>, rowsAfterEachFetch);
        QFETCH(QList<qint64>, offsets);
        GeneratedLoader loader{count};
        M model(loader, 500);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int rows : rowsAfterEachFetch) {
            QVERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QCOMPARE(model.rowCount(), rows);
        }
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(QList<qint64>(loader.offsets->begin(), loader.offsets->end()), offsets);
        QCOMPARE(inserted.count(), count == 0 ? 0 : (count + 499) / 500);
        if (count > 0)
            QCOMPARE(cell(model, count - 1, M::Name), QString::fromStdString(generatedRow(count - 1).name));
    }

    void aFailingLoaderStopsFetchingAndSaysWhy()
    {
        M model(
            [](std::int64_t, std::int64_t) -> common::Result<std::vector<app::StrategyRow>> {
                return common::fail(common::ErrorCode::Database, "disk gone");
            },
            10);
        QSignalSpy failed(&model, &M::loadFailed);
        model.fetchMore({});
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.front().front().toString().contains(QStringLiteral("disk gone")));
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 0);
    }

    void displayAndRawRoles()
    {
        app::StrategyRow row = generatedRow(1);
        row.status = StrategyStatus::Active;
        row.generationMode = GenerationMode::AiAssigned;
        row.timeframe = "4h";
        row.score = 73.26;
        storage::BacktestMetrics m;
        m.totalReturn = 0.1234;
        m.sharpe = 1.5;
        m.winRate = 0.55;
        m.expectancy = 0.00125;
        m.maxDrawdown = 0.2;
        m.nTrades = 42;
        m.edRatio = 0.00625;
        m.consistency = 0.8;
        row.training = m;
        app::StrategyRow bare = generatedRow(2);
        bare.score.reset();
        bare.training.reset();
        M model(rowsLoader({row, bare}), 10);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2);

        QCOMPARE(cell(model, 0, M::Name), QStringLiteral("Strategy_REV_00000001"));
        QCOMPARE(cell(model, 0, M::Type), QStringLiteral("REV"));
        QCOMPARE(cell(model, 0, M::Timeframe), QStringLiteral("4h"));
        QCOMPARE(cell(model, 0, M::Status), QStringLiteral("Active"));
        QCOMPARE(cell(model, 0, M::Mode), QStringLiteral("AI assigned"));
        QCOMPARE(cell(model, 0, M::Score), QStringLiteral("73.3"));
        QCOMPARE(cell(model, 0, M::Return), QStringLiteral("12.34 %"));
        QCOMPARE(cell(model, 0, M::Sharpe), QStringLiteral("1.50"));
        QCOMPARE(cell(model, 0, M::WinRate), QStringLiteral("55.0 %"));
        QCOMPARE(cell(model, 0, M::Expectancy), QStringLiteral("0.125 %"));
        QCOMPARE(cell(model, 0, M::MaxDrawdown), QStringLiteral("20.00 %"));
        QCOMPARE(cell(model, 0, M::Trades), QStringLiteral("42"));
        QCOMPARE(cell(model, 0, M::EdRatio), QStringLiteral("0.006"));
        QCOMPARE(cell(model, 0, M::Consistency), QStringLiteral("80.0 %"));

        const QModelIndex first = model.index(0, M::Return);
        QCOMPARE(first.data(M::SortRole).toDouble(), 0.1234);
        QCOMPARE(model.index(0, M::Trades).data(M::SortRole).toLongLong(), 42);
        QCOMPARE(model.index(0, M::Timeframe).data(M::SortRole).toLongLong(), 4 * 3'600'000);
        QCOMPARE(model.index(0, M::Status).data(M::SortRole).toInt(), int(StrategyStatus::Active));
        QCOMPARE(first.data(M::UuidRole).toString(), QString::fromStdString(row.uuid));
        QCOMPARE(first.data(M::StatusRole).toInt(), int(StrategyStatus::Active));
        QCOMPARE(first.data(M::ModeRole).toInt(), int(GenerationMode::AiAssigned));
        QCOMPARE(first.data(M::TimeframeRole).toString(), QStringLiteral("4h"));
        QCOMPARE(first.data(M::TypeRole).toString(), QStringLiteral("REV"));
        QCOMPARE(first.data(M::ScoreRole).toDouble(), 73.26);

        // No score, no training run: empty cells and invalid raw values.
        QCOMPARE(cell(model, 1, M::Score), QString());
        QCOMPARE(cell(model, 1, M::Sharpe), QString());
        QVERIFY(!model.index(1, M::Score).data(M::SortRole).isValid());
        QVERIFY(!model.index(1, M::Sharpe).data(M::SortRole).isValid());
        QVERIFY(!model.index(1, M::Name).data(M::ScoreRole).isValid());
    }

    void statusIsColoured()
    {
        M model(GeneratedLoader{6}, 10);
        model.fetchMore({});
        for (int row = 0; row < 6; ++row) {
            const auto status = static_cast<StrategyStatus>(row);
            const QColor expected = gui::StrategyLabels::statusColor(status);
            QCOMPARE(model.index(row, M::Status).data(Qt::ForegroundRole).value<QColor>(), expected);
            QCOMPARE(model.index(row, M::Status).data(Qt::DecorationRole).value<QColor>(), expected);
            QVERIFY(!model.index(row, M::Name).data(Qt::ForegroundRole).isValid());
        }
        QSet<QRgb> distinct;
        for (int row = 0; row < 6; ++row)
            distinct.insert(gui::StrategyLabels::statusColor(static_cast<StrategyStatus>(row)).rgb());
        QCOMPARE(distinct.size(), 6);
    }

    void updateRowRefreshesOneLoadedRow()
    {
        M model(GeneratedLoader{30}, 10);
        model.fetchMore({});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        app::StrategyRow row = generatedRow(4);
        row.status = StrategyStatus::Retired;
        row.score = 99.94;
        QVERIFY(model.updateRow(row));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.front().at(0).toModelIndex(), model.index(4, 0));
        QCOMPARE(changed.front().at(1).toModelIndex(), model.index(4, M::ColumnCount - 1));
        QCOMPARE(cell(model, 4, M::Status), QStringLiteral("Retired"));
        QCOMPARE(cell(model, 4, M::Score), QStringLiteral("99.9"));
        QCOMPARE(model.rowAt(4).status, StrategyStatus::Retired);
        // Row 20 is not loaded yet: nothing to refresh.
        QVERIFY(!model.updateRow(generatedRow(20)));
        QCOMPARE(changed.count(), 1);
    }

    void distinctTimeframesShortestFirstAndTypesSorted()
    {
        M model(GeneratedLoader{12}, 3);
        QSignalSpy values(&model, &M::valuesChanged);
        model.fetchMore({});
        QCOMPARE(model.timeframes(), (QStringList{QStringLiteral("5m"), QStringLiteral("15m"), QStringLiteral("1h")}));
        QCOMPARE(model.types(), (QStringList{QStringLiteral("MOM"), QStringLiteral("REV"), QStringLiteral("TRN")}));
        QCOMPARE(values.count(), 1);
        model.fetchMore({});
        QCOMPARE(model.types().front(), QStringLiteral("BRK"));
        QCOMPARE(values.count(), 2);
        model.fetchMore({});
        QCOMPARE(values.count(), 2);
    }

    void proxyFiltersEachCriterion()
    {
        M model(GeneratedLoader{240}, 500);
        model.fetchAll();
        StrategyFilterProxy proxy;
        proxy.setSourceModel(&model);
        const auto all = [&proxy](int role, const QVariant& expected) {
            for (int row = 0; row < proxy.rowCount(); ++row) {
                if (proxy.index(row, 0).data(role) != expected)
                    return false;
            }
            return true;
        };
        proxy.setStatuses({StrategyStatus::Active});
        QCOMPARE(proxy.rowCount(), 40);
        QVERIFY(all(M::StatusRole, int(StrategyStatus::Active)));
        proxy.setStatuses({StrategyStatus::Active, StrategyStatus::Live});
        QCOMPARE(proxy.rowCount(), 80);
        // i % 6 in {2, 3} and i % 3 == 0 (5m): i % 6 == 3 only.
        proxy.setTimeframes({QStringLiteral("5m")});
        QCOMPARE(proxy.rowCount(), 40);
        QVERIFY(all(M::StatusRole, int(StrategyStatus::Live)));
        proxy.setStatuses({});
        proxy.setTimeframes({});
        proxy.setTypes({QStringLiteral("TRN")});
        proxy.setModes({GenerationMode::AiAssigned});
        QCOMPARE(proxy.rowCount(), 60);
        proxy.setModes({GenerationMode::Pattern});
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setTypes({});
        proxy.setModes({});
        proxy.setNameFilter(QStringLiteral("strategy_mom_0000000"));
        QCOMPARE(proxy.rowCount(), 4); // 0, 4, 8, c
        proxy.setNameFilter({});

        proxy.setMinimumScore(50.0);
        int expected = 0;
        for (int i = 0; i < 240; ++i) {
            const auto score = generatedRow(i).score;
            expected += score && *score >= 50.0 ? 1 : 0;
        }
        QCOMPARE(proxy.rowCount(), expected);
        QVERIFY(expected > 0 && expected < 240);
        proxy.setMinimumScore(std::nullopt);
        QCOMPARE(proxy.rowCount(), 240);

        // All at once: ACTIVE (i % 6 == 2) on 15m (i % 3 == 2, implied) named *MOM* (i % 4 == 0): i % 12 == 8.
        StrategyFilterProxy::Criteria criteria;
        criteria.statuses = {StrategyStatus::Active};
        criteria.timeframes = {QStringLiteral("15m")};
        criteria.name = QStringLiteral("MoM");
        proxy.setCriteria(criteria);
        QCOMPARE(proxy.rowCount(), 20);
        QVERIFY(all(M::TypeRole, QStringLiteral("MOM")));
        proxy.setCriteria({});
        QCOMPARE(proxy.rowCount(), 240);
    }

    void proxySortsByRawValues()
    {
        M model(GeneratedLoader{100}, 500);
        model.fetchAll();
        StrategyFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(M::Score, Qt::AscendingOrder);
        double previous = -1.0;
        int scored = 0;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QVariant score = proxy.index(row, M::Score).data(M::SortRole);
            if (!score.isValid())
                break;
            QVERIFY(score.toDouble() >= previous);
            previous = score.toDouble();
            ++scored;
        }
        QCOMPARE(scored, 80); // the 20 rows without a score sort last
        proxy.sort(M::Score, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, M::Score).data(M::SortRole).toDouble(), previous);
        QVERIFY(proxy.index(79, M::Score).data(M::SortRole).isValid());
        QVERIFY(!proxy.index(80, M::Score).data(M::SortRole).isValid());
        proxy.sort(M::Timeframe, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, M::Timeframe).data().toString(), QStringLiteral("5m"));
        QCOMPARE(proxy.index(99, M::Timeframe).data().toString(), QStringLiteral("1h"));
        proxy.sort(M::Trades, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, M::Trades).data(M::SortRole).toLongLong(), 297); // max of (3i) % 500 for i < 100
    }
};

QTEST_MAIN(TstStrategyTableModel)
#include "tst_strategytablemodel.moc"
