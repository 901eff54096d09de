// SPDX-License-Identifier: MIT
// GUI tests of the pool browser, offscreen: filter by typing and by combo, sort by header clicks, open by
// double-click, context-menu actions per status, copy code.
#include <QtTest>

#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>

#include "fakestrategyrows.h"
#include "models/strategyfilterproxy.h"
#include "views/poolview.h"

using namespace sixbtc;
using gui::PoolView;
using gui::StrategyTableModel;
using gui::testing::GeneratedLoader;
using gui::testing::generatedRow;
using storage::StrategyStatus;
using M = StrategyTableModel;
using Action = PoolView::PoolAction;

namespace {

constexpr int kRows = 60;
const std::string kMissingCode = generatedRow(5).uuid;

common::Result<std::string> lookupCode(const std::string& uuid)
{
    if (uuid == kMissingCode)
        return common::fail(common::ErrorCode::Input, "no strategy with UUID " + uuid);
    return "entry: rsi(14) < 30 # " + uuid + "\n";
}

QString uuidOf(int i)
{
    return QString::fromStdString(generatedRow(i).uuid);
}

} // namespace

class TstPoolView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PoolView> m_view;

    QTableView* table() { return m_view->table(); }
    QAbstractItemModel* shown() { return table()->model(); }

    void clickHeader(int section)
    {
        QHeaderView* header = table()->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    }

    // Opens the context menu on proxy row `row` the way a right click does.
    QMenu* openMenu(int row)
    {
        const QPoint at = table()->visualRect(shown()->index(row, M::Name)).center();
        emit table()->customContextMenuRequested(at);
        // Closed menus are deleted later: the newest child is the one just opened.
        const auto menus = m_view->findChildren<QMenu*>(QStringLiteral("poolContextMenu"));
        return menus.isEmpty() ? nullptr : menus.back();
    }

    QAction* menuAction(QMenu* menu, const char* name) { return menu->findChild<QAction*>(QString::fromLatin1(name)); }

