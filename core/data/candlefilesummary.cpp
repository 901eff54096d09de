// SPDX-License-Identifier: MIT
// CandleFileSummary and UTC formatting of bar times.
#include "data/candlefilesummary.h"

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

} // namespace sixbtc::data
