// SPDX-License-Identifier: MIT
// Conversions of SQL values.
#include "storage/api/sqlrow.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "common/require.h"

namespace sixbtc::storage {

namespace {

double parseDouble(const std::string& text)
{
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == "Infinity")
        return std::numeric_limits<double>::infinity();
    if (text == "-Infinity")
        return -std::numeric_limits<double>::infinity();
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    SIXBTC_REQUIRE(ec == std::errc() && end == text.data() + text.size());
    return value;
}

std::int64_t parseInteger(const std::string& text)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    SIXBTC_REQUIRE(ec == std::errc() && end == text.data() + text.size());
    return value;
}

} // namespace

std::string doubleToText(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    SIXBTC_REQUIRE(ec == std::errc());
    return std::string(buffer, end);
}

SqlRow::SqlRow(std::vector<SqlValue> values)
    : m_values(std::move(values))
{
}

const SqlValue& SqlRow::at(std::size_t column) const
{
    SIXBTC_REQUIRE(column < m_values.size());
    return m_values[column];
}

bool SqlRow::isNull(std::size_t column) const
{
    return std::holds_alternative<std::monostate>(at(column));
}

std::int64_t SqlRow::integer(std::size_t column) const
{
    const SqlValue& value = at(column);
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return *integer;
    const auto* text = std::get_if<std::string>(&value);
    SIXBTC_REQUIRE(text != nullptr);
    return parseInteger(*text);
}

double SqlRow::real(std::size_t column) const
{
    const SqlValue& value = at(column);
    if (const auto* real = std::get_if<double>(&value))
        return *real;
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*integer);
    const auto* text = std::get_if<std::string>(&value);
    SIXBTC_REQUIRE(text != nullptr);
    return parseDouble(*text);
}

std::string SqlRow::text(std::size_t column) const
{
    const SqlValue& value = at(column);
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return std::to_string(*integer);
    if (const auto* real = std::get_if<double>(&value))
        return doubleToText(*real);
    const auto* text = std::get_if<std::string>(&value);
    SIXBTC_REQUIRE(text != nullptr);
    return *text;
}

std::optional<std::int64_t> SqlRow::optionalInteger(std::size_t column) const
{
    return isNull(column) ? std::nullopt : std::optional(integer(column));
}

std::optional<double> SqlRow::optionalReal(std::size_t column) const
{
    return isNull(column) ? std::nullopt : std::optional(real(column));
}

std::optional<std::string> SqlRow::optionalText(std::size_t column) const
{
    return isNull(column) ? std::nullopt : std::optional(text(column));
}

} // namespace sixbtc::storage
