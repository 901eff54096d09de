// SPDX-License-Identifier: MIT
// Text forms of times, day counts and figures (civil date from days since the epoch, C++20 <chrono>).
#include "validation/utctext.h"

#include <chrono>
#include <cstdio>

namespace sixbtc::validation {

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::int64_t kMsPerMinute = 60'000;

/// Floor division (timestamps before 1970 are negative).
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

std::string utcMinuteText(std::int64_t timestampMs)
{
    const std::int64_t days = floorDiv(timestampMs, kMsPerDay);
    const std::int64_t minuteOfDay = floorDiv(timestampMs - days * kMsPerDay, kMsPerMinute);
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d UTC", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(minuteOfDay / 60), static_cast<int>(minuteOfDay % 60));
    return text;
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
