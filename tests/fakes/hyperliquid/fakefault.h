// SPDX-License-Identifier: MIT
// A fault the fake exchange injects into its answer to one /info request.
#pragma once

#include <QByteArray>

namespace sixbtc::fakes::hyperliquid {

/// What the fake does instead of (or before) answering normally. Built with the named constructors.
struct FakeFault
{
    enum class Kind { Delay, TooManyRequests, ServerError, MalformedJson, WrongShape };

    Kind kind;
    int delayMs;      ///< Delay: the normal answer comes after this many ms
    int retryAfterMs; ///< TooManyRequests: sent as `Retry-After: <seconds with fraction>`
    int status;       ///< ServerError: the 5xx status
    QByteArray body;  ///< WrongShape: the well-formed JSON sent instead of the canned answer

    static FakeFault delay(int ms) { return {Kind::Delay, ms, 0, 200, {}}; }
    static FakeFault tooManyRequests(int retryAfterMs) { return {Kind::TooManyRequests, 0, retryAfterMs, 429, {}}; }
    static FakeFault serverError(int status) { return {Kind::ServerError, 0, 0, status, {}}; }
    static FakeFault malformedJson() { return {Kind::MalformedJson, 0, 0, 200, {}}; }
    static FakeFault wrongShape(QByteArray json) { return {Kind::WrongShape, 0, 0, 200, std::move(json)}; }
};

/// Probabilities of seeded random faults, drawn per request after the queued faults are used up.
struct FakeFaultRates
{
    double tooManyRequests; ///< answered 429 with `retryAfterMs`
    double serverError;     ///< answered 503
    int retryAfterMs;
};

} // namespace sixbtc::fakes::hyperliquid
