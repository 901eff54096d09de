// SPDX-License-Identifier: MIT
// REQUIRE: a broken precondition is a programming error and stops the program with its location.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace sixbtc::common::detail {

[[noreturn]] inline void requireFailed(const char* condition, const char* file, int line)
{
    std::fprintf(stderr, "precondition failed: %s at %s:%d\n", condition, file, line);
    std::abort();
}

} // namespace sixbtc::common::detail

/// Aborts with the condition and its location when `cond` is false. For broken preconditions only;
/// expected failures return a Result.
#define SIXBTC_REQUIRE(cond)                                                                       \
    ((cond) ? static_cast<void>(0) : ::sixbtc::common::detail::requireFailed(#cond, __FILE__, __LINE__))
