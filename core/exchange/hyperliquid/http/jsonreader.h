// SPDX-License-Identifier: MIT
// A JSON reader that remembers the first shape error with its field path, for the /info parsers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include "exchange/hyperliquid/error.h"

namespace sixbtc::exchange::hyperliquid {

/// `path.key` (or `key` at the root).
std::string jsonChildPath(const std::string& path, std::string_view key);
/// `path[index]`.
std::string jsonIndexPath(const std::string& path, qsizetype index);

/// Reads typed values out of a QJsonValue tree. The first value of the wrong shape is recorded as a Decode
/// error "<path>: expected <what>"; from then on every read returns an empty value, so a parser reads on without
/// branching and checks error() once at the end. Paths are given by the caller (see jsonChildPath).
class JsonReader
{
public:
    /// `context` prefixes the message, e.g. "meta answer".
    explicit JsonReader(std::string context);

    QJsonObject object(const QJsonValue& value, const std::string& path);
    QJsonArray array(const QJsonValue& value, const std::string& path);
    std::string string(const QJsonValue& value, const std::string& path);
    /// A decimal string such as "67000.5" (Hyperliquid sends prices and sizes as strings).
    double decimal(const QJsonValue& value, const std::string& path);
    /// A decimal string, or nullopt for null or an absent key.
    std::optional<double> optionalDecimal(const QJsonValue& value, const std::string& path);
    /// A JSON number without a fractional part that fits an int64 exactly (|x| <= 2^53).
    std::int64_t integer(const QJsonValue& value, const std::string& path);
    bool boolean(const QJsonValue& value, const std::string& path);
    /// A boolean, or `absent` when the key is missing (fields the docs mark optional).
    bool optionalBoolean(const QJsonValue& value, const std::string& path, bool absent);

    /// Records a failure found by the caller (e.g. an unknown enum text) unless one is already recorded.
    void fail(const std::string& path, std::string_view expectation);
    bool failed() const { return m_error.has_value(); }
    /// The first recorded failure. \warning REQUIRE: failed().
    HyperliquidError error() const;

private:
    std::string m_context;
    std::optional<std::string> m_error;
};

/// The root of a document as a QJsonValue (undefined for an empty document).
QJsonValue jsonRoot(const QJsonDocument& document);

/// `value`, or the reader's first failure.
template <typename T>
HlResult<T> finishParse(const JsonReader& reader, T value)
{
    if (reader.failed())
        return tl::unexpected<HyperliquidError>(reader.error());
    return value;
}

/// The fields of one JSON object read through a JsonReader, each under the path `path.key`.
struct JsonFields
{
    JsonReader& reader;
    QJsonObject o;
    std::string path;

    /// Reads `value` as an object (a Decode error naming `path` when it is not one).
    JsonFields(JsonReader& r, const QJsonValue& value, std::string p)
        : reader(r)
        , o(r.object(value, p))
        , path(std::move(p))
    {
    }
    QJsonValue value(const char* key) const { return o.value(QLatin1StringView(key)); }
    std::string at(const char* key) const { return jsonChildPath(path, key); }
    double decimal(const char* key) const { return reader.decimal(value(key), at(key)); }
    std::int64_t integer(const char* key) const { return reader.integer(value(key), at(key)); }
    std::string string(const char* key) const { return reader.string(value(key), at(key)); }
    /// Absent or null gives nullopt; otherwise a string.
    std::optional<std::string> optionalString(const char* key) const
    {
        const QJsonValue v = value(key);
        if (v.isNull() || v.isUndefined())
            return std::nullopt;
        return reader.string(v, at(key));
    }
};

} // namespace sixbtc::exchange::hyperliquid
