// SPDX-License-Identifier: MIT
// Strict reading of YAML scalars with problem reporting.
#include "config/scalarreader.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace sixbtc::config {

namespace {

constexpr std::size_t kMaxShownChars = 40;

/// Only plain (unquoted) scalars may be numbers or booleans: yaml-cpp tags quoted ones "!".
bool isPlainScalar(const YAML::Node& node)
{
    return node.IsScalar() && node.Tag() != "!";
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// YAML 1.2 core schema float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool isDecimalNumber(std::string_view text)
{
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        ++i;
    std::size_t intDigits = 0;
    while (i < text.size() && isDigit(text[i])) {
        ++i;
        ++intDigits;
    }
    std::size_t fracDigits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && isDigit(text[i])) {
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits == 0 && fracDigits == 0)
        return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        std::size_t expDigits = 0;
        while (i < text.size() && isDigit(text[i])) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return false;
    }
    return i == text.size();
}

bool isDecimalInteger(std::string_view text)
{
    std::size_t i = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
    if (i == text.size())
        return false;
    for (; i < text.size(); ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    return true;
}

std::string_view withoutPlus(std::string_view text)
{
    return (!text.empty() && text[0] == '+') ? text.substr(1) : text;
}

void report(const ValueRef& value, std::string_view expected, ProblemList& problems)
{
    problems.add(value.line, value.path, std::string("expected ") + std::string(expected) + gotSuffix(value.node));
}

} // namespace

std::string printableText(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const char c : text.substr(0, kMaxShownChars)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f || c == '\'' || c == '\\') {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0f];
        } else {
            out += c;
        }
    }
    if (text.size() > kMaxShownChars)
        out += "...";
    return out;
}

int lineOf(const YAML::Node& node, int fallback)
{
    if (node.IsNull() || node.Mark().is_null() || node.Mark().line < 0)
        return fallback;
    return node.Mark().line + 1;
}

std::string gotSuffix(const YAML::Node& node)
{
    if (node.IsSequence())
        return node.size() == 0 ? ", got an empty list" : ", got a list";
    if (node.IsMap())
        return node.size() == 0 ? ", got an empty mapping" : ", got a mapping";
    if (!node.IsScalar())
        return ", got nothing";
    if (node.Tag() == "!")
        return ", got '\"" + printableText(node.Scalar()) + "\"'";
    return ", got '" + printableText(node.Scalar()) + "'";
}

std::optional<double> readNumber(const ValueRef& value, const NumberRange& range, ProblemList& problems)
{
    if (!isPlainScalar(value.node) || !isDecimalNumber(value.node.Scalar())) {
        report(value, "a number " + range.describe(), problems);
        return std::nullopt;
    }
    const std::string_view text = withoutPlus(value.node.Scalar());
    double number = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number)) {
        report(value, "a finite number " + range.describe(), problems);
        return std::nullopt;
    }
    if (!range.contains(number)) {
        report(value, "a value " + range.describe(), problems);
        return std::nullopt;
    }
    return number;
}

std::optional<std::int64_t> readInteger(const ValueRef& value, const IntegerRange& range, ProblemList& problems)
{
    if (!isPlainScalar(value.node) || !isDecimalInteger(value.node.Scalar())) {
        report(value, "an integer " + range.describe(), problems);
        return std::nullopt;
    }
    const std::string_view text = withoutPlus(value.node.Scalar());
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || !range.contains(number)) {
        report(value, "an integer " + range.describe(), problems);
        return std::nullopt;
    }
    return number;
}

std::optional<std::uint64_t> readUnsigned(const ValueRef& value, ProblemList& problems)
{
    const std::string expected = "an integer in [0, " + std::to_string(std::numeric_limits<std::uint64_t>::max()) + "]";
    if (!isPlainScalar(value.node) || !isDecimalInteger(value.node.Scalar()) || value.node.Scalar()[0] == '-') {
        report(value, expected, problems);
        return std::nullopt;
    }
    const std::string_view text = withoutPlus(value.node.Scalar());
    std::uint64_t number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size()) {
        report(value, expected, problems);
        return std::nullopt;
    }
    return number;
}

std::optional<bool> readBool(const ValueRef& value, ProblemList& problems)
{
    if (isPlainScalar(value.node)) {
        const std::string& text = value.node.Scalar();
        if (text == "true" || text == "True" || text == "TRUE")
            return true;
        if (text == "false" || text == "False" || text == "FALSE")
            return false;
    }
    report(value, "true or false", problems);
    return std::nullopt;
}

std::optional<std::string> readText(const ValueRef& value, ProblemList& problems)
{
    if (!value.node.IsScalar() || value.node.Scalar().empty()) {
        report(value, "a non-empty text", problems);
        return std::nullopt;
    }
    return value.node.Scalar();
}

std::optional<std::size_t> readChoice(const ValueRef& value, std::span<const std::string_view> names,
                                      ProblemList& problems)
{
    if (value.node.IsScalar()) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (value.node.Scalar() == names[i])
                return i;
        }
    }
    report(value, describeChoice(names), problems);
    return std::nullopt;
}

std::string describeChoice(std::span<const std::string_view> names)
{
    std::string text = "one of ";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            text += " | ";
        text += names[i];
    }
    return text;
}

} // namespace sixbtc::config
