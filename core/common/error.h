// SPDX-License-Identifier: MIT
// Typed errors and Result<T>, the return type of every operation that can fail in an expected way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace sixbtc::common {

/// What kind of failure an Error is; front ends map it to an exit code or a translated message.
enum class ErrorCode
{
    Usage,     ///< the command line is malformed
    Config,    ///< the configuration is missing, unreadable or invalid
    Input,     ///< a user-supplied input (file, argument value) is unusable
    Data,      ///< a candle file breaks a data rule
    Invalid,   ///< the checked subject (strategy, config under check) is invalid
    Database,  ///< the database failed or refused
    Network,   ///< a network peer failed or timed out
    Exchange,  ///< the exchange rejected or failed a request
    Cancelled, ///< the user stopped the work (Ctrl-C, Cancel)
};

/// English name of an error code, for logs and messages.
std::string_view errorCodeName(ErrorCode code);

/// A failure: its code, an English message, and any further problems found at the same time.
struct Error
{
    ErrorCode code;
    std::string message;
    std::vector<std::string> details;

    /// The message followed by every detail, one per line.
    std::string fullText() const;
};

template <typename T>
using Result = tl::expected<T, Error>;

/// Builds the unexpected side of a Result.
inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::vector<std::string> details = {})
{
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(details)});
}

} // namespace sixbtc::common
