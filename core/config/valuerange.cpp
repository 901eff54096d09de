// SPDX-License-Identifier: MIT
// Accepted ranges of numeric configuration values.
#include "config/valuerange.h"

#include <array>
#include <charconv>

namespace sixbtc::config {

bool NumberRange::contains(double value) const
{
    if (low && (lowBound == Bound::Open ? value <= *low : value < *low))
        return false;
    if (high && (highBound == Bound::Open ? value >= *high : value > *high))
        return false;
    return true;
}

std::string NumberRange::describe() const
{
    if (low && high) {
        return std::string("in ") + (lowBound == Bound::Open ? "(" : "[") + formatNumber(*low) + ", " +
               formatNumber(*high) + (highBound == Bound::Open ? ")" : "]");
    }
    if (low)
        return (lowBound == Bound::Open ? "> " : ">= ") + formatNumber(*low);
    if (high)
        return (highBound == Bound::Open ? "< " : "<= ") + formatNumber(*high);
    return "of any finite value";
}

NumberRange between(Bound lowBound, double low, double high, Bound highBound)
{
    return NumberRange{low, lowBound, high, highBound};
}

NumberRange atLeast(double low)
{
    return NumberRange{low, Bound::Closed, std::nullopt, Bound::Closed};
}

NumberRange above(double low)
{
    return NumberRange{low, Bound::Open, std::nullopt, Bound::Closed};
}

bool IntegerRange::contains(std::int64_t value) const
{
    return value >= low && (!high || value <= *high);
}

std::string IntegerRange::describe() const
{
    if (high)
        return "in [" + std::to_string(low) + ", " + std::to_string(*high) + "]";
    return ">= " + std::to_string(low);
}

IntegerRange integersBetween(std::int64_t low, std::int64_t high)
{
    return IntegerRange{low, high};
}

IntegerRange integersFrom(std::int64_t low)
{
    return IntegerRange{low, std::nullopt};
}

std::string formatNumber(double value)
{
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

} // namespace sixbtc::config
