// SPDX-License-Identifier: MIT
// Storing a proven family: the base, every expanded strategy with its runs and verdicts, and the pool's verdict.
#pragma once

#include <string>
#include <vector>

#include "app/provefamily.h"
#include "storage/api/store.h"

namespace sixbtc::app {

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

/// Identity of a family: SHA-256 of the canonical code of its rules without any risk block (the grid replaces it,
/// so the same rules are the same family whatever risk block the file had). The base UUID is derived from it and
/// the expanded strategies' UUIDs are common::expansionUuid of that hash and the grid index.
std::string codeHashOf(const strategy::StrategyDocument& document);

/// SHA-256 over each symbol's name and its aligned bars (open time, open, high, low, close as native binary64,
/// little-endian on every supported machine): the lineage's dataset hash.
std::string datasetHashOf(const backtest::BacktestData& data);

/// Stores the family in one transaction (all or nothing):
/// - the base: `PatStrat_<TYPE>_<8 hex>`, generation mode pattern (a user document feeds the pattern source),
///   UUID uuid5(expansionNamespace(), "base/" + code hash), code = the rules without a risk block; GENERATED ->
///   VALIDATED ("parse, static check and shuffle test passed") -> RETIRED "expanded"; or REJECTED with the shuffle
///   reason when the shuffle test failed (and then every grid point GENERATED -> REJECTED with that reason);
/// - every grid point: `Strategy_<TYPE>_<8 hex>`, mode optimized, lineage expansion with its grid index, code =
///   the document with the grid point as its risk block; runs "training", "holdout" (when the split has one) and
///   "walk_forward" with its windows; verdicts score_threshold, shuffle_test, walk_forward, dsr, pbo (those that
///   ran); GENERATED -> VALIDATED -> REJECTED (proof reason) or, when the proof says ACTIVE, an offer to the pool
///   (pool.max_active, current ACTIVE rows with their scores; offers in descending score, ties by grid index):
///   ACTIVE when admitted (an evicted member goes ACTIVE -> RETIRED "evicted"), REJECTED when refused;
/// - the family walk-forward as the base's verdict "walk_forward_family" (passed = stable; its windows in the
///   figures; no run, as no single strategy's metrics belong to it).
/// An Input error when the base UUID is already stored (the same rules were stored before).
common::Result<FamilyStoreSummary> storeFamily(storage::Store& store, const FamilyStoreInput& input);

} // namespace sixbtc::app
