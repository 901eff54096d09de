// SPDX-License-Identifier: MIT
// Lexer: splits rule text into tokens, or reports the first character that cannot start a token.
#pragma once

#include <string_view>
#include <vector>

#include "common/error.h"
#include "strategy/dsl/token.h"

namespace sixbtc::strategy::dsl {

/// A lexical error: its message and the byte offset of the offending character.
struct LexError
{
    std::string message;
    std::size_t offset = 0;
};

/// Tokenises `text`; the result always ends with an End token.
tl::expected<std::vector<Token>, LexError> tokenize(std::string_view text);

} // namespace sixbtc::strategy::dsl
