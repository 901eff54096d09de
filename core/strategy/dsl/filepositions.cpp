// SPDX-License-Identifier: MIT
// Byte-to-position tables and the alignment of decoded YAML scalars with their raw text.
#include "strategy/dsl/filepositions.h"

namespace sixbtc::strategy::dsl {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool isYamlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Length of the escape sequence starting at the backslash at `r` of a double-quoted scalar.
std::size_t escapeLength(std::string_view file, std::size_t r)
{
    if (r + 1 >= file.size())
        return 1;
    switch (file[r + 1]) {
    case 'x': return 4;
    case 'u': return 6;
    case 'U': return 10;
    default: return 2;
    }
}

} // namespace

FilePositions::FilePositions(std::string_view text)
{
    m_positions.reserve(text.size() + 1);
    int line = 1;
    int column = 0;
    for (char c : text) {
        if (!isContinuationByte(c) || column == 0)
            ++column;
        m_positions.push_back({line, column});
        if (c == '\n') {
            ++line;
            column = 0;
        }
    }
    m_positions.push_back({line, column + 1});
}

SourcePos FilePositions::at(std::size_t offset) const
{
    return offset < m_positions.size() ? m_positions[offset] : m_positions.back();
}

SourceText scalarSourceText(std::string_view file, const FilePositions& positions, std::size_t start,
                            std::string value)
{
    std::size_t r = start;
    char quote = '\0';
    if (r < file.size() && (file[r] == '"' || file[r] == '\'')) {
        quote = file[r];
        ++r;
    } else if (r < file.size() && (file[r] == '|' || file[r] == '>')) {
        // A block scalar's content starts on the line after its header (|, |-, >+2, possibly a comment).
        while (r < file.size() && file[r] != '\n')
            ++r;
        ++r;
    }
    std::vector<SourcePos> mapped;
    mapped.reserve(value.size() + 1);
    for (char c : value) {
        if (isContinuationByte(c) && !mapped.empty()) {
            mapped.push_back(mapped.back());
            if (r < file.size() && isContinuationByte(file[r]))
                ++r;
            continue;
        }
        if (!isYamlSpace(c)) {
            while (r < file.size() && file[r] != c && isYamlSpace(file[r]))
                ++r;
        }
        mapped.push_back(positions.at(r));
        if (r >= file.size())
            continue;
        if (quote == '"' && file[r] == '\\')
            r += escapeLength(file, r);
        else if (!isYamlSpace(c) || isYamlSpace(file[r]))
            ++r;
    }
    while (r < file.size() && isYamlSpace(file[r]) && quote != '\0')
        ++r;
    mapped.push_back(positions.at(r));
    return SourceText(std::move(value), std::move(mapped));
}

} // namespace sixbtc::strategy::dsl
