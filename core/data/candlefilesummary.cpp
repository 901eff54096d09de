// SPDX-License-Identifier: MIT
// CandleFileSummary and UTC formatting of bar times.
#include "data/candlefilesummary.h"

#include <chrono>
#include <cstdio>

#include "common/require.h"

namespace sixbtc::data {

CandleFileSummary CandleFileSummary::of(const CandleFileEntry& entry, const CandleData& data)
{
    SIXBTC_REQUIRE(!data.series.empty());
    const auto times = data.series.timestampMs();
    return {entry.relativePath, entry.name,         entry.excluded,   times.front(),
            times.back(),       data.series.size(), data.gaps.size(), data.missingBars()};
}

common::Result<std::vector<CandleFileSummary>> summarizeFiles(const CandleStore& store)
{
    std::vector<CandleFileSummary> summaries;
    summaries.reserve(store.files().size());
    for (const auto& entry : store.files()) {
        const auto data = CandleStore::load(entry);
        if (!data)
            return tl::unexpected(data.error());
        summaries.push_back(CandleFileSummary::of(entry, *data));
    }
    return summaries;
}

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

} // namespace sixbtc::data
