// SPDX-License-Identifier: MIT
// CandleFileSummary: what `sixbtc data list` shows for one candle file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/error.h"
#include "data/candlefilename.h"
#include "data/candlereader.h"
#include "data/candlestore.h"

namespace sixbtc::data {

/// The facts of one loaded candle file: its name, first and last bar, rows and gaps.
struct CandleFileSummary
{
    std::filesystem::path relativePath; ///< relative to data.dir
    CandleFileName name;                ///< symbol (name.base), market, timeframe
    bool excluded;                      ///< in a sub-folder named in data.exclude
    std::int64_t firstMs;               ///< open time of the first bar, UTC
    std::int64_t lastMs;                ///< open time of the last bar, UTC
    std::size_t rows;
    std::size_t gapCount;
    std::int64_t missingBars; ///< summed over every gap

    /// \warning `data` must hold at least one bar (CandleReader guarantees it).
    static CandleFileSummary of(const CandleFileEntry& entry, const CandleData& data);
};

/// Loads every file of the store (excluded sub-folders included) and summarises it, in the order of
/// CandleStore::files(). The first unreadable or invalid file fails the whole listing with its error.
common::Result<std::vector<CandleFileSummary>> summarizeFiles(const CandleStore& store);

} // namespace sixbtc::data
