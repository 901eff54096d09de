// SPDX-License-Identifier: MIT
// sixbtc-gui: the desktop workbench's entry point and composition root.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include "app/screenshot.h"
#include "windows/mainwindow.h"

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sixbtc"));
    QApplication::setApplicationDisplayName(QStringLiteral("SixBTC Workbench"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.sixbtc.Workbench"));

    // The language follows the system locale; the embedded .qm files come from translations/.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("sixbtc"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SixBTC Workbench"));
    parser.addHelpOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render a view to OUT.png and exit."), QStringLiteral("OUT"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("The view to render: main | about."),
                                  QStringLiteral("VIEW"));
    parser.addOptions({screenshot, view});
    if (!parser.parse(QApplication::arguments())) {
        QTextStream(stderr) << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(screenshot)) {
        const auto saved = sixbtc::gui::renderScreenshot(parser.value(view), parser.value(screenshot));
        if (!saved) {
            QTextStream(stderr) << "sixbtc-gui: " << saved.error() << '\n';
            return 2;
        }
        return 0;
    }

    sixbtc::gui::MainWindow window;
    window.show();
    return QApplication::exec();
}
