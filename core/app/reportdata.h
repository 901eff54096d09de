// SPDX-License-Identifier: MIT
// ReportData: what `sixbtc report` shows, read from the strategy store (pool rows, curves, windows, verdicts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/backtestrecords.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// One strategy of the pool table (ACTIVE or LIVE).
struct ReportPoolRow
{
    std::string name;
    std::string uuid;
    std::string type;
    std::string timeframe;
    std::vector<std::string> symbols;
    storage::StrategyStatus status = storage::StrategyStatus::Active;
    std::optional<double> score;
    storage::BacktestMetrics training;               ///< the latest "training" run
    std::optional<storage::BacktestMetrics> holdout; ///< the latest "holdout" run, when there is one
};

/// The equity curve of a strategy's latest "full" run with its drawdown series.
struct ReportCurve
{
    std::int64_t runId = 0;
    std::int64_t dataStartMs = 0;
    std::int64_t dataEndMs = 0;
    std::vector<storage::EquityPoint> equity;
    std::vector<double> drawdown; ///< one value per equity point: 1 - equity / running peak
    std::int64_t tradeCount = 0;  ///< trades stored with the run
};

/// What the report shows of one ACTIVE strategy beyond its pool row.
struct ReportStrategy
{
    std::string name;
    std::string uuid;
    std::optional<ReportCurve> curve;                 ///< empty when no "full" run is stored
    std::vector<storage::WalkForwardWindow> windows;  ///< of the latest "walk_forward" run; empty when there is none
    std::vector<storage::ValidationVerdict> verdicts; ///< the latest verdict of each check, in first-check order
};

/// The report: the pool table (by descending score, ties by name; a missing score last) and its ACTIVE strategies
/// in the same order.
struct ReportData
{
    std::vector<ReportPoolRow> pool;
    std::vector<ReportStrategy> active;
};

/// 1 - equity / running peak for every point (0 at a new peak).
/// An Input error when the running peak is not a positive finite number (such a curve has no drawdown).
common::Result<std::vector<double>> drawdownSeries(const std::vector<storage::EquityPoint>& equity);

/// Reads the ACTIVE and LIVE strategies with their runs, curves, windows and verdicts. Storage errors are
/// returned; a pool strategy without a "training" run is a Database error naming it (the pipeline always stores it).
common::Result<ReportData> loadReportData(storage::Store& store);

} // namespace sixbtc::app
