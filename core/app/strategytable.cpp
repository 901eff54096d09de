// SPDX-License-Identifier: MIT
// The pool browser's rows: strategies with the metrics of their newest training run, loaded a page at a time.
#include "app/strategytable.h"

#include "app/storedrecords.h"
#include "common/require.h"

namespace sixbtc::app {

namespace {

StrategyRow rowOf(const storage::StrategyRecord& record, std::optional<storage::BacktestMetrics> training)
{
    return StrategyRow{record.uuid,           record.name,  record.type,        record.timeframe, record.status,
                       record.generationMode, record.score, record.createdAtMs, record.symbols,   std::move(training)};
}

} // namespace

common::Result<std::vector<StrategyRow>> loadStrategyRows(storage::Store& store, std::int64_t offset,
                                                          std::int64_t limit)
{
    SIXBTC_REQUIRE(offset >= 0 && limit >= 0);
    auto listings = store.strategies().page(offset, limit, kTrainingRun);
    if (!listings)
        return tl::unexpected(listings.error());
    std::vector<StrategyRow> rows;
    rows.reserve(listings->size());
    for (const storage::StrategyListing& listing : *listings)
        rows.push_back(rowOf(listing.record, listing.run));
    return rows;
}

common::Result<StrategyRow> loadStrategyRow(storage::Store& store, const std::string& uuid)
{
    auto record = store.strategies().get(uuid);
    if (!record)
        return tl::unexpected(record.error());
    auto runs = store.backtests().runsOf(uuid);
    if (!runs)
        return tl::unexpected(runs.error());
    // runsOf is oldest first: the last training run is the newest, as in StrategyRepository::page.
    std::optional<storage::BacktestMetrics> training;
    for (const storage::BacktestRun& run : *runs) {
        if (run.kind == kTrainingRun)
            training = run.metrics;
    }
    return rowOf(*record, training);
}

} // namespace sixbtc::app
