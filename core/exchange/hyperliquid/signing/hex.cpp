// SPDX-License-Identifier: MIT
// Byte buffers and their lowercase hexadecimal text.
#include "exchange/hyperliquid/signing/hex.h"

#include "common/hexdigits.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

std::string_view stripPrefix(std::string_view text)
{
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        text.remove_prefix(2);
    return text;
}

} // namespace

std::string toHex(std::span<const std::uint8_t> bytes)
{
    std::string text;
    text.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes)
        common::appendHexByte(text, byte);
    return text;
}

std::string toHex0x(std::span<const std::uint8_t> bytes)
{
    return "0x" + toHex(bytes);
}

common::Result<Bytes> fromHex(std::string_view text)
{
    const std::string_view digits = stripPrefix(text);
    if (digits.size() % 2 != 0)
        return common::fail(common::ErrorCode::Input, "hex text has an odd number of digits");
    Bytes bytes(digits.size() / 2);
    if (!decodeHexInto(digits, bytes))
        return common::fail(common::ErrorCode::Input, "hex text contains a character that is not a hex digit");
    return bytes;
}

bool decodeHexInto(std::string_view text, std::span<std::uint8_t> out)
{
    const std::string_view digits = stripPrefix(text);
    if (digits.size() != out.size() * 2)
        return false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int high = common::hexDigitValue(digits[2 * i]);
        const int low = common::hexDigitValue(digits[2 * i + 1]);
        if (high < 0 || low < 0)
            return false;
        out[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    return true;
}

} // namespace sixbtc::exchange::hyperliquid
