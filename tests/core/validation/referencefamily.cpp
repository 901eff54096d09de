// SPDX-License-Identifier: MIT
// Loading the reference family from the test data and running its document on a series.
#include "referencefamily.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include "config/settings.h"
#include "strategy/candlewindow.h"
#include "strategy/strategydocument.h"

namespace sixbtc::validation::testing {

namespace {

QByteArray readFile(const char* path)
{
    QFile file(QString::fromUtf8(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", path);
    return file.readAll();
}

template <typename T>
std::vector<T> numbers(const QJsonObject& grid, const char* key)
{
    std::vector<T> out;
    for (const QJsonValue& v : grid.value(QString::fromUtf8(key)).toArray())
        out.push_back(static_cast<T>(v.toDouble()));
    return out;
}

double setting(const QJsonObject& settings, const char* key)
{
    const QJsonValue v = settings.value(QString::fromUtf8(key));
    if (!v.isDouble() && !v.isBool())
        qFatal("reference run settings lack %s", key);
    return v.isBool() ? (v.toBool() ? 1.0 : 0.0) : v.toDouble();
}

} // namespace

ReferenceFamily loadReferenceFamily()
{
    const QByteArray yaml = readFile(SIXBTC_TEST_DATA_DIR "/strategies/reference_rsi.yaml");
    auto parsed = strategy::parseStrategyDocument(yaml.toStdString(), "reference_rsi.yaml");
    if (!parsed.document)
        qFatal("reference_rsi.yaml does not parse");
    const QJsonObject ref =
        QJsonDocument::fromJson(readFile(SIXBTC_TEST_DATA_DIR "/backtest/reference-run-rsi.json")).object();
    const QJsonObject s = ref.value(QStringLiteral("settings")).toObject();
    ReferenceFamily family;
    family.strategy = std::make_unique<strategy::DocumentStrategy>(std::move(*parsed.document));
    family.settings = backtest::EngineSettings{
        .initialEquity = setting(s, "backtest.initial_equity"),
        .riskPct = setting(s, "risk.fixed_fractional.risk_per_trade_pct"),
        .maxPositionSizePct = setting(s, "risk.fixed_fractional.max_position_size_pct"),
        .maxOpenPositions = static_cast<int>(setting(s, "risk.limits.max_open_positions_per_subaccount")),
        .minNotional = setting(s, "hyperliquid.min_notional"),
        .feeRate = setting(s, "backtest.fee_rate"),
        .slippage = setting(s, "backtest.slippage"),
        .exitOnOpposite = setting(s, "backtest.exit_on_opposite") != 0.0};
    const QJsonObject g = ref.value(QStringLiteral("grid")).toObject();
    const config::GridSettings grid{numbers<double>(g, "sl_pct"), numbers<double>(g, "tp_pct"),
                                    numbers<double>(g, "leverage"), numbers<int>(g, "exit_after_bars")};
    auto expanded = backtest::expandGrid(grid);
    if (!expanded)
        qFatal("%s", expanded.error().message.c_str());
    family.grid = std::move(*expanded);
    return family;
}

Market marketOf(common::CandleSeries series, const strategy::DocumentStrategy& core)
{
    auto owned = std::make_unique<common::CandleSeries>(std::move(series));
    strategy::SignalColumns columns = core.evaluate(strategy::CandleWindow(*owned));
    using strategy::RuleSlot;
    const backtest::SymbolInput input{owned.get(),
                                      {columns.rule(RuleSlot::LongEntry), columns.rule(RuleSlot::ShortEntry),
                                       columns.rule(RuleSlot::LongExit), columns.rule(RuleSlot::ShortExit)}};
    auto data = backtest::BacktestData::build(std::span(&input, 1));
    if (!data)
        qFatal("%s", data.error().message.c_str());
    return Market{std::move(owned), std::move(columns), std::move(*data)};
}

} // namespace sixbtc::validation::testing
