// SPDX-License-Identifier: MIT
// Recursive-descent parser of the strategy language.
#include "strategy/dsl/parser.h"

#include <charconv>
#include <cmath>

#include "strategy/dsl/builtins.h"
#include "strategy/dsl/lexer.h"
#include "strategy/languagelimits.h"

namespace sixbtc::strategy::dsl {

namespace {

// 'text' in quotes; built with append because GCC 12 at -O3 reports a false -Wrestrict on "'" + std::string(...).
std::string quoted(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('\'');
    out.append(text);
    out.push_back('\'');
    return out;
}

// Thrown inside the parser only, caught by parseRule: unwinds the descent at the first error.
struct ParseFailure
{
    Diagnostic diagnostic;
};

class Parser
{
public:
    Parser(const SourceText& source, std::vector<Token> tokens) : m_source(source), m_tokens(std::move(tokens)) {}

    ExprPtr parseAll()
    {
        if (peek().kind == TokenKind::End)
            failAt(peek(), "empty rule: expected an expression");
        ExprPtr root = parseOr();
        if (peek().kind != TokenKind::End)
            failAt(peek(), "unexpected " + describe(peek()) + " after the end of the expression");
        return root;
    }

private:
    // Counts enclosing constructs (parentheses, calls, offsets, not, unary minus); every recursive path of the
    // descent passes through one of them, so the C++ stack stays bounded.
    struct DepthGuard
    {
        Parser& parser;
        DepthGuard(Parser& p, const Token& at) : parser(p)
        {
            if (++parser.m_depth > maxNestingDepth)
                parser.failAt(at, "expression nested deeper than " + std::to_string(maxNestingDepth) + " levels");
        }
        ~DepthGuard() { --parser.m_depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };

    const Token& peek() const { return m_tokens[m_next]; }
    const Token& advance() { return m_tokens[m_next++]; }

    [[noreturn]] void failAt(const Token& token, std::string message) const
    {
        const SourcePos pos = m_source.at(token.offset);
        throw ParseFailure{Diagnostic{pos.line, pos.column, std::move(message)}};
    }

    static std::string describe(const Token& token)
    {
        if (token.kind == TokenKind::End)
            return "end of rule";
        return quoted(token.text);
    }

    const Token& expect(TokenKind kind, const char* context)
    {
        if (peek().kind != kind) {
            const std::string found =
                peek().kind == TokenKind::End ? "the rule ends (unterminated expression)" : "found " + describe(peek());
            failAt(peek(), "expected " + std::string(describeTokenKind(kind)) + " " + context + ", " + found);
        }
        return advance();
    }

    ExprPtr make(Expr node, const Token& first, const Token& op)
    {
        node.pos = m_source.at(first.offset);
        node.opPos = m_source.at(op.offset);
        int height = 0;
        for (const auto& operand : node.operands)
            height = std::max(height, operand->height);
        node.height = height + 1;
        if (node.height > maxNestingDepth)
            failAt(op, "expression nested deeper than " + std::to_string(maxNestingDepth) + " levels");
        return std::make_shared<const Expr>(std::move(node));
    }

    ExprPtr binary(BinaryOp op, ExprPtr left, ExprPtr right, const Token& first, const Token& opToken)
    {
        Expr node;
        node.kind = ExprKind::Binary;
        node.op = op;
        node.operands = {std::move(left), std::move(right)};
        return make(std::move(node), first, opToken);
    }

    ExprPtr parseOr()
    {
        const Token& first = peek();
        ExprPtr left = parseAnd();
        while (peek().kind == TokenKind::Or) {
            const Token& op = advance();
            left = binary(BinaryOp::Or, left, parseAnd(), first, op);
        }
        return left;
    }

    ExprPtr parseAnd()
    {
        const Token& first = peek();
        ExprPtr left = parseNot();
        while (peek().kind == TokenKind::And) {
            const Token& op = advance();
            left = binary(BinaryOp::And, left, parseNot(), first, op);
        }
        return left;
    }

    ExprPtr parseNot()
    {
        if (peek().kind != TokenKind::Not)
            return parseComparison();
        DepthGuard guard(*this, peek());
        const Token& op = advance();
        Expr node;
        node.kind = ExprKind::Not;
        node.operands = {parseNot()};
        return make(std::move(node), op, op);
    }

    static std::optional<BinaryOp> comparisonOp(TokenKind kind)
    {
        switch (kind) {
        case TokenKind::Less: return BinaryOp::Less;
        case TokenKind::LessEqual: return BinaryOp::LessEqual;
        case TokenKind::Greater: return BinaryOp::Greater;
        case TokenKind::GreaterEqual: return BinaryOp::GreaterEqual;
        case TokenKind::EqualEqual: return BinaryOp::Equal;
        case TokenKind::NotEqual: return BinaryOp::NotEqual;
        default: return std::nullopt;
        }
    }

    ExprPtr parseComparison()
    {
        const Token& first = peek();
        ExprPtr left = parseAdditive();
        const auto op = comparisonOp(peek().kind);
        if (!op)
            return left;
        const Token& opToken = advance();
        ExprPtr result = binary(*op, left, parseAdditive(), first, opToken);
        if (comparisonOp(peek().kind))
            failAt(peek(), "comparisons cannot be chained: combine them with 'and'");
        return result;
    }

