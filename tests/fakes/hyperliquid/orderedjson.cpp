// SPDX-License-Identifier: MIT
// A recursive-descent JSON reader that keeps object member order.
#include "fakes/hyperliquid/orderedjson.h"

#include <charconv>

namespace sixbtc::fakes::hyperliquid {

using common::ErrorCode;
using common::fail;
using common::Result;
using exchange::hyperliquid::WireValue;

/// The parser state over one document; builds OrderedJson values through the friend access.
class OrderedJsonParser
{
public:
    explicit OrderedJsonParser(std::string_view text)
        : m_text(text)
    {
    }

    Result<OrderedJson> document()
    {
        auto value = parseValue(0);
        if (!value)
            return value;
        skipSpace();
        if (m_pos != m_text.size())
            return error("unexpected text after the document");
        return value;
    }

private:
    static constexpr int kMaxDepth = 64;

    tl::unexpected<common::Error> error(const std::string& what) const
    {
        return fail(ErrorCode::Input, "JSON at offset " + std::to_string(m_pos) + ": " + what);
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    bool consume(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    Result<OrderedJson> parseValue(int depth)
    {
        if (depth > kMaxDepth)
            return error("nesting too deep");
        skipSpace();
        if (m_pos >= m_text.size())
            return error("unexpected end");
        OrderedJson out;
        const char c = m_text[m_pos];
        if (c == '{')
            return parseObject(depth);
        if (c == '[')
            return parseArray(depth);
        if (c == '"') {
            auto text = parseString();
            if (!text)
                return tl::unexpected(text.error());
            out.m_value = std::move(*text);
        } else if (consume("true")) {
            out.m_value = true;
        } else if (consume("false")) {
            out.m_value = false;
        } else if (consume("null")) {
            out.m_value = std::monostate{};
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return parseNumber();
        } else {
            return error("unexpected character");
        }
        return out;
    }

    Result<OrderedJson> parseNumber()
    {
        const std::size_t start = m_pos;
        if (m_text[m_pos] == '-')
            ++m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '.' || m_text[m_pos] == 'e' || m_text[m_pos] == 'E'))
            return error("a number with a fraction or exponent (the wire has integers only)");
        const std::string_view digits = m_text.substr(start, m_pos - start);
        OrderedJson out;
        std::int64_t signedValue = 0;
        const auto* end = digits.data() + digits.size();
        if (std::from_chars(digits.data(), end, signedValue).ptr == end) {
            out.m_value = signedValue;
            return out;
        }
        std::uint64_t unsignedValue = 0;
        if (digits.front() != '-' && std::from_chars(digits.data(), end, unsignedValue).ptr == end) {
            out.m_value = unsignedValue;
            return out;
        }
        return error("integer out of range");
    }

