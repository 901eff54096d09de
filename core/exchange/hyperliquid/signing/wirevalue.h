// SPDX-License-Identifier: MIT
// An ordered JSON-like value: the one structure an action is built in, serialised to msgpack and to JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "exchange/hyperliquid/signing/hex.h"

namespace sixbtc::exchange::hyperliquid {

/// A value of an exchange action. Maps keep insertion order (the order is part of the signed hash), so the
/// msgpack that is hashed and the JSON that is posted always describe the same object. There is no null and no
/// floating point: optional keys are omitted, numbers on the wire are strings or integers.
class WireValue
{
public:
    using Array = std::vector<WireValue>;
    using Member = std::pair<std::string, WireValue>;
    using Map = std::vector<Member>;

    static WireValue boolean(bool value);
    static WireValue integer(std::int64_t value);
    static WireValue unsignedInteger(std::uint64_t value);
    static WireValue string(std::string value);
    static WireValue array(Array items);
    /// An empty map; fill it with add().
    static WireValue map();

    /// Appends a member to a map. \warning REQUIRE: isMap() and `key` not present yet.
    WireValue& add(std::string key, WireValue value);

    bool isMap() const { return std::holds_alternative<Map>(m_value); }
    /// \warning REQUIRE: isMap().
    const Map& members() const;
    /// The value under `key` of a map, or nullptr. \warning REQUIRE: isMap().
    const WireValue* find(std::string_view key) const;

    /// msgpack with the smallest encodings (fixint/uint8..64, fixstr/str8..32, fixmap/map16, fixarray/array16).
    Bytes toMsgpack() const;
    /// Appends the msgpack encoding to `out`.
    void appendMsgpack(Bytes& out) const;
    /// Compact JSON text with the members in insertion order.
    std::string toJson() const;

    friend bool operator==(const WireValue&, const WireValue&) = default;

private:
    using Storage = std::variant<bool, std::int64_t, std::uint64_t, std::string, Array, Map>;
    explicit WireValue(Storage value);

    void appendJson(std::string& out) const;
    /// Recursive msgpack encoding; defined and instantiated in wirevalue.cpp only.
    template <typename Packer>
    void packWith(Packer& packer) const;

    Storage m_value;
};

/// Appends `text` to `out` as a JSON string literal (quotes, escapes for quote, backslash and controls).
void appendJsonString(std::string& out, std::string_view text);

} // namespace sixbtc::exchange::hyperliquid
