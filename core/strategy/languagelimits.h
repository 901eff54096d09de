// SPDX-License-Identifier: MIT
// The documented limits of the strategy language; inputs beyond them are rejected with a diagnostic.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sixbtc::strategy {

/// Largest accepted strategy document, in bytes; checked before any parsing.
inline constexpr std::size_t maxDocumentBytes = 64 * 1024;
/// Deepest accepted nesting: at most this many parentheses, calls, offsets, `not` and unary minus enclosing any
/// token, and an expression tree at most this high (each operator, call or offset is one level).
inline constexpr int maxNestingDepth = 256;
/// Largest period or offset, in bars, after duration literals are converted.
inline constexpr std::int64_t maxPeriodBars = 1'000'000;

} // namespace sixbtc::strategy
