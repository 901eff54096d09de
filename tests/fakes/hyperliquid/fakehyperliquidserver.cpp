// SPDX-License-Identifier: MIT
// A loopback fake of Hyperliquid's POST /info and POST /exchange with injected faults.
#include "fakes/hyperliquid/fakehyperliquidserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>

#include "common/require.h"
#include "fakes/hyperliquid/cannedinfo.h"
#include "fakes/hyperliquid/fakeactionapply.h"
#include "fakes/hyperliquid/orderedjson.h"

namespace sixbtc::fakes::hyperliquid {

namespace {

QByteArray errorBody(const QByteArray& message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("code"), 400},
                                     {QStringLiteral("msg"), QString::fromUtf8(message)},
                                     {QStringLiteral("data"), QJsonValue::Null}})
        .toJson(QJsonDocument::Compact);
}

/// "ok" with {"error":message} for every status the action's answer would carry; a reject when it has none.
FakeAnswer orderErrorAnswer(const QByteArray& body, const QByteArray& message)
{
    const auto root = OrderedJson::parse(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
    const OrderedJson* action = root ? root->find("action") : nullptr;
    const std::size_t count = action ? statusCount(*action) : 0;
    if (count == 0)
        return exchangeError(message.toStdString());
    QJsonArray statuses;
    for (std::size_t i = 0; i < count; ++i)
        statuses.append(QJsonObject{{QStringLiteral("error"), QString::fromUtf8(message)}});
    const auto type = action->find("type")->toString();
    return exchangeOk(type == "cancel" || type == "cancelByCloid" ? QStringLiteral("cancel") : QStringLiteral("order"),
                      QJsonObject{{QStringLiteral("statuses"), statuses}});
}

} // namespace

FakeHyperliquidServer::FakeHyperliquidServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHyperliquidServer::onNewConnection);
    connect(&m_advanceTimer, &QTimer::timeout, this, [this] { advance(1); });
}

FakeHyperliquidServer::~FakeHyperliquidServer()
{
    // Accepted sockets are children of m_server, which is destroyed after the members their handlers use (a held
    // accept-then-timeout socket emits disconnected while it is deleted): cut the handlers first.
    for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>())
        socket->disconnect(this);
}

bool FakeHyperliquidServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0) && (!m_ws || m_ws->listen());
}

QString FakeHyperliquidServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:") + QString::number(m_server.serverPort());
}

void FakeHyperliquidServer::configureExchange(FakeExchangeSetup setup)
{
    m_ws.reset();
    std::vector<FakeMarketSetup> markets = setup.markets;
    m_exchange = std::make_unique<FakeExchange>(std::move(setup));
    m_ws = std::make_unique<FakeWsServer>(*m_exchange, std::move(markets));
    if (m_server.isListening())
        SIXBTC_REQUIRE(m_ws->listen());
}

FakeExchange& FakeHyperliquidServer::exchange()
{
    SIXBTC_REQUIRE(m_exchange != nullptr);
    return *m_exchange;
}

FakeWsServer& FakeHyperliquidServer::ws()
{
    SIXBTC_REQUIRE(m_ws != nullptr);
    return *m_ws;
}

QString FakeHyperliquidServer::wsUrl() const
{
    SIXBTC_REQUIRE(m_ws != nullptr);
    return m_ws->wsUrl();
}

bool FakeHyperliquidServer::advance(int candles)
{
    return ws().advance(candles);
}

void FakeHyperliquidServer::setAdvanceInterval(int intervalMs)
{
    SIXBTC_REQUIRE(m_exchange != nullptr);
    m_advanceTimer.stop();
    if (intervalMs > 0)
        m_advanceTimer.start(intervalMs);
}

void FakeHyperliquidServer::setAnswer(const QString& type, const QByteArray& json)
{
    m_answers.insert(type, json);
}

void FakeHyperliquidServer::queueFault(const FakeFault& fault)
{
    m_faults.push_back(fault);
}

