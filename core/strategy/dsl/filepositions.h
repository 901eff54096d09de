// SPDX-License-Identifier: MIT
// FilePositions: line and column of every byte of a file, and the mapping of YAML scalars back into it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "strategy/dsl/sourcetext.h"

namespace sixbtc::strategy::dsl {

/// 1-based line and column (in code points) of each byte of a text, computed once in linear time.
class FilePositions
{
public:
    explicit FilePositions(std::string_view text);

    /// Position of the byte at `offset`; offsets at or past the end give the position just after the text.
    SourcePos at(std::size_t offset) const;

private:
    std::vector<SourcePos> m_positions;
};

/// The SourceText of a YAML scalar whose decoded value is `value` and whose node starts at byte `start` of
/// `file` (yaml-cpp's Mark::pos, which is the opening quote or block indicator when there is one). Decoded
/// characters are matched in order to the raw text: folded line breaks and indentation are skipped, an escape
/// sequence of a double-quoted scalar maps to its backslash.
SourceText scalarSourceText(std::string_view file, const FilePositions& positions, std::size_t start,
                            std::string value);

} // namespace sixbtc::strategy::dsl
