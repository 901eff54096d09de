// SPDX-License-Identifier: MIT
// MainWindow: menus, emergency-stop toolbar, three dock panels, status bar, saved layout.
#include "windows/mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include "common/buildinfo.h"
#include "windows/aboutdialog.h"

namespace sixbtc::gui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kThemeKey = QStringLiteral("appearance/theme");
// Bumped when the set of docks changes, so an old saved state is not applied to a different layout.
constexpr int kLayoutVersion = 1;
// The size of a window without a saved layout.
constexpr QSize kDefaultSize(1280, 800);

} // namespace

MainWindow::MainWindow(QSettings& settings, const MainWindowPanels& panels, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("SixBTC Workbench"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);

    m_poolDock = addPanel(QStringLiteral("poolDock"), tr("Strategy pool"), panels.pool, Qt::LeftDockWidgetArea);
    m_detailDock =
        addPanel(QStringLiteral("detailDock"), tr("Strategy detail"), panels.detail, Qt::RightDockWidgetArea);
    m_chartDock = addPanel(QStringLiteral("chartDock"), tr("Charts"), panels.chart, Qt::RightDockWidgetArea);
    // No central widget: the docks share the window. The pool spans the full height on the left, the detail and the
    // charts are stacked on the right.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    splitDockWidget(m_detailDock, m_chartDock, Qt::Vertical);
    resize(kDefaultSize);
    resizeDocks({m_poolDock, m_detailDock}, {kDefaultSize.width() * 2 / 5, kDefaultSize.width() * 3 / 5},
                Qt::Horizontal);
    resizeDocks({m_detailDock, m_chartDock}, {kDefaultSize.height() * 2 / 5, kDefaultSize.height() * 3 / 5},
                Qt::Vertical);

    createToolBar();
    createMenus();

    auto* version = new QLabel(tr("SixBTC %1").arg(QString::fromLatin1(common::buildinfo::version)), this);
    version->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addPermanentWidget(version);
    statusBar()->showMessage(tr("Ready"));
    setThemeName(m_settings.value(kThemeKey, QStringLiteral("dark")).toString());
    restoreLayout();
}

QDockWidget* MainWindow::addPanel(const QString& objectName, const QString& title, QWidget* content,
                                  Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content ? content : new QWidget(dock));
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createToolBar()
{
    QToolBar* toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    // Always visible: it cannot be moved, floated or hidden through the dock/toolbar context menu.
    toolBar->setMovable(false);
    toolBar->setFloatable(false);
    toolBar->toggleViewAction()->setVisible(false);

    auto* spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);

    auto* stop = new QAction(tr("EMERGENCY STOP"), this);
    stop->setObjectName(QStringLiteral("emergencyStopAction"));
    stop->setToolTip(tr("Wired to the live executor in a later release: no strategy trades live yet"));
    stop->setEnabled(false);
    toolBar->addAction(stop);
    auto* button = qobject_cast<QToolButton*>(toolBar->widgetForAction(stop));
    button->setObjectName(QStringLiteral("emergencyStopButton"));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (QDockWidget* dock : {m_poolDock, m_detailDock, m_chartDock}) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + QStringLiteral("Toggle"));
        view->addAction(toggle);
    }
    view->addSeparator();
    createThemeMenu(view);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About SixBTC Workbench"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::createThemeMenu(QMenu* view)
{
    QMenu* themes = view->addMenu(tr("&Theme"));
    themes->setObjectName(QStringLiteral("themeMenu"));
    m_themes = new QActionGroup(this);
    m_themes->setExclusive(true);
    const std::pair<QString, QString> choices[] = {{QStringLiteral("dark"), tr("&Dark")},
                                                   {QStringLiteral("light"), tr("&Light")}};
    for (const auto& [name, text] : choices) {
        QAction* action = themes->addAction(text);
        action->setObjectName(name + QStringLiteral("ThemeAction"));
        action->setData(name);
        action->setCheckable(true);
        m_themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, name = name] {
            m_settings.setValue(kThemeKey, name);
            emit themeRequested(name);
        });
    }
}

QString MainWindow::themeName() const
{
    QAction* checked = m_themes->checkedAction();
    return checked ? checked->data().toString() : QString();
}

void MainWindow::setThemeName(const QString& name)
{
    for (QAction* action : m_themes->actions())
        action->setChecked(action->data().toString() == name);
}

void MainWindow::showAbout()
{
    if (!m_about)
        m_about = new AboutDialog(this);
    m_about->open();
}

void MainWindow::saveLayout()
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    m_settings.setValue(kStateKey, saveState(kLayoutVersion));
}

bool MainWindow::restoreLayout()
{
    if (!m_settings.contains(kStateKey))
        return false;
    restoreGeometry(m_settings.value(kGeometryKey).toByteArray());
    return restoreState(m_settings.value(kStateKey).toByteArray(), kLayoutVersion);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
}

} // namespace sixbtc::gui
