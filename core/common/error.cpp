// SPDX-License-Identifier: MIT
// Typed errors and Result<T>.
#include "common/error.h"

namespace sixbtc::common {

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage: return "usage";
    case ErrorCode::Config: return "config";
    case ErrorCode::Input: return "input";
    case ErrorCode::Data: return "data";
    case ErrorCode::Invalid: return "invalid";
    case ErrorCode::Database: return "database";
    case ErrorCode::Network: return "network";
    case ErrorCode::Exchange: return "exchange";
    case ErrorCode::Cancelled: return "cancelled";
    }
    return "unknown";
}

std::string Error::fullText() const
{
    std::string text = message;
    for (const auto& detail : details) {
        text += '\n';
        text += detail;
    }
    return text;
}

} // namespace sixbtc::common
