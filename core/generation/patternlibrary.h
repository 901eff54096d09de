// SPDX-License-Identifier: MIT
// PatternLibrary: the built-in base strategies (resources/patterns, embedded under :/patterns) and their instances.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/timeframe.h"
#include "strategy/strategydocument.h"

namespace sixbtc::generation {

/// One base strategy of the library: a documented trading idea and its four rule texts (periods in bars), without
/// timeframe, symbols or risk. Read from a file `<id>.yaml` (see resources/patterns/README.md).
struct Pattern
{
    std::string id;
    strategy::StrategyType type = strategy::StrategyType::MOM;
    std::string idea;
    /// The rule text of each slot (indexed by strategy::RuleSlot); empty when the pattern has no such rule.
    std::array<std::string, 4> rules;

    const std::string& rule(strategy::RuleSlot slot) const { return rules[static_cast<std::size_t>(slot)]; }
};

/// A checked set of patterns, sorted by id. Every pattern has a long and a short entry and compiles on every
/// timeframe.
class PatternLibrary
{
public:
    /// The library compiled into the binary (the files of resources/patterns under the resource prefix /patterns).
    static common::Result<PatternLibrary> loadEmbedded();
    /// Every `*.yaml` file of `directory` (other files are not patterns and are not read). An Input error naming
    /// the file (and the line where yaml-cpp gives one) on the first file, in name order, that is unreadable,
    /// malformed, has an unknown, duplicate or missing key, an id other than its file stem (so ids are unique), an
    /// unknown type, an empty idea, no long or no short entry, or a rule that does not compile on one of the six
    /// timeframes; also when the folder is missing or holds no pattern.
    static common::Result<PatternLibrary> loadDirectory(const std::filesystem::path& directory);
    /// A library of patterns built in code (tests, other sources): the checks of loadDirectory() that do not
    /// concern files, plus a unique id per pattern. An Input error naming the pattern on the first problem.
    static common::Result<PatternLibrary> fromPatterns(std::vector<Pattern> patterns);

    /// Every pattern, sorted by id.
    const std::vector<Pattern>& patterns() const { return m_patterns; }
    /// The pattern with `id`, or nullptr.
    const Pattern* find(const std::string& id) const;

    /// The full strategy document of `pattern` on `timeframe` and `symbols` (no risk block): its YAML text is
    /// emitted and parsed with strategy::parseStrategyDocument, so every static check runs. An Input error naming
    /// the pattern id and each diagnostic when it does not parse (e.g. an invalid symbol).
    common::Result<strategy::StrategyDocument> instantiate(const Pattern& pattern, common::Timeframe timeframe,
                                                           const std::vector<std::string>& symbols) const;

    /// The YAML text instantiate() parses: type, timeframe, symbols, signals.
    static std::string documentText(const Pattern& pattern, common::Timeframe timeframe,
                                    const std::vector<std::string>& symbols);

private:
    explicit PatternLibrary(std::vector<Pattern> patterns);

    std::vector<Pattern> m_patterns;
};

} // namespace sixbtc::generation
