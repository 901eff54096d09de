// SPDX-License-Identifier: MIT
// Reading a strategy document from YAML text; yaml-cpp stays inside this file and its exceptions never leave it.
#include <cmath>
#include <set>

#include <yaml-cpp/yaml.h>

#include "strategy/documentchecks.h"
#include "strategy/dsl/checker.h"
#include "strategy/dsl/filepositions.h"
#include "strategy/dsl/parser.h"
#include "strategy/languagelimits.h"
#include "strategy/strategydocument.h"

namespace sixbtc::strategy {

namespace {

using dsl::SourcePos;

constexpr std::array<std::string_view, 5> topFields{"type", "timeframe", "symbols", "signals", "risk"};
constexpr std::array<std::string_view, 4> riskFields{"sl_pct", "tp_pct", "leverage", "exit_after_bars"};

class Reader
{
public:
    explicit Reader(std::string_view text) : m_text(text), m_positions(text) {}

    DocumentParseResult read()
    {
        YAML::Node root;
        try {
            root = YAML::Load(std::string(m_text));
        } catch (const YAML::Exception& e) {
            // yaml-cpp marks are 0-based; a mark of -1 means "no position".
            const int line = e.mark.line < 0 ? 1 : e.mark.line + 1;
            const int column = e.mark.column < 0 ? 1 : e.mark.column + 1;
            m_diagnostics.push_back({line, column, "malformed YAML: " + e.msg});
            return finish();
        }
        if (!root.IsMap()) {
            m_diagnostics.push_back({1, 1, "a strategy document is a YAML mapping with the fields type, "
                                           "timeframe, symbols, signals and risk"});
            return finish();
        }
        const auto fields = collectFields(root, topFields, "", topFields.size() - 1);
        readType(fields[0]);
        readTimeframe(fields[1]);
        readSymbols(fields[2]);
        readSignals(fields[3]);
        if (fields[4])
            readRisk(*fields[4]);
        return finish();
    }

private:
    SourcePos posOf(const YAML::Node& node) const
    {
        const std::size_t pos = node.Mark().pos < 0 ? 0 : static_cast<std::size_t>(node.Mark().pos);
        // Point at a quoted scalar's first character rather than at its quote.
        if (node.IsScalar() && pos < m_text.size() && (m_text[pos] == '"' || m_text[pos] == '\''))
            return m_positions.at(pos + 1);
        return m_positions.at(pos);
    }

    void report(const YAML::Node& node, std::string message)
    {
        const SourcePos pos = posOf(node);
        m_diagnostics.push_back({pos.line, pos.column, std::move(message)});
    }

    // The value of every known field (null when absent); unknown, duplicate and missing fields are reported.
    template <std::size_t N>
    std::array<std::optional<YAML::Node>, N> collectFields(const YAML::Node& map, const std::array<std::string_view, N>& known,
                                            const std::string& prefix, std::size_t required = N)
    {
        std::array<std::optional<YAML::Node>, N> values;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
            std::size_t index = N;
            for (std::size_t i = 0; i < N; ++i) {
                if (known[i] == key)
                    index = i;
            }
            if (index == N) {
                report(it->first, "unknown field '" + prefix + key + "' (expected " + listNames(known) + ")");
            } else if (values[index]) {
                report(it->first, "duplicate field '" + prefix + key + "'");
            } else {
                values[index] = it->second;
            }
        }
        for (std::size_t i = 0; i < required; ++i) {
            if (!values[i])
                report(map, "missing field '" + prefix + std::string(known[i]) + "'");
        }
        return values;
    }

    template <std::size_t N>
    static std::string listNames(const std::array<std::string_view, N>& names)
    {
        std::string out;
        for (std::size_t i = 0; i < N; ++i)
            out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(names[i]);
        return out;
    }

    std::optional<std::string> scalar(const YAML::Node& node, const std::string& field)
    {
        if (!node.IsScalar()) {
            report(node, "field '" + field + "' must be a single value");
            return std::nullopt;
        }
        return node.Scalar();
    }

    std::optional<std::string> scalar(const std::optional<YAML::Node>& node, const std::string& field)
    {
        return node ? scalar(*node, field) : std::nullopt;
    }

    void readType(const std::optional<YAML::Node>& node)
    {
        const auto text = scalar(node, "type");
        if (!text)
            return;
        m_type = parseStrategyType(*text);
        if (!m_type)
            report(*node, "unsupported strategy type '" + *text + "' (expected MOM, REV, TRN, BRE or VOL)");
    }

    void readTimeframe(const std::optional<YAML::Node>& node)
    {
        const auto text = scalar(node, "timeframe");
        if (!text)
            return;
        auto timeframe = common::Timeframe::parse(*text);
        if (timeframe)
            m_timeframe = *timeframe;
        else
            report(*node, timeframe.error().message);
    }

