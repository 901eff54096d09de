// SPDX-License-Identifier: MIT
// A loopback fake of Hyperliquid's POST /info with a C++ control API for injected faults.
#pragma once

#include <deque>
#include <random>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include "fakes/hyperliquid/fakefault.h"
#include "fakes/hyperliquid/httpmessage.h"

class QTcpSocket;

namespace sixbtc::fakes::hyperliquid {

/// Answers POST /info on 127.0.0.1 from canned state (cannedinfo.h; orderStatus looks the order up in the
/// canned openOrders). Requests missing a required parameter get 400. Faults are taken first from the queue
/// (one per request, in order), then drawn from the seeded rates. Single-threaded: lives on the test's thread.
class FakeHyperliquidServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeHyperliquidServer(QObject* parent = nullptr);

    /// Listens on 127.0.0.1 with a port chosen by the system.
    bool listen();
    /// `http://127.0.0.1:<port>`, the value for hyperliquid.base_url.
    QString baseUrl() const;

    /// Replaces the canned answer of `type`.
    void setAnswer(const QString& type, const QByteArray& json);
    /// The next request gets `fault`; queued faults apply in order, one per request.
    void queueFault(const FakeFault& fault);
    /// Seeded random faults for requests the queue does not cover.
    void setFaultRates(const FakeFaultRates& rates, quint64 seed);

    /// Bodies of every /info request received, in order.
    const QList<QJsonObject>& requests() const { return m_requests; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const HttpRequest& request);
    QByteArray normalAnswer(const QJsonObject& body, int& status) const;
    std::optional<FakeFault> nextFault();
    static void send(QTcpSocket* socket, const QByteArray& response);

    QTcpServer m_server;
    QHash<QString, QByteArray> m_answers;
    std::deque<FakeFault> m_faults;
    std::optional<FakeFaultRates> m_rates;
    std::mt19937_64 m_random;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QJsonObject> m_requests;
};

} // namespace sixbtc::fakes::hyperliquid
