// SPDX-License-Identifier: MIT
// GUI tests of the main window: menus, docks, saved layout, themes, emergency stop, About box, screenshots.
#include <QtTest>

#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include "app/composition.h"
#include "app/screenshot.h"
#include "app/theme.h"
#include "common/buildinfo.h"
#include "windows/aboutdialog.h"
#include "windows/mainwindow.h"

using sixbtc::gui::AboutDialog;
using sixbtc::gui::MainWindow;
using sixbtc::gui::Theme;

namespace {

/// The mean lightness of an image (0 black .. 255 white).
int meanLightness(const QImage& image)
{
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            sum += image.pixelColor(x, y).lightness();
            ++count;
        }
    }
    return count ? int(sum / count) : 0;
}

} // namespace

class TstMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    std::unique_ptr<MainWindow> newWindow()
    {
        auto window = std::make_unique<MainWindow>(*m_settings, sixbtc::gui::placeholderPanels());
        window->resize(1000, 700);
        window->show();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(window.get())); }();
        return window;
    }

private slots:
    void initTestCase()
    {
        // Keep QSettings away from the user's real preferences.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("gui.ini")));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("gui.ini")), QSettings::IniFormat);
    }

    void hasFileViewAndHelpMenusAndAStatusBar()
    {
        auto window = newWindow();
        QStringList titles;
        for (QAction* action : window->menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
        auto* version = window->statusBar()->findChild<QLabel*>(QStringLiteral("versionLabel"));
        QVERIFY(version);
        QVERIFY(version->text().contains(QString::fromLatin1(sixbtc::common::buildinfo::version)));
    }

    void composesTheThreeGivenPanelsInDocks()
    {
        auto* pool = new QLabel(QStringLiteral("pool"));
        auto* detail = new QLabel(QStringLiteral("detail"));
        auto* chart = new QLabel(QStringLiteral("chart"));
        MainWindow window(*m_settings, {pool, detail, chart});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.findChildren<QDockWidget*>().size(), 3);
        QCOMPARE(window.poolDock()->widget(), pool);
        QCOMPARE(window.detailDock()->widget(), detail);
        QCOMPARE(window.chartDock()->widget(), chart);
        for (QDockWidget* dock : {window.poolDock(), window.detailDock(), window.chartDock()})
            QVERIFY(dock->isVisible());
    }

    void viewMenuShowsAndHidesEachDock()
    {
        auto window = newWindow();
        auto* view = window->findChild<QMenu*>(QStringLiteral("viewMenu"));
        QVERIFY(view);
        for (QDockWidget* dock : {window->poolDock(), window->detailDock(), window->chartDock()}) {
            QAction* toggle = nullptr;
            for (QAction* action : view->actions()) {
                if (action->objectName() == dock->objectName() + QStringLiteral("Toggle"))
                    toggle = action;
            }
            QVERIFY2(toggle, qPrintable(dock->objectName()));
            QCOMPARE(toggle->text(), dock->windowTitle());
            QVERIFY(toggle->isChecked());
            toggle->trigger();
            QTRY_VERIFY(!dock->isVisible());
            QVERIFY(!toggle->isChecked());
            toggle->trigger();
            QTRY_VERIFY(dock->isVisible());
        }
    }

    void layoutRoundTripsThroughTheSettings()
    {
        {
            auto window = newWindow();
            QCOMPARE(window->dockWidgetArea(window->detailDock()), Qt::RightDockWidgetArea);
            window->addDockWidget(Qt::LeftDockWidgetArea, window->detailDock());
            window->chartDock()->hide();
            window->resize(900, 650);
            window->close(); // saves the layout
        }
        QVERIFY(m_settings->contains(QStringLiteral("mainWindow/state")));
        auto restored = std::make_unique<MainWindow>(*m_settings, sixbtc::gui::placeholderPanels());
        restored->show();
        QVERIFY(QTest::qWaitForWindowExposed(restored.get()));
        QCOMPARE(restored->dockWidgetArea(restored->detailDock()), Qt::LeftDockWidgetArea);
        QVERIFY(!restored->chartDock()->isVisible());
        QVERIFY(restored->poolDock()->isVisible());
        QCOMPARE(restored->size(), QSize(900, 650));

        init(); // fresh settings: the default layout
        auto fresh = newWindow();
        QVERIFY(!fresh->restoreLayout());
        QCOMPARE(fresh->dockWidgetArea(fresh->detailDock()), Qt::RightDockWidgetArea);
        QVERIFY(fresh->chartDock()->isVisible());
    }

    void themeSwitchChangesThePaletteAndIsRemembered()
    {
        auto window = newWindow();
        sixbtc::gui::wireThemes(*window, Theme::Dark);
        QCOMPARE(window->themeName(), QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);

        auto* light = window->findChild<QAction*>(QStringLiteral("lightThemeAction"));
        QVERIFY(light);
        light->trigger();
        QCOMPARE(sixbtc::gui::currentTheme(), Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 80);
        QCOMPARE(window->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
        QCOMPARE(m_settings->value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("light"));

        auto reopened = newWindow();
        QCOMPARE(reopened->themeName(), QStringLiteral("light"));
        window->findChild<QAction*>(QStringLiteral("darkThemeAction"))->trigger();
        QCOMPARE(sixbtc::gui::currentTheme(), Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    }

    void statusColoursDifferPerStatusAndTheme()
    {
        using sixbtc::storage::StrategyStatus;
        const StrategyStatus all[] = {StrategyStatus::Generated, StrategyStatus::Validated, StrategyStatus::Active,
                                      StrategyStatus::Live,      StrategyStatus::Rejected,  StrategyStatus::Retired};
        for (Theme theme : {Theme::Dark, Theme::Light}) {
            QSet<QRgb> colours;
            for (StrategyStatus status : all)
                colours.insert(sixbtc::gui::statusColour(theme, status).rgb());
            QCOMPARE(colours.size(), 6);
        }
        // Readable on the theme's base: light colours on dark, dark colours on light.
        QVERIFY(sixbtc::gui::statusColour(Theme::Dark, StrategyStatus::Active).lightness() > 110);
        QVERIFY(sixbtc::gui::statusColour(Theme::Light, StrategyStatus::Active).lightness() < 110);
    }

    void emergencyStopIsAlwaysVisibleDisabledAndRed()
    {
        auto window = newWindow();
        sixbtc::gui::wireThemes(*window, Theme::Light);
        auto* stop = window->findChild<QAction*>(QStringLiteral("emergencyStopAction"));
        QVERIFY(stop);
        QVERIFY(!stop->isEnabled());
        QCOMPARE(stop->text(), QStringLiteral("EMERGENCY STOP"));
        QCOMPARE(stop->toolTip(),
                 QStringLiteral("Wired to the live executor in a later release: no strategy trades live yet"));
        auto* button = window->findChild<QToolButton*>(QStringLiteral("emergencyStopButton"));
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QVERIFY(!button->isEnabled());
        QCOMPARE(button->toolTip(), stop->toolTip());

        // The toolbar cannot be hidden, moved or floated.
        auto* toolBar = window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(toolBar && !toolBar->isMovable() && !toolBar->isFloatable());
        QVERIFY(!toolBar->toggleViewAction()->isVisible());

        const QImage pixels = button->grab().toImage();
        const QColor centre = pixels.pixelColor(pixels.width() / 2, 3);
        QVERIFY2(centre.red() > 2 * centre.green() && centre.red() > 2 * centre.blue(), qPrintable(centre.name()));
    }

    void aboutActionOpensTheAboutBoxWithVersions()
    {
        auto window = newWindow();
        auto* about = window->findChild<QAction*>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        about->trigger();

        auto* dialog = window->findChild<AboutDialog*>();
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

    void screenshotRendersEachViewInEachThemeAndRejectsUnknownOnes()
    {
        QTemporaryDir dir;
        for (const QString& view : {QStringLiteral("main"), QStringLiteral("about")}) {
            QMap<Theme, int> lightness;
            for (Theme theme : {Theme::Dark, Theme::Light}) {
                const QString out = dir.filePath(view + sixbtc::gui::themeName(theme) + QStringLiteral(".png"));
                const auto saved = sixbtc::gui::renderScreenshot(view, out, theme);
                QVERIFY(saved.has_value());
                const QImage image(out);
                QVERIFY(!image.isNull());
                QVERIFY(image.width() > 100 && image.height() > 100);
                lightness.insert(theme, meanLightness(image));
            }
            QVERIFY2(
                lightness.value(Theme::Light) > lightness.value(Theme::Dark) + 60,
                qPrintable(
                    QStringLiteral("%1 vs %2").arg(lightness.value(Theme::Light)).arg(lightness.value(Theme::Dark))));
        }
        const auto unknown =
            sixbtc::gui::renderScreenshot(QStringLiteral("nope"), dir.filePath(QStringLiteral("x.png")), Theme::Dark);
        QVERIFY(!unknown.has_value());
        QVERIFY(unknown.error().contains(QStringLiteral("unknown view 'nope'")));
    }

    void quitActionClosesTheWindow()
    {
        auto window = newWindow();
        auto* quit = window->findChild<QAction*>(QStringLiteral("quitAction"));
        QVERIFY(quit);
        quit->trigger();
        QTRY_VERIFY(!window->isVisible());
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
