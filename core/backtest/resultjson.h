// SPDX-License-Identifier: MIT
// The result records of spec section 13: what `sixbtc backtest --json` and `sixbtc optimize --json` write.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <QByteArray>
#include <QJsonObject>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "backtest/metrics.h"
#include "backtest/trade.h"

namespace sixbtc::backtest {

/// How long an optimize batch took (the record's "timing").
struct BatchTiming
{
    double seconds;
};

/// The params object: sl_pct, tp_pct, leverage, exit_after_bars.
QJsonObject paramsJson(const StrategyParams& params);
/// The metrics object of spec section 13.
QJsonObject metricsJson(const Metrics& metrics);
/// One trade, with its symbol name and bar open times taken from `data`.
QJsonObject tradeJson(const BacktestData& data, const Trade& trade);

/// The backtest record: strategy, params, bars, metrics and trades.
QJsonObject backtestRecord(const BacktestData& data, const std::string& strategy, const StrategyParams& params,
                           const Metrics& metrics, std::span<const Trade> trades);

/// The optimize record: strategies in grid-index order (params[i] has index i) and timing. `trades` is empty, or
/// holds each strategy's trades (written only then, as with --trades).
QJsonObject optimizeRecord(const BacktestData& data, std::span<const StrategyParams> params,
                           std::span<const Metrics> metrics, std::span<const std::vector<Trade>> trades,
                           BatchTiming timing);

/// Indented UTF-8 JSON text of a record. Doubles are written in the shortest form that reads back to the same
/// binary64 (QJsonDocument's writer; the round trip is tested).
QByteArray recordText(const QJsonObject& record);

} // namespace sixbtc::backtest
