// SPDX-License-Identifier: MIT
// Readers of the trading, data, backtest and risk sections.
#include <algorithm>
#include <set>

#include "config/sectionreaders.h"

namespace sixbtc::config {

namespace {

constexpr std::size_t kMaxSymbolLength = 20;

bool isSymbolName(const std::string& text)
{
    return !text.empty() && text.size() <= kMaxSymbolLength && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
}

std::vector<common::Timeframe> readTimeframes(MappingReader& section)
{
    std::vector<std::string_view> names;
    for (const auto& tf : common::Timeframe::all())
        names.push_back(tf.name());
    std::vector<common::Timeframe> timeframes;
    const auto elements = section.list("timeframes", "a non-empty list of timeframes", true);
    for (const auto& element : elements) {
        const auto index = readChoice(element, names, section.problems());
        if (!index)
            continue;
        const common::Timeframe tf = common::Timeframe::all()[*index];
        if (std::find(timeframes.begin(), timeframes.end(), tf) != timeframes.end()) {
            section.problems().add(element.line, element.path,
                                   "expected each timeframe once" + gotSuffix(element.node));
            continue;
        }
        timeframes.push_back(tf);
    }
    return timeframes;
}

std::vector<std::string> readSymbols(MappingReader& section)
{
    std::vector<std::string> symbols;
    std::set<std::string> seen;
    for (const auto& element : section.list("symbols", "a non-empty list of base assets (BTC, ETH ...)", true)) {
        const auto symbol = readText(element, section.problems());
        if (!symbol)
            continue;
        if (!isSymbolName(*symbol)) {
            section.problems().add(element.line, element.path,
                                   "expected a base asset of 1 to 20 letters and digits" + gotSuffix(element.node));
        } else if (!seen.insert(*symbol).second) {
            section.problems().add(element.line, element.path, "expected each symbol once" + gotSuffix(element.node));
        }
        symbols.push_back(*symbol);
    }
    return symbols;
}

std::vector<std::string> readFolderNames(MappingReader& section, std::string_view key)
{
    std::vector<std::string> names;
    for (const auto& element : section.list(key, "a list of folder names", false)) {
        const auto name = readText(element, section.problems());
        if (!name)
            continue;
        if (name->find('/') != std::string::npos || *name == "." || *name == "..")
            section.problems().add(element.line, element.path,
                                   "expected a folder name without '/'" + gotSuffix(element.node));
        names.push_back(*name);
    }
    return names;
}

} // namespace

std::filesystem::path readPath(MappingReader& section, std::string_view key, const std::filesystem::path& baseDir)
{
    const std::filesystem::path path(section.text(key));
    return (path.is_absolute() ? path : baseDir / path).lexically_normal();
}

TradingSettings readTrading(MappingReader& root)
{
    MappingReader section = root.mapping("trading");
    TradingSettings settings;
    settings.timeframes = readTimeframes(section);
    settings.symbols = readSymbols(section);
    section.finish();
    return settings;
}

DataSettings readData(MappingReader& root, const std::filesystem::path& baseDir)
{
    MappingReader section = root.mapping("data");
    DataSettings settings;
    settings.dir = readPath(section, "dir", baseDir);
    settings.prefer =
        section.choice("prefer", {"perpetual", "spot"}) == 0 ? MarketPreference::Perpetual : MarketPreference::Spot;
    settings.exclude = readFolderNames(section, "exclude");
    section.finish();
    return settings;
}

BacktestSettings readBacktest(MappingReader& root)
{
    MappingReader section = root.mapping("backtest");
    BacktestSettings settings;
    settings.initialEquity = section.number("initial_equity", above(0.0));
    settings.feeRate = section.number("fee_rate", between(Bound::Closed, 0.0, 0.01, Bound::Closed));
    settings.slippage = section.number("slippage", between(Bound::Closed, 0.0, 0.01, Bound::Closed));
    settings.exitOnOpposite = section.boolean("exit_on_opposite");
    settings.threads = section.integer("threads", integersFrom(0));
    settings.trainingDays = section.integer("training_days", integersFrom(1));
    settings.holdoutDays = section.integer("holdout_days", integersFrom(0));
    section.finish();
    return settings;
}

RiskSettings readRisk(MappingReader& root)
{
    const NumberRange fraction = between(Bound::Open, 0.0, 1.0, Bound::Closed);
    MappingReader section = root.mapping("risk");
    RiskSettings settings;

    MappingReader sizing = section.mapping("fixed_fractional");
    settings.fixedFractional.riskPerTradePct =
        sizing.number("risk_per_trade_pct", between(Bound::Open, 0.0, 0.2, Bound::Closed));
    settings.fixedFractional.maxPositionSizePct = sizing.number("max_position_size_pct", fraction);
    sizing.finish();

    MappingReader limits = section.mapping("limits");
    settings.limits.maxOpenPositionsPerSubaccount =
        limits.integer("max_open_positions_per_subaccount", integersFrom(1));
    limits.finish();

    MappingReader emergency = section.mapping("emergency");
    settings.emergency.maxPortfolioDrawdown = emergency.number("max_portfolio_drawdown", fraction);
    settings.emergency.maxDailyLoss = emergency.number("max_daily_loss", fraction);
    settings.emergency.maxSubaccountDrawdown = emergency.number("max_subaccount_drawdown", fraction);
    settings.emergency.maxConsecutiveLosses = emergency.integer("max_consecutive_losses", integersFrom(1));
    settings.emergency.maxStrategyDegradation = emergency.number("max_strategy_degradation", fraction);
    emergency.finish();

    section.finish();
    return settings;
}

} // namespace sixbtc::config
