// SPDX-License-Identifier: MIT
// Hexadecimal digits: the value of one digit and the two lowercase digits of a byte.
#pragma once

#include <cstdint>
#include <string>

namespace sixbtc::common {

/// The value of a hexadecimal digit (either case), or -1 for any other character.
constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Appends the two lowercase hexadecimal digits of `byte`.
inline void appendHexByte(std::string& out, std::uint8_t byte)
{
    constexpr char kDigits[] = "0123456789abcdef";
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0x0f]);
}

} // namespace sixbtc::common
