// SPDX-License-Identifier: MIT
// A live candle series of one (coin, timeframe): WebSocket candles, with gaps refilled by REST candleSnapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <QObject>

#include "common/timeframe.h"
#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/websocket/candlemerger.h"
#include "exchange/hyperliquid/websocket/wsconnection.h"

namespace sixbtc::exchange::hyperliquid {

class InfoClient;
class WsFeedManager;

/// Subscribes to `candle {coin, interval}` and keeps a CandleMerger without gaps or duplicates. After a drop (the
/// subscription turned Stale) and whenever a live candle opens more than one interval after the newest one, the
/// missing stretch (newest open time .. wallClockMs) is fetched with candleSnapshot and merged. The feed is Live
/// when its subscription is Live, no backfill is in flight and the series has no gap.
class CandleFeed : public QObject
{
    Q_OBJECT

public:
    using CandleHandler = std::function<void(const Candle& candle)>;

    /// `manager`, `info` and the clock must outlive the feed.
    CandleFeed(WsFeedManager& manager, InfoClient& info, std::string coin, common::Timeframe timeframe,
               std::function<std::int64_t()> wallClockMs, QObject* parent = nullptr);

    /// Subscribes; fails when the manager refuses the subscription.
    HlResult<void> start();
    /// Called with every candle that was added or changed.
    void setCandleHandler(CandleHandler handler) { m_onCandle = std::move(handler); }

    const CandleMerger& series() const { return m_series; }
    FeedState state() const { return m_state; }
    int backfills() const { return m_backfills; }

signals:
    void stateChanged(bool live);
    /// A REST backfill failed (it is retried at the next live candle); `message` is ASCII.
    void backfillFailed(const QString& message);

private:
    void onMessage(const WsMessage& message);
    void onWsState(FeedState state);
    void backfill(std::int64_t fromMs);
    void mergeOne(const Candle& candle);
    void updateState();

    WsFeedManager& m_manager;
    InfoClient& m_info;
    std::string m_coin;
    std::string m_interval;
    std::function<std::int64_t()> m_wallClockMs;
    CandleMerger m_series;
    CandleHandler m_onCandle;
    FeedState m_wsState = FeedState::Stale;
    FeedState m_state = FeedState::Stale;
    bool m_wasDown = false;
    int m_inFlight = 0;
    int m_backfills = 0;
};

} // namespace sixbtc::exchange::hyperliquid
