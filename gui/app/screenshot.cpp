// SPDX-License-Identifier: MIT
// Renders one view of the workbench to a PNG file.
#include "app/screenshot.h"

#include <QApplication>
#include <QPixmap>

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

tl::expected<void, QString> renderScreenshot(const QString& view, const QString& outPath)
{
    if (view == QLatin1String("main")) {
        MainWindow window;
        window.resize(1280, 800);
        return save(window, outPath);
    }
    if (view == QLatin1String("about")) {
        AboutDialog dialog;
        return save(dialog, outPath);
    }
    return tl::unexpected(QStringLiteral("unknown view '%1' (expected main | about)").arg(view));
}

} // namespace sixbtc::gui
