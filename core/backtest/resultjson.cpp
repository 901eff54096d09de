// SPDX-License-Identifier: MIT
// Result records as JSON (spec section 13).
#include "backtest/resultjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

#include "common/require.h"

namespace sixbtc::backtest {

namespace {

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonArray tradesJson(const BacktestData& data, std::span<const Trade> trades)
{
    QJsonArray out;
    for (const Trade& t : trades)
        out.append(tradeJson(data, t));
    return out;
}

} // namespace

QJsonObject paramsJson(const StrategyParams& p)
{
    return QJsonObject{{QStringLiteral("sl_pct"), p.slPct},
                       {QStringLiteral("tp_pct"), p.tpPct},
                       {QStringLiteral("leverage"), p.leverage},
                       {QStringLiteral("exit_after_bars"), p.exitAfterBars}};
}

QJsonObject metricsJson(const Metrics& m)
{
    return QJsonObject{{QStringLiteral("total_return"), m.totalReturn},
                       {QStringLiteral("sharpe"), m.sharpe},
                       {QStringLiteral("win_rate"), m.winRate},
                       {QStringLiteral("expectancy"), m.expectancy},
                       {QStringLiteral("expectancy_usdc"), m.expectancyUsdc},
                       {QStringLiteral("max_drawdown"), m.maxDrawdown},
                       {QStringLiteral("n_trades"), static_cast<qint64>(m.nTrades)},
                       {QStringLiteral("ed_ratio"), m.edRatio},
                       {QStringLiteral("consistency"), m.consistency},
                       {QStringLiteral("final_equity"), m.finalEquity}};
}

QJsonObject tradeJson(const BacktestData& data, const Trade& t)
{
    const auto entry = static_cast<std::size_t>(t.entryBar);
    const auto exit = static_cast<std::size_t>(t.exitBar);
    SIXBTC_REQUIRE(exit < data.bars() && entry <= exit);
    return QJsonObject{{QStringLiteral("symbol"), text(data.track(static_cast<std::size_t>(t.symbol)).symbol)},
                       {QStringLiteral("entry_bar"), static_cast<qint64>(t.entryBar)},
                       {QStringLiteral("exit_bar"), static_cast<qint64>(t.exitBar)},
                       {QStringLiteral("entry_time_ms"), static_cast<qint64>(data.timestampMs()[entry])},
                       {QStringLiteral("exit_time_ms"), static_cast<qint64>(data.timestampMs()[exit])},
                       {QStringLiteral("dir"), t.dir},
                       {QStringLiteral("entry_px"), t.entryPx},
                       {QStringLiteral("exit_px"), t.exitPx},
                       {QStringLiteral("qty"), t.qty},
                       {QStringLiteral("notional"), t.notional},
                       {QStringLiteral("margin"), t.margin},
                       {QStringLiteral("entry_fee"), t.entryFee},
                       {QStringLiteral("exit_fee"), t.exitFee},
                       {QStringLiteral("pnl_net"), t.pnlNet},
                       {QStringLiteral("equity_at_entry"), t.equityAtEntry},
                       {QStringLiteral("reason"), text(exitReasonName(t.reason))}};
}

QJsonObject backtestRecord(const BacktestData& data, const std::string& strategy, const StrategyParams& params,
                           const Metrics& metrics, std::span<const Trade> trades)
{
    const QJsonObject bars{{QStringLiteral("first_time_ms"), static_cast<qint64>(data.timestampMs().front())},
                           {QStringLiteral("last_time_ms"), static_cast<qint64>(data.timestampMs().back())},
                           {QStringLiteral("count"), static_cast<qint64>(data.bars())}};
    return QJsonObject{{QStringLiteral("strategy"), QString::fromStdString(strategy)},
                       {QStringLiteral("params"), paramsJson(params)},
                       {QStringLiteral("bars"), bars},
                       {QStringLiteral("metrics"), metricsJson(metrics)},
                       {QStringLiteral("trades"), tradesJson(data, trades)}};
}

QJsonObject optimizeRecord(const BacktestData& data, std::span<const StrategyParams> params,
                           std::span<const Metrics> metrics, std::span<const std::vector<Trade>> trades,
                           BatchTiming timing)
{
    SIXBTC_REQUIRE(params.size() == metrics.size() && (trades.empty() || trades.size() == params.size()));
    QJsonArray strategies;
    for (std::size_t i = 0; i < params.size(); ++i) {
        QJsonObject entry{{QStringLiteral("index"), static_cast<qint64>(i)},
                          {QStringLiteral("params"), paramsJson(params[i])},
                          {QStringLiteral("metrics"), metricsJson(metrics[i])}};
        if (!trades.empty())
            entry.insert(QStringLiteral("trades"), tradesJson(data, trades[i]));
        strategies.append(entry);
    }
    const double steps = static_cast<double>(data.bars()) * static_cast<double>(params.size());
    const QJsonObject timingJson{
        {QStringLiteral("bars"), static_cast<qint64>(data.bars())},
        {QStringLiteral("strategies"), static_cast<qint64>(params.size())},
        {QStringLiteral("seconds"), timing.seconds},
        {QStringLiteral("bar_strategy_steps_per_s"), timing.seconds > 0.0 ? steps / timing.seconds : 0.0}};
    return QJsonObject{{QStringLiteral("strategies"), strategies}, {QStringLiteral("timing"), timingJson}};
}

QByteArray recordText(const QJsonObject& record)
{
    return QJsonDocument(record).toJson(QJsonDocument::Indented);
}

} // namespace sixbtc::backtest