    ExprPtr parseAdditive()
    {
        const Token& first = peek();
        ExprPtr left = parseMultiplicative();
        while (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus) {
            const Token& op = advance();
            const BinaryOp kind = op.kind == TokenKind::Plus ? BinaryOp::Add : BinaryOp::Sub;
            left = binary(kind, left, parseMultiplicative(), first, op);
        }
        return left;
    }

    ExprPtr parseMultiplicative()
    {
        const Token& first = peek();
        ExprPtr left = parseUnary();
        while (peek().kind == TokenKind::Star || peek().kind == TokenKind::Slash) {
            const Token& op = advance();
            const BinaryOp kind = op.kind == TokenKind::Star ? BinaryOp::Mul : BinaryOp::Div;
            left = binary(kind, left, parseUnary(), first, op);
        }
        return left;
    }

    ExprPtr parseUnary()
    {
        if (peek().kind != TokenKind::Minus)
            return parsePostfix();
        DepthGuard guard(*this, peek());
        const Token& op = advance();
        Expr node;
        node.kind = ExprKind::Negate;
        node.operands = {parseUnary()};
        return make(std::move(node), op, op);
    }

    ExprPtr parsePostfix()
    {
        const Token& first = peek();
        ExprPtr operand = parsePrimary();
        while (peek().kind == TokenKind::LeftBracket) {
            DepthGuard guard(*this, peek());
            const Token& open = advance();
            if (peek().kind == TokenKind::RightBracket)
                failAt(peek(), "expected an offset (a non-negative integer) between '[' and ']'");
            ExprPtr offset = parseOr();
            expect(TokenKind::RightBracket, "to close the offset");
            Expr node;
            node.kind = ExprKind::Offset;
            node.operands = {operand, offset};
            operand = make(std::move(node), first, open);
        }
        return operand;
    }

    ExprPtr parseNumber(const Token& token)
    {
        double value = 0.0;
        const char* begin = token.text.data();
        const auto [end, ec] = std::from_chars(begin, begin + token.text.size(), value);
        if (ec != std::errc() || end != begin + token.text.size() || !std::isfinite(value))
            failAt(token, "number '" + std::string(token.text) + "' is out of range");
        Expr node;
        node.kind = ExprKind::Number;
        node.value = value;
        return make(std::move(node), token, token);
    }

    ExprPtr parseName(const Token& name)
    {
        if (peek().kind == TokenKind::LeftParen) {
            DepthGuard guard(*this, peek());
            advance();
            Expr node;
            node.kind = ExprKind::Call;
            node.text = std::string(name.text);
            if (peek().kind != TokenKind::RightParen) {
                node.operands.push_back(parseOr());
                while (peek().kind == TokenKind::Comma) {
                    advance();
                    node.operands.push_back(parseOr());
                }
            }
            expect(TokenKind::RightParen, ("to close the call of " + node.text).c_str());
            return make(std::move(node), name, name);
        }
        if (const auto field = findPriceField(name.text)) {
            Expr node;
            node.kind = ExprKind::Price;
            node.price = *field;
            return make(std::move(node), name, name);
        }
        if (findBuiltin(name.text))
            failAt(name, quoted(name.text) + " is a function: call it as " +
                             std::string(findBuiltin(name.text)->signature));
        failAt(name, "unknown name " + quoted(name.text) + " (did you mean " + quoted(closestKnownName(name.text)) +
                         "?)");
    }

    ExprPtr parsePrimary()
    {
        const Token& token = peek();
        switch (token.kind) {
        case TokenKind::Number: advance(); return parseNumber(token);
        case TokenKind::Duration: {
            advance();
            Expr node;
            node.kind = ExprKind::Duration;
            node.text = std::string(token.text);
            return make(std::move(node), token, token);
        }
        case TokenKind::Identifier: advance(); return parseName(token);
        case TokenKind::LeftParen: {
            DepthGuard guard(*this, token);
            advance();
            ExprPtr inner = parseOr();
            expect(TokenKind::RightParen, "to close '('");
            return inner;
        }
        case TokenKind::End: failAt(token, "expected an expression, but the rule ends (unterminated expression)");
        default: failAt(token, "unexpected " + describe(token) + ": expected a number, a name or '('");
        }
    }

    const SourceText& m_source;
    std::vector<Token> m_tokens;
    std::size_t m_next = 0;
    int m_depth = 0;
};

} // namespace

tl::expected<ExprPtr, Diagnostic> parseRule(const SourceText& source)
{
    auto tokens = tokenize(source.text());
    if (!tokens) {
        const SourcePos pos = source.at(tokens.error().offset);
        return tl::unexpected(Diagnostic{pos.line, pos.column, tokens.error().message});
    }
    try {
        Parser parser(source, std::move(*tokens));
        return parser.parseAll();
    } catch (const ParseFailure& failure) {
        return tl::unexpected(failure.diagnostic);
    }
}

} // namespace sixbtc::strategy::dsl
