// SPDX-License-Identifier: MIT
// The fake exchange's WebSocket side: Hyperliquid subscriptions streamed from the live book, with seeded faults.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <vector>

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "fakes/hyperliquid/fakeexchange.h"
#include "fakes/hyperliquid/fakeexchangesetup.h"
#include "fakes/hyperliquid/fakewsfaults.h"

class QWebSocket;
class QWebSocketServer;

namespace sixbtc::fakes::hyperliquid {

struct FakeWsConnection;
class FakeWsFeed;

/// Serves `ws://127.0.0.1:<port>/ws` (hyperliquid.md section 8) over the same FakeExchange as POST /exchange.
/// Client messages: {"method":"subscribe"|"unsubscribe","subscription":{..}} answered by
/// {"channel":"subscriptionResponse","data":<the request>}, {"method":"ping"} answered by {"channel":"pong"};
/// anything else (bad JSON, unknown method or type, missing field, subscribing twice, unsubscribing what is not
/// subscribed) gets {"channel":"error","data":"<text>"}.
/// Streams:
/// - candle {coin, interval}: the interval must be the replayed series' timeframe. On subscribe the current bar;
///   on every advance the new current bar twice: first as just opened (o=h=l=c=open, v "0", n 0), then complete
///   (the in-progress candle re-sent on update; a bar is closed when a later `t` arrives).
/// - allMids, l2Book {coin} (5 levels a side one tick apart around the price), trades {coin} (one synthetic
///   trade a bar): on subscribe (not trades) and on every advance.
/// - orderUpdates {user}: every order whose state or remaining size changed since the last publish().
/// - userFills {user}: first {user, fills:[all fills, oldest first], isSnapshot:true}, then the fills that are new.
/// - userEvents {user} (channel "user"): {fills:[..]} for new fills, {nonUserCancel:[{coin,oid}]} for orders
///   cancelled by the dead man's switch.
/// Orders and fills are published by publish(), which FakeHyperliquidServer calls after every /exchange request
/// and every advance. Single-threaded: lives on the test's thread.
class FakeWsServer : public QObject
{
    Q_OBJECT

public:
    /// `markets` must be the markets `exchange` was configured with (the candles are replayed in step with it).
    FakeWsServer(FakeExchange& exchange, std::vector<FakeMarketSetup> markets, QObject* parent = nullptr);
    ~FakeWsServer() override;

    /// Listens on 127.0.0.1 with a port chosen by the system.
    bool listen();
    /// `ws://127.0.0.1:<port>/ws`.
    QString wsUrl() const;

    /// Advances the exchange by `candles` bars, streaming each one and publishing after each.
    /// Returns false when a series ran out. While candles are streamed the exchange must only be advanced through
    /// here (or the HTTP side's advance, which calls this): an advance behind its back is a REQUIRE failure at
    /// the next candle sent.
    bool advance(int candles);
    /// Sends the orderUpdates, userFills and userEvents changes since the previous call.
    void publish();
    /// The /info candleSnapshot answer for `req` ({coin, interval, startTime, endTime}) from the replayed bars up to
    /// the current one; nullopt for a coin or interval the fake does not replay.
    std::optional<QByteArray> candleSnapshot(const QJsonObject& req) const;

    /// Drops every connection now (TCP abort, no close frame).
    void closeAll();
    /// Half-open: connections stay up, but no frame is sent and incoming messages (pings too) are ignored for
    /// `ms` milliseconds (0: until clearFaults()). Qt still answers WebSocket-level ping control frames.
    void setHalfOpen(int ms);
    /// Seeded frame faults from now on.
    void setFrameFaults(const FakeWsFrameFaults& faults, std::uint64_t seed);
    /// Sends `perMinute` extra valid allMids frames a minute to every connection, evenly spaced (0 stops).
    void setFlood(int perMinute);
    /// Ends half-open, frame faults and flood (connections stay).
    void clearFaults();

    /// Live connections.
    int connectionCount() const;
    /// Connections accepted since the start (reconnects included).
    int connectionsAccepted() const { return m_accepted; }
    /// The subscription objects of each live connection, connections in accept order.
    QList<QList<QJsonObject>> subscriptions() const;
    /// Frames written to sockets (duplicates and malformed frames included), in total and of one channel.
    int framesSent() const { return m_framesSent; }
    int framesSent(const QString& channel) const { return m_framesByChannel.value(channel); }
    /// Frames swallowed by half-open.
    int framesDropped() const { return m_framesDropped; }
    /// Frames replaced by a malformed frame.
    int framesMalformed() const { return m_framesMalformed; }

private:
    // Connections and client messages (fakewsserver.cpp).
    void onNewConnection();
    void remove(FakeWsConnection* connection);
    void onMessage(FakeWsConnection* connection, const QString& text);
    void handleSubscription(FakeWsConnection* connection, const QJsonObject& request, bool subscribe);
    void sendSnapshot(FakeWsConnection* connection, const QString& type, const QJsonObject& subscription);
    // Streams (fakewsstream.cpp).
    void streamBar();
    // The frame path with its faults (fakewsframes.cpp).
    void send(FakeWsConnection* connection, const QString& channel, const QJsonValue& data);
    void dispatch(FakeWsConnection* connection, const QString& channel, const QByteArray& frame);
    void write(FakeWsConnection* connection, const QString& channel, const QByteArray& frame);
    void flood();
    void flushHeld();
    bool halfOpen() const;
    bool drawBelow(double probability);

    FakeExchange& m_exchange;
    std::unique_ptr<QWebSocketServer> m_server;
    std::unique_ptr<FakeWsFeed> m_feed;
    std::vector<std::unique_ptr<FakeWsConnection>> m_connections;
    int m_accepted = 0;
    bool m_halfOpen = false;
    QDeadlineTimer m_halfOpenDeadline;
    FakeWsFrameFaults m_faults{0, 0.0, 0.0, 0.0};
    std::mt19937_64 m_random;
    QTimer m_floodTimer;
    int m_framesSent = 0;
    int m_framesDropped = 0;
    int m_framesMalformed = 0;
    QHash<QString, int> m_framesByChannel;
};

} // namespace sixbtc::fakes::hyperliquid
