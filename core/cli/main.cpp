// SPDX-License-Identifier: MIT
// sixbtc: the command-line front end over the same core as the desktop workbench.
#include <csignal>
#include <unistd.h>

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

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sixbtc"));

    const sixbtc::common::CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    sixbtc::common::initConsoleLogging(sixbtc::common::LogLevel::Info);
    return sixbtc::cli::runCli(QCoreApplication::arguments(), cancel);
}
