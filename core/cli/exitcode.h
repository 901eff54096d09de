// SPDX-License-Identifier: MIT
// Exit codes of every sixbtc command (DESIGN.md "Exit codes").
#pragma once

#include "common/error.h"

namespace sixbtc::cli {

enum class ExitCode : int
{
    Success = 0,      ///< the command did what was asked
    Invalid = 1,      ///< the checked subject is invalid (validate, config check)
    UsageOrInput = 2, ///< usage, configuration or input error
    OutsideFailure = 3, ///< database, network or exchange failure
    Interrupted = 130,  ///< stopped by Ctrl-C after a clean stop
};

/// The exit code a command ends with when it fails with `code`.
constexpr ExitCode exitCodeFor(common::ErrorCode code)
{
    switch (code) {
    case common::ErrorCode::Invalid: return ExitCode::Invalid;
    case common::ErrorCode::Usage:
    case common::ErrorCode::Config:
    case common::ErrorCode::Input:
    case common::ErrorCode::Data: return ExitCode::UsageOrInput;
    case common::ErrorCode::Database:
    case common::ErrorCode::Network:
    case common::ErrorCode::Exchange: return ExitCode::OutsideFailure;
    case common::ErrorCode::Cancelled: return ExitCode::Interrupted;
    }
    return ExitCode::UsageOrInput;
}

} // namespace sixbtc::cli
