// SPDX-License-Identifier: MIT
// Tick/lot checks on the digits of wire strings and the canonical rendering of computed numbers.
#include "fakes/hyperliquid/fakenumbers.h"

#include <cmath>
#include <cstdio>

#include "exchange/hyperliquid/signing/decimaltext.h"

namespace sixbtc::fakes::hyperliquid {

using exchange::hyperliquid::DecimalText;

namespace {

const char* const kTickError = "Price must be divisible by tick size.";
const char* const kSizeError = "Order has invalid size.";

} // namespace

std::optional<std::string> priceError(std::string_view text, int szDecimals)
{
    const auto price = DecimalText::parse(text);
    if (!price || price->isNegative() || price->isZero())
        return std::string(kTickError);
    if (price->fractionPart().empty())
        return std::nullopt;
    const auto decimals = static_cast<int>(price->fractionPart().size());
    const int significant = price->integerPart().empty() ? decimals - price->leadingFractionZeros()
                                                         : static_cast<int>(price->integerPart().size()) + decimals;
    if (decimals > 6 - szDecimals || significant > 5)
        return std::string(kTickError);
    return std::nullopt;
}

std::optional<std::string> sizeError(std::string_view text, int szDecimals)
{
    const auto size = DecimalText::parse(text);
    if (!size || size->isNegative() || size->isZero() || static_cast<int>(size->fractionPart().size()) > szDecimals)
        return std::string(kSizeError);
    return std::nullopt;
}

std::string wireNumber(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, roundTo(value, decimals));
    std::string out(buffer);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.')
            out.pop_back();
    }
    return out == "-0" ? std::string("0") : out;
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

double truncateTo(double value, int decimals)
{
    // The nudge keeps products such as 0.3 * 0.01 (0.0029999...) from losing their last digit.
    const double scale = std::pow(10.0, decimals);
    return std::trunc(value * scale + (value >= 0 ? 1e-9 : -1e-9)) / scale;
}

} // namespace sixbtc::fakes::hyperliquid
