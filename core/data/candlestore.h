// SPDX-License-Identifier: MIT
// CandleStore: the candle files of data.dir and the symbol + timeframe -> file lookup.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/timeframe.h"
#include "config/settings.h"
#include "data/candlefilename.h"
#include "data/candlereader.h"

namespace sixbtc::data {

/// One candle file found under data.dir.
struct CandleFileEntry
{
    std::filesystem::path path;         ///< data.dir / relativePath
    std::filesystem::path relativePath; ///< relative to data.dir, e.g. coinbase_btcusd_cdd/BTC_USD-1d.csv.gz
    CandleFileName name;
    bool excluded; ///< it lies in a sub-folder named in data.exclude, so the lookup skips it
};

/// A .csv or .csv.gz file whose name does not fit the naming scheme, and why.
struct UnrecognizedFile
{
    std::filesystem::path relativePath;
    std::string reason;
};

/// The candle files of data.dir (top level and every sub-folder), scanned once when opened.
/// A strategy symbol is a base currency (BTC); for a symbol and timeframe the file of the market
/// named by data.prefer is used when present, else the file of the other market.
class CandleStore
{
public:
    /// Scans settings.dir. Fails with ErrorCode::Config when data.dir is not a readable folder.
    static common::Result<CandleStore> open(config::DataSettings settings);

    const config::DataSettings& settings() const { return m_settings; }
    /// Every candle file, excluded sub-folders included, sorted by relative path.
    const std::vector<CandleFileEntry>& files() const { return m_files; }
    /// .csv / .csv.gz files whose names do not parse; they are never used.
    const std::vector<UnrecognizedFile>& unrecognized() const { return m_unrecognized; }

    /// The file for `symbol` (a base currency) and `timeframe`, outside the excluded sub-folders.
    /// An Input error names the symbol, timeframe and folder when there is none, and lists the
    /// files when one market has several.
    common::Result<CandleFileEntry> find(std::string_view symbol, common::Timeframe timeframe) const;
    /// find() then read the file.
    common::Result<CandleData> load(std::string_view symbol, common::Timeframe timeframe) const;
    /// Reads one listed file as the bars of its base currency.
    static common::Result<CandleData> load(const CandleFileEntry& entry);

private:
    explicit CandleStore(config::DataSettings settings);

    config::DataSettings m_settings;
    std::vector<CandleFileEntry> m_files;
    std::vector<UnrecognizedFile> m_unrecognized;
};

} // namespace sixbtc::data
