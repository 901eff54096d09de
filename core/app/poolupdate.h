// SPDX-License-Identifier: MIT
// Classification: the stored robustness decisions of proven strategies applied, and the ACTIVE pool updated.
#pragma once

#include <string>
#include <vector>

#include "config/settings.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// The verdict that carries a proven strategy's decision (figures: stage, failed checks, reason).
inline constexpr const char* kRobustnessVerdict = "robustness";

/// What a classification did.
struct ClassifySummary
{
    std::vector<std::string> admitted; ///< names of the strategies that entered the pool (now ACTIVE)
    int rejected = 0;                  ///< by their decision or refused by a full pool
    std::vector<std::string> evicted;  ///< names of pool members pushed out (now RETIRED "evicted")
};

/// Classifies VALIDATED proven strategies (each has a "robustness" verdict, written when its family was proven):
/// a failed decision -> REJECTED with the decision's reason; the others are offered to the pool (pool.max_active and
/// the ACTIVE rows with their scores) strongest first (descending score, then ascending grid index, then UUID):
/// ACTIVE when admitted ("robustness passed; entered the pool"; an evicted member goes ACTIVE -> RETIRED
/// "evicted"), REJECTED "pool: ..." when refused. The caller owns the transaction. An Input error when a strategy
/// is not VALIDATED, has no score or no robustness verdict.
common::Result<ClassifySummary> classifyStrategies(storage::Store& store, const config::PoolSettings& pool,
                                                   const std::vector<std::string>& uuids);

/// The VALIDATED strategies made by expansion that wait for classification, oldest first.
common::Result<std::vector<std::string>> pendingClassification(storage::Store& store);

} // namespace sixbtc::app
