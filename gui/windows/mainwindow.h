// SPDX-License-Identifier: MIT
// MainWindow: composes the workbench's menus, panels and status bar.
#pragma once

#include <QMainWindow>

namespace sixbtc::gui {

class AboutDialog;

/// The workbench window. It only composes and connects; views and models live in their own classes.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Opens the About box (window-modal, does not block the event loop).
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void restoreLayout();

    AboutDialog* m_about = nullptr;
};

} // namespace sixbtc::gui
