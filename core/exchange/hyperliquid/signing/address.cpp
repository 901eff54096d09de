// SPDX-License-Identifier: MIT
// Fixed-size identifiers of the Hyperliquid API.
#include "exchange/hyperliquid/signing/address.h"

#include "exchange/hyperliquid/signing/hex.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

bool hasPrefix(std::string_view text)
{
    return text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}

} // namespace

common::Result<Address> Address::fromHex(std::string_view text)
{
    Address address;
    if (!hasPrefix(text) || !decodeHexInto(text, address.m_bytes))
        return common::fail(common::ErrorCode::Input,
                            "invalid address '" + std::string(text) + "': expected 0x and 40 hex digits");
    return address;
}

Address Address::fromBytes(const Bytes& bytes)
{
    Address address;
    address.m_bytes = bytes;
    return address;
}

std::string Address::toHex() const
{
    return toHex0x(m_bytes);
}

common::Result<Cloid> Cloid::fromHex(std::string_view text)
{
    Cloid cloid;
    if (!hasPrefix(text) || !decodeHexInto(text, cloid.m_bytes))
        return common::fail(common::ErrorCode::Input,
                            "invalid client order id '" + std::string(text) + "': expected 0x and 32 hex digits");
    return cloid;
}

Cloid Cloid::fromBytes(const Bytes& bytes)
{
    Cloid cloid;
    cloid.m_bytes = bytes;
    return cloid;
}

std::string Cloid::toHex() const
{
    return toHex0x(m_bytes);
}

} // namespace sixbtc::exchange::hyperliquid
