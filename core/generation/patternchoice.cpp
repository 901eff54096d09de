// SPDX-License-Identifier: MIT
// The deterministic choice of base patterns: types interleaved, a per-timeframe start, taken patterns skipped.
#include "generation/patternchoice.h"

#include <array>

#include "common/require.h"

namespace sixbtc::generation {

std::vector<const Pattern*> interleavedOrder(const PatternLibrary& library)
{
    using strategy::StrategyType;
    constexpr std::array<StrategyType, 5> typeOrder{StrategyType::MOM, StrategyType::REV, StrategyType::TRN,
                                                    StrategyType::BRE, StrategyType::VOL};
    // patterns() is sorted by id, so each per-type list is too.
    std::array<std::vector<const Pattern*>, typeOrder.size()> byType;
    for (const auto& pattern : library.patterns()) {
        for (std::size_t t = 0; t < typeOrder.size(); ++t) {
            if (pattern.type == typeOrder[t])
                byType[t].push_back(&pattern);
        }
    }
    std::vector<const Pattern*> order;
    order.reserve(library.patterns().size());
    for (std::size_t round = 0; order.size() < library.patterns().size(); ++round) {
        for (const auto& list : byType) {
            if (round < list.size())
                order.push_back(list[round]);
        }
    }
    return order;
}

std::vector<const Pattern*> choosePatterns(const PatternLibrary& library, std::size_t timeframeIndex, std::size_t count,
                                           const std::function<bool(const Pattern&)>& taken)
{
    SIXBTC_REQUIRE(taken);
    const std::vector<const Pattern*> order = interleavedOrder(library);
    std::vector<const Pattern*> chosen;
    if (order.empty() || count == 0)
        return chosen;
    // (timeframeIndex * count) mod size without overflow for any inputs.
    const std::size_t size = order.size();
    const std::size_t start = ((timeframeIndex % size) * (count % size)) % size;
    for (std::size_t step = 0; step < size && chosen.size() < count; ++step) {
        const Pattern* pattern = order[(start + step) % size];
        if (!taken(*pattern))
            chosen.push_back(pattern);
    }
    return chosen;
}

} // namespace sixbtc::generation
