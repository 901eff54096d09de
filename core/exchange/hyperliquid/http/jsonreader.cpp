// SPDX-License-Identifier: MIT
// A JSON reader that remembers the first shape error with its field path.
#include "exchange/hyperliquid/http/jsonreader.h"

#include <cmath>

#include "common/require.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

/// Doubles hold every integer up to 2^53 exactly; larger JSON numbers may already have been rounded.
constexpr double kMaxExactInteger = 9007199254740992.0;

} // namespace

std::string jsonChildPath(const std::string& path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string jsonIndexPath(const std::string& path, qsizetype index)
{
    return path + "[" + std::to_string(index) + "]";
}

QJsonValue jsonRoot(const QJsonDocument& document)
{
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QJsonValue(QJsonValue::Undefined);
}

JsonReader::JsonReader(std::string context)
    : m_context(std::move(context))
{
}

void JsonReader::fail(const std::string& path, std::string_view expectation)
{
    if (!m_error)
        m_error = (path.empty() ? std::string("(root)") : path) + ": expected " + std::string(expectation);
}

HyperliquidError JsonReader::error() const
{
    SIXBTC_REQUIRE(m_error.has_value());
    return HyperliquidError(ErrorKind::Decode, m_context + ": " + *m_error);
}

QJsonObject JsonReader::object(const QJsonValue& value, const std::string& path)
{
    if (!value.isObject()) {
        fail(path, "an object");
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::array(const QJsonValue& value, const std::string& path)
{
    if (!value.isArray()) {
        fail(path, "an array");
        return {};
    }
    return value.toArray();
}

std::string JsonReader::string(const QJsonValue& value, const std::string& path)
{
    if (!value.isString()) {
        fail(path, "a string");
        return {};
    }
    return value.toString().toStdString();
}

double JsonReader::decimal(const QJsonValue& value, const std::string& path)
{
    bool ok = false;
    const double number = value.isString() ? value.toString().toDouble(&ok) : 0.0;
    if (!ok || !std::isfinite(number)) {
        fail(path, "a decimal string");
        return 0.0;
    }
    return number;
}

std::optional<double> JsonReader::optionalDecimal(const QJsonValue& value, const std::string& path)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return decimal(value, path);
}

std::int64_t JsonReader::integer(const QJsonValue& value, const std::string& path)
{
    const double number = value.isDouble() ? value.toDouble() : 0.5;
    if (!value.isDouble() || std::trunc(number) != number || std::fabs(number) > kMaxExactInteger) {
        fail(path, "an integer");
        return 0;
    }
    return static_cast<std::int64_t>(number);
}

bool JsonReader::boolean(const QJsonValue& value, const std::string& path)
{
    if (!value.isBool()) {
        fail(path, "a boolean");
        return false;
    }
    return value.toBool();
}

bool JsonReader::optionalBoolean(const QJsonValue& value, const std::string& path, bool absent)
{
    if (value.isUndefined())
        return absent;
    return boolean(value, path);
}

} // namespace sixbtc::exchange::hyperliquid
