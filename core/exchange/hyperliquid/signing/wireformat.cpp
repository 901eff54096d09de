// SPDX-License-Identifier: MIT
// Prices, sizes and amounts as wire strings and hashed integers.
#include "exchange/hyperliquid/signing/wireformat.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "common/require.h"
#include "exchange/hyperliquid/signing/decimaltext.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

int allowedDecimals(const DecimalText& price, int szDecimals, MarketKind kind)
{
    SIXBTC_REQUIRE(szDecimals >= 0);
    const int maxDecimals = std::max(0, (kind == MarketKind::Perp ? 6 : 8) - szDecimals);
    constexpr int kSignificantFigures = 5;
    const int bySignificantFigures = price.integerPart().empty()
                                         ? price.leadingFractionZeros() + kSignificantFigures
                                         : std::max(0, kSignificantFigures - int(price.integerPart().size()));
    return std::min(maxDecimals, bySignificantFigures);
}

/// round(x * 10^decimals) with the SDKs' 1e-3 tolerance, computed on the digits.
common::Result<std::uint64_t> scaledInteger(std::string_view text, int decimals)
{
    auto value = DecimalText::parse(text);
    if (!value)
        return tl::unexpected(value.error());
    if (value->isNegative())
        return common::fail(common::ErrorCode::Input, "amount '" + std::string(text) + "' is negative");
    const auto places = static_cast<std::size_t>(decimals);
    std::string fraction = value->fractionPart();
    const std::string rest = fraction.size() > places ? fraction.substr(places) : std::string();
    fraction.resize(places, '0');
    const std::string kept = value->integerPart() + fraction;

    // The distance between x * 10^decimals and the nearest integer is 0.rest or 1 - 0.rest.
    const std::string firstThree = (rest + "000").substr(0, 3);
    const bool roundUp = !rest.empty() && rest[0] >= '5';
    const bool closeBelow = firstThree == "000";
    const bool closeAbove = firstThree == "999" && rest.find_first_not_of('0', 3) != std::string::npos;
    if (!(roundUp ? closeAbove : closeBelow))
        return common::fail(common::ErrorCode::Input, "amount '" + std::string(text) + "' has more than " +
                                                          std::to_string(decimals) + " decimals");
    std::uint64_t result = 0;
    const auto [end, error] = std::from_chars(kept.data(), kept.data() + kept.size(), result);
    if (error != std::errc() || end != kept.data() + kept.size() ||
        (roundUp && result == std::numeric_limits<std::uint64_t>::max()))
        return common::fail(common::ErrorCode::Input, "amount '" + std::string(text) + "' is too large");
    return roundUp ? result + 1 : result;
}

} // namespace

common::Result<std::string> floatToWire(double value)
{
    if (!std::isfinite(value))
        return common::fail(common::ErrorCode::Input, "cannot send a non-finite number");
    std::array<char, 512> buffer{};
    const int length = std::snprintf(buffer.data(), buffer.size(), "%.8f", value);
    if (length < 0 || static_cast<std::size_t>(length) >= buffer.size())
        return common::fail(common::ErrorCode::Input, "number is too large to send");
    if (std::fabs(std::strtod(buffer.data(), nullptr) - value) >= 1e-12)
        return common::fail(common::ErrorCode::Input, "number " + std::string(buffer.data()) +
                                                          " has more than 8 decimals (float_to_wire would round it)");
    auto decimal = DecimalText::parse(std::string_view(buffer.data(), static_cast<std::size_t>(length)));
    SIXBTC_REQUIRE(decimal.has_value());
    return decimal->toString();
}

common::Result<std::uint64_t> floatToIntForHashing(std::string_view decimal)
{
    return scaledInteger(decimal, 8);
}

common::Result<std::uint64_t> floatToUsdInt(std::string_view decimal)
{
    return scaledInteger(decimal, 6);
}

common::Result<std::string> decimalFromDouble(double value)
{
    if (!std::isfinite(value))
        return common::fail(common::ErrorCode::Input, "cannot send a non-finite number");
    std::array<char, 512> buffer{};
    const auto [end, error] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
    SIXBTC_REQUIRE(error == std::errc());
    auto decimal = DecimalText::parse(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())));
    SIXBTC_REQUIRE(decimal.has_value());
    return decimal->toString();
}

int allowedPriceDecimals(std::string_view canonicalPrice, int szDecimals, MarketKind kind)
{
    const auto price = DecimalText::parse(canonicalPrice);
    SIXBTC_REQUIRE(price.has_value());
    return allowedDecimals(*price, szDecimals, kind);
}

common::Result<std::string> formatPrice(std::string_view price, int szDecimals, MarketKind kind)
{
    auto value = DecimalText::parse(price);
    if (!value)
        return tl::unexpected(value.error());
    const DecimalText result = value->truncated(allowedDecimals(*value, szDecimals, kind));
    if (result.isZero())
        return common::fail(common::ErrorCode::Input, "price '" + std::string(price) + "' truncates to 0");
    return result.toString();
}

common::Result<std::string> formatSize(std::string_view size, int szDecimals)
{
    SIXBTC_REQUIRE(szDecimals >= 0);
    auto value = DecimalText::parse(size);
    if (!value)
        return tl::unexpected(value.error());
    const DecimalText result = value->truncated(szDecimals);
    if (result.isZero())
        return common::fail(common::ErrorCode::Input, "size '" + std::string(size) + "' truncates to 0");
    return result.toString();
}

common::Result<std::string> roundPriceToTick(std::string_view price, int szDecimals, MarketKind kind, bool isBuy)
{
    auto value = DecimalText::parse(price);
    if (!value)
        return tl::unexpected(value.error());
    if (value->isNegative() || value->isZero())
        return common::fail(common::ErrorCode::Input, "limit price '" + std::string(price) + "' is not positive");
    const int decimals = allowedDecimals(*value, szDecimals, kind);
    const DecimalText result = isBuy ? value->truncated(decimals) : value->roundedAwayFromZero(decimals);
    if (result.isZero())
        return common::fail(common::ErrorCode::Input,
                            "buy limit price '" + std::string(price) + "' rounds down to 0 on the tick grid");
    return result.toString();
}

bool isCanonicalWireNumber(std::string_view text)
{
    const auto value = DecimalText::parse(text);
    return value && !value->isNegative() && value->toString() == text;
}

bool isValidWirePrice(std::string_view price, int szDecimals, MarketKind kind)
{
    if (!isCanonicalWireNumber(price))
        return false;
    const auto value = DecimalText::parse(price);
    return !value->isZero() &&
           value->fractionPart().size() <= static_cast<std::size_t>(allowedDecimals(*value, szDecimals, kind));
}

bool isValidWireSize(std::string_view size, int szDecimals)
{
    if (!isCanonicalWireNumber(size))
        return false;
    const auto value = DecimalText::parse(size);
    return !value->isZero() && value->fractionPart().size() <= static_cast<std::size_t>(szDecimals);
}

} // namespace sixbtc::exchange::hyperliquid
