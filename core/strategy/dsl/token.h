// SPDX-License-Identifier: MIT
// Token: one lexical unit of a rule expression.
#pragma once

#include <cstddef>
#include <string_view>

namespace sixbtc::strategy::dsl {

enum class TokenKind
{
    Number,     ///< 12, 0.5, 1e-3
    Duration,   ///< 24h, 90m, 2d
    Identifier, ///< close, ema, ...
    And,
    Or,
    Not,
    Plus,
    Minus,
    Star,
    Slash,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    NotEqual,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    End, ///< end of the rule text
};

/// A token: its kind, its text (a view into the rule) and the byte offset where it starts.
struct Token
{
    TokenKind kind = TokenKind::End;
    std::string_view text;
    std::size_t offset = 0;
};

/// How a token kind is named in "expected ..." messages.
std::string_view describeTokenKind(TokenKind kind);

} // namespace sixbtc::strategy::dsl
