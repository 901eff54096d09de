// SPDX-License-Identifier: MIT
// Runs the real sixbtc executable in a controlled environment and captures what it prints.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/// What one run of sixbtc printed and how it ended.
struct CliRun
{
    int exitCode;
    bool crashed;
    QString out;
    QString err;
};

/// Runs sixbtc with `args` and the environment `env` (HOME and XDG_CONFIG_HOME point into a temp folder).
CliRun runSixbtc(const QStringList& args, const QProcessEnvironment& env);

/// An environment whose user folders are under `home`, with no SIXBTC_CONFIG.
QProcessEnvironment isolatedEnvironment(const QString& home);
