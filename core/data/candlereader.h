// SPDX-License-Identifier: MIT
// CandleReader: reads and checks a candle file (timestamp_ms,open,high,low,close,volume; .csv or .csv.gz).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/candleseries.h"
#include "common/error.h"
#include "common/timeframe.h"

namespace sixbtc::data {

/// Missing bars between two consecutive rows of a file. Gaps are reported, never filled.
struct CandleGap
{
    std::size_t index;        ///< index in the series of the first bar after the gap
    std::int64_t previousMs;  ///< open time of the bar before the gap
    std::int64_t nextMs;      ///< open time of the bar after the gap
    std::int64_t missingBars; ///< bars that would fit strictly between the two

    friend bool operator==(const CandleGap&, const CandleGap&) = default;
};

/// A checked series and the gaps found in it.
struct CandleData
{
    common::CandleSeries series;
    std::vector<CandleGap> gaps;

    /// Sum of the missing bars of every gap.
    std::int64_t missingBars() const;
};

/// Reads candle files. Every row is checked: six fields; an integer timestamp aligned to the
/// timeframe and strictly after the previous one; finite positive prices with
/// low <= min(open, close) and high >= max(open, close); a finite non-negative volume.
/// A broken rule fails with ErrorCode::Data and "<source>:<line>: <reason>" (the header is line 1).
class CandleReader
{
public:
    /// The exact header line a candle file starts with.
    static constexpr std::string_view header = "timestamp_ms,open,high,low,close,volume";

    /// Reads `path` (decompressed when it ends in .gz) as the bars of `symbol` on `timeframe`.
    static common::Result<CandleData> read(const std::filesystem::path& path, std::string symbol,
                                           common::Timeframe timeframe);

    /// Parses file content already in memory; `source` names it in error messages.
    static common::Result<CandleData> parse(std::string_view text, std::string_view source, std::string symbol,
                                            common::Timeframe timeframe);
};

} // namespace sixbtc::data
