// SPDX-License-Identifier: MIT
// A decimal number kept as its digits, for exact truncation and rounding of wire prices and sizes.
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace sixbtc::exchange::hyperliquid {

/// A finite decimal number as sign, integer digits and fraction digits (no binary floating point involved).
/// Stored normalised: no leading zeros in the integer part, no trailing zeros in the fraction, no negative zero.
class DecimalText
{
public:
    /// Parses [-]digits[.digits] or [-].digits (no exponent, no spaces, no '+').
    static common::Result<DecimalText> parse(std::string_view text);

    bool isNegative() const { return m_negative; }
    bool isZero() const { return m_integer.empty() && m_fraction.empty(); }
    /// Integer digits without leading zeros; empty when |x| < 1.
    const std::string& integerPart() const { return m_integer; }
    /// Fraction digits without trailing zeros; empty for an integer.
    const std::string& fractionPart() const { return m_fraction; }
    /// Zeros between the point and the first non-zero digit when |x| < 1, else 0.
    int leadingFractionZeros() const;

    /// Drops the digits after `decimals` places (rounds toward zero). \warning REQUIRE: decimals >= 0.
    DecimalText truncated(int decimals) const;
    /// Rounds away from zero to `decimals` places: the magnitude grows by one unit in the last place when a
    /// dropped digit is non-zero. \warning REQUIRE: decimals >= 0.
    DecimalText roundedAwayFromZero(int decimals) const;

    /// Canonical text: "0", "12", "-0.5", "1670.1"; never an exponent or a trailing zero.
    std::string toString() const;

private:
    void normalise();

    bool m_negative = false;
    std::string m_integer;
    std::string m_fraction;
};

} // namespace sixbtc::exchange::hyperliquid
