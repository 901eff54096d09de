// SPDX-License-Identifier: MIT
// A live candle series of one (coin, timeframe) with REST gap refill.
#include "exchange/hyperliquid/websocket/candlefeed.h"

#include <QPointer>
#include <spdlog/spdlog.h>

#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/websocket/wsfeedmanager.h"

namespace sixbtc::exchange::hyperliquid {

CandleFeed::CandleFeed(WsFeedManager& manager, InfoClient& info, std::string coin, common::Timeframe timeframe,
                       std::function<std::int64_t()> wallClockMs, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
    , m_info(info)
    , m_coin(std::move(coin))
    , m_interval(timeframe.name())
    , m_wallClockMs(std::move(wallClockMs))
    , m_series(timeframe.durationMs())
{
}

HlResult<void> CandleFeed::start()
{
    const Subscription subscription{SubscriptionType::Candle, m_coin, m_interval, {}};
    return m_manager.subscribe(
        subscription, WsListener{[this](const WsMessage& m) { onMessage(m); }, [this](FeedState s) { onWsState(s); }});
}

void CandleFeed::onWsState(FeedState state)
{
    m_wsState = state;
    if (state == FeedState::Stale && !m_series.empty())
        m_wasDown = true;
    updateState();
}

void CandleFeed::onMessage(const WsMessage& message)
{
    const auto* candleMessage = std::get_if<CandleMessage>(&message);
    if (candleMessage == nullptr)
        return;
    const Candle& candle = candleMessage->candle;
    if (candle.openTimeMs % m_series.intervalMs() != 0) {
        spdlog::warn("candle feed {} {}: open time {} off the interval grid, ignored", m_coin, m_interval,
                     candle.openTimeMs);
        return;
    }
    const bool gap = !m_series.empty() && candle.openTimeMs > m_series.lastOpenTimeMs() + m_series.intervalMs();
    if ((m_wasDown || gap) && !m_series.empty())
        backfill(m_series.lastOpenTimeMs());
    m_wasDown = false;
    mergeOne(candle);
    updateState();
}

void CandleFeed::backfill(std::int64_t fromMs)
{
    ++m_inFlight;
    ++m_backfills;
    const QPointer<CandleFeed> self(this); // the client may outlive the feed
    const std::int64_t toMs = m_wallClockMs();
    m_info.candleSnapshot(
        m_coin, m_interval, fromMs, toMs, [this, self, fromMs, toMs](HlResult<std::vector<Candle>> r) {
            if (self.isNull())
                return;
            --m_inFlight;
            if (!r) {
                spdlog::warn("candle feed {} {}: backfill failed: {}", m_coin, m_interval, r.error().message());
                m_wasDown = true; // retried with the next live candle
                emit backfillFailed(QString::fromStdString(r.error().message()));
            } else {
                // Only candles of this series inside the asked range: an answer is never trusted beyond its request.
                for (const Candle& candle : *r) {
                    const bool ours = candle.coin == m_coin && candle.interval == m_interval;
                    const bool inRange = candle.openTimeMs >= fromMs && candle.openTimeMs <= toMs;
                    if (ours && inRange && candle.openTimeMs % m_series.intervalMs() == 0)
                        mergeOne(candle);
                }
            }
            updateState();
        });
}

void CandleFeed::mergeOne(const Candle& candle)
{
    if (m_series.merge(candle) && m_onCandle)
        m_onCandle(candle);
}

void CandleFeed::updateState()
{
    const bool live = m_wsState == FeedState::Live && m_inFlight == 0 && !m_wasDown && !m_series.firstGap();
    const FeedState next = live ? FeedState::Live : FeedState::Stale;
    if (next == m_state)
        return;
    m_state = next;
    emit stateChanged(live);
}

} // namespace sixbtc::exchange::hyperliquid
