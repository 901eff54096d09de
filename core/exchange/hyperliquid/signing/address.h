// SPDX-License-Identifier: MIT
// Fixed-size identifiers of the Hyperliquid API: 20-byte account addresses and 16-byte client order ids.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace sixbtc::exchange::hyperliquid {

/// An account, agent or vault address (20 bytes), rendered as 0x + 40 lowercase hex digits.
class Address
{
public:
    using Bytes = std::array<std::uint8_t, 20>;

    /// Parses 0x + 40 hex digits (either case).
    static common::Result<Address> fromHex(std::string_view text);
    static Address fromBytes(const Bytes& bytes);

    const Bytes& bytes() const { return m_bytes; }
    /// 0x + 40 lowercase hex digits, the form sent to the exchange.
    std::string toHex() const;

    friend bool operator==(const Address&, const Address&) = default;

private:
    Bytes m_bytes{};
};

/// A client order id chosen by the caller (128 bits), rendered as 0x + 32 lowercase hex digits.
class Cloid
{
public:
    using Bytes = std::array<std::uint8_t, 16>;

    /// Parses 0x + 32 hex digits (either case).
    static common::Result<Cloid> fromHex(std::string_view text);
    static Cloid fromBytes(const Bytes& bytes);

    const Bytes& bytes() const { return m_bytes; }
    /// 0x + 32 lowercase hex digits (34 characters), the form sent to the exchange.
    std::string toHex() const;

    friend bool operator==(const Cloid&, const Cloid&) = default;

private:
    Bytes m_bytes{};
};

} // namespace sixbtc::exchange::hyperliquid
