// SPDX-License-Identifier: MIT
// UTC time text through C++20 <chrono> civil dates.
#include "common/utctime.h"

#include <chrono>
#include <cstdio>

namespace sixbtc::common {

std::string formatUtcMinute(std::int64_t timestampMs)
{
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(timestampMs)};
    const sys_days day = floor<days>(time);
    const year_month_day date(day);
    const auto minutesOfDay = duration_cast<minutes>(time - day).count();
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()), int(minutesOfDay / 60), int(minutesOfDay % 60));
    return text;
}

} // namespace sixbtc::common
