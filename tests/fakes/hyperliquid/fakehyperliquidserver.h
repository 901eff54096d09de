// SPDX-License-Identifier: MIT
// A loopback fake of Hyperliquid's POST /info and POST /exchange with a C++ and HTTP control API for faults.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <random>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTimer>

#include "fakes/hyperliquid/fakeexchange.h"
#include "fakes/hyperliquid/fakefault.h"
#include "fakes/hyperliquid/fakewsserver.h"
#include "fakes/hyperliquid/httpmessage.h"

class QTcpSocket;

namespace sixbtc::fakes::hyperliquid {

/// Serves on 127.0.0.1:
/// - POST /info: per-user types from the live book when an exchange is configured and the user is one of its
///   accounts (FakeExchange::handleInfo), otherwise canned state (cannedinfo.h; setAnswer overrides it).
///   Requests missing a required parameter get 400.
/// - POST /exchange: FakeExchange::handleExchange; 404 until configureExchange() was called.
/// - POST /control: the fault API as JSON, never faulted (see fakecontrol.h for the body format).
/// - WebSocket `ws://127.0.0.1:<port>/ws` on its own port (fakewsserver.h) once an exchange is configured.
/// Every answer carries a `Date` header from the exchange clock (the system clock without an exchange) plus
/// the date offset. Faults are taken first from the queue (the front-most fault whose scope matches the
/// request), then drawn from the seeded rates. Single-threaded: lives on the test's thread.
class FakeHyperliquidServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeHyperliquidServer(QObject* parent = nullptr);
    ~FakeHyperliquidServer() override;

    /// Listens on 127.0.0.1 with a port chosen by the system (the WebSocket side too when configured).
    bool listen();
    /// `http://127.0.0.1:<port>`, the value for hyperliquid.base_url.
    QString baseUrl() const;

    /// Enables POST /exchange and the live /info answers over a new book.
    void configureExchange(FakeExchangeSetup setup);
    /// The live book. \warning REQUIRE: configureExchange() was called.
    FakeExchange& exchange();
    /// The WebSocket side over the live book. \warning REQUIRE: configureExchange() was called.
    FakeWsServer& ws();
    /// `ws://127.0.0.1:<port>/ws`. \warning REQUIRE: configureExchange() and listen() were called.
    QString wsUrl() const;
    /// Advances the live book by `candles` bars and streams them (ws().advance). Use this rather than
    /// exchange().advance() once WebSocket clients are connected. False when a series ran out.
    bool advance(int candles);
    /// Calls advance(1) every `intervalMs` (0 stops it).
    void setAdvanceInterval(int intervalMs);

    /// Replaces the canned answer of `type`.
    void setAnswer(const QString& type, const QByteArray& json);
    /// The next request in the fault's scope gets `fault`; queued faults apply in order, one per request.
    void queueFault(const FakeFault& fault);
    /// Queues `fault` for the next `count` requests in its scope.
    void queueFaults(const FakeFault& fault, int count);
    /// Seeded random faults for requests the queue does not cover.
    void setFaultRates(const FakeFaultRates& rates, quint64 seed);
    /// Drops the queued faults and the rates.
    void clearFaults();
    /// Shifts the `Date` header by `offsetMs` (clock skew injection).
    void setDateOffsetMs(std::int64_t offsetMs);

    /// Bodies of every /info request received, in order.
    const QList<QJsonObject>& requests() const { return m_requests; }
    /// Raw bodies of every /exchange request received, in order (including faulted ones).
    const QList<QByteArray>& exchangeRequests() const { return m_exchangeRequests; }
    /// Connections held open by AcceptThenTimeout faults that the client has not closed yet.
    int heldConnections() const;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const HttpRequest& request);
    void answerFaulted(QTcpSocket* socket, const HttpRequest& request, const std::optional<FakeFault>& fault);
    void answerControl(QTcpSocket* socket, const QByteArray& body);
    FakeAnswer process(const HttpRequest& request, std::optional<double> partialFillFraction);
    FakeAnswer infoAnswer(const QJsonObject& body);
    std::optional<FakeFault> nextFault(FaultScope scope);
    void send(QTcpSocket* socket, const FakeAnswer& answer, const QList<QByteArray>& extraHeaders = {});
    QByteArray dateHeader() const;

    QTcpServer m_server;
    std::unique_ptr<FakeExchange> m_exchange;
    std::unique_ptr<FakeWsServer> m_ws;
    QTimer m_advanceTimer;
    QHash<QString, QByteArray> m_answers;
    std::deque<FakeFault> m_faults;
    std::optional<FakeFaultRates> m_rates;
    std::mt19937_64 m_random;
    std::int64_t m_dateOffsetMs = 0;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QTcpSocket*> m_held;
    QList<QJsonObject> m_requests;
    QList<QByteArray> m_exchangeRequests;
};

} // namespace sixbtc::fakes::hyperliquid
