// SPDX-License-Identifier: MIT
// Number rules of the fake exchange: tick and lot validity of wire strings, canonical rendering of results.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sixbtc::fakes::hyperliquid {

/// The exchange's price error for `text` on a perp with `szDecimals`, or nullopt when valid: a positive decimal
/// with at most 5 significant figures and at most 6 - szDecimals decimals; integers are always valid.
std::optional<std::string> priceError(std::string_view text, int szDecimals);

/// The exchange's size error for `text`, or nullopt when valid: positive with at most szDecimals decimals.
std::optional<std::string> sizeError(std::string_view text, int szDecimals);

/// `value` rounded to `decimals` places, without trailing zeros or exponent ("0" for zero).
std::string wireNumber(double value, int decimals);

/// `value` rounded to `decimals` places as a double.
double roundTo(double value, int decimals);

/// `value` rounded toward zero to `decimals` places as a double.
double truncateTo(double value, int decimals);

} // namespace sixbtc::fakes::hyperliquid
