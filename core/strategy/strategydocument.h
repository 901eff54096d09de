// SPDX-License-Identifier: MIT
// StrategyDocument: the immutable value a strategy is (type, timeframe, symbols, four rules, optional risk).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/timeframe.h"
#include "strategy/diagnostic.h"
#include "strategy/dsl/ast.h"

namespace sixbtc::strategy {

/// The family of a strategy: momentum, mean reversion, trend, breakout, volatility.
enum class StrategyType { MOM, REV, TRN, BRE, VOL };

/// "MOM", "REV", ...
std::string_view strategyTypeName(StrategyType type);

/// The four signal rules of a strategy, in the order of the document.
enum class RuleSlot { LongEntry, ShortEntry, LongExit, ShortExit };
inline constexpr std::array<RuleSlot, 4> allRuleSlots{RuleSlot::LongEntry, RuleSlot::ShortEntry, RuleSlot::LongExit,
                                                      RuleSlot::ShortExit};
/// "long_entry", "short_entry", "long_exit", "short_exit".
std::string_view ruleSlotName(RuleSlot slot);

/// The `risk` block: stop-loss and take-profit distances (fractions), leverage, time exit in bars (0 = none).
struct RiskSettings
{
    double slPct = 0.0;
    double tpPct = 0.0;
    double leverage = 0.0;
    std::int64_t exitAfterBars = 0;

    friend bool operator==(const RiskSettings&, const RiskSettings&) = default;
};

/// A parsed and checked strategy document; immutable. A missing rule is a null pointer.
class StrategyDocument
{
public:
    StrategyDocument(StrategyType type, common::Timeframe timeframe, std::vector<std::string> symbols,
                     std::array<dsl::ExprPtr, 4> rules, std::optional<RiskSettings> risk);

    StrategyType type() const { return m_type; }
    common::Timeframe timeframe() const { return m_timeframe; }
    const std::vector<std::string>& symbols() const { return m_symbols; }
    /// The rule in `slot`, or nullptr when the document has none.
    const dsl::ExprPtr& rule(RuleSlot slot) const { return m_rules[static_cast<std::size_t>(slot)]; }
    const std::optional<RiskSettings>& risk() const { return m_risk; }

    /// Same type, timeframe, symbols, risk and rule trees (source positions are ignored).
    bool sameContent(const StrategyDocument& other) const;

private:
    StrategyType m_type;
    common::Timeframe m_timeframe;
    std::vector<std::string> m_symbols;
    std::array<dsl::ExprPtr, 4> m_rules;
    std::optional<RiskSettings> m_risk;
};

/// Outcome of parsing: the document when there is no diagnostic, and every diagnostic found.
struct DocumentParseResult
{
    std::string sourceName; ///< the file name given to the parser, for formatDiagnostic()
    std::optional<StrategyDocument> document;
    Diagnostics diagnostics;
};

/// Parses and checks a strategy document from YAML text. Never throws and never crashes on any input: text
/// over maxDocumentBytes, non-UTF-8 bytes, malformed YAML and over-deep expressions all become diagnostics.
/// Rule positions are mapped into the file through the YAML scalar: exact for plain and quoted scalars on one or
/// several lines and for block scalars (| and >); inside a double-quoted scalar an escape sequence maps to its
/// backslash. `risk` is optional here; validateStrategy() requires it.
DocumentParseResult parseStrategyDocument(std::string_view yamlText, std::string sourceName);

/// The canonical YAML text of `document` (its stored code): fixed key order, rules in double quotes in their
/// canonical form, shortest round-trip numbers. parseStrategyDocument(printStrategyDocument(d)) has d's content.
std::string printStrategyDocument(const StrategyDocument& document);

} // namespace sixbtc::strategy
