// SPDX-License-Identifier: MIT
// GUI tests of the main window: menus, status bar and the About box, clicked through offscreen.
#include <QtTest>

#include <QDialogButtonBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>

#include "app/screenshot.h"
#include "common/buildinfo.h"
#include "windows/aboutdialog.h"
#include "windows/mainwindow.h"

using sixbtc::gui::AboutDialog;
using sixbtc::gui::MainWindow;

class TstMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Keep QSettings away from the user's real preferences.
        QStandardPaths::setTestModeEnabled(true);
    }

    void hasFileAndHelpMenusAndAStatusBar()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));
        auto* version = window.statusBar()->findChild<QLabel*>(QStringLiteral("versionLabel"));
        QVERIFY(version);
        QVERIFY(version->text().contains(QString::fromLatin1(sixbtc::common::buildinfo::version)));
    }

    void aboutActionOpensTheAboutBoxWithVersions()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* about = window.findChild<QAction*>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        about->trigger();

        auto* dialog = window.findChild<AboutDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString text = dialog->versionsText();
        QVERIFY(text.contains(QString::fromLatin1(sixbtc::common::buildinfo::version)));
        QVERIFY(text.contains(QString::fromLatin1(sixbtc::common::buildinfo::buildType)));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("yaml-cpp")));
        QVERIFY(text.contains(QStringLiteral("spdlog")));

        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
        QVERIFY(ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
    }

    void screenshotRendersEachViewAndRejectsUnknownOnes()
    {
        QTemporaryDir dir;
        for (const QString& view : {QStringLiteral("main"), QStringLiteral("about")}) {
            const QString out = dir.filePath(view + QStringLiteral(".png"));
            const auto saved = sixbtc::gui::renderScreenshot(view, out);
            QVERIFY(saved.has_value());
            const QImage image(out);
            QVERIFY(!image.isNull());
            QVERIFY(image.width() > 100 && image.height() > 100);
        }
        const auto unknown = sixbtc::gui::renderScreenshot(QStringLiteral("nope"), dir.filePath(QStringLiteral("x.png")));
        QVERIFY(!unknown.has_value());
        QVERIFY(unknown.error().contains(QStringLiteral("unknown view 'nope'")));
    }

    void quitActionClosesTheWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* quit = window.findChild<QAction*>(QStringLiteral("quitAction"));
        QVERIFY(quit);
        quit->trigger();
        QTRY_VERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