    void readSymbols(const std::optional<YAML::Node>& field)
    {
        if (!field)
            return;
        const YAML::Node& node = *field;
        if (!node.IsSequence() || node.size() == 0) {
            report(node, "field 'symbols' must be a non-empty list of symbols, e.g. [BTC, ETH]");
            return;
        }
        std::set<std::string> seen;
        for (const auto& item : node) {
            const auto symbol = scalar(item, "symbols");
            if (!symbol)
                continue;
            if (!isValidSymbol(*symbol))
                report(item, "symbol '" + *symbol + "' must be letters and digits only, e.g. BTC");
            else if (!seen.insert(*symbol).second)
                report(item, "duplicate symbol '" + *symbol + "'");
            else
                m_symbols.push_back(*symbol);
        }
    }

    void readSignals(const std::optional<YAML::Node>& field)
    {
        if (!field)
            return;
        const YAML::Node& node = *field;
        if (!node.IsMap()) {
            report(node, "field 'signals' must be a mapping of long_entry, short_entry, long_exit, short_exit");
            return;
        }
        constexpr std::array<std::string_view, 4> names{"long_entry", "short_entry", "long_exit", "short_exit"};
        const auto rules = collectFields(node, names, "signals.", 0);
        if (!rules[0] && !rules[1])
            report(node, "no entry rule: signals needs long_entry, short_entry or both");
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (rules[i])
                m_rules[i] = readRule(*rules[i], std::string(names[i]));
        }
    }

    dsl::ExprPtr readRule(const YAML::Node& node, const std::string& name)
    {
        if (node.IsNull() || (node.IsScalar() && isBlank(node.Scalar()))) {
            report(node, "empty rule '" + name + "': write a condition or remove the field");
            return nullptr;
        }
        if (!node.IsScalar()) {
            report(node, "rule '" + name + "' must be an expression in a string");
            return nullptr;
        }
        const std::size_t start = static_cast<std::size_t>(std::max(0, node.Mark().pos));
        const dsl::SourceText source = dsl::scalarSourceText(m_text, m_positions, start, node.Scalar());
        auto expr = dsl::parseRule(source);
        if (!expr) {
            m_diagnostics.push_back(expr.error());
            return nullptr;
        }
        if (m_timeframe) {
            auto problems = dsl::checkRule(**expr, *m_timeframe);
            m_diagnostics.insert(m_diagnostics.end(), problems.begin(), problems.end());
        }
        return *expr;
    }

    void readRisk(const YAML::Node& node)
    {
        if (!node.IsMap()) {
            report(node, "field 'risk' must be a mapping of sl_pct, tp_pct, leverage and exit_after_bars");
            return;
        }
        const auto values = collectFields(node, riskFields, "risk.");
        RiskSettings risk;
        bool ok = readPositive(values[0], "risk.sl_pct", risk.slPct);
        ok = readPositive(values[1], "risk.tp_pct", risk.tpPct) && ok;
        ok = readPositive(values[2], "risk.leverage", risk.leverage) && ok;
        if (ok && risk.leverage < 1.0) {
            report(*values[2], "risk.leverage must be at least 1");
            ok = false;
        }
        if (values[3]) {
            long long bars = 0;
            const YAML::Node& node = *values[3];
            if (!node.IsScalar() || !YAML::convert<long long>::decode(node, bars) || bars < 0) {
                report(node, "risk.exit_after_bars must be a non-negative whole number of bars (0 = no time exit)");
                ok = false;
            }
            risk.exitAfterBars = bars;
        }
        if (ok && values[0] && values[1] && values[2] && values[3])
            m_risk = risk;
    }

    bool readPositive(const std::optional<YAML::Node>& node, const std::string& field, double& out)
    {
        if (!node)
            return false;
        if (!node->IsScalar() || !YAML::convert<double>::decode(*node, out) || !std::isfinite(out) || out <= 0.0) {
            report(*node, field + " must be a positive number");
            return false;
        }
        return true;
    }

    DocumentParseResult finish()
    {
        DocumentParseResult result;
        std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
        if (m_diagnostics.empty() && m_type && m_timeframe) {
            result.document.emplace(*m_type, *m_timeframe, m_symbols, m_rules, m_risk);
        }
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

    std::string_view m_text;
    dsl::FilePositions m_positions;
    Diagnostics m_diagnostics;
    std::optional<StrategyType> m_type;
    std::optional<common::Timeframe> m_timeframe;
    std::vector<std::string> m_symbols;
    std::array<dsl::ExprPtr, 4> m_rules;
    std::optional<RiskSettings> m_risk;
};

} // namespace

DocumentParseResult parseStrategyDocument(std::string_view yamlText, std::string sourceName)
{
    DocumentParseResult result;
    if (auto problem = checkRawText(yamlText))
        result.diagnostics.push_back(*problem);
    else
        result = Reader(yamlText).read();
    result.sourceName = std::move(sourceName);
    return result;
}

} // namespace sixbtc::strategy
