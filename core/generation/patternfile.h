// SPDX-License-Identifier: MIT
// Reading one pattern file (YAML: id, type, idea, signals) into a Pattern; yaml-cpp stays inside the module.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "generation/patternlibrary.h"

namespace sixbtc::generation {

/// A pattern read from its file, with the 1-based line of each rule (0 when the rule is absent).
struct PatternFile
{
    Pattern pattern;
    std::array<int, 4> ruleLines{};
};

/// True when `id` is a non-empty run of a-z, 0-9 and _.
bool isPatternId(std::string_view id);

/// Reads the pattern file `fileName` (used in messages) whose stem is `stem`. Checks the structure only: a YAML
/// mapping with exactly the keys id, type, idea and signals; id equal to `stem` and made of a-z, 0-9 and _; a
/// known type; a non-empty idea; signals with long_entry and short_entry and optional long_exit and short_exit,
/// each a non-empty string. An Input error "fileName:line: problem" (or "fileName: problem") otherwise.
common::Result<PatternFile> readPatternFile(std::string_view text, const std::string& fileName,
                                            const std::string& stem);

/// A reason why a pattern is unusable; `slot` names the rule when the problem is in one.
struct PatternProblem
{
    std::optional<strategy::RuleSlot> slot;
    std::string message; ///< names the pattern id
};

/// The first problem of `pattern`: an id that is not isPatternId(), an empty idea, no long or no short entry, or a
/// rule that does not compile on every timeframe with the symbol BTC (each rule alone, then the whole document).
std::optional<PatternProblem> findPatternProblem(const Pattern& pattern);

} // namespace sixbtc::generation
