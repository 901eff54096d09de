// SPDX-License-Identifier: MIT
// Text forms of times, day counts and figures for the validation procedures' notes and reasons.
#include "validation/utctext.h"

#include <cstdio>

#include "common/utctime.h"

namespace sixbtc::validation {

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

} // namespace

std::string utcMinuteText(std::int64_t timestampMs)
{
    return common::formatUtcMinute(timestampMs) + " UTC";
}

std::string dayCountText(std::int64_t durationMs)
{
    if (durationMs % kMsPerDay == 0)
        return std::to_string(durationMs / kMsPerDay);
    char text[40];
    std::snprintf(text, sizeof text, "%.2f", static_cast<double>(durationMs) / static_cast<double>(kMsPerDay));
    return text;
}

std::string figureText(double value)
{
    char text[40];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

} // namespace sixbtc::validation
