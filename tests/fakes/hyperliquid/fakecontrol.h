// SPDX-License-Identifier: MIT
// The JSON form of the fault API, served as POST /control by the fake (same semantics as the C++ calls).
#pragma once

#include <optional>
#include <string>

#include <QJsonObject>

#include "common/error.h"
#include "fakes/hyperliquid/fakefault.h"

namespace sixbtc::fakes::hyperliquid {

// POST /control bodies (answer {"status":"ok"}, or 400 {"status":"err","response":<reason>}):
//   {"op":"queueFault","count":N?,"fault":<fault>}                     queueFaults(fault, N), N defaults to 1
//   {"op":"setFaultRates","seed":S,"tooManyRequests":p,"serverError":p,"retryAfterMs":ms,
//    "acceptThenTimeout":p?,"serverErrorAfterProcessing":b?,"partialFill":p?,"partialFillFraction":f?}
//   {"op":"clearFaults"}
//   {"op":"advance","candles":N}                                        exchange().advance(N)
//   {"op":"setDateOffset","ms":N}                                       setDateOffsetMs(N)
// WebSocket side (fakewsserver.h; 400 until an exchange is configured):
//   {"op":"wsClose"}                                                    ws().closeAll()
//   {"op":"wsHalfOpen","ms":N}                                          ws().setHalfOpen(N), 0 = until cleared
//   {"op":"wsFrameFaults","seed":S,"delayMs":ms?,"duplicate":p?,"reorder":p?,"malformed":p?}
//                                                                       ws().setFrameFaults (absent = 0)
//   {"op":"wsFlood","perMinute":N}                                      ws().setFlood(N), 0 stops
//   {"op":"wsClearFaults"}                                              ws().clearFaults()
// <fault> = {"kind":"delay","delayMs":ms} | {"kind":"tooManyRequests","retryAfterMs":ms}
//         | {"kind":"serverError","status":5xx,"processed":b} | {"kind":"malformedJson"}
//         | {"kind":"wrongShape","body":<any JSON>} | {"kind":"acceptThenTimeout"}
//         | {"kind":"reject","message":".."} | {"kind":"orderError","message":".."}
//         | {"kind":"partialFill","fraction":f}
//   each with an optional "scope":"any"|"info"|"exchange" (the named constructor's scope when absent).

/// The fault a /control <fault> object describes.
common::Result<FakeFault> faultFromJson(const QJsonObject& json);

/// The rates of a setFaultRates body (the seed is read separately).
common::Result<FakeFaultRates> faultRatesFromJson(const QJsonObject& json);

class FakeWsServer;

/// Applies one "ws*" /control body to `ws`; the reason when the body is invalid.
std::optional<std::string> applyWsControl(FakeWsServer& ws, const QJsonObject& json);

} // namespace sixbtc::fakes::hyperliquid
