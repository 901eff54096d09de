// SPDX-License-Identifier: MIT
// SignalColumns: the four signal arrays of one strategy over a candle window.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "strategy/strategydocument.h"

namespace sixbtc::strategy {

/// One byte per bar per rule: 1 = the rule is true at that bar, 0 = false or none (warm-up) or no such rule.
struct SignalColumns
{
    std::array<std::vector<std::uint8_t>, 4> rules;

    std::span<const std::uint8_t> rule(RuleSlot slot) const { return rules[static_cast<std::size_t>(slot)]; }
    std::size_t size() const { return rules[0].size(); }
};

/// The four signals of one bar (the live path takes the last bar of a trailing window).
struct BarSignals
{
    bool longEntry = false;
    bool shortEntry = false;
    bool longExit = false;
    bool shortExit = false;

    friend bool operator==(const BarSignals&, const BarSignals&) = default;
};

/// The signals at `bar` of `columns`.
BarSignals signalsAt(const SignalColumns& columns, std::size_t bar);

} // namespace sixbtc::strategy
