// SPDX-License-Identifier: MIT
// POST /control: the fault API of the fake as JSON.
#include "fakes/hyperliquid/fakecontrol.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "fakes/hyperliquid/fakehyperliquidserver.h"

namespace sixbtc::fakes::hyperliquid {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

Result<int> integer(const QJsonObject& json, const QString& key)
{
    if (!json.value(key).isDouble())
        return fail(ErrorCode::Input, key.toStdString() + " must be a number");
    return json.value(key).toInt();
}

Result<double> rate(const QJsonObject& json, const QString& key, bool required)
{
    if (!json.contains(key) && !required)
        return 0.0;
    const double value = json.value(key).toDouble(-1.0);
    if (!json.value(key).isDouble() || value < 0.0 || value > 1.0)
        return fail(ErrorCode::Input, key.toStdString() + " must be a probability in [0, 1]");
    return value;
}

} // namespace

Result<FakeFault> faultFromJson(const QJsonObject& json)
{
    const QString kind = json.value(QStringLiteral("kind")).toString();
    const QByteArray message = json.value(QStringLiteral("message")).toString().toUtf8();
    std::optional<FakeFault> fault;
    if (kind == QStringLiteral("delay")) {
        auto ms = integer(json, QStringLiteral("delayMs"));
        if (!ms)
            return tl::unexpected(ms.error());
        fault = FakeFault::delay(*ms);
    } else if (kind == QStringLiteral("tooManyRequests")) {
        auto ms = integer(json, QStringLiteral("retryAfterMs"));
        if (!ms)
            return tl::unexpected(ms.error());
        fault = FakeFault::tooManyRequests(*ms);
    } else if (kind == QStringLiteral("serverError")) {
        auto status = integer(json, QStringLiteral("status"));
        if (!status || *status < 500 || *status > 599)
            return fail(ErrorCode::Input, "status must be a 5xx code");
        fault = json.value(QStringLiteral("processed")).toBool() ? FakeFault::serverErrorAfterProcessing(*status)
                                                                 : FakeFault::serverError(*status);
    } else if (kind == QStringLiteral("malformedJson")) {
        fault = FakeFault::malformedJson();
    } else if (kind == QStringLiteral("wrongShape")) {
        const QJsonValue body = json.value(QStringLiteral("body"));
        fault = FakeFault::wrongShape(body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                                     : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact));
    } else if (kind == QStringLiteral("acceptThenTimeout")) {
        fault = FakeFault::acceptThenTimeout();
    } else if (kind == QStringLiteral("reject")) {
        fault = FakeFault::reject(message);
    } else if (kind == QStringLiteral("orderError")) {
        fault = FakeFault::orderError(message);
    } else if (kind == QStringLiteral("partialFill")) {
        const double fraction = json.value(QStringLiteral("fraction")).toDouble(-1.0);
        if (fraction <= 0.0 || fraction >= 1.0)
            return fail(ErrorCode::Input, "fraction must lie in (0, 1)");
        fault = FakeFault::partialFill(fraction);
    } else {
        return fail(ErrorCode::Input, "unknown fault kind \"" + kind.toStdString() + "\"");
    }
    const QString scope = json.value(QStringLiteral("scope")).toString();
    if (scope == QStringLiteral("any"))
        return fault->inScope(FaultScope::Any);
    if (scope == QStringLiteral("info"))
        return fault->inScope(FaultScope::Info);
    if (scope == QStringLiteral("exchange"))
        return fault->inScope(FaultScope::Exchange);
    if (!scope.isEmpty())
        return fail(ErrorCode::Input, "scope must be any, info or exchange");
    return *fault;
}

Result<FakeFaultRates> faultRatesFromJson(const QJsonObject& json)
{
    auto tooMany = rate(json, QStringLiteral("tooManyRequests"), true);
    auto serverError = rate(json, QStringLiteral("serverError"), true);
    auto retryAfter = integer(json, QStringLiteral("retryAfterMs"));
    auto acceptThenTimeout = rate(json, QStringLiteral("acceptThenTimeout"), false);
    auto partialFill = rate(json, QStringLiteral("partialFill"), false);
    for (const auto* part : {&tooMany, &serverError, &acceptThenTimeout, &partialFill})
        if (!*part)
            return tl::unexpected(part->error());
    if (!retryAfter)
        return tl::unexpected(retryAfter.error());
    FakeFaultRates rates{*tooMany, *serverError, *retryAfter};
    rates.acceptThenTimeout = *acceptThenTimeout;
    rates.serverErrorAfterProcessing = json.value(QStringLiteral("serverErrorAfterProcessing")).toBool();
    rates.partialFill = *partialFill;
    rates.partialFillFraction = json.value(QStringLiteral("partialFillFraction")).toDouble(0.5);
    return rates;
}

void FakeHyperliquidServer::answerControl(QTcpSocket* socket, const QByteArray& body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QString op = json.value(QStringLiteral("op")).toString();
    std::optional<std::string> error;
    if (op == QStringLiteral("queueFault")) {
        auto fault = faultFromJson(json.value(QStringLiteral("fault")).toObject());
        const int count = json.value(QStringLiteral("count")).toInt(1);
        if (fault)
            queueFaults(*fault, count);
        else
            error = fault.error().message;
    } else if (op == QStringLiteral("setFaultRates")) {
        auto rates = faultRatesFromJson(json);
        if (rates && json.value(QStringLiteral("seed")).isDouble())
            setFaultRates(*rates, static_cast<quint64>(json.value(QStringLiteral("seed")).toInteger()));
        else
            error = rates ? std::string("seed must be a number") : rates.error().message;
    } else if (op == QStringLiteral("clearFaults")) {
        clearFaults();
    } else if (op == QStringLiteral("advance") && m_exchange) {
        if (!advance(json.value(QStringLiteral("candles")).toInt(1)))
            error = "the candle series ran out";
    } else if (op.startsWith(QStringLiteral("ws")) && m_ws) {
        error = applyWsControl(*m_ws, json);
    } else if (op == QStringLiteral("setDateOffset")) {
        setDateOffsetMs(json.value(QStringLiteral("ms")).toInteger());
    } else {
        error = "unknown op \"" + op.toStdString() + "\"";
    }
    const QJsonObject answer = error ? QJsonObject{{QStringLiteral("status"), QStringLiteral("err")},
                                                   {QStringLiteral("response"), QString::fromStdString(*error)}}
                                     : QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}};
    send(socket, {error ? 400 : 200, QJsonDocument(answer).toJson(QJsonDocument::Compact)});
}

} // namespace sixbtc::fakes::hyperliquid
