// SPDX-License-Identifier: MIT
// StrategyRow and its paged loader: what the pool browser lists of each strategy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/backtestrecords.h"
#include "storage/api/store.h"
#include "storage/api/strategystatus.h"

namespace sixbtc::app {

/// One strategy of the pool browser with the metrics of its newest "training" run when it has one.
struct StrategyRow
{
    std::string uuid;
    std::string name;
    std::string type;
    std::string timeframe;
    storage::StrategyStatus status = storage::StrategyStatus::Generated;
    storage::GenerationMode generationMode = storage::GenerationMode::Pattern;
    std::optional<double> score;
    std::int64_t createdAtMs = 0;
    std::vector<std::string> symbols;
    std::optional<storage::BacktestMetrics> training;
};

/// At most `limit` rows from position `offset`, in StrategyRepository::list order; one query per call.
/// \warning offset >= 0 and limit >= 0.
common::Result<std::vector<StrategyRow>> loadStrategyRows(storage::Store& store, std::int64_t offset,
                                                          std::int64_t limit);

/// The row of one strategy (e.g. after an action changed it); an Input error when there is none.
common::Result<StrategyRow> loadStrategyRow(storage::Store& store, const std::string& uuid);

} // namespace sixbtc::app
