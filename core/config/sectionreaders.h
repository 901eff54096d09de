// SPDX-License-Identifier: MIT
// One reader per section of the configuration; each reports its own problems (config/README.md lists the keys).
#pragma once

#include <filesystem>
#include <string_view>

#include "common/logging.h"
#include "config/mappingreader.h"
#include "config/settings.h"

namespace sixbtc::config {

TradingSettings readTrading(MappingReader& root);
DataSettings readData(MappingReader& root, const std::filesystem::path& baseDir);
BacktestSettings readBacktest(MappingReader& root);
RiskSettings readRisk(MappingReader& root);
HyperliquidSettings readHyperliquid(MappingReader& root);
GenerationSettings readGeneration(MappingReader& root);
OptimizationSettings readOptimization(MappingReader& root);
ValidationSettings readValidation(MappingReader& root);
ScoringSettings readScoring(MappingReader& root);
PoolSettings readPool(MappingReader& root);
RotationSettings readRotation(MappingReader& root);
DatabaseSettings readDatabase(MappingReader& root, const std::filesystem::path& baseDir);
common::LogSettings readLogging(MappingReader& root, const std::filesystem::path& baseDir);

/// A path value; a relative one is taken relative to `baseDir`. The result is absolute and lexically normal.
std::filesystem::path readPath(MappingReader& section, std::string_view key, const std::filesystem::path& baseDir);

} // namespace sixbtc::config
