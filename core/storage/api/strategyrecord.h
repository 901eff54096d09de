// SPDX-License-Identifier: MIT
// Value types of the strategy store: the strategy row, its lineage, verdicts and status events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/strategystatus.h"

namespace sixbtc::storage {

/// One strategy: one UUID, one lifecycle.
struct StrategyRecord
{
    std::string uuid;                 ///< canonical lowercase 8-4-4-4-12 form
    std::string name;                 ///< Strategy_<TYPE>_<8 hex> or PatStrat_<TYPE>_<8 hex>
    std::string type;                 ///< the <TYPE> of the name, e.g. MOM
    std::string timeframe;            ///< e.g. 1h
    std::vector<std::string> symbols; ///< base assets, e.g. BTC
    std::string code;                 ///< canonical strategy code
    std::string parametersJson;       ///< parameters as a JSON object
    GenerationMode generationMode;
    std::optional<std::string> baseUuid; ///< the base strategy (metadata only, no foreign key)
    std::int64_t createdAtMs = 0;        ///< set by the store from its clock
    StrategyStatus status = StrategyStatus::Generated;
    std::optional<double> score;
};

/// What a strategy comes from.
enum class LineageSource { Pattern, Llm, Expansion };

/// Everything needed to reproduce a strategy's results.
struct Lineage
{
    LineageSource source;
    std::string patternId;                 ///< Pattern
    std::string llmProvider;               ///< Llm
    std::string llmModel;                  ///< Llm
    std::string promptTemplateHash;        ///< Llm
    std::optional<std::int64_t> seed;      ///< Llm
    std::optional<std::int64_t> gridIndex; ///< Expansion (the base is StrategyRecord::baseUuid)
    std::string codeHash;
    std::string datasetHash;
    std::int64_t dataStartMs = 0;
    std::int64_t dataEndMs = 0;
    std::string engineVersion;
};

/// A new strategy with its lineage; both are stored together or not at all.
struct NewStrategy
{
    StrategyRecord record;
    Lineage lineage;
};

/// One validation check's outcome with its figures.
struct ValidationVerdict
{
    std::int64_t id = 0; ///< set by the store
    std::string strategyUuid;
    std::string check; ///< e.g. shuffle_test, walk_forward, dsr, pbo, score_threshold
    bool passed = false;
    std::string figuresJson; ///< the figures the verdict rests on, as a JSON object
    std::optional<std::int64_t> backtestRunId;
    std::int64_t atMs = 0; ///< set by the store from its clock
};

/// One status change, as stored in the audit trail.
struct StrategyEvent
{
    std::int64_t id = 0;
    std::string strategyUuid;
    std::int64_t atMs = 0;
    std::optional<StrategyStatus> from; ///< empty for the creation event
    StrategyStatus to;
    std::string reason;
};

/// Selection for StrategyRepository::list; ordered by creation time, then name.
struct StrategyFilter
{
    std::optional<StrategyStatus> status;
    std::optional<std::int64_t> limit;
};

std::string_view lineageSourceName(LineageSource source);
common::Result<LineageSource> parseLineageSource(std::string_view name);

/// Checks the UUID form, the name pattern (its TYPE equal to `type`), the timeframe and symbols are present,
/// and that a new strategy starts GENERATED.
common::Result<void> validateNewStrategy(const StrategyRecord& record);

/// True for the canonical lowercase UUID form.
bool isCanonicalUuid(std::string_view text);

} // namespace sixbtc::storage
