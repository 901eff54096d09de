// SPDX-License-Identifier: MIT
// Pure parsers of the market-wide /info answers.
#include "exchange/hyperliquid/http/marketparsers.h"

#include "exchange/hyperliquid/http/jsonreader.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

AssetContext readAssetContext(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const QJsonObject o = reader.object(value, path);
    const auto at = [&path](const char* key) { return jsonChildPath(path, key); };
    AssetContext context{};
    context.prevDayPx = reader.decimal(o.value(QStringLiteral("prevDayPx")), at("prevDayPx"));
    context.dayNtlVlm = reader.decimal(o.value(QStringLiteral("dayNtlVlm")), at("dayNtlVlm"));
    context.markPx = reader.decimal(o.value(QStringLiteral("markPx")), at("markPx"));
    context.midPx = reader.optionalDecimal(o.value(QStringLiteral("midPx")), at("midPx"));
    context.funding = reader.decimal(o.value(QStringLiteral("funding")), at("funding"));
    context.openInterest = reader.decimal(o.value(QStringLiteral("openInterest")), at("openInterest"));
    context.oraclePx = reader.decimal(o.value(QStringLiteral("oraclePx")), at("oraclePx"));
    return context;
}

Candle readCandle(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const QJsonObject o = reader.object(value, path);
    const auto at = [&path](const char* key) { return jsonChildPath(path, key); };
    Candle candle{};
    candle.openTimeMs = reader.integer(o.value(QStringLiteral("t")), at("t"));
    candle.closeTimeMs = reader.integer(o.value(QStringLiteral("T")), at("T"));
    candle.coin = reader.string(o.value(QStringLiteral("s")), at("s"));
    candle.interval = reader.string(o.value(QStringLiteral("i")), at("i"));
    candle.open = reader.decimal(o.value(QStringLiteral("o")), at("o"));
    candle.high = reader.decimal(o.value(QStringLiteral("h")), at("h"));
    candle.low = reader.decimal(o.value(QStringLiteral("l")), at("l"));
    candle.close = reader.decimal(o.value(QStringLiteral("c")), at("c"));
    candle.volume = reader.decimal(o.value(QStringLiteral("v")), at("v"));
    candle.trades = reader.integer(o.value(QStringLiteral("n")), at("n"));
    return candle;
}

} // namespace

Meta readMeta(JsonReader& reader, const QJsonValue& value, const std::string& path)
{
    const QJsonObject o = reader.object(value, path);
    const std::string universePath = jsonChildPath(path, "universe");
    const QJsonArray universe = reader.array(o.value(QStringLiteral("universe")), universePath);
    Meta meta;
    for (qsizetype i = 0; i < universe.size() && !reader.failed(); ++i) {
        const std::string p = jsonIndexPath(universePath, i);
        const QJsonObject a = reader.object(universe.at(i), p);
        AssetInfo asset{};
        asset.name = reader.string(a.value(QStringLiteral("name")), jsonChildPath(p, "name"));
        asset.szDecimals = int(reader.integer(a.value(QStringLiteral("szDecimals")), jsonChildPath(p, "szDecimals")));
        asset.maxLeverage =
            int(reader.integer(a.value(QStringLiteral("maxLeverage")), jsonChildPath(p, "maxLeverage")));
        asset.onlyIsolated =
            reader.optionalBoolean(a.value(QStringLiteral("onlyIsolated")), jsonChildPath(p, "onlyIsolated"), false);
        asset.isDelisted =
            reader.optionalBoolean(a.value(QStringLiteral("isDelisted")), jsonChildPath(p, "isDelisted"), false);
        meta.universe.push_back(std::move(asset));
    }
    return meta;
}

HlResult<Meta> parseMeta(const QJsonDocument& document)
{
    JsonReader reader("meta answer");
    Meta meta = readMeta(reader, jsonRoot(document), "");
    return finishParse(reader, std::move(meta));
}

HlResult<MetaAndAssetContexts> parseMetaAndAssetCtxs(const QJsonDocument& document)
{
    JsonReader reader("metaAndAssetCtxs answer");
    const QJsonArray pair = reader.array(jsonRoot(document), "");
    if (!reader.failed() && pair.size() != 2)
        reader.fail("", "an array of two elements [meta, assetCtxs]");
    MetaAndAssetContexts result;
    result.meta = readMeta(reader, pair.at(0), "[0]");
    const QJsonArray contexts = reader.array(pair.at(1), "[1]");
    for (qsizetype i = 0; i < contexts.size() && !reader.failed(); ++i)
        result.contexts.push_back(readAssetContext(reader, contexts.at(i), jsonIndexPath("[1]", i)));
    if (!reader.failed() && result.contexts.size() != result.meta.universe.size())
        reader.fail("[1]", "one asset context per universe entry (" + std::to_string(result.meta.universe.size()) +
                               "), got " + std::to_string(result.contexts.size()));
    return finishParse(reader, std::move(result));
}

HlResult<AllMids> parseAllMids(const QJsonDocument& document)
{
    JsonReader reader("allMids answer");
    const QJsonObject o = reader.object(jsonRoot(document), "");
    AllMids mids;
    for (auto it = o.begin(); it != o.end() && !reader.failed(); ++it) {
        const std::string coin = it.key().toStdString();
        mids.emplace(coin, reader.decimal(it.value(), coin));
    }
    return finishParse(reader, std::move(mids));
}

HlResult<std::vector<Candle>> parseCandleSnapshot(const QJsonDocument& document)
{
    JsonReader reader("candleSnapshot answer");
    const QJsonArray candles = reader.array(jsonRoot(document), "");
    std::vector<Candle> result;
    result.reserve(std::size_t(candles.size()));
    for (qsizetype i = 0; i < candles.size() && !reader.failed(); ++i)
        result.push_back(readCandle(reader, candles.at(i), jsonIndexPath("", i)));
    return finishParse(reader, std::move(result));
}

} // namespace sixbtc::exchange::hyperliquid
