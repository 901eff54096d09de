// SPDX-License-Identifier: MIT
// CandleStore: folder scan and market preference.
#include "data/candlestore.h"

#include <algorithm>

namespace sixbtc::data {

namespace {

using common::ErrorCode;

bool isCandleFileCandidate(const std::string& fileName)
{
    return fileName.ends_with(".csv") || fileName.ends_with(".csv.gz");
}

Market preferredMarket(config::MarketPreference preference)
{
    return preference == config::MarketPreference::Spot ? Market::Spot : Market::Perpetual;
}

Market otherMarket(Market market)
{
    return market == Market::Spot ? Market::Perpetual : Market::Spot;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

} // namespace

CandleStore::CandleStore(config::DataSettings settings)
    : m_settings(std::move(settings))
{
}

common::Result<CandleStore> CandleStore::open(config::DataSettings settings)
{
    const std::filesystem::path dir = settings.dir;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return common::fail(ErrorCode::Config, "data.dir: '" + dir.string() + "' is not a folder");

    CandleStore store(std::move(settings));
    std::filesystem::recursive_directory_iterator it(dir, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        const std::string fileName = it->path().filename().string();
        if (!isCandleFileCandidate(fileName))
            continue;
        const std::filesystem::path relative = it->path().lexically_relative(dir);
        auto name = CandleFileName::parse(fileName);
        if (!name) {
            store.m_unrecognized.push_back({relative, name.error().message});
            continue;
        }
        const std::string folder = relative.has_parent_path() ? relative.begin()->string() : std::string();
        const auto& exclude = store.m_settings.exclude;
        const bool excluded = !folder.empty() && std::find(exclude.begin(), exclude.end(), folder) != exclude.end();
        store.m_files.push_back({it->path(), relative, std::move(*name), excluded});
    }
    if (ec)
        return common::fail(ErrorCode::Config, "data.dir: cannot list '" + dir.string() + "' (" + ec.message() + ")");

    std::sort(store.m_files.begin(), store.m_files.end(),
              [](const auto& a, const auto& b) { return a.relativePath < b.relativePath; });
    std::sort(store.m_unrecognized.begin(), store.m_unrecognized.end(),
              [](const auto& a, const auto& b) { return a.relativePath < b.relativePath; });
    return store;
}

common::Result<CandleFileEntry> CandleStore::find(std::string_view symbol, common::Timeframe timeframe) const
{
    const std::string what = std::string(symbol) + " " + std::string(timeframe.name());
    const auto matches = [&](const CandleFileEntry& entry, Market market) {
        return !entry.excluded && entry.name.base == symbol && entry.name.timeframe == timeframe &&
               entry.name.market == market;
    };
    for (const Market market : {preferredMarket(m_settings.prefer), otherMarket(preferredMarket(m_settings.prefer))}) {
        std::vector<std::string> found;
        const CandleFileEntry* first = nullptr;
        for (const auto& entry : m_files) {
            if (matches(entry, market)) {
                found.push_back(entry.relativePath.string());
                first = first ? first : &entry;
            }
        }
        if (found.size() == 1)
            return *first;
        if (found.size() > 1) {
            return common::fail(ErrorCode::Input, "several " + std::string(marketName(market)) + " candle files for " +
                                                      what + " in '" + m_settings.dir.string() + "': " + joined(found) +
                                                      " (keep one, or list its sub-folder in data.exclude)");
        }
    }

    std::string message = "no candle file for " + what + " in '" + m_settings.dir.string() + "' (looked for " +
                          std::string(symbol) + "_<QUOTE>[_<SETTLE>]-" + std::string(timeframe.name()) + ".csv[.gz]";
    std::vector<std::string> skipped;
    for (const auto& entry : m_files) {
        if (entry.excluded && entry.name.base == symbol && entry.name.timeframe == timeframe)
            skipped.push_back(entry.relativePath.string());
    }
    if (!skipped.empty())
        message += "; skipped because data.exclude lists their sub-folder: " + joined(skipped);
    return common::fail(ErrorCode::Input, message + ")");
}

common::Result<CandleData> CandleStore::load(std::string_view symbol, common::Timeframe timeframe) const
{
    const auto entry = find(symbol, timeframe);
    if (!entry)
        return tl::unexpected(entry.error());
    return load(*entry);
}

common::Result<CandleData> CandleStore::load(const CandleFileEntry& entry)
{
    return CandleReader::read(entry.path, entry.name.base, entry.name.timeframe);
}

} // namespace sixbtc::data
