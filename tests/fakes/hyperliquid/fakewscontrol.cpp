// SPDX-License-Identifier: MIT
// The "ws*" operations of POST /control: faults of the fake's WebSocket side as JSON.
#include <QJsonObject>

#include "fakes/hyperliquid/fakecontrol.h"
#include "fakes/hyperliquid/fakewsserver.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

/// The probability at `key` (0 when absent), or nullopt when it is not a number in [0, 1].
std::optional<double> probability(const QJsonObject& json, const QString& key)
{
    if (!json.contains(key))
        return 0.0;
    const double value = json.value(key).toDouble(-1.0);
    if (!json.value(key).isDouble() || value < 0.0 || value > 1.0)
        return std::nullopt;
    return value;
}

/// The non-negative integer at `key`, or nullopt.
std::optional<int> count(const QJsonObject& json, const QString& key, bool required)
{
    if (!json.contains(key) && !required)
        return 0;
    const QJsonValue value = json.value(key);
    if (!value.isDouble() || value.toDouble() < 0.0)
        return std::nullopt;
    return value.toInt();
}

} // namespace

std::optional<std::string> applyWsControl(FakeWsServer& ws, const QJsonObject& json)
{
    const QString op = json.value(QStringLiteral("op")).toString();
    if (op == QStringLiteral("wsClose")) {
        ws.closeAll();
    } else if (op == QStringLiteral("wsHalfOpen")) {
        const auto ms = count(json, QStringLiteral("ms"), true);
        if (!ms)
            return "ms must be a non-negative number";
        ws.setHalfOpen(*ms);
    } else if (op == QStringLiteral("wsFrameFaults")) {
        const auto delayMs = count(json, QStringLiteral("delayMs"), false);
        const auto duplicate = probability(json, QStringLiteral("duplicate"));
        const auto reorder = probability(json, QStringLiteral("reorder"));
        const auto malformed = probability(json, QStringLiteral("malformed"));
        if (!delayMs)
            return "delayMs must be a non-negative number";
        if (!duplicate || !reorder || !malformed)
            return "duplicate, reorder and malformed must be probabilities in [0, 1]";
        if (!json.value(QStringLiteral("seed")).isDouble())
            return "seed must be a number";
        ws.setFrameFaults(FakeWsFrameFaults{*delayMs, *duplicate, *reorder, *malformed},
                          static_cast<std::uint64_t>(json.value(QStringLiteral("seed")).toInteger()));
    } else if (op == QStringLiteral("wsFlood")) {
        const auto perMinute = count(json, QStringLiteral("perMinute"), true);
        if (!perMinute)
            return "perMinute must be a non-negative number";
        ws.setFlood(*perMinute);
    } else if (op == QStringLiteral("wsClearFaults")) {
        ws.clearFaults();
    } else {
        return "unknown op \"" + op.toStdString() + "\"";
    }
    return std::nullopt;
}

} // namespace sixbtc::fakes::hyperliquid
