// SPDX-License-Identifier: MIT
// SourceText: the text of one rule and, for each of its bytes, the line and column of that byte in its file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sixbtc::strategy::dsl {

/// A 1-based position in the strategy file.
struct SourcePos
{
    int line = 0;
    int column = 0;

    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

/// Rule text plus a position for every byte (and one past the end, where "unexpected end" is reported).
class SourceText
{
public:
    /// A rule that stands alone on line 1 (columns count code points from 1).
    explicit SourceText(std::string text);
    /// A rule whose byte i sits at positions[i] in the file; positions.size() must be text.size() + 1.
    SourceText(std::string text, std::vector<SourcePos> positions);

    const std::string& text() const { return m_text; }
    /// Position of the byte at `offset` (offset == size() gives the end position).
    SourcePos at(std::size_t offset) const;

private:
    std::string m_text;
    std::vector<SourcePos> m_positions;
};

} // namespace sixbtc::strategy::dsl
