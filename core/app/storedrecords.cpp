// SPDX-License-Identifier: MIT
// Engine and validation values to store rows and back.
#include "app/storedrecords.h"

#include <cmath>
#include <limits>

#include <QJsonDocument>
#include <QJsonObject>

#include "backtest/resultjson.h"
#include "common/buildinfo.h"

namespace sixbtc::app {

std::string engineVersion()
{
    return std::string("sixbtc ") + common::buildinfo::version;
}

storage::BacktestRun backtestRun(const storage::StrategyRecord& strategy, std::string kind, std::string datasetHash,
                                 const backtest::TimeRange& range, const backtest::Metrics& metrics,
                                 std::optional<double> score)
{
    storage::BacktestRun run;
    run.strategyUuid = strategy.uuid;
    run.kind = std::move(kind);
    run.timeframe = strategy.timeframe;
    run.symbols = strategy.symbols;
    run.parametersJson = strategy.parametersJson;
    run.datasetHash = std::move(datasetHash);
    run.dataStartMs = range.fromMs;
    run.dataEndMs = range.toMs;
    run.engineVersion = engineVersion();
    run.metrics = storedMetrics(metrics);
    run.score = score;
    return run;
}

common::Result<void> addVerdict(storage::StrategyRepository& strategies, const std::string& uuid, std::string check,
                                bool passed, const QJsonObject& figures, std::optional<std::int64_t> runId)
{
    storage::ValidationVerdict verdict;
    verdict.strategyUuid = uuid;
    verdict.check = std::move(check);
    verdict.passed = passed;
    verdict.figuresJson = QJsonDocument(figures).toJson(QJsonDocument::Compact).toStdString();
    verdict.backtestRunId = runId;
    auto added = strategies.addVerdict(verdict);
    if (!added)
        return tl::unexpected(added.error());
    return {};
}

storage::BacktestMetrics storedMetrics(const backtest::Metrics& m)
{
    return storage::BacktestMetrics{m.totalReturn, m.sharpe,  m.winRate, m.expectancy,  m.expectancyUsdc,
                                    m.maxDrawdown, m.nTrades, m.edRatio, m.consistency, m.finalEquity};
}

std::vector<storage::WalkForwardWindow> storedWindows(const validation::WalkForwardResult& result)
{
    std::vector<storage::WalkForwardWindow> windows;
    for (const auto& w : result.windows) {
        storage::WalkForwardWindow row;
        row.index = static_cast<std::int64_t>(w.index);
        row.trainStartMs = w.ranges.inSample.fromMs;
        row.trainEndMs = w.ranges.inSample.toMs;
        row.testStartMs = w.ranges.outOfSample.fromMs;
        row.testEndMs = w.ranges.outOfSample.toMs;
        row.parametersJson = paramsText(w.params);
        row.inSample = storedMetrics(w.inSample);
        row.outOfSample = storedMetrics(w.outOfSample);
        windows.push_back(std::move(row));
    }
    return windows;
}

std::string paramsText(const backtest::StrategyParams& params)
{
    return QJsonDocument(backtest::paramsJson(params)).toJson(QJsonDocument::Compact).toStdString();
}

common::Result<backtest::StrategyParams> paramsFromText(const std::string& json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return common::fail(common::ErrorCode::Input, "stored parameters are not a JSON object: " + json);
    const QJsonObject object = document.object();
    const auto number = [&object](const char* key) -> std::optional<double> {
        const QJsonValue value = object.value(QString::fromUtf8(key));
        return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
    };
    const auto sl = number("sl_pct");
    const auto tp = number("tp_pct");
    const auto leverage = number("leverage");
    const auto exitBars = number("exit_after_bars");
    if (!sl || !tp || !leverage || !exitBars || *exitBars != std::floor(*exitBars) || *exitBars < 0 ||
        *exitBars > std::numeric_limits<int>::max()) {
        return common::fail(common::ErrorCode::Input,
                            "stored parameters need numbers sl_pct, tp_pct, leverage and an integer exit_after_bars "
                            ">= 0: " +
                                json);
    }
    const backtest::StrategyParams params{*sl, *tp, *leverage, static_cast<int>(*exitBars)};
    if (auto ok = backtest::checkStrategyParams(params); !ok)
        return common::fail(common::ErrorCode::Input, "stored parameters: " + ok.error().message);
    return params;
}

} // namespace sixbtc::app
