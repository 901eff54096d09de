// SPDX-License-Identifier: MIT
// The strategy store over SQL: rows, lifecycle events, lineage and verdicts.
#include "storage/api/sqlstrategyrepository.h"

#include <algorithm>
#include <tuple>

#include "common/require.h"
#include "storage/api/lifecycle.h"
#include "storage/api/sqltext.h"

namespace sixbtc::storage {

using common::ErrorCode;
using common::Result;

namespace {

// Rows per multi-row INSERT of a bulk write: few statements, well under every parameter limit.
constexpr std::size_t kBatchRows = 100;
constexpr const char* kCreatedReason = "created";

constexpr const char* kColumns = "uuid, name, type, timeframe, symbols, code, parameters, generation_mode, base_uuid, "
                                 "created_at_ms, status, score";
constexpr std::size_t kColumnCount = 12;
// kColumns of the page subquery "s", then the id and metrics of the joined run "r".
const std::string kPageColumns = "s.uuid, s.name, s.type, s.timeframe, s.symbols, s.code, s.parameters, "
                                 "s.generation_mode, s.base_uuid, s.created_at_ms, s.status, s.score, r.id, " +
                                 metricColumnList("r.");
constexpr const char* kLineageColumns = "strategy_uuid, source, pattern_id, llm_provider, llm_model, "
                                        "prompt_template_hash, seed, grid_index, code_hash, dataset_hash, "
                                        "data_start_ms, data_end_ms, engine_version";
constexpr std::size_t kLineageColumnCount = 13;
constexpr const char* kEventColumns = "strategy_uuid, at_ms, from_status, to_status, reason";
constexpr std::size_t kEventColumnCount = 5;
constexpr const char* kVerdictColumns = "id, strategy_uuid, check_name, passed, figures, backtest_run_id, at_ms";

Result<StrategyRecord> readStrategy(const SqlRow& row)
{
    auto symbols = symbolsFromJson(row.text(4));
    auto mode = parseGenerationMode(row.text(7));
    auto status = parseStatus(row.text(10));
    if (!symbols || !mode || !status)
        return common::fail(ErrorCode::Database, "stored strategy " + row.text(1) + " has an unreadable column");
    return StrategyRecord{row.text(0), row.text(1),         row.text(2), row.text(3),         *symbols,
                          row.text(5), row.text(6),         *mode,       row.optionalText(8), row.integer(9),
                          *status,     row.optionalReal(11)};
}

std::string prefixed(const std::string& what, const common::Error& error)
{
    return what + ": " + error.message;
}

} // namespace

SqlStrategyRepository::SqlStrategyRepository(SqlConnection& connection, const Clock& clock)
    : m_connection(connection)
    , m_clock(clock)
{
}

common::Error SqlStrategyRepository::notFound(const std::string& uuid) const
{
    return common::Error{ErrorCode::Input, "no strategy with UUID " + uuid + " in " + m_connection.describe(), {}};
}

Result<void> SqlStrategyRepository::insert(const NewStrategy& strategy)
{
    return insertMany({strategy});
}

Result<void> SqlStrategyRepository::insertMany(const std::vector<NewStrategy>& strategies)
{
    for (const auto& strategy : strategies) {
        if (auto valid = validateNewStrategy(strategy.record); !valid)
            return valid;
    }
    const std::int64_t nowMs = m_clock.nowMs();
    return withTransaction(m_connection, [&]() -> Result<void> {
        for (std::size_t first = 0; first < strategies.size(); first += kBatchRows) {
            const std::size_t count = std::min(kBatchRows, strategies.size() - first);
            if (auto inserted = insertBatch(strategies.data() + first, count, nowMs); !inserted)
                return inserted;
        }
        return {};
    });
}

Result<void> SqlStrategyRepository::insertBatch(const NewStrategy* first, std::size_t count, std::int64_t nowMs)
{
    SqlParams rows;
    SqlParams lineages;
    SqlParams events;
    rows.reserve(count * kColumnCount);
    lineages.reserve(count * kLineageColumnCount);
    events.reserve(count * kEventColumnCount);
    for (std::size_t i = 0; i < count; ++i) {
        const StrategyRecord& r = first[i].record;
        const Lineage& l = first[i].lineage;
        rows.insert(rows.end(),
                    {r.uuid, r.name, r.type, r.timeframe, symbolsToJson(r.symbols), r.code, r.parametersJson,
                     std::string(generationModeName(r.generationMode)), sqlOptional(r.baseUuid), nowMs,
                     std::string(statusName(StrategyStatus::Generated)), sqlOptional(r.score)});
        lineages.insert(lineages.end(),
                        {r.uuid, std::string(lineageSourceName(l.source)), l.patternId, l.llmProvider, l.llmModel,
                         l.promptTemplateHash, sqlOptional(l.seed), sqlOptional(l.gridIndex), l.codeHash, l.datasetHash,
                         l.dataStartMs, l.dataEndMs, l.engineVersion});
        events.insert(events.end(), {r.uuid, nowMs, SqlValue(), std::string(statusName(StrategyStatus::Generated)),
                                     std::string(kCreatedReason)});
    }
    const std::string prefix = count == 1 ? "strategy " + first->record.name : std::to_string(count) + " strategies";
    auto inserted = m_connection.execute(
        std::string("INSERT INTO strategies (") + kColumns + ") VALUES " + valueRows(count, kColumnCount), rows);
    if (!inserted)
        return common::fail(ErrorCode::Database, prefixed("cannot store " + prefix, inserted.error()));
    inserted = m_connection.execute(std::string("INSERT INTO strategy_lineage (") + kLineageColumns + ") VALUES " +
                                        valueRows(count, kLineageColumnCount),
                                    lineages);
    if (!inserted)
        return common::fail(ErrorCode::Database, prefixed("cannot store lineage of " + prefix, inserted.error()));
    inserted = m_connection.execute(std::string("INSERT INTO strategy_events (") + kEventColumns + ") VALUES " +
                                        valueRows(count, kEventColumnCount),
                                    events);
    if (!inserted)
        return tl::unexpected(inserted.error());
    return {};
}

Result<StrategyRecord> SqlStrategyRepository::get(const std::string& uuid)
{
    auto rows = m_connection.query(std::string("SELECT ") + kColumns + " FROM strategies WHERE uuid = $1", {uuid});
    if (!rows)
        return tl::unexpected(rows.error());
    if (rows->empty())
        return tl::unexpected(notFound(uuid));
    return readStrategy(rows->front());
}

Result<std::vector<StrategyRecord>> SqlStrategyRepository::list(const StrategyFilter& filter)
{
    std::string sql = std::string("SELECT ") + kColumns + " FROM strategies";
    SqlParams params;
    if (filter.status) {
        params.emplace_back(std::string(statusName(*filter.status)));
        sql += " WHERE status = $1";
    }
    sql += " ORDER BY created_at_ms, name";
    if (filter.limit) {
        params.emplace_back(*filter.limit);
        sql += " LIMIT $" + std::to_string(params.size());
    }
    auto rows = m_connection.query(sql, params);
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<StrategyRecord> records;
    records.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto record = readStrategy(row);
        if (!record)
            return tl::unexpected(record.error());
        records.push_back(std::move(*record));
    }
    return records;
}

