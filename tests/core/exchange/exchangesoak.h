// SPDX-License-Identifier: MIT
// The order/cancel soak of ExchangeClient under injected faults, shared by the CTest check and the benchmark.
#pragma once

#include <cstdint>
#include <string>

#include "exchangeclientfixture.h"

namespace sixbtc::tests {

/// What a soak found, checked against the fake's own book.
struct SoakReport
{
    int cycles = 0;
    int duplicated = 0;  ///< extra orders placed for a cycle's cloid (a resend of an order already placed)
    int lost = 0;        ///< cycles whose order is missing or did not end cancelled
    int failedCalls = 0; ///< place or cancel calls that ended in an error (the book decides lost/duplicated)
    qint64 wallMs = 0;
    qsizetype exchangeRequests = 0;
    qsizetype infoRequests = 0;
    std::string firstFailure; ///< message of the first failed call, for diagnosis
};

/// The settings of a soak: short timeouts and waits so that faults cost little time.
void soakSettings(config::HyperliquidSettings& settings);

/// Runs `cycles` order/cancel cycles (a resting GTC buy with its own cloid, then cancelByCloid), `inFlight` at a
/// time, under seeded faults: 20 % 429 (Retry-After 50 ms), 5 % 503 and 2 % accept-then-timeout. The 503s come
/// before processing in the first half of the cycles and after it in the second half.
SoakReport runExchangeSoak(ExchangeClientFixture& fixture, int cycles, int inFlight, quint64 seed);

} // namespace sixbtc::tests