void FakeHyperliquidServer::queueFaults(const FakeFault& fault, int count)
{
    for (int i = 0; i < count; ++i)
        m_faults.push_back(fault);
}

void FakeHyperliquidServer::setFaultRates(const FakeFaultRates& rates, quint64 seed)
{
    m_rates = rates;
    m_random.seed(seed);
}

void FakeHyperliquidServer::clearFaults()
{
    m_faults.clear();
    m_rates.reset();
}

void FakeHyperliquidServer::setDateOffsetMs(std::int64_t offsetMs)
{
    m_dateOffsetMs = offsetMs;
}

int FakeHyperliquidServer::heldConnections() const
{
    return static_cast<int>(m_held.size());
}

void FakeHyperliquidServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_held.removeAll(socket);
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

std::optional<FakeFault> FakeHyperliquidServer::nextFault(FaultScope scope)
{
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (it->scope == FaultScope::Any || it->scope == scope) {
            FakeFault fault = *it;
            m_faults.erase(it);
            return fault;
        }
    }
    if (!m_rates)
        return std::nullopt;
    const double draw = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    double bound = m_rates->tooManyRequests;
    if (draw < bound)
        return FakeFault::tooManyRequests(m_rates->retryAfterMs);
    bound += m_rates->serverError;
    const bool exchange = scope == FaultScope::Exchange;
    if (draw < bound)
        return exchange && m_rates->serverErrorAfterProcessing ? FakeFault::serverErrorAfterProcessing(503)
                                                               : FakeFault::serverError(503);
    bound += m_rates->acceptThenTimeout;
    if (draw < bound)
        return exchange ? std::optional(FakeFault::acceptThenTimeout()) : std::nullopt;
    bound += m_rates->partialFill;
    if (draw < bound)
        return exchange ? std::optional(FakeFault::partialFill(m_rates->partialFillFraction)) : std::nullopt;
    return std::nullopt;
}

void FakeHyperliquidServer::answer(QTcpSocket* socket, const HttpRequest& request)
{
    const bool post = request.method == "POST";
    if (post && request.path == "/control") {
        answerControl(socket, request.body);
        return;
    }
    FaultScope scope = FaultScope::Info;
    if (post && request.path == "/info") {
        m_requests.append(QJsonDocument::fromJson(request.body).object());
    } else if (post && request.path == "/exchange" && m_exchange) {
        m_exchangeRequests.append(request.body);
        scope = FaultScope::Exchange;
    } else {
        send(socket, {404, errorBody("only POST /info, /exchange (when configured) and /control are served")});
        return;
    }
    answerFaulted(socket, request, nextFault(scope));
    if (m_ws)
        m_ws->publish();
}

void FakeHyperliquidServer::answerFaulted(QTcpSocket* socket, const HttpRequest& request,
                                          const std::optional<FakeFault>& fault)
{
    if (!fault) {
        send(socket, process(request, std::nullopt));
        return;
    }
    switch (fault->kind) {
    case FakeFault::Kind::Delay: {
        const FakeAnswer normal = process(request, std::nullopt);
        QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(fault->delayMs, this, [this, guarded, normal] {
            if (guarded)
                send(guarded, normal);
        });
        return;
    }
    case FakeFault::Kind::TooManyRequests:
        send(socket, {429, errorBody("rate limited")},
             {"Retry-After: " + QByteArray::number(fault->retryAfterMs / 1000.0, 'f', 3)});
        return;
    case FakeFault::Kind::ServerError:
        if (fault->processed)
            process(request, std::nullopt);
        send(socket, {fault->status, QByteArrayLiteral("internal error")});
        return;
    case FakeFault::Kind::MalformedJson: {
        const FakeAnswer normal = process(request, std::nullopt);
        send(socket, {normal.status, normal.body.left(normal.body.size() / 2)});
        return;
    }
    case FakeFault::Kind::WrongShape:
        process(request, std::nullopt);
        send(socket, {200, fault->body});
        return;
    case FakeFault::Kind::AcceptThenTimeout:
        process(request, std::nullopt);
        m_held.append(socket);
        return;
    case FakeFault::Kind::Reject: send(socket, exchangeError(fault->body.toStdString())); return;
    case FakeFault::Kind::OrderError: send(socket, orderErrorAnswer(request.body, fault->body)); return;
    case FakeFault::Kind::PartialFill: send(socket, process(request, fault->fraction)); return;
    }
}

