// SPDX-License-Identifier: MIT
// Storing a proven family: every expanded strategy with its runs and verdicts, the base's end, the pool's verdict.
#pragma once

#include <string>
#include <vector>

#include "app/familyidentity.h"
#include "app/poolupdate.h"
#include "app/provefamily.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// A proven family whose base row is stored. Pointers are borrowed for the duration of the call.
struct ExpansionInput
{
    const strategy::StrategyDocument* document;
    const backtest::ParamGrid* grid;
    const PreparedBacktest* prepared;
    const FamilyProof* proof;
    const config::Config* config;
};

/// Stores the expansion of a stored base (VALIDATED, or REJECTED when the caller already refused it); the caller
/// owns the transaction. Every grid point: `Strategy_<TYPE>_<8 hex>` (familyidentity.h) with its score, runs
/// "training", "holdout" (when the split has one) and "walk_forward" with its windows; verdicts score_threshold,
/// shuffle_test, walk_forward, dsr, pbo (those that ran) and "robustness" (the proof's decision: passed = ACTIVE
/// wanted; figures stage, failed_checks, reason); GENERATED -> VALIDATED ("expanded from <base>"), or -> REJECTED when
/// the family failed the shuffle test. The base: the family walk-forward as its verdict "walk_forward_family"
/// (passed = stable; its windows in the figures), then RETIRED "expanded"; or REJECTED with the shuffle reason.
/// Returns the UUIDs of the strategies left VALIDATED, in grid order: classifyStrategies() decides them.
common::Result<std::vector<std::string>> storeExpansion(storage::Store& store, const ExpansionInput& input);

/// What storeFamily() reads. Pointers are borrowed for the duration of the call.
struct FamilyStoreInput
{
    const strategy::StrategyDocument* document;
    std::string sourceName; ///< the document's file name, kept as the base's pattern id "file:<name>"
    const backtest::ParamGrid* grid;
    const PreparedBacktest* prepared;
    const FamilyProof* proof;
    const config::Config* config;
};

/// What was stored.
struct FamilyStoreSummary
{
    std::string baseUuid;
    std::string baseName;
    int active = 0;                   ///< strategies that entered the pool
    int rejected = 0;                 ///< by the proof or refused by a full pool
    std::vector<std::string> evicted; ///< names of pool members pushed out (now RETIRED "evicted")
};

/// `sixbtc optimize --store`: the base, its expansion and their classification in one transaction (all or
/// nothing). The base (newBaseStrategy with pattern id "file:<name>" and the dataset of the run): GENERATED ->
/// VALIDATED ("parse, static check and shuffle test passed"), or REJECTED with the shuffle reason; then
/// storeExpansion() and classifyStrategies(). An Input error when the base UUID is already stored (the same rules
/// were stored before).
common::Result<FamilyStoreSummary> storeFamily(storage::Store& store, const FamilyStoreInput& input);

} // namespace sixbtc::app