    Result<std::string> parseString()
    {
        ++m_pos;
        std::string out;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                return error("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                auto code = parseCodePoint();
                if (!code)
                    return tl::unexpected(code.error());
                appendUtf8(out, *code);
                break;
            }
            default: return error("bad escape");
            }
        }
        return error("unterminated string");
    }

    Result<std::uint32_t> parseHex4()
    {
        if (m_pos + 4 > m_text.size())
            return error("short \\u escape");
        std::uint32_t value = 0;
        const auto* begin = m_text.data() + m_pos;
        if (std::from_chars(begin, begin + 4, value, 16).ptr != begin + 4)
            return error("bad \\u escape");
        m_pos += 4;
        return value;
    }

    Result<std::uint32_t> parseCodePoint()
    {
        auto high = parseHex4();
        if (!high || *high < 0xD800 || *high > 0xDBFF)
            return high;
        if (!consume("\\u"))
            return error("unpaired surrogate");
        auto low = parseHex4();
        if (!low)
            return low;
        if (*low < 0xDC00 || *low > 0xDFFF)
            return error("unpaired surrogate");
        return 0x10000 + ((*high - 0xD800) << 10) + (*low - 0xDC00);
    }

    static void appendUtf8(std::string& out, std::uint32_t code)
    {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    Result<OrderedJson> parseArray(int depth)
    {
        ++m_pos;
        OrderedJson::Array items;
        skipSpace();
        if (!consume("]")) {
            while (true) {
                auto item = parseValue(depth + 1);
                if (!item)
                    return item;
                items.push_back(std::move(*item));
                skipSpace();
                if (consume("]"))
                    break;
                if (!consume(","))
                    return error("expected ',' or ']'");
            }
        }
        OrderedJson out;
        out.m_value = std::move(items);
        return out;
    }

    Result<OrderedJson> parseObject(int depth)
    {
        ++m_pos;
        OrderedJson::Members members;
        skipSpace();
        if (!consume("}")) {
            while (true) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                    return error("expected a member name");
                auto key = parseString();
                if (!key)
                    return tl::unexpected(key.error());
                for (const auto& member : members)
                    if (member.first == *key)
                        return error("duplicate member \"" + *key + "\"");
                skipSpace();
                if (!consume(":"))
                    return error("expected ':'");
                auto value = parseValue(depth + 1);
                if (!value)
                    return value;
                members.emplace_back(std::move(*key), std::move(*value));
                skipSpace();
                if (consume("}"))
                    break;
                if (!consume(","))
                    return error("expected ',' or '}'");
            }
        }
        OrderedJson out;
        out.m_value = std::move(members);
        return out;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

Result<OrderedJson> OrderedJson::parse(std::string_view text)
{
    return OrderedJsonParser(text).document();
}

bool OrderedJson::isInteger() const
{
    return std::holds_alternative<std::int64_t>(m_value) || std::holds_alternative<std::uint64_t>(m_value);
}

std::optional<bool> OrderedJson::toBool() const
{
    if (const auto* value = std::get_if<bool>(&m_value))
        return *value;
    return std::nullopt;
}

std::optional<std::int64_t> OrderedJson::toInt64() const
{
    if (const auto* value = std::get_if<std::int64_t>(&m_value))
        return *value;
    return std::nullopt;
}

std::optional<std::uint64_t> OrderedJson::toUint64() const
{
    if (const auto* value = std::get_if<std::uint64_t>(&m_value))
        return *value;
    if (const auto* value = std::get_if<std::int64_t>(&m_value); value && *value >= 0)
        return static_cast<std::uint64_t>(*value);
    return std::nullopt;
}

std::optional<std::string> OrderedJson::toString() const
{
    if (const auto* value = std::get_if<std::string>(&m_value))
        return *value;
    return std::nullopt;
}

const OrderedJson::Array& OrderedJson::items() const
{
    static const Array empty;
    const auto* value = std::get_if<Array>(&m_value);
    return value ? *value : empty;
}

const OrderedJson::Members& OrderedJson::members() const
{
    static const Members empty;
    const auto* value = std::get_if<Members>(&m_value);
    return value ? *value : empty;
}

const OrderedJson* OrderedJson::find(std::string_view key) const
{
    for (const auto& member : members())
        if (member.first == key)
            return &member.second;
    return nullptr;
}

Result<WireValue> OrderedJson::toWire() const
{
    if (isNull())
        return fail(ErrorCode::Input, "null has no wire value");
    if (const auto b = toBool())
        return WireValue::boolean(*b);
    if (const auto* i = std::get_if<std::int64_t>(&m_value))
        return WireValue::integer(*i);
    if (const auto* u = std::get_if<std::uint64_t>(&m_value))
        return WireValue::unsignedInteger(*u);
    if (const auto* s = std::get_if<std::string>(&m_value))
        return WireValue::string(*s);
    if (isArray()) {
        WireValue::Array out;
        for (const auto& item : items()) {
            auto wire = item.toWire();
            if (!wire)
                return wire;
            out.push_back(std::move(*wire));
        }
        return WireValue::array(std::move(out));
    }
    WireValue out = WireValue::map();
    for (const auto& [key, value] : members()) {
        if (value.isNull())
            continue;
        auto wire = value.toWire();
        if (!wire)
            return wire;
        out.add(key, std::move(*wire));
    }
    return out;
}

} // namespace sixbtc::fakes::hyperliquid
