// SPDX-License-Identifier: MIT
// MainWindow: menus, status bar, saved layout.
#include "windows/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

#include "common/buildinfo.h"
#include "windows/aboutdialog.h"

namespace sixbtc::gui {

namespace {

// GUI preferences (layout, theme, language) live in QSettings, never in the configuration file.
QSettings guiSettings()
{
    return QSettings(QStringLiteral("sixbtc"), QStringLiteral("sixbtc-gui"));
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("SixBTC Workbench"));
    createMenus();

    auto* version = new QLabel(tr("SixBTC %1").arg(QString::fromLatin1(common::buildinfo::version)), this);
    version->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addPermanentWidget(version);
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About SixBTC Workbench"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::showAbout()
{
    if (!m_about)
        m_about = new AboutDialog(this);
    m_about->open();
}

void MainWindow::restoreLayout()
{
    const QSettings settings = guiSettings();
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings = guiSettings();
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace sixbtc::gui
