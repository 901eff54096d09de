// SPDX-License-Identifier: MIT
// Uuid: a 128-bit identifier; name-based UUIDv5 (RFC 4122 section 4.3) and the UUIDs of expanded strategies.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace sixbtc::common {

/// A UUID as its 16 bytes in network (big-endian) order; the default value is the nil UUID.
class Uuid
{
public:
    using Bytes = std::array<std::uint8_t, 16>;

    Uuid() = default;
    explicit Uuid(const Bytes& bytes)
        : m_bytes(bytes)
    {
    }

    /// Reads the canonical 8-4-4-4-12 hex form (either case); an Input error names what is wrong.
    static Result<Uuid> parse(std::string_view text);

    const Bytes& bytes() const { return m_bytes; }
    /// The canonical lowercase 8-4-4-4-12 form.
    std::string toString() const;
    /// The version nibble (5 for name-based SHA-1).
    int version() const { return m_bytes[6] >> 4; }

    friend bool operator==(const Uuid&, const Uuid&) = default;
    friend auto operator<=>(const Uuid&, const Uuid&) = default;

private:
    Bytes m_bytes{};
};

/// The RFC 4122 appendix C name space for DNS names: 6ba7b810-9dad-11d1-80b4-00c04fd430c8.
Uuid namespaceDns();
/// The RFC 4122 appendix C name space for URLs: 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
Uuid namespaceUrl();

/// UUIDv5 of `name` (its bytes as given, e.g. UTF-8) in `nameSpace`: SHA-1 of the name space's 16 bytes followed by
/// the name, first 16 bytes, version 5, RFC 4122 variant.
Uuid uuid5(const Uuid& nameSpace, std::string_view name);

/// The project's name space for expanded strategies: uuid5(namespaceUrl(), "urn:sixbtc:workbench:expansion").
Uuid expansionNamespace();

/// The UUID of the strategy with grid index `gridIndex` expanded from the base whose code hash is `baseCodeHash`:
/// uuid5(expansionNamespace(), baseCodeHash + "/" + decimal gridIndex), e.g. name "3fa2...e1/17".
Uuid expansionUuid(std::string_view baseCodeHash, std::size_t gridIndex);

} // namespace sixbtc::common
