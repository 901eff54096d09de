// SPDX-License-Identifier: MIT
// sixbtc: the command-line front end over the same core as the desktop workbench.
#include <csignal>
#include <memory>
#include <string_view>
#include <unistd.h>

#include <QApplication>
#include <QCoreApplication>

#include "cli/cli.h"
#include "common/logging.h"

namespace {

const sixbtc::common::CancelToken* g_cancel = nullptr;

// First Ctrl-C asks the running command to stop after its current unit; a second one ends at once.
extern "C" void onInterrupt(int)
{
    if (g_cancel->stopRequested())
        _exit(130);
    g_cancel->requestStop();
}

// True when the command is `report`: its first word, the global --config option (allowed anywhere) skipped.
bool isReportCommand(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--config")
            ++i;
        else if (!arg.starts_with("--config="))
            return arg == "report";
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    // `report` draws its charts with Qt Charts, which needs a QApplication; offscreen unless a platform is chosen.
    const bool report = isReportCommand(argc, argv);
    if (report && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application =
        report ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sixbtc"));

    const sixbtc::common::CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    sixbtc::common::initConsoleLogging(sixbtc::common::LogLevel::Info);
    return sixbtc::cli::runCli(QCoreApplication::arguments(), cancel);
}
