// SPDX-License-Identifier: MIT
// Static validation and dry execution of strategy documents; JSON form of the result.
#include "strategy/strategyvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>

#include "strategy/signalplan.h"
#include "strategy/strategydocument.h"

namespace sixbtc::strategy {

namespace {

// Runs the plan on one series and reports non-finite values after warm-up and the absence of entries.
void dryRun(const StrategyDocument& document, const SignalPlan& plan, const common::CandleSeries& series,
            Diagnostics& out)
{
    const std::string where = " on " + series.symbol() + " (" + std::to_string(series.size()) + " bars)";
    if (series.timeframe() != document.timeframe()) {
        out.push_back({0, 0, "candles for " + series.symbol() + " are " + std::string(series.timeframe().name()) +
                                 " but the strategy's timeframe is " + std::string(document.timeframe().name())});
        return;
    }
    if (series.size() <= static_cast<std::size_t>(plan.warmupBars())) {
        out.push_back({0, 0, "too few candles" + where + ": the rules need " + std::to_string(plan.warmupBars() + 1) +
                                 " bars before they can signal"});
        return;
    }
    IndicatorCache cache{CandleWindow(series)};
    const auto observer = [&](const PlanNode& node, std::span<const double> values) {
        std::size_t bad = 0;
        std::size_t first = values.size();
        for (std::size_t i = static_cast<std::size_t>(std::max<std::int64_t>(0, node.firstDefinedBar));
             i < values.size(); ++i) {
            if (!std::isfinite(values[i])) {
                first = std::min(first, i);
                ++bad;
            }
        }
        if (bad > 0) {
            out.push_back({node.pos.line, node.pos.column,
                           "'" + node.key + "' is undefined or infinite at " + std::to_string(bad) +
                               " bars after its warm-up" + where + ", first at bar " + std::to_string(first)});
        }
    };
    const auto columns = plan.evaluate(cache, observer).front();
    std::size_t entries = 0;
    for (RuleSlot slot : {RuleSlot::LongEntry, RuleSlot::ShortEntry}) {
        const auto rule = columns.rule(slot);
        entries += static_cast<std::size_t>(std::count(rule.begin(), rule.end(), 1));
    }
    if (entries == 0)
        out.push_back({0, 0, "no entry signal fires" + where});
}

} // namespace

ValidationResult validateStrategy(std::string_view yamlText, const std::vector<common::CandleSeries>& data)
{
    ValidationResult result;
    auto parsed = parseStrategyDocument(yamlText, {});
    result.diagnostics = std::move(parsed.diagnostics);
    if (parsed.document && !parsed.document->risk())
        result.diagnostics.push_back({1, 1, "missing field 'risk' (validate and backtest need sl_pct, tp_pct, "
                                            "leverage and exit_after_bars)"});
    if (parsed.document && !data.empty()) {
        const SignalPlan plan = SignalPlan::compile(*parsed.document);
        for (const auto& series : data)
            dryRun(*parsed.document, plan, series, result.diagnostics);
    }
    result.valid = result.diagnostics.empty();
    return result;
}

QByteArray validationResultToJson(const ValidationResult& result)
{
    QJsonArray diagnostics;
    for (const auto& d : result.diagnostics) {
        QJsonObject item;
        item.insert(QStringLiteral("line"), d.line);
        item.insert(QStringLiteral("column"), d.column);
        item.insert(QStringLiteral("message"), QString::fromStdString(d.message));
        diagnostics.append(item);
    }
    QJsonObject root;
    root.insert(QStringLiteral("valid"), result.valid);
    root.insert(QStringLiteral("diagnostics"), diagnostics);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace sixbtc::strategy
