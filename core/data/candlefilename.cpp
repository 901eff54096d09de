// SPDX-License-Identifier: MIT
// Parsing of candle file names.
#include "data/candlefilename.h"

#include <algorithm>
#include <vector>

namespace sixbtc::data {

namespace {

constexpr std::string_view compressedSuffix = ".csv.gz";
constexpr std::string_view plainSuffix = ".csv";

bool isCurrencyCode(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

/// `text` in single quotes. Appending (rather than "'" + std::string) avoids a GCC 12 -Wrestrict false positive.
std::string quoted(std::string_view text)
{
    return std::string(1, '\'').append(text).append(1, '\'');
}

std::vector<std::string_view> splitOn(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t pos = text.find(separator); pos != std::string_view::npos; pos = text.find(separator, start)) {
        parts.push_back(text.substr(start, pos - start));
        start = pos + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

} // namespace

std::string_view marketName(Market market)
{
    switch (market) {
    case Market::Spot: return "spot";
    case Market::Perpetual: return "perpetual";
    }
    return "unknown";
}

common::Result<CandleFileName> CandleFileName::parse(std::string_view fileName)
{
    const auto mismatch = [&](const std::string& reason) {
        return common::fail(common::ErrorCode::Input,
                            "candle file name '" + std::string(fileName) +
                                "' does not match <BASE>_<QUOTE>[_<SETTLE>]-<tf>.csv[.gz]: " + reason);
    };

    bool compressed = false;
    std::string_view stem;
    if (fileName.ends_with(compressedSuffix)) {
        compressed = true;
        stem = fileName.substr(0, fileName.size() - compressedSuffix.size());
    } else if (fileName.ends_with(plainSuffix)) {
        stem = fileName.substr(0, fileName.size() - plainSuffix.size());
    } else {
        return mismatch("it does not end in .csv or .csv.gz");
    }

    const std::size_t dash = stem.find('-');
    if (dash == std::string_view::npos)
        return mismatch("there is no '-<tf>' before the extension");
    const std::string_view timeframeText = stem.substr(dash + 1);
    const auto timeframe = common::Timeframe::parse(timeframeText);
    if (!timeframe)
        return mismatch(quoted(timeframeText) + " is not a timeframe (5m 15m 30m 1h 4h 1d)");

    const auto currencies = splitOn(stem.substr(0, dash), '_');
    if (currencies.size() < 2 || currencies.size() > 3)
        return mismatch("expected 2 or 3 currency codes separated by '_', found " + std::to_string(currencies.size()));
    for (const auto code : currencies) {
        if (!isCurrencyCode(code))
            return mismatch("currency code " + quoted(code) + " is not made of A-Z and 0-9");
    }

    CandleFileName name{
        std::string(currencies[0]), std::string(currencies[1]), std::nullopt, Market::Spot, *timeframe, compressed};
    if (currencies.size() == 3) {
        name.settle = std::string(currencies[2]);
        name.market = Market::Perpetual;
    }
    return name;
}

std::string CandleFileName::pair() const
{
    std::string text = base + '/' + quote;
    if (settle)
        text += ':' + *settle;
    return text;
}

} // namespace sixbtc::data
