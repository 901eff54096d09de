// SPDX-License-Identifier: MIT
// Pure parsers of the POST /exchange answers.
#include "exchange/hyperliquid/http/exchangeparsers.h"

#include <algorithm>
#include <cctype>

#include <QJsonArray>

#include "exchange/hyperliquid/http/jsonreader.h"
#include "exchange/hyperliquid/signing/address.h"

namespace sixbtc::exchange::hyperliquid {

namespace {

const std::string kContext = "exchange answer";

bool containsNoCase(std::string_view text, std::string_view part)
{
    const auto it = std::search(text.begin(), text.end(), part.begin(), part.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != text.end();
}

/// The `response.data.statuses` array with the expected length.
HlResult<QJsonArray> statusesOf(const QJsonDocument& document, std::size_t expected)
{
    auto response = parseExchangeEnvelope(document);
    if (!response)
        return tl::unexpected<HyperliquidError>(response.error());
    JsonReader reader(kContext);
    reader.string(response->value(QStringLiteral("type")), "response.type");
    const QJsonObject data = reader.object(response->value(QStringLiteral("data")), "response.data");
    const QJsonArray statuses = reader.array(data.value(QStringLiteral("statuses")), "response.data.statuses");
    if (!reader.failed() && std::size_t(statuses.size()) != expected)
        reader.fail("response.data.statuses", std::to_string(expected) + " statuses, one per request item, not " +
                                                  std::to_string(statuses.size()));
    return finishParse(reader, statuses);
}

HlResult<OrderOutcome> readOrderStatus(JsonReader& reader, const QJsonValue& value, const std::string& path,
                                       const std::string& label)
{
    if (value.isString()) {
        const QString text = value.toString();
        OrderOutcome waiting{};
        waiting.state = OrderState::WaitingForTrigger;
        if (text == QStringLiteral("waitingForFill"))
            waiting.state = OrderState::WaitingForFill;
        else if (text != QStringLiteral("waitingForTrigger"))
            reader.fail(path, "\"waitingForFill\", \"waitingForTrigger\" or an object");
        return waiting;
    }
    const QJsonObject status = reader.object(value, path);
    if (status.contains(QStringLiteral("error")))
        return hlFail(ErrorKind::Exchange,
                      label + ": " +
                          reader.string(status.value(QStringLiteral("error")), jsonChildPath(path, "error")));
    const bool resting = status.contains(QStringLiteral("resting"));
    const bool filled = status.contains(QStringLiteral("filled"));
    if (resting == filled) {
        reader.fail(path, "exactly one of \"resting\", \"filled\" or \"error\"");
        return OrderOutcome{};
    }
    const std::string key = resting ? "resting" : "filled";
    const std::string inner = jsonChildPath(path, key);
    const QJsonObject body = reader.object(status.value(QString::fromStdString(key)), inner);
    OrderOutcome outcome{};
    outcome.state = resting ? OrderState::Resting : OrderState::Filled;
    outcome.oid = reader.integer(body.value(QStringLiteral("oid")), jsonChildPath(inner, "oid"));
    if (const QJsonValue cloid = body.value(QStringLiteral("cloid")); !cloid.isUndefined() && !cloid.isNull())
        outcome.cloid = reader.string(cloid, jsonChildPath(inner, "cloid"));
    if (filled) {
        outcome.filledSz = reader.decimal(body.value(QStringLiteral("totalSz")), jsonChildPath(inner, "totalSz"));
        outcome.avgPx = reader.decimal(body.value(QStringLiteral("avgPx")), jsonChildPath(inner, "avgPx"));
    }
    return outcome;
}

} // namespace

std::string_view orderStateName(OrderState state)
{
    switch (state) {
    case OrderState::Resting: return "resting";
    case OrderState::Filled: return "filled";
    case OrderState::WaitingForFill: return "waiting for fill";
    case OrderState::WaitingForTrigger: return "waiting for trigger";
    case OrderState::Closed: return "closed";
    }
    return "unknown";
}

ErrorKind classifyRefusal(std::string_view message)
{
    if (containsNoCase(message, "nonce"))
        return ErrorKind::Nonce;
    if (containsNoCase(message, "does not exist") || containsNoCase(message, "signature") ||
        containsNoCase(message, "signer"))
        return ErrorKind::Auth;
    return ErrorKind::Exchange;
}

HlResult<QJsonObject> parseExchangeEnvelope(const QJsonDocument& document)
{
    JsonReader reader(kContext);
    const QJsonObject root = reader.object(jsonRoot(document), "");
    const std::string status = reader.string(root.value(QStringLiteral("status")), "status");
    if (reader.failed())
        return tl::unexpected<HyperliquidError>(reader.error());
    if (status == "err") {
        const std::string message = reader.string(root.value(QStringLiteral("response")), "response");
        if (reader.failed())
            return tl::unexpected<HyperliquidError>(reader.error());
        return hlFail(classifyRefusal(message), "refused: " + message);
    }
    if (status != "ok")
        reader.fail("status", "\"ok\" or \"err\"");
    const QJsonObject response = reader.object(root.value(QStringLiteral("response")), "response");
    return finishParse(reader, response);
}

HlResult<OrderResults> parseOrderAnswer(const QJsonDocument& document, std::span<const std::string> labels)
{
    auto statuses = statusesOf(document, labels.size());
    if (!statuses)
        return tl::unexpected<HyperliquidError>(statuses.error());
    JsonReader reader(kContext);
    OrderResults results;
    for (qsizetype i = 0; i < statuses->size(); ++i)
        results.push_back(readOrderStatus(reader, statuses->at(i), jsonIndexPath("response.data.statuses", i),
                                          labels[std::size_t(i)]));
    return finishParse(reader, std::move(results));
}

HlResult<CancelResults> parseCancelAnswer(const QJsonDocument& document, std::span<const std::string> labels)
{
    auto statuses = statusesOf(document, labels.size());
    if (!statuses)
        return tl::unexpected<HyperliquidError>(statuses.error());
    JsonReader reader(kContext);
    CancelResults results;
    for (qsizetype i = 0; i < statuses->size(); ++i) {
        const QJsonValue value = statuses->at(i);
        const std::string path = jsonIndexPath("response.data.statuses", i);
        if (value.toString() == QStringLiteral("success")) {
            results.emplace_back();
            continue;
        }
        const QJsonValue error = value.toObject().value(QStringLiteral("error"));
        if (!error.isString()) {
            reader.fail(path, "\"success\" or {\"error\": message}");
            break;
        }
        const std::string message = error.toString().toStdString();
        results.push_back(hlFail(ErrorKind::Exchange, labels[std::size_t(i)] + ": " + message));
    }
    return finishParse(reader, std::move(results));
}

HlResult<void> parseDefaultAnswer(const QJsonDocument& document)
{
    auto response = parseExchangeEnvelope(document);
    if (!response)
        return tl::unexpected<HyperliquidError>(response.error());
    JsonReader reader(kContext);
    const std::string type = reader.string(response->value(QStringLiteral("type")), "response.type");
    if (!reader.failed() && type != "default")
        reader.fail("response.type", "\"default\"");
    if (reader.failed())
        return tl::unexpected<HyperliquidError>(reader.error());
    return {};
}

HlResult<std::string> parseCreateSubAccountAnswer(const QJsonDocument& document)
{
    auto response = parseExchangeEnvelope(document);
    if (!response)
        return tl::unexpected<HyperliquidError>(response.error());
    JsonReader reader(kContext);
    const std::string type = reader.string(response->value(QStringLiteral("type")), "response.type");
    if (!reader.failed() && type != "createSubAccount")
        reader.fail("response.type", "\"createSubAccount\"");
    const std::string address = reader.string(response->value(QStringLiteral("data")), "response.data");
    if (!reader.failed() && !Address::fromHex(address))
        reader.fail("response.data", "an address (0x + 40 hex digits)");
    if (reader.failed())
        return tl::unexpected<HyperliquidError>(reader.error());
    return Address::fromHex(address)->toHex();
}

} // namespace sixbtc::exchange::hyperliquid
