// SPDX-License-Identifier: MIT
// A decimal number kept as its digits.
#include "exchange/hyperliquid/signing/decimaltext.h"

#include <algorithm>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

bool allDigits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

common::Result<DecimalText> DecimalText::parse(std::string_view text)
{
    const auto invalid = [&] {
        return common::fail(common::ErrorCode::Input,
                            "invalid decimal number '" + std::string(text) + "': expected digits with an optional '.'");
    };
    DecimalText value;
    std::string_view rest = text;
    if (!rest.empty() && rest.front() == '-') {
        value.m_negative = true;
        rest.remove_prefix(1);
    }
    const auto point = rest.find('.');
    const std::string_view integer = rest.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view() : rest.substr(point + 1);
    if ((integer.empty() && fraction.empty()) || !allDigits(integer) || !allDigits(fraction))
        return invalid();
    value.m_integer = std::string(integer);
    value.m_fraction = std::string(fraction);
    value.normalise();
    return value;
}

void DecimalText::normalise()
{
    const auto firstNonZero = m_integer.find_first_not_of('0');
    m_integer.erase(0, firstNonZero == std::string::npos ? m_integer.size() : firstNonZero);
    const auto lastNonZero = m_fraction.find_last_not_of('0');
    m_fraction.resize(lastNonZero == std::string::npos ? 0 : lastNonZero + 1);
    if (isZero())
        m_negative = false;
}

int DecimalText::leadingFractionZeros() const
{
    if (!m_integer.empty() || m_fraction.empty())
        return 0;
    return static_cast<int>(m_fraction.find_first_not_of('0'));
}

DecimalText DecimalText::truncated(int decimals) const
{
    SIXBTC_REQUIRE(decimals >= 0);
    DecimalText result = *this;
    if (result.m_fraction.size() > static_cast<std::size_t>(decimals))
        result.m_fraction.resize(static_cast<std::size_t>(decimals));
    result.normalise();
    return result;
}

DecimalText DecimalText::roundedAwayFromZero(int decimals) const
{
    SIXBTC_REQUIRE(decimals >= 0);
    const auto places = static_cast<std::size_t>(decimals);
    if (m_fraction.size() <= places)
        return *this;
    // The fraction is normalised, so dropping digits always drops a non-zero one: add one unit in the last place.
    std::string digits = m_integer + m_fraction.substr(0, places);
    auto position = digits.size();
    while (position > 0 && digits[position - 1] == '9') {
        digits[position - 1] = '0';
        --position;
    }
    if (position == 0)
        digits.insert(digits.begin(), '1');
    else
        ++digits[position - 1];
    DecimalText result;
    result.m_negative = m_negative;
    result.m_integer = digits.substr(0, digits.size() - places);
    result.m_fraction = digits.substr(digits.size() - places);
    result.normalise();
    return result;
}

std::string DecimalText::toString() const
{
    std::string text = m_negative ? "-" : "";
    text += m_integer.empty() ? "0" : m_integer;
    if (!m_fraction.empty()) {
        text += '.';
        text += m_fraction;
    }
    return text;
}

} // namespace sixbtc::exchange::hyperliquid
