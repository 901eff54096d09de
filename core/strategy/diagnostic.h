// SPDX-License-Identifier: MIT
// Diagnostic: one problem found in a strategy document, located by line and column in its file.
#pragma once

#include <string>
#include <vector>

namespace sixbtc::strategy {

/// A problem in a strategy document. `line` and `column` are 1-based and point at the offending token in the
/// file (column counts Unicode code points); 0 means "no position" (e.g. a problem found in candle data).
struct Diagnostic
{
    int line = 0;
    int column = 0;
    std::string message;

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

/// "file:line:column: message" (or "file: message" without a position), for logs and terminals.
std::string formatDiagnostic(const std::string& sourceName, const Diagnostic& diagnostic);

} // namespace sixbtc::strategy
