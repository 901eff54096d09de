// SPDX-License-Identifier: MIT
// StrategyRepository: the strategy store with its lifecycle, lineage and validation verdicts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/backtestrecords.h"
#include "storage/api/strategyrecord.h"

namespace sixbtc::storage {

/// How many strategies share one timeframe, type and status.
struct StrategyCount
{
    std::string timeframe;
    std::string type;
    StrategyStatus status = StrategyStatus::Generated;
    std::int64_t count = 0;

    bool operator==(const StrategyCount&) const = default;
};

/// One strategy with the metrics of its newest run of the kind a page asked for, when it has one.
struct StrategyListing
{
    StrategyRecord record;
    std::optional<BacktestMetrics> run;
};

/// Strategies and their audit trail. Implementations are not thread-safe: one store per thread.
class StrategyRepository
{
public:
    virtual ~StrategyRepository() = default;

    /// Stores a new GENERATED strategy with its lineage and a creation event (time from the clock).
    virtual common::Result<void> insert(const NewStrategy& strategy) = 0;
    /// Stores many new strategies in one transaction: all or none.
    virtual common::Result<void> insertMany(const std::vector<NewStrategy>& strategies) = 0;

    /// The strategy with this UUID; an Input error when there is none.
    virtual common::Result<StrategyRecord> get(const std::string& uuid) = 0;
    virtual common::Result<std::vector<StrategyRecord>> list(const StrategyFilter& filter) = 0;
    /// At most `limit` strategies from position `offset` in list() order, each with the metrics of its newest run
    /// (highest id) of kind `runKind`; one query. \warning offset >= 0 and limit >= 0.
    virtual common::Result<std::vector<StrategyListing>> page(std::int64_t offset, std::int64_t limit,
                                                              const std::string& runKind) = 0;
    /// The number of stored strategies.
    virtual common::Result<std::int64_t> count() = 0;
    /// The number of strategies of every (timeframe, type, status) that has any, counted by the database (cheap for
    /// many strategies); ordered by timeframe, type (byte order) and status (enumeration order).
    virtual common::Result<std::vector<StrategyCount>> countByGroup() = 0;

    /// Moves a strategy to `to` if lifecycle::checkTransition allows it, and stores the event.
    virtual common::Result<void> transition(const std::string& uuid, StrategyStatus to, const std::string& reason) = 0;
    /// The status events of a strategy, oldest first (the creation event included).
    virtual common::Result<std::vector<StrategyEvent>> events(const std::string& uuid) = 0;

    virtual common::Result<void> setScore(const std::string& uuid, double score) = 0;

    virtual common::Result<Lineage> lineage(const std::string& uuid) = 0;
    /// Appends a verdict (time from the clock); returns its id.
    virtual common::Result<std::int64_t> addVerdict(const ValidationVerdict& verdict) = 0;
    /// The verdicts of a strategy in the order they were added.
    virtual common::Result<std::vector<ValidationVerdict>> verdicts(const std::string& uuid) = 0;
};

} // namespace sixbtc::storage
