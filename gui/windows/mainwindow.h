// SPDX-License-Identifier: MIT
// MainWindow: composes the workbench's menus, toolbar, dock panels and status bar.
#pragma once

#include <QMainWindow>

class QActionGroup;
class QDockWidget;
class QSettings;

namespace sixbtc::gui {

class AboutDialog;

/// The widgets the composition root puts into the three docks; the window takes ownership.
struct MainWindowPanels
{
    QWidget* pool = nullptr;
    QWidget* detail = nullptr;
    QWidget* chart = nullptr;
};

/// The workbench window. It only composes and connects; views and models live in their own classes, the
/// composition root (gui/app) gives the panels and applies the theme the user picks.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `settings` (GUI preferences: layout, theme) must outlive the window; the saved layout is restored at once.
    MainWindow(QSettings& settings, const MainWindowPanels& panels, QWidget* parent = nullptr);

    /// Opens the About box (window-modal, does not block the event loop).
    void showAbout();

    /// Stores the window geometry and the dock layout in the settings (also done on close).
    void saveLayout();
    /// Restores what saveLayout() stored; false when nothing was stored or it does not fit.
    bool restoreLayout();

    /// "dark" or "light": the theme checked in View > Theme.
    QString themeName() const;
    /// Checks the theme action named `name` ("dark" or "light") without emitting themeRequested().
    void setThemeName(const QString& name);

    QDockWidget* poolDock() const { return m_poolDock; }
    QDockWidget* detailDock() const { return m_detailDock; }
    QDockWidget* chartDock() const { return m_chartDock; }

signals:
    /// The user picked a theme in View > Theme ("dark" or "light"); it is already stored in the settings.
    void themeRequested(const QString& name);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QDockWidget* addPanel(const QString& objectName, const QString& title, QWidget* content, Qt::DockWidgetArea area);
    void createMenus();
    void createToolBar();
    void createThemeMenu(QMenu* view);

    QSettings& m_settings;
    QDockWidget* m_poolDock = nullptr;
    QDockWidget* m_detailDock = nullptr;
    QDockWidget* m_chartDock = nullptr;
    QActionGroup* m_themes = nullptr;
    AboutDialog* m_about = nullptr;
};

} // namespace sixbtc::gui
