// SPDX-License-Identifier: MIT
// SourceText: byte offsets of a rule mapped to file positions.
#include "strategy/dsl/sourcetext.h"

#include "common/require.h"

namespace sixbtc::strategy::dsl {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

SourceText::SourceText(std::string text) : m_text(std::move(text))
{
    m_positions.reserve(m_text.size() + 1);
    int column = 0;
    for (char c : m_text) {
        if (!isContinuationByte(c) || column == 0)
            ++column;
        m_positions.push_back({1, column});
    }
    m_positions.push_back({1, column + 1});
}

SourceText::SourceText(std::string text, std::vector<SourcePos> positions)
    : m_text(std::move(text)), m_positions(std::move(positions))
{
    SIXBTC_REQUIRE(m_positions.size() == m_text.size() + 1);
}

SourcePos SourceText::at(std::size_t offset) const
{
    return offset < m_positions.size() ? m_positions[offset] : m_positions.back();
}

} // namespace sixbtc::strategy::dsl
