// SPDX-License-Identifier: MIT
// SqlValue, SqlParams and SqlRow: values crossing the SqlConnection boundary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sixbtc::storage {

/// NULL, an integer, a real or a text value.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;
using SqlParams = std::vector<SqlValue>;

/// A NULL for an empty optional.
template <typename T>
SqlValue sqlOptional(const std::optional<T>& value)
{
    return value ? SqlValue(*value) : SqlValue();
}

/// Shortest text that reads back to the same double (also NaN and the infinities, as PostgreSQL spells them).
std::string doubleToText(double value);

/// One result row. Backends may deliver numbers as text; the accessors convert.
/// \warning A column of the wrong type or a NULL where a value is read is a broken schema and aborts.
class SqlRow
{
public:
    explicit SqlRow(std::vector<SqlValue> values);

    std::size_t size() const { return m_values.size(); }
    bool isNull(std::size_t column) const;
    std::int64_t integer(std::size_t column) const;
    double real(std::size_t column) const;
    std::string text(std::size_t column) const;
    std::optional<std::int64_t> optionalInteger(std::size_t column) const;
    std::optional<double> optionalReal(std::size_t column) const;
    std::optional<std::string> optionalText(std::size_t column) const;

private:
    const SqlValue& at(std::size_t column) const;

    std::vector<SqlValue> m_values;
};

} // namespace sixbtc::storage
