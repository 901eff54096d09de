// SPDX-License-Identifier: MIT
// Reading one pattern file; yaml-cpp exceptions are caught here and become Input errors with the file and line.
#include "generation/patternfile.h"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "strategy/documentchecks.h"

namespace sixbtc::generation {

namespace {

using common::ErrorCode;
using strategy::RuleSlot;

constexpr std::array<std::string_view, 4> topKeys{"id", "type", "idea", "signals"};
constexpr std::array<std::string_view, 4> ruleKeys{"long_entry", "short_entry", "long_exit", "short_exit"};

/// A failure in the file being read, located at a node when there is one.
struct FileProblem
{
    int line = 0; // 1-based; 0 = the whole file
    std::string message;
};

int lineOf(const YAML::Node& node)
{
    return node.Mark().line < 0 ? 0 : node.Mark().line + 1;
}

template <std::size_t N>
std::string listKeys(const std::array<std::string_view, N>& keys, std::string_view prefix)
{
    std::string out;
    for (std::size_t i = 0; i < N; ++i)
        out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(prefix) + std::string(keys[i]);
    return out;
}

/// A key of a mapping and its value.
struct Field
{
    int keyLine = 0;
    YAML::Node value;
};

template <std::size_t N>
using Fields = std::array<std::optional<Field>, N>;

// Every known key of `map` (absent ones stay empty); the first unknown or duplicate key is a problem.
template <std::size_t N>
tl::expected<Fields<N>, FileProblem> collectKeys(const YAML::Node& map, const std::array<std::string_view, N>& known,
                                                 std::string_view prefix)
{
    Fields<N> fields;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        const auto found = std::find(known.begin(), known.end(), key);
        if (found == known.end()) {
            return tl::unexpected(FileProblem{lineOf(it->first), "unknown key '" + std::string(prefix) + key +
                                                                     "' (expected " + listKeys(known, prefix) + ")"});
        }
        auto& field = fields[static_cast<std::size_t>(found - known.begin())];
        if (field)
            return tl::unexpected(FileProblem{lineOf(it->first), "duplicate key '" + std::string(prefix) + key + "'"});
        field = Field{lineOf(it->first), it->second};
    }
    return fields;
}

// The non-blank text of a scalar value, or a problem naming its key.
tl::expected<std::string, FileProblem> text(const Field& field, const std::string& key)
{
    const YAML::Node& node = field.value;
    if (node.IsNull() || (node.IsScalar() && strategy::isBlank(node.Scalar())))
        return tl::unexpected(FileProblem{field.keyLine, "'" + key + "' is empty"});
    if (!node.IsScalar())
        return tl::unexpected(FileProblem{field.keyLine, "'" + key + "' must be a single text value"});
    return node.Scalar();
}

// id, type and idea.
tl::expected<void, FileProblem> readHeader(const Fields<4>& fields, const std::string& stem, Pattern& pattern)
{
    const auto id = text(*fields[0], "id");
    if (!id)
        return tl::unexpected(id.error());
    if (!isPatternId(*id)) {
        return tl::unexpected(
            FileProblem{fields[0]->keyLine, "id '" + *id + "' must be lowercase letters, digits and _ only"});
    }
    if (*id != stem) {
        return tl::unexpected(
            FileProblem{fields[0]->keyLine, "id '" + *id + "' differs from the file name (expected '" + stem + "')"});
    }
    pattern.id = *id;

    const auto type = text(*fields[1], "type");
    if (!type)
        return tl::unexpected(type.error());
    const auto parsedType = strategy::parseStrategyType(*type);
    if (!parsedType) {
        return tl::unexpected(
            FileProblem{fields[1]->keyLine, "unknown type '" + *type + "' (expected MOM, REV, TRN, BRE or VOL)"});
    }
    pattern.type = *parsedType;

    const auto idea = text(*fields[2], "idea");
    if (!idea)
        return tl::unexpected(idea.error());
    pattern.idea = *idea;
    // A folded block (idea: >) keeps its final line break; the stored idea is the text alone.
    pattern.idea.erase(pattern.idea.find_last_not_of(" \t\r\n") + 1);
    return {};
}

// The four rules of `signals` and the lines of their keys.
tl::expected<void, FileProblem> readSignals(const Field& signals, PatternFile& file)
{
    if (!signals.value.IsMap())
        return tl::unexpected(FileProblem{signals.keyLine, "'signals' must be a mapping of " + listKeys(ruleKeys, "")});
    const auto rules = collectKeys(signals.value, ruleKeys, "signals.");
    if (!rules)
        return tl::unexpected(rules.error());
    for (std::size_t i = 0; i < ruleKeys.size(); ++i) {
        const std::string key = "signals." + std::string(ruleKeys[i]);
        if (!(*rules)[i]) {
            if (i < 2) // both entries: a perpetual strategy trades both sides
                return tl::unexpected(FileProblem{signals.keyLine, "missing key '" + key + "'"});
            continue;
        }
        const auto rule = text(*(*rules)[i], key);
        if (!rule)
            return tl::unexpected(rule.error());
        file.pattern.rules[i] = *rule;
        file.ruleLines[i] = (*rules)[i]->keyLine;
    }
    return {};
}

tl::expected<PatternFile, FileProblem> readRoot(const YAML::Node& root, const std::string& stem)
{
    if (!root.IsMap())
        return tl::unexpected(
            FileProblem{lineOf(root), "a pattern file is a YAML mapping of " + listKeys(topKeys, "")});
    const auto fields = collectKeys(root, topKeys, "");
    if (!fields)
        return tl::unexpected(fields.error());
    for (std::size_t i = 0; i < topKeys.size(); ++i) {
        if (!(*fields)[i])
            return tl::unexpected(FileProblem{0, "missing key '" + std::string(topKeys[i]) + "'"});
    }
    PatternFile file;
    if (auto ok = readHeader(*fields, stem, file.pattern); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = readSignals(*(*fields)[3], file); !ok)
        return tl::unexpected(ok.error());
    return file;
}

std::string located(const std::string& fileName, int line, const std::string& message)
{
    return fileName + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message;
}

} // namespace

