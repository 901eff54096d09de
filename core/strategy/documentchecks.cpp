// SPDX-License-Identifier: MIT
// Raw-text checks (size, encoding) and small value checks of strategy documents.
#include "strategy/documentchecks.h"

#include "strategy/dsl/filepositions.h"
#include "strategy/languagelimits.h"

namespace sixbtc::strategy {

namespace {

// Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not valid UTF-8.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned int codePoint = 0;
    if (lead < 0x80)
        return lead == 0 ? 0 : 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr unsigned int smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < smallest[length] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

} // namespace

std::optional<Diagnostic> checkRawText(std::string_view text)
{
    if (text.size() > maxDocumentBytes) {
        const dsl::SourcePos pos = dsl::FilePositions(text.substr(0, maxDocumentBytes + 1)).at(maxDocumentBytes);
        return Diagnostic{pos.line, pos.column,
                          "the document is " + std::to_string(text.size()) + " bytes long; a strategy document is at most " +
                              std::to_string(maxDocumentBytes) + " bytes"};
    }
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0) {
            const dsl::SourcePos pos = dsl::FilePositions(text.substr(0, i + 1)).at(i);
            static const char* hex = "0123456789abcdef";
            const auto b = static_cast<unsigned char>(text[i]);
            return Diagnostic{pos.line, pos.column,
                              std::string("the document is not UTF-8 text (byte 0x") + hex[b >> 4] + hex[b & 0xF] +
                                  ")"};
        }
        i += length;
    }
    return std::nullopt;
}

std::optional<StrategyType> parseStrategyType(std::string_view name)
{
    for (StrategyType type : {StrategyType::MOM, StrategyType::REV, StrategyType::TRN, StrategyType::BRE,
                              StrategyType::VOL}) {
        if (strategyTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

bool isValidSymbol(std::string_view symbol)
{
    if (symbol.empty())
        return false;
    for (char c : symbol) {
        const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum)
            return false;
    }
    return true;
}

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace sixbtc::strategy