Result<std::vector<StrategyListing>> SqlStrategyRepository::page(std::int64_t offset, std::int64_t limit,
                                                                 const std::string& runKind)
{
    SIXBTC_REQUIRE(offset >= 0 && limit >= 0);
    // The page is cut first, so that the newest run is looked up (through backtest_runs_strategy) for its rows only.
    auto rows = m_connection.query("SELECT " + kPageColumns + " FROM (SELECT " + kColumns +
                                       " FROM strategies ORDER BY created_at_ms, name LIMIT $1 OFFSET $2) s "
                                       "LEFT JOIN backtest_runs r ON r.id = (SELECT MAX(b.id) FROM backtest_runs b "
                                       "WHERE b.strategy_uuid = s.uuid AND b.kind = $3) "
                                       "ORDER BY s.created_at_ms, s.name",
                                   {limit, offset, runKind});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<StrategyListing> listings;
    listings.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto record = readStrategy(row);
        if (!record)
            return tl::unexpected(record.error());
        std::optional<BacktestMetrics> run;
        if (!row.isNull(kColumnCount))
            run = readMetrics(row, kColumnCount + 1);
        listings.push_back(StrategyListing{std::move(*record), run});
    }
    return listings;
}

Result<std::int64_t> SqlStrategyRepository::count()
{
    auto rows = m_connection.query("SELECT COUNT(*) FROM strategies", {});
    if (!rows)
        return tl::unexpected(rows.error());
    return rows->front().integer(0);
}

Result<std::vector<StrategyCount>> SqlStrategyRepository::countByGroup()
{
    auto rows = m_connection.query("SELECT timeframe, type, status, COUNT(*) FROM strategies "
                                   "GROUP BY timeframe, type, status",
                                   {});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<StrategyCount> counts;
    counts.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto status = parseStatus(row.text(2));
        if (!status)
            return common::fail(ErrorCode::Database, "stored strategies have an unreadable status: " + row.text(2));
        counts.push_back(StrategyCount{row.text(0), row.text(1), *status, row.integer(3)});
    }
    // Sorted here, not by ORDER BY: the backends' text collations differ.
    std::sort(counts.begin(), counts.end(), [](const StrategyCount& a, const StrategyCount& b) {
        return std::tie(a.timeframe, a.type, a.status) < std::tie(b.timeframe, b.type, b.status);
    });
    return counts;
}

