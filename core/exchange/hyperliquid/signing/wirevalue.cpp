// SPDX-License-Identifier: MIT
// Ordered action values and their msgpack and JSON encodings.
#include "exchange/hyperliquid/signing/wirevalue.h"

#include <msgpack.hpp>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// A msgpack output stream appending to a byte vector (the interface msgpack::packer expects).
struct ByteSink
{
    Bytes& out;
    void write(const char* data, std::size_t size)
    {
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(data);
        out.insert(out.end(), bytes, bytes + size);
    }
};

/// Overload set for std::visit.
template <typename... F>
struct Overloaded : F...
{
    using F::operator()...;
};

} // namespace

template <typename Packer>
void WireValue::packWith(Packer& packer) const
{
    std::visit(Overloaded{
                   [&](bool value) { value ? packer.pack_true() : packer.pack_false(); },
                   [&](std::int64_t value) { packer.pack_int64(value); },
                   [&](std::uint64_t value) { packer.pack_uint64(value); },
                   [&](const std::string& value) {
                       packer.pack_str(static_cast<std::uint32_t>(value.size()));
                       packer.pack_str_body(value.data(), static_cast<std::uint32_t>(value.size()));
                   },
                   [&](const Array& items) {
                       packer.pack_array(static_cast<std::uint32_t>(items.size()));
                       for (const auto& item : items)
                           item.packWith(packer);
                   },
                   [&](const Map& members) {
                       packer.pack_map(static_cast<std::uint32_t>(members.size()));
                       for (const auto& [key, item] : members) {
                           packer.pack_str(static_cast<std::uint32_t>(key.size()));
                           packer.pack_str_body(key.data(), static_cast<std::uint32_t>(key.size()));
                           item.packWith(packer);
                       }
                   },
               },
               m_value);
}

WireValue::WireValue(Storage value)
    : m_value(std::move(value))
{
}

WireValue WireValue::boolean(bool value)
{
    return WireValue(Storage(std::in_place_type<bool>, value));
}

WireValue WireValue::integer(std::int64_t value)
{
    return WireValue(Storage(std::in_place_type<std::int64_t>, value));
}

WireValue WireValue::unsignedInteger(std::uint64_t value)
{
    return WireValue(Storage(std::in_place_type<std::uint64_t>, value));
}

WireValue WireValue::string(std::string value)
{
    return WireValue(Storage(std::in_place_type<std::string>, std::move(value)));
}

WireValue WireValue::array(Array items)
{
    return WireValue(Storage(std::in_place_type<Array>, std::move(items)));
}

WireValue WireValue::map()
{
    return WireValue(Storage(std::in_place_type<Map>));
}

WireValue& WireValue::add(std::string key, WireValue value)
{
    SIXBTC_REQUIRE(isMap());
    SIXBTC_REQUIRE(find(key) == nullptr);
    std::get<Map>(m_value).emplace_back(std::move(key), std::move(value));
    return *this;
}

const WireValue::Map& WireValue::members() const
{
    SIXBTC_REQUIRE(isMap());
    return std::get<Map>(m_value);
}

const WireValue* WireValue::find(std::string_view key) const
{
    for (const auto& [name, value] : members()) {
        if (name == key)
            return &value;
    }
    return nullptr;
}

Bytes WireValue::toMsgpack() const
{
    Bytes out;
    appendMsgpack(out);
    return out;
}

void WireValue::appendMsgpack(Bytes& out) const
{
    ByteSink sink{out};
    msgpack::packer<ByteSink> packer(sink);
    packWith(packer);
}

std::string WireValue::toJson() const
{
    std::string out;
    appendJson(out);
    return out;
}

void WireValue::appendJson(std::string& out) const
{
    std::visit(Overloaded{
                   [&](bool value) { out += value ? "true" : "false"; },
                   [&](std::int64_t value) { out += std::to_string(value); },
                   [&](std::uint64_t value) { out += std::to_string(value); },
                   [&](const std::string& value) { appendJsonString(out, value); },
                   [&](const Array& items) {
                       out += '[';
                       for (std::size_t i = 0; i < items.size(); ++i) {
                           if (i > 0)
                               out += ',';
                           items[i].appendJson(out);
                       }
                       out += ']';
                   },
                   [&](const Map& members) {
                       out += '{';
                       for (std::size_t i = 0; i < members.size(); ++i) {
                           if (i > 0)
                               out += ',';
                           appendJsonString(out, members[i].first);
                           out += ':';
                           members[i].second.appendJson(out);
                       }
                       out += '}';
                   },
               },
               m_value);
}

void appendJsonString(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0f];
        } else {
            out += c;
        }
    }
    out += '"';
}

} // namespace sixbtc::exchange::hyperliquid
