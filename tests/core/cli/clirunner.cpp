// SPDX-License-Identifier: MIT
// Runs the real sixbtc executable for the CLI tests.
#include "clirunner.h"

#include <QProcess>

CliRun runSixbtc(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SIXBTC_CLI_PATH), args);
    process.waitForFinished(120'000);
    return CliRun{process.exitCode(), process.exitStatus() == QProcess::CrashExit,
                  QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QProcessEnvironment isolatedEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SIXBTC_CONFIG"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    return env;
}
