// SPDX-License-Identifier: MIT
// Lexer of the strategy language.
#include "strategy/dsl/lexer.h"

#include <string>

namespace sixbtc::strategy::dsl {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || isDigit(c);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string printable(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F)
        return std::string("'") + c + "'";
    static const char* hex = "0123456789abcdef";
    return std::string("byte 0x") + hex[u >> 4] + hex[u & 0xF];
}

struct Scanner
{
    std::string_view text;
    std::size_t pos = 0;

    char peek(std::size_t ahead = 0) const { return pos + ahead < text.size() ? text[pos + ahead] : '\0'; }
};

// Scans a number or a duration literal starting at a digit.
tl::expected<Token, LexError> scanNumber(Scanner& s)
{
    const std::size_t start = s.pos;
    while (isDigit(s.peek()))
        ++s.pos;
    bool integral = true;
    if (s.peek() == '.' && isDigit(s.peek(1))) {
        integral = false;
        s.pos += 1;
        while (isDigit(s.peek()))
            ++s.pos;
    }
    if ((s.peek() == 'e' || s.peek() == 'E') &&
        (isDigit(s.peek(1)) || ((s.peek(1) == '+' || s.peek(1) == '-') && isDigit(s.peek(2))))) {
        integral = false;
        s.pos += 2;
        while (isDigit(s.peek()))
            ++s.pos;
    }
    if (isIdentChar(s.peek())) {
        const std::size_t suffixStart = s.pos;
        while (isIdentChar(s.peek()))
            ++s.pos;
        const std::string_view suffix = s.text.substr(suffixStart, s.pos - suffixStart);
        if (integral && (suffix == "m" || suffix == "h" || suffix == "d"))
            return Token{TokenKind::Duration, s.text.substr(start, s.pos - start), start};
        return tl::unexpected(LexError{"malformed number '" + std::string(s.text.substr(start, s.pos - start)) +
                                           "' (a duration is an integer followed by m, h or d, e.g. 24h)",
                                       start});
    }
    return Token{TokenKind::Number, s.text.substr(start, s.pos - start), start};
}

TokenKind keywordOrIdentifier(std::string_view word)
{
    if (word == "and")
        return TokenKind::And;
    if (word == "or")
        return TokenKind::Or;
    if (word == "not")
        return TokenKind::Not;
    return TokenKind::Identifier;
}

// Scans an operator or punctuation; a hint names the language's spelling of common foreign operators.
tl::expected<Token, LexError> scanSymbol(Scanner& s)
{
    const std::size_t start = s.pos;
    const char c = s.peek();
    const char next = s.peek(1);
    const auto one = [&](TokenKind kind) {
        s.pos += 1;
        return Token{kind, s.text.substr(start, 1), start};
    };
    const auto two = [&](TokenKind kind) {
        s.pos += 2;
        return Token{kind, s.text.substr(start, 2), start};
    };
    switch (c) {
    case '+': return one(TokenKind::Plus);
    case '-': return one(TokenKind::Minus);
    case '*': return one(TokenKind::Star);
    case '/': return one(TokenKind::Slash);
    case '(': return one(TokenKind::LeftParen);
    case ')': return one(TokenKind::RightParen);
    case '[': return one(TokenKind::LeftBracket);
    case ']': return one(TokenKind::RightBracket);
    case ',': return one(TokenKind::Comma);
    case '<': return next == '=' ? two(TokenKind::LessEqual) : one(TokenKind::Less);
    case '>': return next == '=' ? two(TokenKind::GreaterEqual) : one(TokenKind::Greater);
    case '=':
        if (next == '=')
            return two(TokenKind::EqualEqual);
        return tl::unexpected(LexError{"unexpected '=' (use == to compare)", start});
    case '!':
        if (next == '=')
            return two(TokenKind::NotEqual);
        return tl::unexpected(LexError{"unexpected '!' (use not)", start});
    case '&': return tl::unexpected(LexError{"unexpected '&' (use and)", start});
    case '|': return tl::unexpected(LexError{"unexpected '|' (use or)", start});
    default: return tl::unexpected(LexError{"unexpected character " + printable(c), start});
    }
}

} // namespace

tl::expected<std::vector<Token>, LexError> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    Scanner s{text};
    while (true) {
        while (isSpace(s.peek()) && s.pos < text.size())
            ++s.pos;
        if (s.pos >= text.size())
            break;
        const char c = s.peek();
        if (isDigit(c)) {
            auto token = scanNumber(s);
            if (!token)
                return tl::unexpected(token.error());
            tokens.push_back(*token);
        } else if (isIdentStart(c)) {
            const std::size_t start = s.pos;
            while (isIdentChar(s.peek()))
                ++s.pos;
            const std::string_view word = text.substr(start, s.pos - start);
            tokens.push_back(Token{keywordOrIdentifier(word), word, start});
        } else if (c == '.' && isDigit(s.peek(1))) {
            return tl::unexpected(LexError{"a number must start with a digit (write 0.5, not .5)", s.pos});
        } else {
            auto token = scanSymbol(s);
            if (!token)
                return tl::unexpected(token.error());
            tokens.push_back(*token);
        }
    }
    tokens.push_back(Token{TokenKind::End, {}, text.size()});
    return tokens;
}

std::string_view describeTokenKind(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Number: return "a number";
    case TokenKind::Duration: return "a duration";
    case TokenKind::Identifier: return "a name";
    case TokenKind::And: return "'and'";
    case TokenKind::Or: return "'or'";
    case TokenKind::Not: return "'not'";
    case TokenKind::Plus: return "'+'";
    case TokenKind::Minus: return "'-'";
    case TokenKind::Star: return "'*'";
    case TokenKind::Slash: return "'/'";
    case TokenKind::Less: return "'<'";
    case TokenKind::LessEqual: return "'<='";
    case TokenKind::Greater: return "'>'";
    case TokenKind::GreaterEqual: return "'>='";
    case TokenKind::EqualEqual: return "'=='";
    case TokenKind::NotEqual: return "'!='";
    case TokenKind::LeftParen: return "'('";
    case TokenKind::RightParen: return "')'";
    case TokenKind::LeftBracket: return "'['";
    case TokenKind::RightBracket: return "']'";
    case TokenKind::Comma: return "','";
    case TokenKind::End: return "the end of the rule";
    }
    return "a token";
}

} // namespace sixbtc::strategy::dsl
