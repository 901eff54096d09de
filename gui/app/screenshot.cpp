// SPDX-License-Identifier: MIT
// Renders one view of the workbench to a PNG file.
#include "app/screenshot.h"

#include <QApplication>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>

#include "app/composition.h"
#include "windows/aboutdialog.h"
#include "windows/mainwindow.h"

namespace sixbtc::gui {

namespace {

tl::expected<void, QString> save(QWidget& widget, const QString& outPath)
{
    widget.show();
    QApplication::processEvents();
    if (!widget.grab().save(outPath, "PNG"))
        return tl::unexpected(QStringLiteral("cannot write %1").arg(outPath));
    return {};
}

} // namespace

tl::expected<void, QString> renderScreenshot(const QString& view, const QString& outPath, Theme theme)
{
    if (view == QLatin1String("main")) {
        QTemporaryDir dir;
        if (!dir.isValid())
            return tl::unexpected(QStringLiteral("cannot create a temporary folder: %1").arg(dir.errorString()));
        QSettings settings(dir.filePath(QStringLiteral("screenshot.ini")), QSettings::IniFormat);
        MainWindow window(settings, placeholderPanels());
        wireThemes(window, theme);
        window.resize(1280, 800);
        return save(window, outPath);
    }
    if (view == QLatin1String("about")) {
        applyTheme(theme);
        AboutDialog dialog;
        return save(dialog, outPath);
    }
    return tl::unexpected(QStringLiteral("unknown view '%1' (expected main | about)").arg(view));
}

} // namespace sixbtc::gui
