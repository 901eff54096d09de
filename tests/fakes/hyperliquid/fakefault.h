// SPDX-License-Identifier: MIT
// A fault the fake exchange injects into its answer to one request, and the seeded per-request fault rates.
#pragma once

#include <QByteArray>

namespace sixbtc::fakes::hyperliquid {

/// Which requests a fault may hit: /info and /exchange alike, or only one of them (never /control).
enum class FaultScope { Any, Info, Exchange };

/// What the fake does instead of (or around) answering normally. Built with the named constructors.
struct FakeFault
{
    enum class Kind {
        Delay,             ///< processed, answered normally after `delayMs`
        TooManyRequests,   ///< NOT processed; 429 with `Retry-After: <seconds with fraction>`
        ServerError,       ///< `status` (5xx); processed first exactly when `processed` is set
        MalformedJson,     ///< processed; the answer is cut in half
        WrongShape,        ///< processed; `body` is sent instead of the answer
        AcceptThenTimeout, ///< processed (the action IS applied), then no answer until the client closes
        Reject,            ///< NOT processed; {"status":"err","response":<message>} with HTTP 200
        OrderError,        ///< NOT processed; "ok" with {"error":<message>} for every order/cancel/modify status
        PartialFill,       ///< processed; each order that takes liquidity fills only `fraction` of its size
                           ///< (rounded down to szDecimals); the rest rests (Gtc) or is cancelled (Ioc)
    };

    Kind kind;
    int delayMs;      ///< Delay
    int retryAfterMs; ///< TooManyRequests
    int status;       ///< HTTP status of the answer
    QByteArray body;  ///< WrongShape: the JSON sent; Reject / OrderError: the message
    bool processed;   ///< ServerError: the request is applied before the 5xx ("5xx after processing")
    double fraction;  ///< PartialFill: share of each taker order's size that fills, in (0, 1)
    FaultScope scope; ///< requests this fault may hit; queued faults skip requests outside their scope

    static FakeFault delay(int ms) { return {Kind::Delay, ms, 0, 200, {}, true, 0.0, FaultScope::Any}; }
    static FakeFault tooManyRequests(int retryAfterMs)
    {
        return {Kind::TooManyRequests, 0, retryAfterMs, 429, {}, false, 0.0, FaultScope::Any};
    }
    /// A 5xx before processing (the request is lost).
    static FakeFault serverError(int status)
    {
        return {Kind::ServerError, 0, 0, status, {}, false, 0.0, FaultScope::Any};
    }
    /// A 5xx after processing (the action was applied but the client cannot know).
    static FakeFault serverErrorAfterProcessing(int status)
    {
        return {Kind::ServerError, 0, 0, status, {}, true, 0.0, FaultScope::Exchange};
    }
    static FakeFault malformedJson() { return {Kind::MalformedJson, 0, 0, 200, {}, true, 0.0, FaultScope::Any}; }
    static FakeFault wrongShape(QByteArray json)
    {
        return {Kind::WrongShape, 0, 0, 200, std::move(json), true, 0.0, FaultScope::Any};
    }
    static FakeFault acceptThenTimeout()
    {
        return {Kind::AcceptThenTimeout, 0, 0, 0, {}, true, 0.0, FaultScope::Exchange};
    }
    static FakeFault reject(QByteArray message)
    {
        return {Kind::Reject, 0, 0, 200, std::move(message), false, 0.0, FaultScope::Exchange};
    }
    static FakeFault orderError(QByteArray message)
    {
        return {Kind::OrderError, 0, 0, 200, std::move(message), false, 0.0, FaultScope::Exchange};
    }
    static FakeFault partialFill(double fraction)
    {
        return {Kind::PartialFill, 0, 0, 200, {}, true, fraction, FaultScope::Exchange};
    }

    /// The same fault restricted to `only`.
    FakeFault inScope(FaultScope only) const
    {
        FakeFault copy = *this;
        copy.scope = only;
        return copy;
    }
};

/// Probabilities of seeded random faults, drawn once per /info or /exchange request after the queued faults
/// are used up. One uniform draw per request picks at most one fault, in the order of the members.
struct FakeFaultRates
{
    double tooManyRequests; ///< answered 429 with `retryAfterMs`, not processed
    double serverError;     ///< answered 503
    int retryAfterMs;
    double acceptThenTimeout = 0.0;          ///< /exchange only: applied, then never answered
    bool serverErrorAfterProcessing = false; ///< /exchange only: the 503 comes after the action was applied
    double partialFill = 0.0;                ///< /exchange only: orders fill `partialFillFraction` of their size
    double partialFillFraction = 0.5;
};

} // namespace sixbtc::fakes::hyperliquid
