// SPDX-License-Identifier: MIT
// Ethereum Keccak-256 (the original Keccak padding, not NIST SHA3-256).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace sixbtc::exchange::hyperliquid {

/// A 32-byte hash or 256-bit big-endian word.
using Hash32 = std::array<std::uint8_t, 32>;

/// Keccak-256 of `data`; keccak256("") = c5d24601...5d85a470.
Hash32 keccak256(std::span<const std::uint8_t> data);

/// Keccak-256 of the bytes of `text` (UTF-8 as stored).
Hash32 keccak256(std::string_view text);

} // namespace sixbtc::exchange::hyperliquid
