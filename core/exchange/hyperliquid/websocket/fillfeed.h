// SPDX-License-Identifier: MIT
// The fills of one user: userFills snapshot and live fills, with fills missed while down recovered by REST.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <QObject>

#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/websocket/fillbook.h"
#include "exchange/hyperliquid/websocket/wsconnection.h"

namespace sixbtc::exchange::hyperliquid {

class InfoClient;
class WsFeedManager;

/// Subscribes to `userFills {user}` and keeps a FillBook (deduplicated by tid). After a drop, once the
/// subscription is Live again, the fills from the newest known fill's time (or the feed's start time) to
/// wallClockMs are fetched with userFillsByTime and merged. Live when the subscription is Live and no recovery
/// is in flight.
class FillFeed : public QObject
{
    Q_OBJECT

public:
    /// The most fills one userFillsByTime answer holds (reference hyperliquid.md section 3.5): a full page is
    /// followed by the next one.
    static constexpr int kFillsPerPage = 2000;

    using FillHandler = std::function<void(const Fill& fill)>;

    /// `user` is the account address (0x lowercase). `manager`, `info` and the clock must outlive the feed.
    FillFeed(WsFeedManager& manager, InfoClient& info, std::string user, std::function<std::int64_t()> wallClockMs,
             QObject* parent = nullptr);

    /// Subscribes; fails when the manager refuses the subscription.
    HlResult<void> start();
    /// Called once with every fill not seen before.
    void setFillHandler(FillHandler handler) { m_onFill = std::move(handler); }

    const FillBook& book() const { return m_book; }
    FeedState state() const { return m_state; }
    int recoveries() const { return m_recoveries; }

signals:
    void stateChanged(bool live);
    /// A REST recovery failed (retried after the next drop or live message); `message` is ASCII.
    void recoveryFailed(const QString& message);

private:
    void onMessage(const WsMessage& message);
    void onWsState(FeedState state);
    void recover();
    void requestPage(std::int64_t fromMs, std::int64_t toMs);
    void addFills(const std::vector<Fill>& fills);
    void updateState();

    WsFeedManager& m_manager;
    InfoClient& m_info;
    std::string m_user;
    std::function<std::int64_t()> m_wallClockMs;
    std::int64_t m_startMs = 0;
    FillBook m_book;
    FillHandler m_onFill;
    FeedState m_wsState = FeedState::Stale;
    FeedState m_state = FeedState::Stale;
    bool m_wasLive = false;
    bool m_needsRecovery = false;
    int m_inFlight = 0;
    int m_recoveries = 0;
};

} // namespace sixbtc::exchange::hyperliquid
