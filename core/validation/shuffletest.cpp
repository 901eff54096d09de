// SPDX-License-Identifier: MIT
// The shuffle test: cut points, the seeded block permutation, rebuilt OHLC, and the signal comparison.
#include "validation/shuffletest.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

#include "common/require.h"
#include "strategy/candlewindow.h"
#include "validation/utctext.h"

namespace sixbtc::validation {

namespace {

/// splitmix64 (Steele, Lea, Flood 2014): spreads nearby seeds (seed, seed + 1, ...) over the generator's state.
std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// A uniform integer in [0, bound] by rejection: draws below 2^64 mod (bound + 1) are discarded.
std::uint64_t uniformUpTo(std::mt19937_64& generator, std::uint64_t bound)
{
    const std::uint64_t range = bound + 1;
    const std::uint64_t threshold = (std::numeric_limits<std::uint64_t>::max() - range + 1) % range;
    std::uint64_t draw = generator();
    while (draw < threshold)
        draw = generator();
    return draw % range;
}

/// The first bar at which two signal columns differ, or `end` when they agree on [0, end).
std::size_t firstDifference(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b, std::size_t end)
{
    const auto [itA, itB] = std::mismatch(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(end), b.begin());
    return static_cast<std::size_t>(itA - a.begin());
}

/// An Invalid error when the strategy did not return one value per bar for every rule.
common::Result<void> checkColumnSizes(const strategy::SignalColumns& columns, std::size_t bars,
                                      const std::string& symbol)
{
    for (strategy::RuleSlot slot : strategy::allRuleSlots) {
        if (columns.rule(slot).size() != bars)
            return common::fail(common::ErrorCode::Invalid,
                                "the strategy returned " + std::to_string(columns.rule(slot).size()) + " values of " +
                                    std::string(strategy::ruleSlotName(slot)) + " for the " + std::to_string(bars) +
                                    " bars of " + symbol);
    }
    return {};
}

std::string differenceText(const ShuffleDifference& d)
{
    return "lookahead: " + std::string(strategy::ruleSlotName(d.rule)) + " of " + d.symbol + " at bar " +
           std::to_string(d.bar) + " (" + utcMinuteText(d.barTimeMs) + ") changed when the bars after cut " +
           std::to_string(d.cutIndex + 1) + " (bar " + std::to_string(d.cutBar) + ", " + utcMinuteText(d.cutTimeMs) +
           ") were shuffled";
}

} // namespace

common::Result<std::vector<std::size_t>> shuffleCutBars(std::size_t bars, std::int64_t warmupBars, int cuts)
{
    SIXBTC_REQUIRE(cuts >= 1);
    const auto warmup =
        static_cast<std::size_t>(std::clamp<std::int64_t>(warmupBars, 0, static_cast<std::int64_t>(bars)));
    const auto count = static_cast<std::size_t>(cuts);
    const std::size_t span = bars > warmup ? bars - 1 - warmup : 0;
    if (span < count + 1)
        return common::fail(common::ErrorCode::Input, "the shuffle test needs at least " + std::to_string(count + 2) +
                                                          " bars after the strategy's warm-up of " +
                                                          std::to_string(warmup) + " bars for " + std::to_string(cuts) +
                                                          " cuts (validation.shuffle.cuts), the series has " +
                                                          std::to_string(bars) + " bars");
    std::vector<std::size_t> result;
    result.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        result.push_back(warmup + (i + 1) * span / (count + 1));
    return result;
}

std::vector<std::size_t> shuffleBlockOrder(std::size_t blockCount, std::uint64_t seed, std::size_t cutIndex)
{
    std::vector<std::size_t> order(blockCount);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 generator(splitmix64(seed + cutIndex));
    for (std::size_t i = blockCount; i > 1; --i) {
        const auto j = static_cast<std::size_t>(uniformUpTo(generator, i - 1));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

common::CandleSeries shuffledSeries(const common::CandleSeries& series, std::size_t cutBar, int blockBars,
                                    std::uint64_t seed, std::size_t cutIndex)
{
    SIXBTC_REQUIRE(cutBar < series.size());
    SIXBTC_REQUIRE(blockBars >= 1);
    const auto ts = series.timestampMs();
    const auto open = series.open();
    const auto high = series.high();
    const auto low = series.low();
    const auto close = series.close();
    const auto volume = series.volume();

    common::CandleSeries result(series.symbol(), series.timeframe());
    result.reserve(series.size());
    for (std::size_t i = 0; i <= cutBar; ++i)
        result.append(ts[i], open[i], high[i], low[i], close[i], volume[i]);

    // Bar s (> cutBar) carries its return close[s] / close[s - 1] (the exponential of its log return), its shape
    // relative to its own close and its volume; blocks of consecutive source bars move as a whole.
    const std::size_t moved = series.size() - 1 - cutBar;
    const auto block = static_cast<std::size_t>(blockBars);
    const std::size_t blockCount = (moved + block - 1) / block;
    std::size_t position = cutBar + 1;
    double previousClose = close[cutBar];
    for (std::size_t source : shuffleBlockOrder(blockCount, seed, cutIndex)) {
        const std::size_t first = cutBar + 1 + source * block;
        const std::size_t last = std::min(first + block, series.size());
        for (std::size_t s = first; s < last; ++s, ++position) {
            const double c = previousClose * (close[s] / close[s - 1]);
            result.append(ts[position], c * (open[s] / close[s]), c * (high[s] / close[s]), c * (low[s] / close[s]), c,
                          volume[s]);
            previousClose = c;
        }
    }
    return result;
}

common::Result<ShuffleVerdict> runShuffleTest(const strategy::StrategyCore& core,
                                              std::span<const common::CandleSeries* const> series,
                                              const config::ShuffleSettings& settings)
{
    SIXBTC_REQUIRE(!series.empty());
    ShuffleVerdict verdict;
    for (const common::CandleSeries* symbolSeries : series) {
        SIXBTC_REQUIRE(symbolSeries->timeframe() == core.timeframe());
        auto cuts = shuffleCutBars(symbolSeries->size(), core.warmupBars(), settings.cuts);
        if (!cuts)
            return common::fail(cuts.error().code, symbolSeries->symbol() + ": " + cuts.error().message);
        verdict.cutBars.push_back(*cuts);

        const strategy::SignalColumns original = core.evaluate(strategy::CandleWindow(*symbolSeries));
        if (auto sized = checkColumnSizes(original, symbolSeries->size(), symbolSeries->symbol()); !sized)
            return tl::unexpected(sized.error());
        for (std::size_t c = 0; c < cuts->size(); ++c) {
            const std::size_t cutBar = (*cuts)[c];
            const common::CandleSeries shuffled =
                shuffledSeries(*symbolSeries, cutBar, settings.blockBars, settings.seed, c);
            const strategy::SignalColumns replay = core.evaluate(strategy::CandleWindow(shuffled));
            if (auto sized = checkColumnSizes(replay, shuffled.size(), symbolSeries->symbol()); !sized)
                return tl::unexpected(sized.error());

            std::size_t firstBar = cutBar + 1;
            strategy::RuleSlot firstRule = strategy::RuleSlot::LongEntry;
            for (strategy::RuleSlot slot : strategy::allRuleSlots) {
                const std::size_t bar = firstDifference(original.rule(slot), replay.rule(slot), cutBar + 1);
                if (bar < firstBar) {
                    firstBar = bar;
                    firstRule = slot;
                }
            }
            if (firstBar <= cutBar) {
                const auto ts = symbolSeries->timestampMs();
                verdict.difference =
                    ShuffleDifference{symbolSeries->symbol(), c, cutBar, ts[cutBar], firstBar, ts[firstBar], firstRule};
                verdict.reason = differenceText(*verdict.difference);
                verdict.passed = false;
                return verdict;
            }
        }
    }
    verdict.passed = true;
    return verdict;
}

} // namespace sixbtc::validation
