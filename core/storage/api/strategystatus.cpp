// SPDX-License-Identifier: MIT
// Names of strategy statuses and generation modes.
#include "storage/api/strategystatus.h"

#include <array>
#include <string>
#include <utility>

namespace sixbtc::storage {

namespace {

constexpr std::array<std::pair<StrategyStatus, std::string_view>, 6> kStatusNames{{
    {StrategyStatus::Generated, "GENERATED"},
    {StrategyStatus::Validated, "VALIDATED"},
    {StrategyStatus::Active, "ACTIVE"},
    {StrategyStatus::Live, "LIVE"},
    {StrategyStatus::Rejected, "REJECTED"},
    {StrategyStatus::Retired, "RETIRED"},
}};

constexpr std::array<std::pair<GenerationMode, std::string_view>, 4> kModeNames{{
    {GenerationMode::Pattern, "pattern"},
    {GenerationMode::AiFree, "ai_free"},
    {GenerationMode::AiAssigned, "ai_assigned"},
    {GenerationMode::Optimized, "optimized"},
}};

} // namespace

std::string_view statusName(StrategyStatus status)
{
    for (const auto& [value, name] : kStatusNames) {
        if (value == status)
            return name;
    }
    return "UNKNOWN";
}

common::Result<StrategyStatus> parseStatus(std::string_view name)
{
    for (const auto& [value, text] : kStatusNames) {
        if (text == name)
            return value;
    }
    return common::fail(common::ErrorCode::Input,
                        "unknown strategy status '" + std::string(name) +
                            "' (expected GENERATED, VALIDATED, ACTIVE, LIVE, REJECTED or RETIRED)");
}

std::string_view generationModeName(GenerationMode mode)
{
    for (const auto& [value, name] : kModeNames) {
        if (value == mode)
            return name;
    }
    return "unknown";
}

common::Result<GenerationMode> parseGenerationMode(std::string_view name)
{
    for (const auto& [value, text] : kModeNames) {
        if (text == name)
            return value;
    }
    return common::fail(common::ErrorCode::Input, "unknown generation mode '" + std::string(name) +
                                                      "' (expected pattern, ai_free, ai_assigned or optimized)");
}

} // namespace sixbtc::storage
