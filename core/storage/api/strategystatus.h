// SPDX-License-Identifier: MIT
// The strategy status and generation mode enumerations with their stored names.
#pragma once

#include <string_view>

#include "common/error.h"

namespace sixbtc::storage {

/// Where a strategy is in its lifecycle (see lifecycle.h for the legal moves).
enum class StrategyStatus { Generated, Validated, Active, Live, Rejected, Retired };

/// How a strategy was made.
enum class GenerationMode { Pattern, AiFree, AiAssigned, Optimized };

/// Stored names: GENERATED, VALIDATED, ACTIVE, LIVE, REJECTED, RETIRED.
std::string_view statusName(StrategyStatus status);
common::Result<StrategyStatus> parseStatus(std::string_view name);

/// Stored names: pattern, ai_free, ai_assigned, optimized.
std::string_view generationModeName(GenerationMode mode);
common::Result<GenerationMode> parseGenerationMode(std::string_view name);

} // namespace sixbtc::storage
