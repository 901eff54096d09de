// SPDX-License-Identifier: MIT
// A gap-free, duplicate-free candle series of one (coin, interval), merged from live frames and REST snapshots.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "exchange/hyperliquid/http/infotypes.h"

namespace sixbtc::exchange::hyperliquid {

/// Candles ordered by open time, at most one per open time. The in-progress candle is re-sent as it grows, so a
/// candle with a known open time replaces the stored one only when it is at least as advanced (more trades, or as
/// many trades and at least the volume): a late or reordered older update never rolls a candle back.
class CandleMerger
{
public:
    /// \warning REQUIRE: intervalMs > 0.
    explicit CandleMerger(std::int64_t intervalMs);

    /// Inserts or updates in place; false when the candle changed nothing. \warning REQUIRE: the open time is a
    /// multiple of the interval.
    bool merge(const Candle& candle);
    /// Merges every candle; returns how many changed the series.
    int mergeAll(const std::vector<Candle>& candles);

    const std::vector<Candle>& candles() const { return m_candles; }
    bool empty() const { return m_candles.empty(); }
    std::int64_t intervalMs() const { return m_intervalMs; }
    /// The open time of the newest candle. \warning REQUIRE: !empty().
    std::int64_t lastOpenTimeMs() const;
    /// The first missing stretch [from, to) of open times between the oldest and the newest candle, if any.
    std::optional<std::pair<std::int64_t, std::int64_t>> firstGap() const;

private:
    std::int64_t m_intervalMs;
    std::vector<Candle> m_candles;
};

} // namespace sixbtc::exchange::hyperliquid
