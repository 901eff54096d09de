// SPDX-License-Identifier: MIT
// SQL text helpers.
#include "storage/api/sqltext.h"

#include <array>

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace sixbtc::storage {

namespace {

constexpr std::array<std::string_view, kMetricColumnCount> kNames{
    "total_return", "sharpe",   "win_rate", "expectancy",  "expectancy_usdc",
    "max_drawdown", "n_trades", "ed_ratio", "consistency", "final_equity",
};
constexpr std::size_t kTradesColumn = 6;

} // namespace

std::string metricColumnList(std::string_view prefix)
{
    std::string list;
    for (const auto name : kNames) {
        if (!list.empty())
            list += ", ";
        list.append(prefix).append(name);
    }
    return list;
}

std::string metricColumnDefinitions(std::string_view prefix, std::string_view realType, std::string_view integerType)
{
    std::string list;
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (!list.empty())
            list += ", ";
        list.append(prefix).append(kNames[i]).append(" ");
        list.append(i == kTradesColumn ? integerType : realType).append(" NOT NULL");
    }
    return list;
}

std::string placeholders(std::size_t first, std::size_t count)
{
    std::string list;
    for (std::size_t i = 0; i < count; ++i) {
        if (!list.empty())
            list += ", ";
        list.push_back('$');
        list.append(std::to_string(first + i));
    }
    return list;
}

std::string valueRows(std::size_t rows, std::size_t columns)
{
    std::string text;
    for (std::size_t row = 0; row < rows; ++row) {
        if (row > 0)
            text += ", ";
        text.push_back('(');
        text.append(placeholders(row * columns + 1, columns)).push_back(')');
    }
    return text;
}

std::string symbolsToJson(const std::vector<std::string>& symbols)
{
    QJsonArray array;
    for (const auto& symbol : symbols)
        array.append(QString::fromStdString(symbol));
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

common::Result<std::vector<std::string>> symbolsFromJson(const std::string& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!document.isArray())
        return common::fail(common::ErrorCode::Database, "stored symbol list is not a JSON array: " + json);
    std::vector<std::string> symbols;
    for (const auto& value : document.array()) {
        if (!value.isString())
            return common::fail(common::ErrorCode::Database, "stored symbol list holds a non-string: " + json);
        symbols.push_back(value.toString().toStdString());
    }
    return symbols;
}

void appendMetrics(SqlParams& params, const BacktestMetrics& metrics)
{
    params.insert(params.end(),
                  {metrics.totalReturn, metrics.sharpe, metrics.winRate, metrics.expectancy, metrics.expectancyUsdc,
                   metrics.maxDrawdown, metrics.nTrades, metrics.edRatio, metrics.consistency, metrics.finalEquity});
}

BacktestMetrics readMetrics(const SqlRow& row, std::size_t first)
{
    BacktestMetrics metrics;
    metrics.totalReturn = row.real(first);
    metrics.sharpe = row.real(first + 1);
    metrics.winRate = row.real(first + 2);
    metrics.expectancy = row.real(first + 3);
    metrics.expectancyUsdc = row.real(first + 4);
    metrics.maxDrawdown = row.real(first + 5);
    metrics.nTrades = row.integer(first + 6);
    metrics.edRatio = row.real(first + 7);
    metrics.consistency = row.real(first + 8);
    metrics.finalEquity = row.real(first + 9);
    return metrics;
}

} // namespace sixbtc::storage
