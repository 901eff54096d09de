// SPDX-License-Identifier: MIT
// Byte buffers and their lowercase hexadecimal text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace sixbtc::exchange::hyperliquid {

using Bytes = std::vector<std::uint8_t>;

/// Lowercase hex of `bytes`, without a prefix.
std::string toHex(std::span<const std::uint8_t> bytes);

/// "0x" followed by the lowercase hex of `bytes`.
std::string toHex0x(std::span<const std::uint8_t> bytes);

/// Decodes hex digits (either case) after an optional "0x"; an odd length or a non-hex digit is an error.
common::Result<Bytes> fromHex(std::string_view text);

/// Decodes exactly `out.size()` bytes of hex after an optional "0x" into `out`. The error message never
/// repeats the text (it may be a secret). Returns false on a wrong length or a non-hex digit.
bool decodeHexInto(std::string_view text, std::span<std::uint8_t> out);

} // namespace sixbtc::exchange::hyperliquid
