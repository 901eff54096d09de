// SPDX-License-Identifier: MIT
// SqlStrategyRepository: StrategyRepository over any SqlConnection.
#pragma once

#include "storage/api/clock.h"
#include "storage/api/sqlconnection.h"
#include "storage/api/strategyrepository.h"

namespace sixbtc::storage {

/// The strategy store written once for every backend; the lifecycle rules come from lifecycle.h.
class SqlStrategyRepository final : public StrategyRepository
{
public:
    SqlStrategyRepository(SqlConnection& connection, const Clock& clock);

    common::Result<void> insert(const NewStrategy& strategy) override;
    common::Result<void> insertMany(const std::vector<NewStrategy>& strategies) override;
    common::Result<StrategyRecord> get(const std::string& uuid) override;
    common::Result<std::vector<StrategyRecord>> list(const StrategyFilter& filter) override;
    common::Result<std::vector<StrategyListing>> page(std::int64_t offset, std::int64_t limit,
                                                      const std::string& runKind) override;
    common::Result<std::int64_t> count() override;
    common::Result<std::vector<StrategyCount>> countByGroup() override;
    common::Result<void> transition(const std::string& uuid, StrategyStatus to, const std::string& reason) override;
    common::Result<std::vector<StrategyEvent>> events(const std::string& uuid) override;
    common::Result<void> setScore(const std::string& uuid, double score) override;
    common::Result<Lineage> lineage(const std::string& uuid) override;
    common::Result<std::int64_t> addVerdict(const ValidationVerdict& verdict) override;
    common::Result<std::vector<ValidationVerdict>> verdicts(const std::string& uuid) override;

private:
    common::Result<void> insertBatch(const NewStrategy* first, std::size_t count, std::int64_t nowMs);
    common::Result<void> insertEvent(const std::string& uuid, std::optional<StrategyStatus> from, StrategyStatus to,
                                     const std::string& reason);
    common::Error notFound(const std::string& uuid) const;

    SqlConnection& m_connection;
    const Clock& m_clock;
};

} // namespace sixbtc::storage
