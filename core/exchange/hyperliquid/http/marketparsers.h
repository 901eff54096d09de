// SPDX-License-Identifier: MIT
// Pure parsers of the market-wide /info answers: meta, metaAndAssetCtxs, allMids, candleSnapshot.
#pragma once

#include <vector>

#include <QJsonDocument>

#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/http/infotypes.h"

namespace sixbtc::exchange::hyperliquid {

class JsonReader;

/// Reads a `meta` object at `path` (shared with metaAndAssetCtxs).
Meta readMeta(JsonReader& reader, const QJsonValue& value, const std::string& path);

/// A wrong shape is a Decode error naming the field, e.g. "meta answer: universe[3].szDecimals: expected an integer".
HlResult<Meta> parseMeta(const QJsonDocument& document);
/// Also fails when the contexts do not match the universe one to one.
HlResult<MetaAndAssetContexts> parseMetaAndAssetCtxs(const QJsonDocument& document);
HlResult<AllMids> parseAllMids(const QJsonDocument& document);
HlResult<std::vector<Candle>> parseCandleSnapshot(const QJsonDocument& document);

} // namespace sixbtc::exchange::hyperliquid
