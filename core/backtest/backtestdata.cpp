// SPDX-License-Identifier: MIT
// BacktestData: timestamp alignment of several symbols and the entry signal s[t].
#include "backtest/backtestdata.h"

#include <algorithm>

#include "backtest/enginesettings.h"

namespace sixbtc::backtest {

using common::ErrorCode;

namespace {

common::Result<void> checkColumn(std::span<const std::uint8_t> column, std::size_t size, bool optional,
                                 const std::string& what)
{
    if (optional && column.empty())
        return {};
    if (column.size() != size)
        return common::fail(ErrorCode::Input, what + " has " + std::to_string(column.size()) + " values for " +
                                                  std::to_string(size) + " bars");
    return {};
}

common::Result<void> checkSymbol(const SymbolInput& input)
{
    const std::size_t n = input.candles->size();
    const std::string& name = input.candles->symbol();
    const SignalInput& s = input.signalColumns;
    for (auto check : {checkColumn(s.longEntry, n, false, name + " long_entry"),
                       checkColumn(s.shortEntry, n, false, name + " short_entry"),
                       checkColumn(s.longExit, n, true, name + " long_exit"),
                       checkColumn(s.shortExit, n, true, name + " short_exit")}) {
        if (!check)
            return check;
    }
    return {};
}

/// The timestamps present in every series and inside the range, ascending.
std::vector<std::int64_t> commonTimestamps(std::span<const SymbolInput> symbols, TimeRange range)
{
    std::span<const std::int64_t> first = symbols[0].candles->timestampMs();
    std::vector<std::int64_t> common;
    for (std::int64_t ts : first) {
        if (ts >= range.fromMs && ts < range.toMs)
            common.push_back(ts);
    }
    for (std::size_t i = 1; i < symbols.size(); ++i) {
        std::span<const std::int64_t> other = symbols[i].candles->timestampMs();
        std::vector<std::int64_t> kept;
        std::set_intersection(common.begin(), common.end(), other.begin(), other.end(), std::back_inserter(kept));
        common = std::move(kept);
    }
    return common;
}

SymbolTrack restrict(const SymbolInput& input, std::span<const std::int64_t> timestamps)
{
    const common::CandleSeries& c = *input.candles;
    const SignalInput& s = input.signalColumns;
    SymbolTrack track;
    track.symbol = c.symbol();
    const std::size_t n = timestamps.size();
    for (auto* column : {&track.open, &track.high, &track.low, &track.close})
        column->reserve(n);
    track.entry.reserve(n);
    track.exits.reserve(n);
    std::span<const std::int64_t> all = c.timestampMs();
    std::size_t row = 0;
    for (std::int64_t ts : timestamps) {
        row = static_cast<std::size_t>(std::lower_bound(all.begin() + static_cast<std::ptrdiff_t>(row), all.end(), ts) -
                                       all.begin());
        track.open.push_back(c.open()[row]);
        track.high.push_back(c.high()[row]);
        track.low.push_back(c.low()[row]);
        track.close.push_back(c.close()[row]);
        const bool longEntry = s.longEntry[row] != 0;
        const bool shortEntry = s.shortEntry[row] != 0;
        track.entry.push_back(longEntry == shortEntry ? std::int8_t(0)
                                                      : (longEntry ? std::int8_t(1) : std::int8_t(-1)));
        std::uint8_t exits = 0;
        if (!s.longExit.empty() && s.longExit[row] != 0)
            exits |= kLongExitFlag;
        if (!s.shortExit.empty() && s.shortExit[row] != 0)
            exits |= kShortExitFlag;
        track.exits.push_back(exits);
    }
    return track;
}

} // namespace

common::Result<BacktestData> BacktestData::build(std::span<const SymbolInput> symbols, TimeRange range)
{
    if (symbols.empty())
        return common::fail(ErrorCode::Input, "a backtest needs at least one symbol");
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        if (symbols[i].candles->timeframe() != symbols[0].candles->timeframe())
            return common::fail(ErrorCode::Input, "the symbols of one backtest must share one timeframe");
        for (std::size_t j = 0; j < i; ++j) {
            if (symbols[j].candles->symbol() == symbols[i].candles->symbol())
                return common::fail(ErrorCode::Input, "symbol " + symbols[i].candles->symbol() + " is listed twice");
        }
        if (auto ok = checkSymbol(symbols[i]); !ok)
            return tl::unexpected(ok.error());
    }
    BacktestData data;
    data.m_timestampMs = commonTimestamps(symbols, range);
    if (data.m_timestampMs.empty())
        return common::fail(ErrorCode::Input, "no bar of the range is present for every symbol");
    data.m_barsPerYear = backtest::barsPerYear(symbols[0].candles->timeframe());
    data.m_signalBars.assign(data.m_timestampMs.size(), 0);
    for (const SymbolInput& input : symbols) {
        data.m_tracks.push_back(restrict(input, data.m_timestampMs));
        const SymbolTrack& track = data.m_tracks.back();
        for (std::size_t t = 0; t < track.entry.size(); ++t) {
            if (track.entry[t] != 0 || track.exits[t] != 0)
                data.m_signalBars[t] = 1;
        }
    }
    return data;
}

} // namespace sixbtc::backtest
