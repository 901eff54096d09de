// SPDX-License-Identifier: MIT
// The sixbtc command line: finds the sub-command, parses its options, runs it and maps the outcome to an exit code.
#pragma once

#include <QStringList>

#include "common/cancellation.h"

namespace sixbtc::cli {

/// Runs the command line `arguments` (arguments[0] is the program); returns the process exit code.
int runCli(const QStringList& arguments, const common::CancelToken& cancel);

} // namespace sixbtc::cli