private slots:
    void init()
    {
        m_view = std::make_unique<PoolView>(GeneratedLoader{kRows}, 500, lookupCode);
        m_view->resize(1400, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        // The table fetches the first page by itself once it is shown.
        QTRY_COMPARE(m_view->model()->rowCount(), kRows);
    }
    void cleanup() { m_view.reset(); }

    void typingInTheFilterNarrowsTheRows()
    {
        auto* filter = m_view->findChild<QLineEdit*>(QStringLiteral("nameFilter"));
        QVERIFY(filter);
        QVERIFY(!filter->placeholderText().isEmpty());
        QTest::keyClicks(filter, QStringLiteral("mom_0000000"));
        // MOM is every fourth row; one hex digit after seven zeros: rows 0, 4, 8 and 12.
        QCOMPARE(shown()->rowCount(), 4);
        QStringList names;
        for (int row = 0; row < 4; ++row)
            names << shown()->index(row, M::Name).data().toString();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Strategy_MOM_00000000"), QStringLiteral("Strategy_MOM_00000004"),
                              QStringLiteral("Strategy_MOM_00000008"), QStringLiteral("Strategy_MOM_0000000c")}));
        QCOMPARE(m_view->findChild<QLabel*>(QStringLiteral("poolCounts"))->text(),
                 QStringLiteral("4 shown of 60 loaded"));
        filter->clear();
        QCOMPARE(shown()->rowCount(), kRows);
    }

    void comboBoxesFilterByStatusAndTimeframe()
    {
        auto* status = m_view->findChild<QComboBox*>(QStringLiteral("statusFilter"));
        auto* timeframe = m_view->findChild<QComboBox*>(QStringLiteral("timeframeFilter"));
        QVERIFY(status && timeframe);
        status->setCurrentIndex(status->findText(QStringLiteral("Active")));
        QCOMPARE(shown()->rowCount(), 10);
        for (int row = 0; row < shown()->rowCount(); ++row)
            QCOMPARE(shown()->index(row, M::Status).data(M::StatusRole).toInt(), int(StrategyStatus::Active));
        // Timeframes come from the loaded rows, shortest first. Active is i % 6 == 2, so i % 3 == 2: 15m only.
        QCOMPARE(timeframe->count(), 4);
        QCOMPARE(timeframe->itemText(1), QStringLiteral("5m"));
        timeframe->setCurrentIndex(timeframe->findText(QStringLiteral("15m")));
        QCOMPARE(shown()->rowCount(), 10);
        timeframe->setCurrentIndex(timeframe->findText(QStringLiteral("1h")));
        QCOMPARE(shown()->rowCount(), 0);
        status->setCurrentIndex(0);
        QCOMPARE(shown()->rowCount(), 20);
    }

    void clickingAHeaderTwiceFlipsTheOrder()
    {
        double highest = 0.0;
        double lowest = 100.0;
        for (int i = 0; i < kRows; ++i) {
            if (const auto score = generatedRow(i).score) {
                highest = std::max(highest, *score);
                lowest = std::min(lowest, *score);
            }
        }
        clickHeader(M::Score);
        QCOMPARE(table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(shown()->index(0, M::Score).data(M::SortRole).toDouble(), highest);
        clickHeader(M::Score);
        QCOMPARE(table()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(shown()->index(0, M::Score).data(M::SortRole).toDouble(), lowest);
        // Unscored rows stay last either way.
        QVERIFY(!shown()->index(kRows - 1, M::Score).data(M::SortRole).isValid());

        clickHeader(M::Name);
        QCOMPARE(shown()->index(0, M::Name).data().toString(), QStringLiteral("Strategy_BRK_00000003"));
        clickHeader(M::Name);
        QCOMPARE(shown()->index(0, M::Name).data().toString(), QStringLiteral("Strategy_TRN_0000003a"));
    }

    void doubleClickOpensTheStrategy()
    {
        QSignalSpy opened(m_view.get(), &PoolView::strategyOpened);
        const QPoint at = table()->visualRect(shown()->index(3, M::Type)).center();
        // A real double click: press and release, then the double-click press and its release.
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.front().front().toString(), uuidOf(3));
    }

    void contextMenuOffersTheActionsOfTheStatus_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QList<bool>>("enabled"); // backtest again, optimise, validate, retire
        QTest::newRow("generated") << 0 << QList<bool>{true, false, true, false};
        QTest::newRow("validated") << 1 << QList<bool>{true, true, false, false};
        QTest::newRow("active") << 2 << QList<bool>{true, false, false, true};
        QTest::newRow("live") << 3 << QList<bool>{true, false, false, false};
        QTest::newRow("rejected") << 4 << QList<bool>{true, false, false, false};
        QTest::newRow("retired") << 5 << QList<bool>{true, false, false, false};
    }

    void contextMenuOffersTheActionsOfTheStatus()
    {
        QFETCH(int, row);
        QFETCH(QList<bool>, enabled);
        QMenu* menu = openMenu(row);
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        const char* names[] = {"backtestAgainAction", "optimiseAction", "validateAction", "retireAction"};
        for (int i = 0; i < 4; ++i) {
            QAction* action = menuAction(menu, names[i]);
            QVERIFY2(action, names[i]);
            QCOMPARE(action->isEnabled(), enabled[i]);
        }
        QVERIFY(menuAction(menu, "copyCodeAction")->isEnabled());
        menu->close();
    }

    void triggeringAnActionRequestsItWithTheUuid()
    {
        QSignalSpy requested(m_view.get(), &PoolView::actionRequested);
        QMenu* menu = openMenu(2);
        QVERIFY(menu);
        menuAction(menu, "retireAction")->trigger();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.front().at(0).value<Action>(), Action::Retire);
        QCOMPARE(requested.front().at(1).toString(), uuidOf(2));
        menu->close();

        menu = openMenu(7);
        menuAction(menu, "backtestAgainAction")->trigger();
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.back().at(0).value<Action>(), Action::BacktestAgain);
        QCOMPARE(requested.back().at(1).toString(), uuidOf(7));
        menu->close();
    }

    void copyCodeLandsInTheClipboard()
    {
        QGuiApplication::clipboard()->clear();
        QSignalSpy requested(m_view.get(), &PoolView::actionRequested);
        QSignalSpy failed(m_view.get(), &PoolView::failed);
        QMenu* menu = openMenu(4);
        menuAction(menu, "copyCodeAction")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("entry: rsi(14) < 30 # ") + uuidOf(4) + QStringLiteral("\n"));
        QCOMPARE(requested.count(), 0);
        QCOMPARE(failed.count(), 0);
        menu->close();

        menu = openMenu(5);
        menuAction(menu, "copyCodeAction")->trigger();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.front().front().toString().contains(uuidOf(5)));
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("entry: rsi(14) < 30 # ") + uuidOf(4) + QStringLiteral("\n"));
        menu->close();
    }

    void updatedRowShowsItsNewStatus()
    {
        app::StrategyRow row = generatedRow(2);
        row.status = StrategyStatus::Retired;
        QVERIFY(m_view->model()->updateRow(row));
        QCOMPARE(shown()->index(2, M::Status).data().toString(), QStringLiteral("Retired"));
        QMenu* menu = openMenu(2);
        QVERIFY(!menuAction(menu, "retireAction")->isEnabled());
        menu->close();
    }
};

QTEST_MAIN(TstPoolView)
#include "tst_poolview.moc"
