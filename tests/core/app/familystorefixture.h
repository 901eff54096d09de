// SPDX-License-Identifier: MIT
// Test support of tst_familystore: a family proven on real BTC 1h candles, expected rows, a SQLite dump.
#pragma once

#include <QString>

#include <optional>
#include <string>
#include <vector>

#include "app/provefamily.h"
#include "storage/api/backtestrecords.h"
#include "storage/api/sqlconnection.h"
#include "storage/api/strategystatus.h"

namespace sixbtc::testing {

/// An RSI(7) reversal on BTC 1h without a risk block (the grid supplies it).
inline constexpr const char* kFamilyDocument = R"(type: REV
timeframe: 1h
symbols: [BTC]
signals:
  long_entry: "rsi(close, 7)[1] < 35 and rsi(close, 7) >= 35"
  short_entry: "rsi(close, 7)[1] > 65 and rsi(close, 7) <= 65"
)";

/// The 8-point family of kFamilyDocument over 2025-03-01 .. 2025-05-15 (60 training days, 10 holdout days), proven
/// with the shipped configuration whose thresholds are relaxed except scoring.min_sharpe, set to the family's median
/// training Sharpe: about half the strategies reach the robustness stage, where they all pass.
struct ProvenFamily
{
    config::Config config;
    std::vector<data::CandleData> candles;
    std::optional<strategy::StrategyDocument> document;
    std::optional<app::PreparedBacktest> prepared;
    backtest::ParamGrid grid;
    std::optional<app::FamilyProof> proof;
    std::string codeHash; ///< SHA-256 of the document's canonical code

    /// Empty when loaded and proven; otherwise why not.
    std::string load();
};

/// UTC milliseconds of an ISO 8601 text.
std::int64_t utcMs(const char* iso);

/// The canonical code of kFamilyDocument with `p` as its risk block, built from text.
std::string expandedCode(const backtest::StrategyParams& p);

/// The status name as a QString.
QString statusText(storage::StrategyStatus status);

/// Every stored metric equals the engine's.
bool sameMetrics(const storage::BacktestMetrics& stored, const backtest::Metrics& metrics);

/// Every column of every table (with each value's storage class), tables by name, rows in primary-key order (rowid
/// order for a table without one); an "error: ..." line when a query fails.
std::string dumpSqlite(storage::SqlConnection& sql);

} // namespace sixbtc::testing
