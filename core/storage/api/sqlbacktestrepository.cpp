// SPDX-License-Identifier: MIT
// Stored backtests over SQL.
#include "storage/api/sqlbacktestrepository.h"

#include <algorithm>

#include "common/require.h"
#include "storage/api/sqltext.h"

namespace sixbtc::storage {

using common::ErrorCode;
using common::Result;

namespace {

// Rows per multi-row INSERT; keeps every statement far below the backends' parameter limits.
constexpr std::size_t kBatchRows = 100;

const std::string kRunColumns = "strategy_uuid, kind, timeframe, symbols, parameters, dataset_hash, data_start_ms, "
                                "data_end_ms, engine_version, created_at_ms, " +
                                metricColumnList("") + ", score";
constexpr std::size_t kRunColumnCount = 11 + kMetricColumnCount;
const std::string kTradeColumns = "run_id, symbol, entry_bar, exit_bar, entry_time_ms, exit_time_ms, dir, entry_px, "
                                  "exit_px, qty, notional, margin, entry_fee, exit_fee, pnl_net, equity_at_entry, "
                                  "reason";
constexpr std::size_t kTradeColumnCount = 17;
const std::string kWindowColumns = "run_id, window_index, start_ms, end_ms, " + metricColumnList("");
const std::string kWalkForwardColumns = "run_id, window_index, train_start_ms, train_end_ms, test_start_ms, "
                                        "test_end_ms, parameters, " +
                                        metricColumnList("is_") + ", " + metricColumnList("oos_");

} // namespace

SqlBacktestRepository::SqlBacktestRepository(SqlConnection& connection, const Clock& clock)
    : m_connection(connection)
    , m_clock(clock)
{
}

Result<std::int64_t> SqlBacktestRepository::insertRun(const BacktestRun& run)
{
    auto ids = insertRuns({run});
    if (!ids)
        return tl::unexpected(ids.error());
    return ids->front();
}

Result<std::vector<std::int64_t>> SqlBacktestRepository::insertRuns(const std::vector<BacktestRun>& runs)
{
    const std::int64_t nowMs = m_clock.nowMs();
    return withTransaction(m_connection, [&]() -> Result<std::vector<std::int64_t>> {
        std::vector<std::int64_t> ids;
        ids.reserve(runs.size());
        for (std::size_t first = 0; first < runs.size(); first += kBatchRows) {
            const std::size_t count = std::min(kBatchRows, runs.size() - first);
            SqlParams values;
            values.reserve(count * kRunColumnCount);
            for (std::size_t i = first; i < first + count; ++i) {
                const BacktestRun& r = runs[i];
                values.insert(values.end(),
                              {r.strategyUuid, r.kind, r.timeframe, symbolsToJson(r.symbols), r.parametersJson,
                               r.datasetHash, r.dataStartMs, r.dataEndMs, r.engineVersion, nowMs});
                appendMetrics(values, r.metrics);
                values.push_back(sqlOptional(r.score));
            }
            auto rows = m_connection.query("INSERT INTO backtest_runs (" + kRunColumns + ") VALUES " +
                                               valueRows(count, kRunColumnCount) + " RETURNING id",
                                           values);
            if (!rows)
                return common::fail(ErrorCode::Database, "cannot store backtest runs: " + rows.error().message);
            // Both backends number the rows of one statement in VALUES order, so ascending ids follow it.
            std::vector<std::int64_t> batch;
            for (const SqlRow& row : *rows)
                batch.push_back(row.integer(0));
            std::sort(batch.begin(), batch.end());
            ids.insert(ids.end(), batch.begin(), batch.end());
        }
        return ids;
    });
}

Result<std::vector<BacktestRun>> SqlBacktestRepository::selectRuns(const std::string& clauses, const SqlParams& params)
{
    auto rows = m_connection.query("SELECT id, " + kRunColumns + " FROM backtest_runs " + clauses, params);
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<BacktestRun> runs;
    for (const SqlRow& row : *rows) {
        auto symbols = symbolsFromJson(row.text(4));
        if (!symbols)
            return tl::unexpected(symbols.error());
        runs.push_back(BacktestRun{row.integer(0), row.text(1), row.text(2), row.text(3), *symbols, row.text(5),
                                   row.text(6), row.integer(7), row.integer(8), row.text(9), row.integer(10),
                                   readMetrics(row, 11), row.optionalReal(11 + kMetricColumnCount)});
    }
    return runs;
}

Result<BacktestRun> SqlBacktestRepository::run(std::int64_t id)
{
    auto runs = selectRuns("WHERE id = $1", {id});
    if (!runs)
        return tl::unexpected(runs.error());
    if (runs->empty())
        return common::fail(ErrorCode::Input,
                            "no backtest run with id " + std::to_string(id) + " in " + m_connection.describe());
    return runs->front();
}

Result<std::vector<BacktestRun>> SqlBacktestRepository::runsOf(const std::string& strategyUuid)
{
    return selectRuns("WHERE strategy_uuid = $1 ORDER BY id", {strategyUuid});
}

Result<std::vector<BacktestRun>> SqlBacktestRepository::recentRuns(std::int64_t limit)
{
    SIXBTC_REQUIRE(limit >= 0);
    return selectRuns("ORDER BY created_at_ms DESC, id DESC LIMIT $1", {limit});
}

Result<void> SqlBacktestRepository::insertRows(const std::string& table, const std::string& columns,
                                               std::size_t columnCount, std::size_t rowCount, const SqlParams& values)
{
    SIXBTC_REQUIRE(values.size() == columnCount * rowCount);
    return withTransaction(m_connection, [&]() -> Result<void> {
        for (std::size_t first = 0; first < rowCount; first += kBatchRows) {
            const std::size_t count = std::min(kBatchRows, rowCount - first);
            const auto begin = values.begin() + static_cast<std::ptrdiff_t>(first * columnCount);
            const SqlParams batch(begin, begin + static_cast<std::ptrdiff_t>(count * columnCount));
            auto inserted = m_connection.execute(
                "INSERT INTO " + table + " (" + columns + ") VALUES " + valueRows(count, columnCount), batch);
            if (!inserted)
                return common::fail(ErrorCode::Database, "cannot store " + table + ": " + inserted.error().message);
        }
        return {};
    });
}

Result<void> SqlBacktestRepository::addWindowResults(std::int64_t runId, const std::vector<WindowResult>& windows)
{
    SqlParams values;
    for (const WindowResult& w : windows) {
        values.insert(values.end(), {runId, w.index, w.startMs, w.endMs});
        appendMetrics(values, w.metrics);
    }
    return insertRows("backtest_windows", kWindowColumns, 4 + kMetricColumnCount, windows.size(), values);
}

Result<std::vector<WindowResult>> SqlBacktestRepository::windowResults(std::int64_t runId)
{
    auto rows = m_connection.query("SELECT " + kWindowColumns +
                                       " FROM backtest_windows WHERE run_id = $1 "
                                       "ORDER BY window_index",
                                   {runId});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<WindowResult> windows;
    for (const SqlRow& row : *rows)
        windows.push_back(WindowResult{row.integer(1), row.integer(2), row.integer(3), readMetrics(row, 4)});
    return windows;
}

Result<void> SqlBacktestRepository::addEquityCurve(std::int64_t runId, const std::vector<EquityPoint>& points)
{
    SqlParams values;
    for (const EquityPoint& p : points)
        values.insert(values.end(), {runId, p.timeMs, p.equity});
    return insertRows("equity_points", "run_id, time_ms, equity", 3, points.size(), values);
}

Result<std::vector<EquityPoint>> SqlBacktestRepository::equityCurve(std::int64_t runId)
{
    auto rows =
        m_connection.query("SELECT time_ms, equity FROM equity_points WHERE run_id = $1 ORDER BY time_ms", {runId});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<EquityPoint> points;
    points.reserve(rows->size());
    for (const SqlRow& row : *rows)
        points.push_back(EquityPoint{row.integer(0), row.real(1)});
    return points;
}

Result<void> SqlBacktestRepository::addTrades(std::int64_t runId, const std::vector<TradeRecord>& trades)
{
    SqlParams values;
    for (const TradeRecord& t : trades)
        values.insert(values.end(), {runId, t.symbol, t.entryBar, t.exitBar, t.entryTimeMs, t.exitTimeMs,
                                     std::int64_t(t.dir), t.entryPx, t.exitPx, t.qty, t.notional, t.margin, t.entryFee,
                                     t.exitFee, t.pnlNet, t.equityAtEntry, t.reason});
    return insertRows("trades", kTradeColumns, kTradeColumnCount, trades.size(), values);
}

Result<std::vector<TradeRecord>> SqlBacktestRepository::trades(std::int64_t runId)
{
    auto rows = m_connection.query("SELECT " + kTradeColumns + " FROM trades WHERE run_id = $1 ORDER BY id", {runId});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<TradeRecord> trades;
    for (const SqlRow& r : *rows)
        trades.push_back(TradeRecord{r.text(1), r.integer(2), r.integer(3), r.integer(4), r.integer(5),
                                     static_cast<int>(r.integer(6)), r.real(7), r.real(8), r.real(9), r.real(10),
                                     r.real(11), r.real(12), r.real(13), r.real(14), r.real(15), r.text(16)});
    return trades;
}

Result<void> SqlBacktestRepository::addWalkForwardWindows(std::int64_t runId,
                                                          const std::vector<WalkForwardWindow>& windows)
{
    SqlParams values;
    for (const WalkForwardWindow& w : windows) {
        values.insert(values.end(),
                      {runId, w.index, w.trainStartMs, w.trainEndMs, w.testStartMs, w.testEndMs, w.parametersJson});
        appendMetrics(values, w.inSample);
        appendMetrics(values, w.outOfSample);
    }
    return insertRows("walk_forward_windows", kWalkForwardColumns, 7 + 2 * kMetricColumnCount, windows.size(), values);
}

Result<std::vector<WalkForwardWindow>> SqlBacktestRepository::walkForwardWindows(std::int64_t runId)
{
    auto rows = m_connection.query("SELECT " + kWalkForwardColumns +
                                       " FROM walk_forward_windows WHERE run_id = $1 ORDER BY window_index",
                                   {runId});
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<WalkForwardWindow> windows;
    for (const SqlRow& r : *rows)
        windows.push_back(WalkForwardWindow{r.integer(1), r.integer(2), r.integer(3), r.integer(4), r.integer(5),
                                            r.text(6), readMetrics(r, 7), readMetrics(r, 7 + kMetricColumnCount)});
    return windows;
}

} // namespace sixbtc::storage
