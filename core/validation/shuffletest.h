// SPDX-License-Identifier: MIT
// The shuffle test (empirical lookahead check): bars after a cut are replaced; no signal up to the cut may change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/candleseries.h"
#include "common/error.h"
#include "config/settings.h"
#include "strategy/strategycore.h"
#include "strategy/strategydocument.h"

namespace sixbtc::validation {

/// The first signal that changed when the bars after a cut were replaced.
struct ShuffleDifference
{
    std::string symbol;
    std::size_t cutIndex = 0;   ///< which cut (0-based, in ascending bar order)
    std::size_t cutBar = 0;     ///< bars 0..cutBar were kept
    std::int64_t cutTimeMs = 0; ///< open time of the cut bar
    std::size_t bar = 0;        ///< the first differing bar (<= cutBar)
    std::int64_t barTimeMs = 0; ///< its open time
    /// The first rule (in slot order) differing at that bar.
    strategy::RuleSlot rule = strategy::RuleSlot::LongEntry;
};

/// The outcome of the shuffle test of one strategy.
struct ShuffleVerdict
{
    bool passed = false;
    std::vector<std::vector<std::size_t>> cutBars; ///< per symbol checked (in the order given), its cut bars
    std::optional<ShuffleDifference> difference;   ///< set when the test failed
    std::string reason;                            ///< empty when passed; names the bar, its time, rule and cut
};

/// The cut bars for a series of `bars` bars: with W = clamp(warmupBars, 0, bars) and L = bars - 1 - W, cut i
/// (0-based) is W + floor((i + 1) * L / (cuts + 1)), so the cuts are spread evenly over the bars after warm-up,
/// each strictly after the warm-up and before the last bar. An Input error when L < cuts + 1 (too few bars).
common::Result<std::vector<std::size_t>> shuffleCutBars(std::size_t bars, std::int64_t warmupBars, int cuts);

/// The order in which the `blockCount` blocks after cut `cutIndex` are laid out: a Fisher-Yates permutation driven
/// by std::mt19937_64 seeded with splitmix64(seed + cutIndex), each draw mapped to [0, i] by rejection sampling
/// (so the order is the same on every platform). result[k] is the source block placed at position k.
std::vector<std::size_t> shuffleBlockOrder(std::size_t blockCount, std::uint64_t seed, std::size_t cutIndex);

/// A copy of `series` whose bars after `cutBar` are rebuilt: the real returns of bars cutBar+1 .. end (log return
/// ln(c[j] / c[j-1]), applied as the ratio c[j] / c[j-1]) are cut into consecutive blocks of `blockBars` (the last
/// may be shorter) and laid out in shuffleBlockOrder(); each bar carries its own return, its open/high/low as
/// ratios to its own close, and its volume. Closes are rebuilt from the kept close at cutBar, so
/// high >= max(open, close) and low <= min(open, close) hold for every bar. Timestamps and bars 0..cutBar are
/// unchanged. \warning cutBar < series.size(), blockBars >= 1.
common::CandleSeries shuffledSeries(const common::CandleSeries& series, std::size_t cutBar, int blockBars,
                                    std::uint64_t seed, std::size_t cutIndex);

/// Runs the test of `core` on each symbol's full series (validation.shuffle: cuts, seed, block_bars): every
/// signal column of the original and of each shuffled series must be identical at bars <= the cut. Symbols are
/// checked in the given order and cuts in ascending order; the first difference found fails the test. An Input
/// error when a series is too short for the cuts; an Invalid error when the strategy does not return one value per
/// bar for every rule. \warning `series` is not empty and every series has core.timeframe().
common::Result<ShuffleVerdict> runShuffleTest(const strategy::StrategyCore& core,
                                              std::span<const common::CandleSeries* const> series,
                                              const config::ShuffleSettings& settings);

} // namespace sixbtc::validation
