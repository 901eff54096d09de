// SPDX-License-Identifier: MIT
// Test support of the chart data and chart view tests: a SQLite store with real strategies and their "full" runs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/candlecache.h"
#include "app/fullrun.h"
#include "config/settings.h"
#include "storagetestenv.h"

namespace sixbtc::testing {

/// The RSI reversal of tests/data/strategies/reference_rsi.yaml on 5m bars of `symbols` (e.g. "[BTC]").
std::string rsiDocument(const std::string& symbols);

/// A migrated SQLite store, the shipped configuration with data.dir the bundled candles, 60 training and 10 holdout
/// days, and a candle cache over them.
class ChartFixture
{
public:
    ChartFixture();
    ~ChartFixture();

    /// Empty when the store, configuration and cache are ready; otherwise why not.
    std::string open();

    /// Stores sampleStrategy("REV", index) with `document` as its code (timeframe 5m, `symbols`) as GENERATED.
    common::Result<storage::StrategyRecord> addStrategy(std::int64_t index, const std::string& document,
                                                        const std::vector<std::string>& symbols);
    /// storeFullRun() of `strategy` on the bundled candles.
    common::Result<app::FullRun> fullRun(const storage::StrategyRecord& strategy);

    storage::Store& store() { return *m_store; }
    app::CandleCache& cache() { return *m_cache; }
    config::Config& config() { return m_config; }

private:
    storage::testing::ManualClock m_clock;
    std::unique_ptr<storage::testing::TestDatabase> m_db;
    std::unique_ptr<storage::Store> m_store;
    config::Config m_config;
    std::optional<app::CandleCache> m_cache;
};

} // namespace sixbtc::testing
