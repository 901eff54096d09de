// SPDX-License-Identifier: MIT
// SQL text helpers shared by the schema and the repositories: placeholders, metric columns, symbol lists.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

#include "storage/api/backtestrecords.h"
#include "storage/api/sqlrow.h"

namespace sixbtc::storage {

/// Number of columns one BacktestMetrics takes.
inline constexpr std::size_t kMetricColumnCount = 10;

/// "total_return, sharpe, ..." with every name prefixed by `prefix`.
std::string metricColumnList(std::string_view prefix);
/// The column definitions for a CREATE TABLE, with `realType` and `integerType` as the column types.
std::string metricColumnDefinitions(std::string_view prefix, std::string_view realType, std::string_view integerType);
/// "$first, $first+1, ..." for `count` placeholders.
std::string placeholders(std::size_t first, std::size_t count);
/// "($1, .., $n), ($n+1, .., $2n), ..." for a multi-row INSERT of `rows` rows of `columns` values.
std::string valueRows(std::size_t rows, std::size_t columns);

/// A symbol list as a compact JSON array, and back.
std::string symbolsToJson(const std::vector<std::string>& symbols);
common::Result<std::vector<std::string>> symbolsFromJson(const std::string& json);

void appendMetrics(SqlParams& params, const BacktestMetrics& metrics);
/// Reads the metric columns starting at `first`.
BacktestMetrics readMetrics(const SqlRow& row, std::size_t first);

} // namespace sixbtc::storage