bool isPatternId(std::string_view id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

common::Result<PatternFile> readPatternFile(std::string_view content, const std::string& fileName,
                                            const std::string& stem)
{
    if (const auto raw = strategy::checkRawText(content))
        return common::fail(ErrorCode::Input, located(fileName, raw->line, raw->message));
    tl::expected<PatternFile, FileProblem> file;
    try {
        file = readRoot(YAML::Load(std::string(content)), stem);
    } catch (const YAML::Exception& e) {
        // yaml-cpp marks are 0-based; -1 means "no position".
        return common::fail(ErrorCode::Input,
                            located(fileName, e.mark.line < 0 ? 0 : e.mark.line + 1, "malformed YAML: " + e.msg));
    }
    if (!file)
        return common::fail(ErrorCode::Input, located(fileName, file.error().line, file.error().message));
    return std::move(*file);
}

std::optional<PatternProblem> findPatternProblem(const Pattern& pattern)
{
    const std::string name = "pattern '" + pattern.id + "'";
    if (!isPatternId(pattern.id))
        return PatternProblem{std::nullopt, name + ": the id must be lowercase letters, digits and _ only"};
    if (strategy::isBlank(pattern.idea))
        return PatternProblem{std::nullopt, name + ": the idea is empty"};
    for (const RuleSlot slot : {RuleSlot::LongEntry, RuleSlot::ShortEntry}) {
        if (strategy::isBlank(pattern.rule(slot)))
            return PatternProblem{slot, name + ": no " + std::string(strategy::ruleSlotName(slot)) + " rule"};
    }
    // Periods are bars, so a pattern must compile on every timeframe (a duration literal may not).
    const std::vector<std::string> checkSymbols{"BTC"};
    for (const common::Timeframe timeframe : common::Timeframe::all()) {
        const std::string on = " on " + std::string(timeframe.name());
        for (const RuleSlot slot : strategy::allRuleSlots) {
            if (pattern.rule(slot).empty())
                continue;
            // Each rule alone as the entry of a document, so that a diagnostic is known to belong to this rule.
            const Pattern single{pattern.id, pattern.type, pattern.idea, {pattern.rule(slot), {}, {}, {}}};
            const auto document = strategy::parseStrategyDocument(
                PatternLibrary::documentText(single, timeframe, checkSymbols), "pattern " + pattern.id);
            if (!document.document) {
                return PatternProblem{slot, name + ": rule " + std::string(strategy::ruleSlotName(slot)) +
                                                " does not compile" + on + ": " + document.diagnostics.front().message};
            }
        }
        const auto whole = strategy::parseStrategyDocument(
            PatternLibrary::documentText(pattern, timeframe, checkSymbols), "pattern " + pattern.id);
        if (!whole.document)
            return PatternProblem{std::nullopt, name + on + ": " + whole.diagnostics.front().message};
    }
    return std::nullopt;
}

} // namespace sixbtc::generation
