// SPDX-License-Identifier: MIT
// The fills of one user with REST recovery after drops.
#include "exchange/hyperliquid/websocket/fillfeed.h"

#include <algorithm>

#include <QPointer>
#include <spdlog/spdlog.h>

#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/websocket/wsfeedmanager.h"

namespace sixbtc::exchange::hyperliquid {

FillFeed::FillFeed(WsFeedManager& manager, InfoClient& info, std::string user,
                   std::function<std::int64_t()> wallClockMs, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_info(info)
    , m_user(std::move(user))
    , m_wallClockMs(std::move(wallClockMs))
{
}

HlResult<void> FillFeed::start()
{
    m_startMs = m_wallClockMs();
    const Subscription subscription{SubscriptionType::UserFills, {}, {}, m_user};
    return m_manager.subscribe(
        subscription, WsListener{[this](const WsMessage& m) { onMessage(m); }, [this](FeedState s) { onWsState(s); }});
}

void FillFeed::onWsState(FeedState state)
{
    m_wsState = state;
    if (state == FeedState::Stale && m_wasLive)
        m_needsRecovery = true;
    if (state == FeedState::Live)
        m_wasLive = true;
    updateState();
}

void FillFeed::onMessage(const WsMessage& message)
{
    const auto* fills = std::get_if<UserFills>(&message);
    if (fills == nullptr)
        return;
    addFills(fills->fills);
    if (m_needsRecovery)
        recover();
    updateState();
}

void FillFeed::recover()
{
    m_needsRecovery = false;
    ++m_inFlight;
    ++m_recoveries;
    // From the newest known fill's time on (inclusive): fills sharing that millisecond are deduplicated by tid.
    requestPage(m_book.lastTimeMs().value_or(m_startMs), m_wallClockMs());
}

void FillFeed::requestPage(std::int64_t fromMs, std::int64_t toMs)
{
    const QPointer<FillFeed> self(this); // the client may outlive the feed
    m_info.userFillsByTime(m_user, fromMs, toMs, [this, self, fromMs, toMs](HlResult<std::vector<Fill>> r) {
        if (self.isNull())
            return;
        if (!r) {
            --m_inFlight;
            spdlog::warn("fill feed: recovery failed: {}", r.error().message());
            m_needsRecovery = true;
            emit recoveryFailed(QString::fromStdString(r.error().message()));
            updateState();
            return;
        }
        addFills(*r);
        if (std::ssize(*r) >= kFillsPerPage) {
            // A full page: continue from the newest fill's time (strictly later when the page did not move on).
            std::int64_t next = fromMs;
            for (const Fill& fill : *r)
                next = std::max(next, fill.timeMs);
            requestPage(next == fromMs ? fromMs + 1 : next, toMs);
            return;
        }
        --m_inFlight;
        updateState();
    });
}

void FillFeed::addFills(const std::vector<Fill>& fills)
{
    for (const Fill& fill : fills) {
        if (m_book.add(fill) && m_onFill)
            m_onFill(fill);
    }
}

void FillFeed::updateState()
{
    const bool live = m_wsState == FeedState::Live && m_inFlight == 0 && !m_needsRecovery;
    const FeedState next = live ? FeedState::Live : FeedState::Stale;
    if (next == m_state)
        return;
    m_state = next;
    emit stateChanged(live);
}

} // namespace sixbtc::exchange::hyperliquid
