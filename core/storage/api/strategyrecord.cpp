// SPDX-License-Identifier: MIT
// Checks on new strategy records.
#include "storage/api/strategyrecord.h"

#include <cctype>

namespace sixbtc::storage {

using common::ErrorCode;

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isTypeName(std::string_view text)
{
    if (text.empty() || !std::isupper(static_cast<unsigned char>(text.front())))
        return false;
    for (const char c : text) {
        if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

// Name = <prefix>_<TYPE>_<8 hex>.
bool isStrategyName(std::string_view name, std::string_view type)
{
    for (const std::string_view prefix : {std::string_view("Strategy_"), std::string_view("PatStrat_")}) {
        if (name.substr(0, prefix.size()) != prefix)
            continue;
        const std::string_view rest = name.substr(prefix.size());
        if (rest.size() != type.size() + 9 || rest.substr(0, type.size()) != type || rest[type.size()] != '_')
            return false;
        for (const char c : rest.substr(type.size() + 1)) {
            if (!isHex(c))
                return false;
        }
        return true;
    }
    return false;
}

} // namespace

std::string_view lineageSourceName(LineageSource source)
{
    switch (source) {
    case LineageSource::Pattern: return "pattern";
    case LineageSource::Llm: return "llm";
    case LineageSource::Expansion: return "expansion";
    }
    return "unknown";
}

common::Result<LineageSource> parseLineageSource(std::string_view name)
{
    for (const auto source : {LineageSource::Pattern, LineageSource::Llm, LineageSource::Expansion}) {
        if (lineageSourceName(source) == name)
            return source;
    }
    return common::fail(ErrorCode::Database, "unknown lineage source '" + std::string(name) + "'");
}

bool isCanonicalUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const char c = text[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

common::Result<void> validateNewStrategy(const StrategyRecord& record)
{
    if (!isCanonicalUuid(record.uuid))
        return common::fail(ErrorCode::Invalid,
                            "strategy UUID '" + record.uuid + "' is not in canonical lowercase 8-4-4-4-12 form");
    if (!isTypeName(record.type))
        return common::fail(ErrorCode::Invalid,
                            "strategy type '" + record.type + "' must be upper-case letters and digits");
    if (!isStrategyName(record.name, record.type))
        return common::fail(ErrorCode::Invalid, "strategy name '" + record.name + "' is not Strategy_" + record.type +
                                                    "_<8 hex> or PatStrat_" + record.type + "_<8 hex>");
    if (record.timeframe.empty())
        return common::fail(ErrorCode::Invalid, "strategy " + record.name + " has no timeframe");
    if (record.symbols.empty())
        return common::fail(ErrorCode::Invalid, "strategy " + record.name + " has no symbols");
    if (record.baseUuid && !isCanonicalUuid(*record.baseUuid))
        return common::fail(ErrorCode::Invalid, "base strategy UUID '" + *record.baseUuid + "' of " + record.name +
                                                    " is not in canonical form");
    if (record.status != StrategyStatus::Generated)
        return common::fail(ErrorCode::Invalid, "strategy " + record.name + " must be created GENERATED, not " +
                                                    std::string(statusName(record.status)));
    return {};
}

} // namespace sixbtc::storage
