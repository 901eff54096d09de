// SPDX-License-Identifier: MIT
// A loopback fake of Hyperliquid's POST /info with injected faults.
#include "fakes/hyperliquid/fakehyperliquidserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include "fakes/hyperliquid/cannedinfo.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

QByteArray errorBody(const QByteArray& message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("code"), 400},
                                     {QStringLiteral("msg"), QString::fromUtf8(message)},
                                     {QStringLiteral("data"), QJsonValue::Null}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

FakeHyperliquidServer::FakeHyperliquidServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHyperliquidServer::onNewConnection);
}

bool FakeHyperliquidServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeHyperliquidServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:") + QString::number(m_server.serverPort());
}

void FakeHyperliquidServer::setAnswer(const QString& type, const QByteArray& json)
{
    m_answers.insert(type, json);
}

void FakeHyperliquidServer::queueFault(const FakeFault& fault)
{
    m_faults.push_back(fault);
}

void FakeHyperliquidServer::setFaultRates(const FakeFaultRates& rates, quint64 seed)
{
    m_rates = rates;
    m_random.seed(seed);
}

void FakeHyperliquidServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHyperliquidServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    while (auto request = takeHttpRequest(buffer))
        answer(socket, *request);
}

std::optional<FakeFault> FakeHyperliquidServer::nextFault()
{
    if (!m_faults.empty()) {
        FakeFault fault = m_faults.front();
        m_faults.pop_front();
        return fault;
    }
    if (!m_rates)
        return std::nullopt;
    const double draw = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    if (draw < m_rates->tooManyRequests)
        return FakeFault::tooManyRequests(m_rates->retryAfterMs);
    if (draw < m_rates->tooManyRequests + m_rates->serverError)
        return FakeFault::serverError(503);
    return std::nullopt;
}

void FakeHyperliquidServer::answer(QTcpSocket* socket, const HttpRequest& request)
{
    if (request.method != "POST" || request.path != "/info") {
        send(socket, httpResponse(404, errorBody("only POST /info is served")));
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    m_requests.append(body);
    const std::optional<FakeFault> fault = nextFault();
    int status = 200;
    const QByteArray normal = normalAnswer(body, status);
    if (!fault) {
        send(socket, httpResponse(status, normal));
        return;
    }
    switch (fault->kind) {
    case FakeFault::Kind::Delay: {
        QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(fault->delayMs, this, [guarded, status, normal] {
            if (guarded)
                send(guarded, httpResponse(status, normal));
        });
        return;
    }
    case FakeFault::Kind::TooManyRequests:
        send(socket, httpResponse(429, errorBody("rate limited"),
                                  {"Retry-After: " + QByteArray::number(fault->retryAfterMs / 1000.0, 'f', 3)}));
        return;
    case FakeFault::Kind::ServerError:
        send(socket, httpResponse(fault->status, QByteArrayLiteral("internal error")));
        return;
    case FakeFault::Kind::MalformedJson: send(socket, httpResponse(200, normal.left(normal.size() / 2))); return;
    case FakeFault::Kind::WrongShape: send(socket, httpResponse(200, fault->body)); return;
    }
}

QByteArray FakeHyperliquidServer::normalAnswer(const QJsonObject& body, int& status) const
{
    const QString type = body.value(QStringLiteral("type")).toString();
    static const QStringList perUser{QStringLiteral("clearinghouseState"), QStringLiteral("openOrders"),
                                     QStringLiteral("userFills"),          QStringLiteral("userFillsByTime"),
                                     QStringLiteral("orderStatus"),        QStringLiteral("subAccounts")};
    const bool known = perUser.contains(type) || type == QStringLiteral("meta") ||
                       type == QStringLiteral("metaAndAssetCtxs") || type == QStringLiteral("allMids") ||
                       type == QStringLiteral("candleSnapshot");
    status = 400;
    if (!known)
        return errorBody("Failed to deserialize the JSON body: unknown type");
    if (perUser.contains(type) && !body.value(QStringLiteral("user")).isString())
        return errorBody("Failed to deserialize the JSON body: missing field user");
    if (type == QStringLiteral("candleSnapshot") && !body.value(QStringLiteral("req")).isObject())
        return errorBody("Failed to deserialize the JSON body: missing field req");
    status = 200;
    if (type == QStringLiteral("userFillsByTime") && !body.value(QStringLiteral("startTime")).isDouble()) {
        status = 400;
        return errorBody("Failed to deserialize the JSON body: missing field startTime");
    }
    const QString source = type == QStringLiteral("userFillsByTime") ? QStringLiteral("userFills") : type;
    const QByteArray canned = m_answers.value(source, cannedInfo(source));
    if (type != QStringLiteral("orderStatus"))
        return canned;
    const QJsonValue wanted = body.value(QStringLiteral("oid"));
    const QByteArray orders = m_answers.value(QStringLiteral("openOrders"), cannedInfo(QStringLiteral("openOrders")));
    for (const QJsonValue order : QJsonDocument::fromJson(orders).array()) {
        const QJsonObject o = order.toObject();
        const bool byOid = wanted.isDouble() && o.value(QStringLiteral("oid")).toInteger() == wanted.toInteger();
        const bool byCloid = wanted.isString() && o.value(QStringLiteral("cloid")) == wanted;
        if (byOid || byCloid) {
            const QJsonObject entry{{QStringLiteral("order"), o},
                                    {QStringLiteral("status"), QStringLiteral("open")},
                                    {QStringLiteral("statusTimestamp"), o.value(QStringLiteral("timestamp"))}};
            return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("order")},
                                             {QStringLiteral("order"), entry}})
                .toJson(QJsonDocument::Compact);
        }
    }
    return QByteArrayLiteral(R"({"status":"unknownOid"})");
}

void FakeHyperliquidServer::send(QTcpSocket* socket, const QByteArray& response)
{
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace sixbtc::fakes::hyperliquid
