// SPDX-License-Identifier: MIT
// Classification: decisions read from the stored verdicts, offers to the ACTIVE pool, evictions.
#include "app/poolupdate.h"

#include <algorithm>
#include <optional>

#include <QJsonDocument>
#include <QJsonObject>

#include "pool/activepool.h"
#include "storage/api/lifecycle.h"

namespace sixbtc::app {

namespace {

using storage::StrategyStatus;

/// A strategy to classify with what its stored decision says.
struct Candidate
{
    storage::StrategyRecord record;
    std::int64_t gridIndex = 0;
    bool passed = false;
    std::string reason;
};

common::Result<Candidate> candidateOf(storage::Store& store, const std::string& uuid)
{
    auto record = store.strategies().get(uuid);
    if (!record)
        return tl::unexpected(record.error());
    if (record->status != StrategyStatus::Validated || !record->score) {
        return common::fail(common::ErrorCode::Input, record->name + " cannot be classified: it is " +
                                                          std::string(storage::statusName(record->status)) +
                                                          (record->score ? "" : " without a score"));
    }
    auto verdicts = store.strategies().verdicts(uuid);
    if (!verdicts)
        return tl::unexpected(verdicts.error());
    const auto found = std::find_if(verdicts->rbegin(), verdicts->rend(),
                                    [](const storage::ValidationVerdict& v) { return v.check == kRobustnessVerdict; });
    if (found == verdicts->rend())
        return common::fail(common::ErrorCode::Input, record->name + " has no robustness verdict: prove it first");
    auto lineage = store.strategies().lineage(uuid);
    if (!lineage)
        return tl::unexpected(lineage.error());
    Candidate c;
    c.gridIndex = lineage->gridIndex.value_or(0);
    c.passed = found->passed;
    c.reason = QJsonDocument::fromJson(QByteArray::fromStdString(found->figuresJson))
                   .object()
                   .value(QStringLiteral("reason"))
                   .toString()
                   .toStdString();
    c.record = std::move(*record);
    return c;
}

bool offeredBefore(const Candidate& a, const Candidate& b)
{
    if (*a.record.score != *b.record.score)
        return *a.record.score > *b.record.score;
    if (a.gridIndex != b.gridIndex)
        return a.gridIndex < b.gridIndex;
    return a.record.uuid < b.record.uuid;
}

/// The pool as stored: every ACTIVE row with its score, offered strongest first.
common::Result<pool::ActivePool> loadPool(storage::Store& store, const config::PoolSettings& settings)
{
    auto rows = store.strategies().list(storage::StrategyFilter{StrategyStatus::Active, std::nullopt});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<pool::PoolEntry> entries;
    for (const auto& row : *rows) {
        if (!row.score)
            return common::fail(common::ErrorCode::Input, "ACTIVE strategy " + row.name + " has no score");
        entries.push_back({row.uuid, *row.score});
    }
    std::sort(entries.begin(), entries.end(), pool::strongerThan);
    pool::ActivePool active(settings);
    for (const auto& entry : entries) {
        auto offered = active.offer(entry);
        if (!offered)
            return tl::unexpected(offered.error());
    }
    return active;
}

common::Result<void> admit(storage::Store& store, pool::ActivePool& active, const Candidate& c,
                           ClassifySummary& summary)
{
    auto admission = active.offer({c.record.uuid, *c.record.score});
    if (!admission)
        return tl::unexpected(admission.error());
    if (!admission->admitted) {
        ++summary.rejected;
        return store.strategies().transition(c.record.uuid, StrategyStatus::Rejected, "pool: " + admission->reason);
    }
    summary.admitted.push_back(c.record.name);
    if (auto ok =
            store.strategies().transition(c.record.uuid, StrategyStatus::Active, "robustness passed; entered the pool");
        !ok)
        return ok;
    if (!admission->evicted)
        return {};
    auto evicted = store.strategies().get(admission->evicted->uuid);
    if (!evicted)
        return tl::unexpected(evicted.error());
    summary.evicted.push_back(evicted->name);
    return store.strategies().transition(evicted->uuid, StrategyStatus::Retired,
                                         std::string(storage::lifecycle::kEvicted));
}

} // namespace

common::Result<ClassifySummary> classifyStrategies(storage::Store& store, const config::PoolSettings& pool,
                                                   const std::vector<std::string>& uuids)
{
    ClassifySummary summary;
    std::vector<Candidate> offers;
    for (const auto& uuid : uuids) {
        auto candidate = candidateOf(store, uuid);
        if (!candidate)
            return tl::unexpected(candidate.error());
        if (candidate->passed) {
            offers.push_back(std::move(*candidate));
            continue;
        }
        ++summary.rejected;
        if (auto ok = store.strategies().transition(uuid, StrategyStatus::Rejected, candidate->reason); !ok)
            return tl::unexpected(ok.error());
    }
    std::sort(offers.begin(), offers.end(), offeredBefore);
    auto active = loadPool(store, pool);
    if (!active)
        return tl::unexpected(active.error());
    for (const auto& offer : offers) {
        if (auto ok = admit(store, *active, offer, summary); !ok)
            return tl::unexpected(ok.error());
    }
    return summary;
}

common::Result<std::vector<std::string>> pendingClassification(storage::Store& store)
{
    auto rows = store.strategies().list(storage::StrategyFilter{StrategyStatus::Validated, std::nullopt});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<std::string> uuids;
    for (const auto& row : *rows) {
        if (row.generationMode == storage::GenerationMode::Optimized)
            uuids.push_back(row.uuid);
    }
    return uuids;
}

} // namespace sixbtc::app