FakeAnswer FakeHyperliquidServer::process(const HttpRequest& request, std::optional<double> partialFillFraction)
{
    if (request.path == "/exchange")
        return m_exchange->handleExchange(request.body, partialFillFraction);
    return infoAnswer(QJsonDocument::fromJson(request.body).object());
}

FakeAnswer FakeHyperliquidServer::infoAnswer(const QJsonObject& body)
{
    const QString type = body.value(QStringLiteral("type")).toString();
    static const QStringList perUser{QStringLiteral("clearinghouseState"), QStringLiteral("openOrders"),
                                     QStringLiteral("frontendOpenOrders"), QStringLiteral("userFills"),
                                     QStringLiteral("userFillsByTime"),    QStringLiteral("orderStatus"),
                                     QStringLiteral("subAccounts")};
    const bool known = perUser.contains(type) || type == QStringLiteral("meta") ||
                       type == QStringLiteral("metaAndAssetCtxs") || type == QStringLiteral("allMids") ||
                       type == QStringLiteral("candleSnapshot");
    if (!known)
        return {400, errorBody("Failed to deserialize the JSON body: unknown type")};
    if (perUser.contains(type) && !body.value(QStringLiteral("user")).isString())
        return {400, errorBody("Failed to deserialize the JSON body: missing field user")};
    if (type == QStringLiteral("candleSnapshot") && !body.value(QStringLiteral("req")).isObject())
        return {400, errorBody("Failed to deserialize the JSON body: missing field req")};
    if (type == QStringLiteral("userFillsByTime") && !body.value(QStringLiteral("startTime")).isDouble())
        return {400, errorBody("Failed to deserialize the JSON body: missing field startTime")};
    if (type == QStringLiteral("orderStatus") && !body.contains(QStringLiteral("oid")))
        return {400, errorBody("Failed to deserialize the JSON body: missing field oid")};
    if (m_ws && type == QStringLiteral("candleSnapshot") && !m_answers.contains(type)) {
        if (auto bars = m_ws->candleSnapshot(body.value(QStringLiteral("req")).toObject()))
            return {200, *bars};
    }
    if (m_exchange && !m_answers.contains(type)) {
        if (auto live = m_exchange->handleInfo(body))
            return {200, *live};
    }
    const QString source = type == QStringLiteral("userFillsByTime") ? QStringLiteral("userFills") : type;
    const QByteArray canned = m_answers.value(source, cannedInfo(source));
    if (type != QStringLiteral("orderStatus"))
        return {200, canned};
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
            return {200, QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("order")},
                                                   {QStringLiteral("order"), entry}})
                             .toJson(QJsonDocument::Compact)};
        }
    }
    return {200, QByteArrayLiteral(R"({"status":"unknownOid"})")};
}

QByteArray FakeHyperliquidServer::dateHeader() const
{
    const std::int64_t nowMs = m_exchange ? m_exchange->nowMs() : QDateTime::currentMSecsSinceEpoch();
    const QDateTime date = QDateTime::fromMSecsSinceEpoch(nowMs + m_dateOffsetMs, Qt::UTC);
    return "Date: " + QLocale::c().toString(date, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

void FakeHyperliquidServer::send(QTcpSocket* socket, const FakeAnswer& answer, const QList<QByteArray>& extraHeaders)
{
    QList<QByteArray> headers{dateHeader()};
    headers += extraHeaders;
    socket->write(httpResponse(answer.status, answer.body, headers));
    socket->disconnectFromHost();
}

} // namespace sixbtc::fakes::hyperliquid
