// SPDX-License-Identifier: MIT
// Loopback tests of InfoClient against the fake exchange: every info type, every injected fault, retries.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTimer>
#include <QtTest>

#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/http/ratelimiter.h"
#include "fakes/hyperliquid/cannedinfo.h"
#include "fakes/hyperliquid/fakehyperliquidserver.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::fakes::hyperliquid::cannedUser;
using sixbtc::fakes::hyperliquid::FakeFault;
using sixbtc::fakes::hyperliquid::FakeHyperliquidServer;

Q_DECLARE_METATYPE(FakeFault)
Q_DECLARE_METATYPE(ErrorKind)

namespace {

/// Weight budget of the tests: 1200 per minute on a clock that stands still, so every charge stays visible.
const sixbtc::config::RateLimitSettings kRateLimit{1200, 0.2};

/// Runs `start` with a callback and runs an event loop until the callback has fired (at most 10 s).
template <typename T, typename Start>
HlResult<T> await(Start start)
{
    std::optional<HlResult<T>> result;
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    start([&result, &loop](HlResult<T> answer) {
        result = std::move(answer);
        loop.quit();
    });
    loop.exec();
    if (!result)
        return hlFail(ErrorKind::Transport, "test: no callback within 10 s");
    return std::move(*result);
}

} // namespace

class TstInfoClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeHyperliquidServer> m_server;
    std::unique_ptr<RateLimiter> m_limiter;
    sixbtc::config::HyperliquidSettings m_settings{};

    std::unique_ptr<InfoClient> client()
    {
        m_settings.baseUrl = m_server->baseUrl().toStdString();
        auto created = InfoClient::create(m_settings, *m_limiter);
        if (!created)
            qFatal("cannot create the client: %s", created.error().message.c_str());
        return std::move(*created);
    }

    qsizetype requestCount() const { return m_server->requests().size(); }

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHyperliquidServer>();
        QVERIFY(m_server->listen());
        m_limiter = std::make_unique<RateLimiter>(kRateLimit, [] { return std::int64_t(0); });
        m_settings = {};
        m_settings.requestTimeoutMs = 200;
        m_settings.retry = {5, 40, 3};
        m_settings.rateLimit = kRateLimit;
    }

    void answersEveryInfoType()
    {
        auto info = client();
        const std::string user = cannedUser().toStdString();
        const auto meta = await<Meta>([&](auto done) { info->meta(done); });
        QVERIFY(meta.has_value());
        QCOMPARE(meta->universe.at(1).name, std::string("ETH"));
        QCOMPARE(m_limiter->available(), std::int64_t(1180)); // meta weighs 20
        const auto ctxs = await<MetaAndAssetContexts>([&](auto done) { info->metaAndAssetCtxs(done); });
        QVERIFY(ctxs.has_value());
        QCOMPARE(ctxs->contexts.at(0).oraclePx, 67005.0);
        const auto mids = await<AllMids>([&](auto done) { info->allMids(done); });
        QVERIFY(mids.has_value());
        QCOMPARE(mids->at("ETH"), 3512.25);
        QCOMPARE(m_limiter->available(), std::int64_t(1158)); // allMids weighs 2
        const auto state = await<ClearinghouseState>([&](auto done) { info->clearinghouseState(user, done); });
        QVERIFY(state.has_value());
        QCOMPARE(state->positions.size(), std::size_t(2));
        QCOMPARE(m_server->requests().last().value(QStringLiteral("user")).toString(), cannedUser());
        const auto orders = await<std::vector<OpenOrder>>([&](auto done) { info->openOrders(user, done); });
        QVERIFY(orders.has_value());
        QCOMPARE(orders->size(), std::size_t(2));
        const auto fills = await<std::vector<Fill>>([&](auto done) { info->userFills(user, done); });
        QVERIFY(fills.has_value());
        QCOMPARE(fills->at(0).px, 65000.0);
        const auto byTime = await<std::vector<Fill>>(
            [&](auto done) { info->userFillsByTime(user, 1700000000000, std::nullopt, done); });
        QVERIFY(byTime.has_value());
        QCOMPARE(byTime->size(), std::size_t(2));
        QCOMPARE(m_server->requests().last().value(QStringLiteral("startTime")).toInteger(), qint64(1700000000000));
        QVERIFY(!m_server->requests().last().contains(QStringLiteral("endTime")));
        const auto candles = await<std::vector<Candle>>(
            [&](auto done) { info->candleSnapshot("BTC", "15m", 1700000000000, 1700002000000, done); });
        QVERIFY(candles.has_value());
        QCOMPARE(candles->size(), std::size_t(2));
        const QJsonObject req = m_server->requests().last().value(QStringLiteral("req")).toObject();
        QCOMPARE(req.value(QStringLiteral("interval")).toString(), QStringLiteral("15m"));
        QCOMPARE(req.value(QStringLiteral("startTime")).toInteger(), qint64(1700000000000));
        const auto byOid = await<OrderStatus>([&](auto done) { info->orderStatus(user, 91490943, done); });
        QVERIFY(byOid.has_value() && byOid->found);
        QCOMPARE(byOid->order->limitPx, 3600.5);
        const auto byCloid = await<OrderStatus>(
            [&](auto done) { info->orderStatusByCloid(user, "0x00000000000000000000000000000001", done); });
        QVERIFY(byCloid.has_value() && byCloid->found);
        QCOMPARE(byCloid->order->oid, std::int64_t(91490942));
        const auto unknown = await<OrderStatus>([&](auto done) { info->orderStatus(user, 1, done); });
        QVERIFY(unknown.has_value() && !unknown->found);
        const auto subs = await<std::vector<SubAccount>>([&](auto done) { info->subAccounts(user, done); });
        QVERIFY(subs.has_value());
        QCOMPARE(subs->at(0).subAccountUser, std::string("0x1111111111111111111111111111111111111111"));
        m_server->setAnswer(QStringLiteral("subAccounts"), QByteArrayLiteral("null"));
        const auto none = await<std::vector<SubAccount>>([&](auto done) { info->subAccounts(user, done); });
        QVERIFY(none.has_value() && none->empty());
        QCOMPARE(requestCount(), qsizetype(13));
    }

    void retriesTransientFaults_data()
    {
        QTest::addColumn<FakeFault>("fault");
        QTest::newRow("429") << FakeFault::tooManyRequests(30);
        QTest::newRow("500") << FakeFault::serverError(500);
        QTest::newRow("503") << FakeFault::serverError(503);
        QTest::newRow("timeout") << FakeFault::delay(600);
    }
    void retriesTransientFaults()
    {
        QFETCH(FakeFault, fault);
        m_server->queueFault(fault);
        m_server->queueFault(fault);
        auto info = client();
        const auto meta = await<Meta>([&](auto done) { info->meta(done); });
        QVERIFY2(meta.has_value(), meta ? "" : meta.error().message().c_str());
        QCOMPARE(meta->universe.size(), std::size_t(3));
        QCOMPARE(requestCount(), qsizetype(3));
        QCOMPARE(m_limiter->available(), std::int64_t(1200 - 3 * 20)); // every attempt is charged
    }

    void honoursRetryAfterOverBackoff()
    {
        m_settings.retry = {3000, 3000, 3};
        m_server->queueFault(FakeFault::tooManyRequests(40));
        m_server->queueFault(FakeFault::tooManyRequests(40));
        auto info = client();
        QElapsedTimer clock;
        clock.start();
        const auto mids = await<AllMids>([&](auto done) { info->allMids(done); });
        QVERIFY(mids.has_value());
        QVERIFY2(clock.elapsed() >= 80, "two waits of 40 ms");
        QVERIFY2(clock.elapsed() < 2000, "the 3000 ms backoff was used instead of Retry-After");
        QCOMPARE(requestCount(), qsizetype(3));
    }

    void stopsAtMaxAttempts_data()
    {
        QTest::addColumn<FakeFault>("fault");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("429") << FakeFault::tooManyRequests(20) << ErrorKind::RateLimit;
        QTest::newRow("503") << FakeFault::serverError(503) << ErrorKind::Transport;
        QTest::newRow("timeout") << FakeFault::delay(600) << ErrorKind::Timeout;
    }
    void stopsAtMaxAttempts()
    {
        QFETCH(FakeFault, fault);
        QFETCH(ErrorKind, kind);
        for (int i = 0; i < 4; ++i)
            m_server->queueFault(fault);
        auto info = client();
        const auto meta = await<Meta>([&](auto done) { info->meta(done); });
        QVERIFY(!meta.has_value());
        QCOMPARE(meta.error().kind(), kind);
        const std::string& message = meta.error().message();
        QVERIFY2(message.find("POST /info (meta) failed after 3 attempts") != std::string::npos, message.c_str());
        QTest::qWait(100); // nothing is sent after the final failure
        QCOMPARE(requestCount(), qsizetype(3));
    }

    void malformedJsonIsFinal()
    {
        m_server->queueFault(FakeFault::malformedJson());
        auto info = client();
        const auto meta = await<Meta>([&](auto done) { info->meta(done); });
        QVERIFY(!meta.has_value());
        QCOMPARE(meta.error().kind(), ErrorKind::Decode);
        QVERIFY2(meta.error().message().find("malformed JSON") != std::string::npos, meta.error().message().c_str());
        QCOMPARE(requestCount(), qsizetype(1));
    }

    void wrongShapeNamesTheField()
    {
        m_server->queueFault(FakeFault::wrongShape(
            QByteArrayLiteral(R"({"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":"40"}]})")));
        auto info = client();
        const auto meta = await<Meta>([&](auto done) { info->meta(done); });
        QVERIFY(!meta.has_value());
        QCOMPARE(meta.error().kind(), ErrorKind::Decode);
        QVERIFY2(meta.error().message().find("universe[0].maxLeverage: expected an integer") != std::string::npos,
                 meta.error().message().c_str());
        QCOMPARE(requestCount(), qsizetype(1));
    }

    void clientErrorsAreNotRetried()
    {
        auto info = client();
        const auto answer = await<QJsonDocument>([&](auto done) {
            info->post(QJsonObject{{QStringLiteral("type"), QStringLiteral("openOrders")}}, done);
        });
        QVERIFY(!answer.has_value());
        QCOMPARE(answer.error().kind(), ErrorKind::Exchange);
        QVERIFY2(answer.error().message().find("HTTP 400") != std::string::npos, answer.error().message().c_str());
        QCOMPARE(requestCount(), qsizetype(1));
    }

    void exhaustedLocalBudgetSendsNothing()
    {
        m_limiter =
            std::make_unique<RateLimiter>(sixbtc::config::RateLimitSettings{25, 0.0}, [] { return std::int64_t(0); });
        m_settings.retry = {5, 40, 1};
        auto info = client();
        QVERIFY(await<Meta>([&](auto done) { info->meta(done); }).has_value());
        const auto second = await<Meta>([&](auto done) { info->meta(done); });
        QVERIFY(!second.has_value());
        QCOMPARE(second.error().kind(), ErrorKind::RateLimit);
        QCOMPARE(requestCount(), qsizetype(1));
    }

    void seededFaultRatesAreRetriedAndReproducible()
    {
        m_settings.retry = {1, 5, 8};
        std::vector<qsizetype> counts;
        for (int run = 0; run < 2; ++run) {
            init();
            m_settings.retry = {1, 5, 8};
            m_server->setFaultRates({0.3, 0.1, 5}, 20261125);
            auto info = client();
            for (int i = 0; i < 20; ++i) {
                const auto mids = await<AllMids>([&](auto done) { info->allMids(done); });
                QVERIFY2(mids.has_value(), mids ? "" : mids.error().message().c_str());
                QCOMPARE(mids->size(), std::size_t(3));
            }
            counts.push_back(requestCount());
        }
        QVERIFY2(counts[0] > 20, "the rates injected no fault");
        QCOMPARE(counts[1], counts[0]); // the same seed gives the same faults
    }

    void connectionRefusedIsARetriedTransportFailure()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        m_settings.baseUrl = "http://127.0.0.1:" + std::to_string(port);
        auto created = InfoClient::create(m_settings, *m_limiter);
        QVERIFY(created.has_value());
        const auto meta = await<Meta>([&](auto done) { (*created)->meta(done); });
        QVERIFY(!meta.has_value());
        QCOMPARE(meta.error().kind(), ErrorKind::Transport);
        const std::string& message = meta.error().message();
        QVERIFY2(message.find("failed after 3 attempts: transport failure") != std::string::npos, message.c_str());
        QCOMPARE(m_limiter->available(), std::int64_t(1200 - 3 * 20));
    }

    void refusesPlainHttpToRemoteHosts()
    {
        m_settings.baseUrl = "http://api.hyperliquid.xyz";
        const auto created = InfoClient::create(m_settings, *m_limiter);
        QVERIFY(!created.has_value());
        QCOMPARE(created.error().code, sixbtc::common::ErrorCode::Config);
        QVERIFY(created.error().message.find("hyperliquid.base_url") != std::string::npos);
        QCOMPARE(requestCount(), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(TstInfoClient)
#include "tst_infoclient.moc"
