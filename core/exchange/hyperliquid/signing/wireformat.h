// SPDX-License-Identifier: MIT
// Prices, sizes and amounts as the wire strings and integers Hyperliquid hashes (tick and lot size rules).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace sixbtc::exchange::hyperliquid {

/// Perpetuals allow 6 - szDecimals price decimals, spot 8 - szDecimals.
enum class MarketKind { Perp, Spot };

/// The official SDKs' float_to_wire: "%.8f", refused when that moved the value by 1e-12 or more, then trailing
/// zeros and a trailing '.' stripped; "-0" becomes "0". Non-finite values are refused.
common::Result<std::string> floatToWire(double value);

/// The SDKs' float_to_int_for_hashing on an exact decimal text: round(x * 1e8), refused when that is 1e-3 or
/// more away from x * 1e8, when x is negative or when it does not fit 64 bits.
common::Result<std::uint64_t> floatToIntForHashing(std::string_view decimal);

/// The same rule scaled by 1e6: USDC amounts of subAccountTransfer and similar (1 USDC = 1000000).
common::Result<std::uint64_t> floatToUsdInt(std::string_view decimal);

/// The shortest decimal text that reads back as `value` (never an exponent). Refuses non-finite values.
common::Result<std::string> decimalFromDouble(double value);

/// Price decimals allowed for `price`: at most 5 significant figures and at most (6 or 8) - szDecimals places;
/// integers always pass. \warning REQUIRE: 0 <= szDecimals.
int allowedPriceDecimals(std::string_view canonicalPrice, int szDecimals, MarketKind kind);

/// A price as a wire string, truncated toward zero onto the tick rules (nktkas formatPrice). An integer price is
/// kept whole. Refuses a malformed text and a price that truncates to 0.
common::Result<std::string> formatPrice(std::string_view price, int szDecimals, MarketKind kind);

/// A size as a wire string, truncated toward zero to szDecimals places. Refuses a size that truncates to 0.
common::Result<std::string> formatSize(std::string_view size, int szDecimals);

/// Rounds a positive limit price onto the tick grid in the direction that never worsens the limit: a buy rounds
/// down, a sell rounds up. Refuses a malformed, zero or negative price and a buy that rounds down to 0.
common::Result<std::string> roundPriceToTick(std::string_view price, int szDecimals, MarketKind kind, bool isBuy);

/// True when `text` is a non-negative number in canonical wire form ("0", "100", "0.0147"; not "100.0", "01",
/// "-1", ".5", "1e3").
bool isCanonicalWireNumber(std::string_view text);

/// True when `price` is a positive canonical wire number that satisfies the tick rules.
bool isValidWirePrice(std::string_view price, int szDecimals, MarketKind kind);

/// True when `size` is a positive canonical wire number with at most szDecimals places.
bool isValidWireSize(std::string_view size, int szDecimals);

} // namespace sixbtc::exchange::hyperliquid
