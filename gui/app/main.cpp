// SPDX-License-Identifier: MIT
// sixbtc-gui: the desktop workbench's entry point and composition root.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTranslator>

#include "app/composition.h"
#include "app/screenshot.h"
#include "app/threadguard.h"
#include "windows/mainwindow.h"

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sixbtc"));
    QApplication::setApplicationDisplayName(QStringLiteral("SixBTC Workbench"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.sixbtc.Workbench"));
    // The engine runs on the thread pool only; a call on this thread is a bug and aborts.
    sixbtc::app::forbidEngineOnThisThread();

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
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("The theme: dark | light."),
                                   QStringLiteral("THEME"));
    parser.addOptions({screenshot, view, theme});
    if (!parser.parse(QApplication::arguments())) {
        QTextStream(stderr) << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const std::optional<sixbtc::gui::Theme> chosenTheme =
        parser.isSet(theme) ? sixbtc::gui::parseTheme(parser.value(theme)) : std::nullopt;
    if (parser.isSet(theme) && !chosenTheme) {
        QTextStream(stderr) << "sixbtc-gui: unknown theme '" << parser.value(theme) << "' (expected dark | light)\n";
        return 2;
    }
    if (parser.isSet(screenshot)) {
        const auto saved = sixbtc::gui::renderScreenshot(parser.value(view), parser.value(screenshot),
                                                         chosenTheme.value_or(sixbtc::gui::Theme::Dark));
        if (!saved) {
            QTextStream(stderr) << "sixbtc-gui: " << saved.error() << '\n';
            return 2;
        }
        return 0;
    }

    // GUI preferences (layout, theme, language) live in QSettings, never in the configuration file.
    QSettings settings(QStringLiteral("sixbtc"), QStringLiteral("sixbtc-gui"));
    sixbtc::gui::MainWindow window(settings, sixbtc::gui::placeholderPanels());
    sixbtc::gui::wireThemes(window, chosenTheme);
    window.show();
    return QApplication::exec();
}
