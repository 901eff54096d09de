// SPDX-License-Identifier: MIT
// An order-preserving JSON reader: QJsonObject sorts keys, but the signed action hash depends on their order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/error.h"
#include "exchange/hyperliquid/signing/wirevalue.h"

namespace sixbtc::fakes::hyperliquid {

/// A parsed JSON value with object members in document order. Numbers must be integers (the exchange wire
/// has no floating point); a fraction or exponent is a parse error.
class OrderedJson
{
public:
    using Array = std::vector<OrderedJson>;
    using Members = std::vector<std::pair<std::string, OrderedJson>>;

    /// Parses one JSON document (surrounding whitespace allowed, nothing after it).
    static common::Result<OrderedJson> parse(std::string_view text);

    bool isNull() const { return std::holds_alternative<std::monostate>(m_value); }
    bool isBool() const { return std::holds_alternative<bool>(m_value); }
    bool isInteger() const;
    bool isString() const { return std::holds_alternative<std::string>(m_value); }
    bool isArray() const { return std::holds_alternative<Array>(m_value); }
    bool isObject() const { return std::holds_alternative<Members>(m_value); }

    /// The value, or nullopt when it has another type (or an integer does not fit).
    std::optional<bool> toBool() const;
    std::optional<std::int64_t> toInt64() const;
    std::optional<std::uint64_t> toUint64() const;
    std::optional<std::string> toString() const;
    /// Items of an array (empty for other types).
    const Array& items() const;
    /// Members of an object (empty for other types).
    const Members& members() const;
    /// The member `key` of an object, or nullptr (also when this is no object).
    const OrderedJson* find(std::string_view key) const;

    /// The same value as core's ordered WireValue, for re-hashing. Null object members are dropped (an absent
    /// optional key); a null anywhere else is an error, as WireValue has no null.
    common::Result<exchange::hyperliquid::WireValue> toWire() const;

private:
    friend class OrderedJsonParser;
    using Storage = std::variant<std::monostate, bool, std::int64_t, std::uint64_t, std::string, Array, Members>;

    Storage m_value;
};

} // namespace sixbtc::fakes::hyperliquid
