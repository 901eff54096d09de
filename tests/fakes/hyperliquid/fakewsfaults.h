// SPDX-License-Identifier: MIT
// Seeded per-frame faults of the fake's WebSocket side (delay, duplicate, reorder, malformed).
#pragma once

namespace sixbtc::fakes::hyperliquid {

/// Faults applied to the frames the fake WebSocket server sends. `delayMs` applies to every frame; the
/// probabilities are drawn (seeded, in the order of the members) for data frames only: a channel other than
/// subscriptionResponse, pong and error.
struct FakeWsFrameFaults
{
    int delayMs;      ///< every frame is written this long after it was produced (order kept); 0 = at once
    double duplicate; ///< the frame is written twice in a row
    double reorder;   ///< the frame is held and written right after the next frame of the same connection
    double malformed; ///< the frame is replaced: half the time cut in half (invalid JSON), otherwise
                      ///< {"channel":<same>,"data":{"malformed":true}} (valid JSON of the wrong shape)
};

} // namespace sixbtc::fakes::hyperliquid
