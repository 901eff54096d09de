// SPDX-License-Identifier: MIT
// Identities of a parametric family: code and dataset hashes, the base and expanded strategies' rows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "backtest/backtestdata.h"
#include "backtest/paramgrid.h"
#include "storage/api/strategyrecord.h"
#include "strategy/strategydocument.h"

namespace sixbtc::app {

/// The document with `risk` as its risk block (none for a base: the grid replaces it).
strategy::StrategyDocument withRisk(const strategy::StrategyDocument& document,
                                    std::optional<strategy::RiskSettings> risk);

/// Identity of a family: SHA-256 of the canonical code of its rules without any risk block (the grid replaces it,
/// so the same rules are the same family whatever risk block the file had). The base UUID is derived from it and
/// the expanded strategies' UUIDs are common::expansionUuid of that hash and the grid index.
std::string codeHashOf(const strategy::StrategyDocument& document);

/// SHA-256 over each symbol's name and its aligned bars (open time, open, high, low, close as native binary64,
/// little-endian on every supported machine): the lineage's dataset hash.
std::string datasetHashOf(const backtest::BacktestData& data);

/// The base strategy of a family: UUID uuid5(expansionNamespace(), "base/" + code hash), name
/// `PatStrat_<TYPE>_<8 hex>`.
struct BaseIdentity
{
    std::string codeHash;
    std::string uuid;
    std::string name;
};
BaseIdentity baseIdentityOf(const strategy::StrategyDocument& document);

/// The GENERATED row of a base made by the pattern source: mode pattern, code = the rules without a risk block,
/// lineage source pattern with `patternId` and the code hash (no dataset yet: the base has not run).
storage::NewStrategy newBaseStrategy(const strategy::StrategyDocument& document, const std::string& patternId);

/// The GENERATED row of grid point `index` of the base `base`: `Strategy_<TYPE>_<8 hex>`, mode optimized, code =
/// the document with the grid point as its risk block, lineage expansion with its grid index (no dataset yet).
storage::NewStrategy newExpandedStrategy(const strategy::StrategyDocument& document, const BaseIdentity& base,
                                         const backtest::ParamGrid& grid, std::size_t index);

} // namespace sixbtc::app
