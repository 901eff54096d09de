// SPDX-License-Identifier: MIT
// The deterministic choice of base patterns for one timeframe of a generation cycle.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "generation/patternlibrary.h"

namespace sixbtc::generation {

/// The library in its cyclic choice order: types interleaved as MOM, REV, TRN, BRE, VOL (the first pattern of
/// each type, then the second of each, ...; within a type by id); a type with fewer patterns drops out of the
/// later rounds.
std::vector<const Pattern*> interleavedOrder(const PatternLibrary& library);

/// Up to `count` patterns for the timeframe at `timeframeIndex` of a cycle: interleavedOrder() is walked once,
/// cyclically, from position (timeframeIndex * count) mod size, skipping the patterns `taken` accepts, until
/// `count` are chosen. Fewer (possibly none) when the library is exhausted for that timeframe. So the timeframes
/// of one cycle start at different patterns, and a later cycle picks the ones not yet taken.
/// \warning `taken` is callable.
std::vector<const Pattern*> choosePatterns(const PatternLibrary& library, std::size_t timeframeIndex, std::size_t count,
                                           const std::function<bool(const Pattern&)>& taken);

} // namespace sixbtc::generation
