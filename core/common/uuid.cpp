// SPDX-License-Identifier: MIT
// UUID text form and UUIDv5 through Crypto++'s SHA-1.
#include "common/uuid.h"

#include <algorithm>

#include <cryptopp/sha.h>

#include "common/hexdigits.h"
#include "common/require.h"

namespace sixbtc::common {

namespace {

/// Offsets of the hyphens in the 36-character canonical form.
bool isHyphenPosition(std::size_t i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

Uuid fromLiteral(std::string_view text)
{
    auto parsed = Uuid::parse(text);
    SIXBTC_REQUIRE(parsed.has_value());
    return *parsed;
}

} // namespace

Result<Uuid> Uuid::parse(std::string_view text)
{
    if (text.size() != 36)
        return fail(ErrorCode::Input, "a UUID has 36 characters (8-4-4-4-12 hex digits), got " +
                                          std::to_string(text.size()) + ": '" + std::string(text) + "'");
    Bytes bytes{};
    std::size_t nibble = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isHyphenPosition(i)) {
            if (text[i] != '-')
                return fail(ErrorCode::Input,
                            "a UUID has '-' at position " + std::to_string(i + 1) + ": '" + std::string(text) + "'");
            continue;
        }
        const int value = hexDigitValue(text[i]);
        if (value < 0)
            return fail(ErrorCode::Input, "a UUID holds hex digits only, position " + std::to_string(i + 1) +
                                              " is not one: '" + std::string(text) + "'");
        bytes[nibble / 2] = static_cast<std::uint8_t>(bytes[nibble / 2] | (nibble % 2 == 0 ? value << 4 : value));
        ++nibble;
    }
    return Uuid(bytes);
}

std::string Uuid::toString() const
{
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < m_bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.push_back('-');
        appendHexByte(text, m_bytes[i]);
    }
    return text;
}

Uuid namespaceDns()
{
    return fromLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
}

Uuid namespaceUrl()
{
    return fromLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
}

Uuid uuid5(const Uuid& nameSpace, std::string_view name)
{
    CryptoPP::SHA1 sha1;
    sha1.Update(nameSpace.bytes().data(), nameSpace.bytes().size());
    sha1.Update(reinterpret_cast<const CryptoPP::byte*>(name.data()), name.size());
    std::array<CryptoPP::byte, CryptoPP::SHA1::DIGESTSIZE> digest{};
    sha1.Final(digest.data());

    Uuid::Bytes bytes{};
    std::copy_n(digest.begin(), bytes.size(), bytes.begin());
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x50); // version 5
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant 10xx
    return Uuid(bytes);
}

Uuid expansionNamespace()
{
    static const Uuid nameSpace = uuid5(namespaceUrl(), "urn:sixbtc:workbench:expansion");
    return nameSpace;
}

Uuid expansionUuid(std::string_view baseCodeHash, std::size_t gridIndex)
{
    const std::string name = std::string(baseCodeHash) + "/" + std::to_string(gridIndex);
    return uuid5(expansionNamespace(), name);
}

} // namespace sixbtc::common
