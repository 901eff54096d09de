// SPDX-License-Identifier: MIT
// Accepted ranges of numeric configuration values, and their wording in problem messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sixbtc::config {

enum class Bound { Open, Closed };

/// An interval of real numbers; a missing bound is unbounded on that side.
struct NumberRange
{
    std::optional<double> low;
    Bound lowBound = Bound::Closed;
    std::optional<double> high;
    Bound highBound = Bound::Closed;

    bool contains(double value) const;
    /// "in (0, 0.2]", "> 0" or ">= 0".
    std::string describe() const;
};

/// [low, high] or (low, high) etc.
NumberRange between(Bound lowBound, double low, double high, Bound highBound);
/// >= low
NumberRange atLeast(double low);
/// > low
NumberRange above(double low);

/// A closed interval of integers; a missing high bound means the largest value of the field.
struct IntegerRange
{
    std::int64_t low;
    std::optional<std::int64_t> high;

    bool contains(std::int64_t value) const;
    /// "in [1, 65535]" or ">= 1".
    std::string describe() const;
};

IntegerRange integersBetween(std::int64_t low, std::int64_t high);
IntegerRange integersFrom(std::int64_t low);

/// Shortest text that reads back as `value` ("0.2", "600000", "1e-09").
std::string formatNumber(double value);

} // namespace sixbtc::config
