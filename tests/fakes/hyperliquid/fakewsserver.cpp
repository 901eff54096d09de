// SPDX-License-Identifier: MIT
// The fake WebSocket server: connections, client messages and subscriptions.
#include "fakes/hyperliquid/fakewsserver.h"

#include <algorithm>

#include <QJsonDocument>
#include <QWebSocket>
#include <QWebSocketServer>

#include "common/require.h"
#include "fakes/hyperliquid/fakewsconnection.h"
#include "fakes/hyperliquid/fakewsfeed.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

const QStringList kUserTypes{QStringLiteral("orderUpdates"), QStringLiteral("userFills"), QStringLiteral("userEvents")};

} // namespace

FakeWsServer::FakeWsServer(FakeExchange& exchange, std::vector<FakeMarketSetup> markets, QObject* parent)
    : QObject(parent)
    , m_exchange(exchange)
    , m_server(std::make_unique<QWebSocketServer>(QStringLiteral("fake-hyperliquid"), QWebSocketServer::NonSecureMode))
    , m_feed(std::make_unique<FakeWsFeed>(exchange, std::move(markets)))
{
    connect(m_server.get(), &QWebSocketServer::newConnection, this, &FakeWsServer::onNewConnection);
    connect(&m_floodTimer, &QTimer::timeout, this, &FakeWsServer::flood);
}

FakeWsServer::~FakeWsServer()
{
    for (const auto& connection : m_connections)
        connection->socket->disconnect(this);
}

bool FakeWsServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString FakeWsServer::wsUrl() const
{
    return QStringLiteral("ws://127.0.0.1:") + QString::number(m_server->serverPort()) + QStringLiteral("/ws");
}

void FakeWsServer::closeAll()
{
    std::vector<std::unique_ptr<FakeWsConnection>> dropped = std::move(m_connections);
    m_connections.clear();
    for (const auto& connection : dropped) {
        connection->socket->disconnect(this);
        connection->socket->abort();
        connection->socket.release()->deleteLater();
    }
}

int FakeWsServer::connectionCount() const
{
    return static_cast<int>(m_connections.size());
}

QList<QList<QJsonObject>> FakeWsServer::subscriptions() const
{
    QList<QList<QJsonObject>> out;
    for (const auto& connection : m_connections) {
        QList<QJsonObject> requests;
        for (const FakeWsSubscription& subscription : connection->subscriptions)
            requests.append(subscription.request);
        out.append(requests);
    }
    return out;
}

void FakeWsServer::onNewConnection()
{
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        if (socket->requestUrl().path() != QStringLiteral("/ws")) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("only /ws is served"));
            socket->deleteLater();
            continue;
        }
        ++m_accepted;
        auto connection = std::make_unique<FakeWsConnection>(std::unique_ptr<QWebSocket>(socket));
        FakeWsConnection* raw = connection.get();
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, raw](const QString& text) { onMessage(raw, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, raw] { remove(raw); });
        m_connections.push_back(std::move(connection));
    }
}

void FakeWsServer::remove(FakeWsConnection* connection)
{
    const auto it = std::find_if(m_connections.begin(), m_connections.end(),
                                 [&](const auto& owned) { return owned.get() == connection; });
    if (it == m_connections.end())
        return;
    (*it)->socket->disconnect(this);
    (*it)->socket.release()->deleteLater();
    m_connections.erase(it);
}

void FakeWsServer::onMessage(FakeWsConnection* connection, const QString& text)
{
    if (halfOpen())
        return;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    const QJsonObject request = document.object();
    const QString method = request.value(QStringLiteral("method")).toString();
    if (!document.isObject()) {
        send(connection, QStringLiteral("error"), QString(QStringLiteral("Invalid JSON: ") + text));
    } else if (method == QStringLiteral("ping")) {
        dispatch(connection, QStringLiteral("pong"), QByteArrayLiteral(R"({"channel":"pong"})"));
    } else if (method == QStringLiteral("subscribe") || method == QStringLiteral("unsubscribe")) {
        handleSubscription(connection, request, method == QStringLiteral("subscribe"));
    } else {
        send(connection, QStringLiteral("error"), QString(QStringLiteral("Unknown method: ") + text));
    }
}

