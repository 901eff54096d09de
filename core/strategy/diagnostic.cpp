// SPDX-License-Identifier: MIT
// Formatting of diagnostics.
#include "strategy/diagnostic.h"

namespace sixbtc::strategy {

std::string formatDiagnostic(const std::string& sourceName, const Diagnostic& diagnostic)
{
    if (diagnostic.line <= 0)
        return sourceName + ": " + diagnostic.message;
    return sourceName + ":" + std::to_string(diagnostic.line) + ":" + std::to_string(diagnostic.column) + ": " +
           diagnostic.message;
}

} // namespace sixbtc::strategy