Result<void> SqlStrategyRepository::insertEvent(const std::string& uuid, std::optional<StrategyStatus> from,
                                                StrategyStatus to, const std::string& reason)
{
    const SqlValue fromValue = from ? SqlValue(std::string(statusName(*from))) : SqlValue();
    auto inserted = m_connection.execute(std::string("INSERT INTO strategy_events (") + kEventColumns +
                                             ") VALUES ($1, $2, $3, $4, $5)",
                                         {uuid, m_clock.nowMs(), fromValue, std::string(statusName(to)), reason});
    if (!inserted)
        return tl::unexpected(inserted.error());
    return {};
}

Result<void> SqlStrategyRepository::transition(const std::string& uuid, StrategyStatus to, const std::string& reason)
{
    return withTransaction(m_connection, [&]() -> Result<void> {
        auto current = get(uuid);
        if (!current)
            return tl::unexpected(current.error());
        if (auto legal = lifecycle::checkTransition(current->status, to, reason); !legal)
            return common::fail(legal.error().code, "strategy " + current->name + ": " + legal.error().message);
        // The status condition makes a concurrent change of the same strategy fail instead of being overwritten.
        auto updated =
            m_connection.execute("UPDATE strategies SET status = $1 WHERE uuid = $2 AND status = $3",
                                 {std::string(statusName(to)), uuid, std::string(statusName(current->status))});
        if (!updated)
            return tl::unexpected(updated.error());
        if (*updated != 1)
            return common::fail(ErrorCode::Database, "strategy " + current->name +
                                                         " changed status concurrently; not moved to " +
                                                         std::string(statusName(to)));
        return insertEvent(uuid, current->status, to, reason);
    });
}

Result<std::vector<StrategyEvent>> SqlStrategyRepository::events(const std::string& uuid)
{
    auto rows = m_connection.query("SELECT id, strategy_uuid, at_ms, from_status, to_status, reason "
                                   "FROM strategy_events WHERE strategy_uuid = $1 ORDER BY id",
                                   {uuid});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<StrategyEvent> events;
    for (const SqlRow& row : *rows) {
        std::optional<StrategyStatus> from;
        if (!row.isNull(3)) {
            auto parsed = parseStatus(row.text(3));
            if (!parsed)
                return tl::unexpected(parsed.error());
            from = *parsed;
        }
        auto to = parseStatus(row.text(4));
        if (!to)
            return tl::unexpected(to.error());
        events.push_back(StrategyEvent{row.integer(0), row.text(1), row.integer(2), from, *to, row.text(5)});
    }
    return events;
}

Result<void> SqlStrategyRepository::setScore(const std::string& uuid, double score)
{
    auto updated = m_connection.execute("UPDATE strategies SET score = $1 WHERE uuid = $2", {score, uuid});
    if (!updated)
        return tl::unexpected(updated.error());
    if (*updated == 0)
        return tl::unexpected(notFound(uuid));
    return {};
}

Result<Lineage> SqlStrategyRepository::lineage(const std::string& uuid)
{
    auto rows = m_connection.query(
        std::string("SELECT ") + kLineageColumns + " FROM strategy_lineage WHERE strategy_uuid = $1", {uuid});
    if (!rows)
        return tl::unexpected(rows.error());
    if (rows->empty())
        return tl::unexpected(notFound(uuid));
    const SqlRow& row = rows->front();
    auto source = parseLineageSource(row.text(1));
    if (!source)
        return tl::unexpected(source.error());
    return Lineage{*source,
                   row.text(2),
                   row.text(3),
                   row.text(4),
                   row.text(5),
                   row.optionalInteger(6),
                   row.optionalInteger(7),
                   row.text(8),
                   row.text(9),
                   row.integer(10),
                   row.integer(11),
                   row.text(12)};
}

Result<std::int64_t> SqlStrategyRepository::addVerdict(const ValidationVerdict& verdict)
{
    auto rows = m_connection.query("INSERT INTO validation_verdicts (strategy_uuid, check_name, passed, figures, "
                                   "backtest_run_id, at_ms) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                   {verdict.strategyUuid, verdict.check, std::int64_t(verdict.passed ? 1 : 0),
                                    verdict.figuresJson, sqlOptional(verdict.backtestRunId), m_clock.nowMs()});
    if (!rows)
        return common::fail(ErrorCode::Database, prefixed("cannot store the " + verdict.check +
                                                              " verdict of strategy " + verdict.strategyUuid,
                                                          rows.error()));
    return rows->front().integer(0);
}

Result<std::vector<ValidationVerdict>> SqlStrategyRepository::verdicts(const std::string& uuid)
{
    auto rows = m_connection.query(std::string("SELECT ") + kVerdictColumns +
                                       " FROM validation_verdicts WHERE strategy_uuid = $1 ORDER BY id",
                                   {uuid});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<ValidationVerdict> verdicts;
    for (const SqlRow& row : *rows)
        verdicts.push_back(ValidationVerdict{row.integer(0), row.text(1), row.text(2), row.integer(3) != 0, row.text(4),
                                             row.optionalInteger(5), row.integer(6)});
    return verdicts;
}

} // namespace sixbtc::storage
