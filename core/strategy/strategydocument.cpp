// SPDX-License-Identifier: MIT
// StrategyDocument value and its canonical printed form.
#include "strategy/strategydocument.h"

#include "strategy/dsl/printer.h"

namespace sixbtc::strategy {

std::string_view strategyTypeName(StrategyType type)
{
    switch (type) {
    case StrategyType::MOM: return "MOM";
    case StrategyType::REV: return "REV";
    case StrategyType::TRN: return "TRN";
    case StrategyType::BRE: return "BRE";
    case StrategyType::VOL: return "VOL";
    }
    return "?";
}

std::string_view ruleSlotName(RuleSlot slot)
{
    switch (slot) {
    case RuleSlot::LongEntry: return "long_entry";
    case RuleSlot::ShortEntry: return "short_entry";
    case RuleSlot::LongExit: return "long_exit";
    case RuleSlot::ShortExit: return "short_exit";
    }
    return "?";
}

StrategyDocument::StrategyDocument(StrategyType type, common::Timeframe timeframe, std::vector<std::string> symbols,
                                   std::array<dsl::ExprPtr, 4> rules, std::optional<RiskSettings> risk)
    : m_type(type), m_timeframe(timeframe), m_symbols(std::move(symbols)), m_rules(std::move(rules)),
      m_risk(std::move(risk))
{
}

bool StrategyDocument::sameContent(const StrategyDocument& other) const
{
    if (m_type != other.m_type || m_timeframe != other.m_timeframe || m_symbols != other.m_symbols ||
        m_risk != other.m_risk)
        return false;
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        const auto& a = m_rules[i];
        const auto& b = other.m_rules[i];
        if (!a != !b || (a && !dsl::sameTree(*a, *b)))
            return false;
    }
    return true;
}

std::string printStrategyDocument(const StrategyDocument& document)
{
    std::string out;
    out += "type: " + std::string(strategyTypeName(document.type())) + "\n";
    out += "timeframe: " + std::string(document.timeframe().name()) + "\n";
    out += "symbols: [";
    for (std::size_t i = 0; i < document.symbols().size(); ++i)
        out += (i == 0 ? "" : ", ") + document.symbols()[i];
    out += "]\nsignals:\n";
    for (RuleSlot slot : allRuleSlots) {
        if (const auto& rule = document.rule(slot))
            out += "  " + std::string(ruleSlotName(slot)) + ": \"" + dsl::printExpr(*rule) + "\"\n";
    }
    if (const auto& risk = document.risk()) {
        out += "risk: {sl_pct: " + dsl::formatNumber(risk->slPct) + ", tp_pct: " + dsl::formatNumber(risk->tpPct) +
               ", leverage: " + dsl::formatNumber(risk->leverage) +
               ", exit_after_bars: " + std::to_string(risk->exitAfterBars) + "}\n";
    }
    return out;
}

} // namespace sixbtc::strategy
