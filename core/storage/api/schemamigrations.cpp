// SPDX-License-Identifier: MIT
// The schema, written once with type tokens that each dialect fills in.
#include <string>

#include "storage/api/migration.h"
#include "storage/api/sqltext.h"

namespace sixbtc::storage {

namespace {

// Tokens: @ID@ auto-numbered primary key, @INT@ 64-bit integer, @REAL@ binary64,
// @METRICS@ / @IS_METRICS@ / @OOS_METRICS@ the BacktestMetrics columns.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at_ms @INT@ NOT NULL
);
CREATE TABLE strategies (
    uuid TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    timeframe TEXT NOT NULL,
    symbols TEXT NOT NULL,
    code TEXT NOT NULL,
    parameters TEXT NOT NULL,
    generation_mode TEXT NOT NULL CHECK (generation_mode IN ('pattern', 'ai_free', 'ai_assigned', 'optimized')),
    base_uuid TEXT,
    created_at_ms @INT@ NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('GENERATED', 'VALIDATED', 'ACTIVE', 'LIVE', 'REJECTED', 'RETIRED')),
    score @REAL@
);
CREATE INDEX strategies_status ON strategies (status, created_at_ms);
CREATE TABLE strategy_events (
    id @ID@,
    strategy_uuid TEXT NOT NULL REFERENCES strategies (uuid),
    at_ms @INT@ NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX strategy_events_strategy ON strategy_events (strategy_uuid, id);
CREATE TABLE strategy_lineage (
    strategy_uuid TEXT PRIMARY KEY REFERENCES strategies (uuid),
    source TEXT NOT NULL CHECK (source IN ('pattern', 'llm', 'expansion')),
    pattern_id TEXT NOT NULL,
    llm_provider TEXT NOT NULL,
    llm_model TEXT NOT NULL,
    prompt_template_hash TEXT NOT NULL,
    seed @INT@,
    grid_index @INT@,
    code_hash TEXT NOT NULL,
    dataset_hash TEXT NOT NULL,
    data_start_ms @INT@ NOT NULL,
    data_end_ms @INT@ NOT NULL,
    engine_version TEXT NOT NULL
);
CREATE TABLE backtest_runs (
    id @ID@,
    strategy_uuid TEXT NOT NULL REFERENCES strategies (uuid),
    kind TEXT NOT NULL,
    timeframe TEXT NOT NULL,
    symbols TEXT NOT NULL,
    parameters TEXT NOT NULL,
    dataset_hash TEXT NOT NULL,
    data_start_ms @INT@ NOT NULL,
    data_end_ms @INT@ NOT NULL,
    engine_version TEXT NOT NULL,
    created_at_ms @INT@ NOT NULL,
    @METRICS@,
    score @REAL@
);
CREATE INDEX backtest_runs_strategy ON backtest_runs (strategy_uuid, id);
CREATE TABLE validation_verdicts (
    id @ID@,
    strategy_uuid TEXT NOT NULL REFERENCES strategies (uuid),
    check_name TEXT NOT NULL,
    passed @INT@ NOT NULL CHECK (passed IN (0, 1)),
    figures TEXT NOT NULL,
    backtest_run_id @INT@ REFERENCES backtest_runs (id),
    at_ms @INT@ NOT NULL
);
CREATE INDEX validation_verdicts_strategy ON validation_verdicts (strategy_uuid, id);
CREATE TABLE backtest_windows (
    run_id @INT@ NOT NULL REFERENCES backtest_runs (id),
    window_index @INT@ NOT NULL,
    start_ms @INT@ NOT NULL,
    end_ms @INT@ NOT NULL,
    @METRICS@,
    PRIMARY KEY (run_id, window_index)
);
CREATE TABLE equity_points (
    run_id @INT@ NOT NULL REFERENCES backtest_runs (id),
    time_ms @INT@ NOT NULL,
    equity @REAL@ NOT NULL,
    PRIMARY KEY (run_id, time_ms)
);
CREATE TABLE trades (
    id @ID@,
    run_id @INT@ NOT NULL REFERENCES backtest_runs (id),
    symbol TEXT NOT NULL,
    entry_bar @INT@ NOT NULL,
    exit_bar @INT@ NOT NULL,
    entry_time_ms @INT@ NOT NULL,
    exit_time_ms @INT@ NOT NULL,
    dir @INT@ NOT NULL CHECK (dir IN (1, -1)),
    entry_px @REAL@ NOT NULL,
    exit_px @REAL@ NOT NULL,
    qty @REAL@ NOT NULL,
    notional @REAL@ NOT NULL,
    margin @REAL@ NOT NULL,
    entry_fee @REAL@ NOT NULL,
    exit_fee @REAL@ NOT NULL,
    pnl_net @REAL@ NOT NULL,
    equity_at_entry @REAL@ NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX trades_run ON trades (run_id, id);
CREATE TABLE walk_forward_windows (
    run_id @INT@ NOT NULL REFERENCES backtest_runs (id),
    window_index @INT@ NOT NULL,
    train_start_ms @INT@ NOT NULL,
    train_end_ms @INT@ NOT NULL,
    test_start_ms @INT@ NOT NULL,
    test_end_ms @INT@ NOT NULL,
    parameters TEXT NOT NULL,
    @IS_METRICS@,
    @OOS_METRICS@,
    PRIMARY KEY (run_id, window_index)
);
CREATE TABLE subaccounts (
    address TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    created_at_ms @INT@ NOT NULL
);
CREATE TABLE deployments (
    id @ID@,
    strategy_uuid TEXT NOT NULL REFERENCES strategies (uuid),
    subaccount_address TEXT NOT NULL REFERENCES subaccounts (address),
    allocation_usd @REAL@ NOT NULL,
    started_at_ms @INT@ NOT NULL,
    stopped_at_ms @INT@,
    stop_reason TEXT NOT NULL
);
CREATE TABLE live_orders (
    client_order_id TEXT PRIMARY KEY,
    deployment_id @INT@ NOT NULL REFERENCES deployments (id),
    symbol TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    order_type TEXT NOT NULL,
    size @REAL@ NOT NULL,
    price @REAL@,
    reduce_only @INT@ NOT NULL CHECK (reduce_only IN (0, 1)),
    status TEXT NOT NULL,
    exchange_order_id TEXT,
    created_at_ms @INT@ NOT NULL,
    updated_at_ms @INT@ NOT NULL
);
CREATE INDEX live_orders_deployment ON live_orders (deployment_id, created_at_ms);
CREATE TABLE live_fills (
    fill_id TEXT PRIMARY KEY,
    client_order_id TEXT NOT NULL REFERENCES live_orders (client_order_id),
    size @REAL@ NOT NULL,
    price @REAL@ NOT NULL,
    fee @REAL@ NOT NULL,
    time_ms @INT@ NOT NULL
);
CREATE INDEX live_fills_order ON live_fills (client_order_id, time_ms);
CREATE TABLE risk_events (
    id @ID@,
    at_ms @INT@ NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    deployment_id @INT@ REFERENCES deployments (id),
    message TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX risk_events_time ON risk_events (at_ms, id);
CREATE TABLE generation_jobs (
    id TEXT PRIMARY KEY,
    mode TEXT NOT NULL CHECK (mode IN ('pattern', 'ai_free', 'ai_assigned', 'optimized')),
    parameters TEXT NOT NULL,
    requested @INT@ NOT NULL,
    produced @INT@ NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    created_at_ms @INT@ NOT NULL,
    started_at_ms @INT@,
    finished_at_ms @INT@,
    error TEXT NOT NULL
);
CREATE INDEX generation_jobs_status ON generation_jobs (status, created_at_ms);
)sql";

void replaceAll(std::string& text, const std::string& token, const std::string& value)
{
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
        text.replace(at, token.size(), value);
}

std::string adapt(std::string script, Dialect dialect)
{
    const bool sqlite = dialect == Dialect::Sqlite;
    const std::string integer = sqlite ? "INTEGER" : "BIGINT";
    const std::string real = sqlite ? "REAL" : "DOUBLE PRECISION";
    replaceAll(script, "@ID@",
               sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    replaceAll(script, "@IS_METRICS@", metricColumnDefinitions("is_", real, integer));
    replaceAll(script, "@OOS_METRICS@", metricColumnDefinitions("oos_", real, integer));
    replaceAll(script, "@METRICS@", metricColumnDefinitions("", real, integer));
    replaceAll(script, "@INT@", integer);
    replaceAll(script, "@REAL@", real);
    return script;
}

} // namespace

std::vector<Migration> schemaMigrations(Dialect dialect)
{
    return {
        Migration{1, "strategy store and audit trail", adapt(kVersion1, dialect)},
    };
}

} // namespace sixbtc::storage