void FakeWsServer::handleSubscription(FakeWsConnection* connection, const QJsonObject& request, bool subscribe)
{
    const QJsonObject subscription = request.value(QStringLiteral("subscription")).toObject();
    const QString type = subscription.value(QStringLiteral("type")).toString();
    const QString coin = subscription.value(QStringLiteral("coin")).toString();
    const QString interval = subscription.value(QStringLiteral("interval")).toString();
    const QString user = subscription.value(QStringLiteral("user")).toString().toLower();
    const QString echo = QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact));
    QString key;
    QString problem;
    if (type == QStringLiteral("allMids")) {
        key = QString();
    } else if (type == QStringLiteral("l2Book") || type == QStringLiteral("trades") ||
               type == QStringLiteral("candle")) {
        key = coin;
        if (!m_feed->hasCoin(coin))
            problem = QStringLiteral("Unknown coin");
        else if (type == QStringLiteral("candle") && interval != m_feed->interval(coin))
            problem = QStringLiteral("Unsupported candle interval (the fake replays ") + m_feed->interval(coin) +
                      QStringLiteral(")");
        if (type == QStringLiteral("candle"))
            key += QStringLiteral("/") + interval;
    } else if (kUserTypes.contains(type)) {
        key = user;
        if (!user.startsWith(QStringLiteral("0x")))
            problem = QStringLiteral("Missing or invalid user");
    } else {
        problem = QStringLiteral("Unknown subscription type");
    }
    auto& list = connection->subscriptions;
    const auto existing = std::find_if(list.begin(), list.end(), [&](const FakeWsSubscription& entry) {
        return entry.type == type && entry.key == key;
    });
    if (problem.isEmpty() && subscribe && existing != list.end())
        problem = QStringLiteral("Already subscribed");
    if (problem.isEmpty() && !subscribe && existing == list.end())
        problem = QStringLiteral("Already unsubscribed");
    if (!problem.isEmpty()) {
        send(connection, QStringLiteral("error"), QString(problem + QStringLiteral(": ") + echo));
        return;
    }
    const QJsonObject response{
        {QStringLiteral("method"), subscribe ? QStringLiteral("subscribe") : QStringLiteral("unsubscribe")},
        {QStringLiteral("subscription"), subscription}};
    if (!subscribe) {
        list.erase(existing);
        send(connection, QStringLiteral("subscriptionResponse"), response);
        return;
    }
    list.append(FakeWsSubscription{subscription, type, key, 0});
    send(connection, QStringLiteral("subscriptionResponse"), response);
    sendSnapshot(connection, type, subscription);
}

void FakeWsServer::sendSnapshot(FakeWsConnection* connection, const QString& type, const QJsonObject& subscription)
{
    const QString coin = subscription.value(QStringLiteral("coin")).toString();
    const QString user = subscription.value(QStringLiteral("user")).toString().toLower();
    FakeWsSubscription& added = connection->subscriptions.last();
    if (type == QStringLiteral("candle")) {
        send(connection, QStringLiteral("candle"), m_feed->candle(coin, false));
    } else if (type == QStringLiteral("allMids")) {
        send(connection, QStringLiteral("allMids"), m_feed->allMids());
    } else if (type == QStringLiteral("l2Book")) {
        send(connection, QStringLiteral("l2Book"), m_feed->l2Book(coin));
    } else if (type == QStringLiteral("userFills") || type == QStringLiteral("userEvents")) {
        const QJsonArray fills = m_feed->fills(user.toStdString());
        added.fillsSent = static_cast<std::size_t>(fills.size());
        if (type == QStringLiteral("userFills"))
            send(connection, QStringLiteral("userFills"),
                 QJsonObject{{QStringLiteral("user"), user},
                             {QStringLiteral("fills"), fills},
                             {QStringLiteral("isSnapshot"), true}});
    }
}

std::optional<QByteArray> FakeWsServer::candleSnapshot(const QJsonObject& req) const
{
    auto bars = m_feed->candleSnapshot(
        req.value(QStringLiteral("coin")).toString(), req.value(QStringLiteral("interval")).toString(),
        req.value(QStringLiteral("startTime")).toInteger(), req.value(QStringLiteral("endTime")).toInteger());
    if (!bars)
        return std::nullopt;
    return QJsonDocument(*bars).toJson(QJsonDocument::Compact);
}

} // namespace sixbtc::fakes::hyperliquid
