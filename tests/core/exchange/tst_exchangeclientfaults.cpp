// SPDX-License-Identifier: MIT
// Loopback tests of ExchangeClient under the fake exchange's injected faults: each gives the documented behaviour.
#include <QtTest>

#include "exchangeclientfixture.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::fakes::hyperliquid::FakeFault;
using sixbtc::fakes::hyperliquid::FaultScope;
using sixbtc::tests::await;
using sixbtc::tests::ExchangeClientFixture;

Q_DECLARE_METATYPE(FakeFault)
Q_DECLARE_METATYPE(ErrorKind)

namespace {

qint64 nonceOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("nonce")).toInteger();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TstExchangeClientFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ExchangeClientFixture> m_fx;

    qsizetype exchangeRequests() const { return m_fx->server().exchangeRequests().size(); }
    int placed(unsigned cloid) const
    {
        return m_fx->fake().ordersPlacedWithCloid(m_fx->master(), ExchangeClientFixture::cloid(cloid).toHex());
    }
    /// The orderStatus queries the client made, by the user they named.
    int orderStatusQueriesFor(const std::string& user) const
    {
        int count = 0;
        for (const QJsonObject& body : m_fx->server().requests())
            if (body.value(QStringLiteral("type")) == QStringLiteral("orderStatus") &&
                body.value(QStringLiteral("user")).toString() == QString::fromStdString(user))
                ++count;
        return count;
    }

private slots:
    void init() { m_fx = std::make_unique<ExchangeClientFixture>(); }
    void cleanup() { m_fx.reset(); }

    void tooManyRequestsIsResentWithANewNonce()
    {
        m_fx->server().queueFaults(FakeFault::tooManyRequests(30).inScope(FaultScope::Exchange), 2);
        const auto placedOrder = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 1), done); });
        QVERIFY2(placedOrder.has_value(), placedOrder ? "" : placedOrder.error().message().c_str());
        QCOMPARE(placedOrder->state, OrderState::Resting);
        QVERIFY(!placedOrder->reconciled);
        const auto& bodies = m_fx->server().exchangeRequests();
        QCOMPARE(bodies.size(), qsizetype(3));
        QVERIFY(nonceOf(bodies[0]) < nonceOf(bodies[1]) && nonceOf(bodies[1]) < nonceOf(bodies[2]));
        QCOMPARE(placed(1), 1);
        QCOMPARE(orderStatusQueriesFor(m_fx->master()), 0); // a 429 was not processed: nothing to look up
    }

    void tooManyRequestsStopsAtMaxAttempts()
    {
        m_fx->server().queueFaults(FakeFault::tooManyRequests(10).inScope(FaultScope::Exchange), 6);
        const auto refused = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 2), done); });
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind(), ErrorKind::RateLimit);
        QVERIFY2(contains(refused.error().message(), "failed after 5 attempts"), refused.error().message().c_str());
        QCOMPARE(exchangeRequests(), qsizetype(5));
        QCOMPARE(placed(2), 0);
    }

    void unknownOutcomeIsReconciled_data()
    {
        QTest::addColumn<FakeFault>("fault");
        QTest::addColumn<bool>("processed");
        QTest::newRow("5xx before processing") << FakeFault::serverError(503).inScope(FaultScope::Exchange) << false;
        QTest::newRow("5xx after processing") << FakeFault::serverErrorAfterProcessing(502) << true;
        QTest::newRow("accept then timeout") << FakeFault::acceptThenTimeout() << true;
    }
    void unknownOutcomeIsReconciled()
    {
        QFETCH(FakeFault, fault);
        QFETCH(bool, processed);
        m_fx->server().queueFault(fault);
        const auto order = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 3), done); });
        QVERIFY2(order.has_value(), order ? "" : order.error().message().c_str());
        QCOMPARE(order->state, OrderState::Resting);
        QCOMPARE(order->reconciled, processed);
        QCOMPARE(order->exchangeStatus, std::string(processed ? "open" : ""));
        QCOMPARE(*order->cloid, ExchangeClientFixture::cloid(3).toHex());
        QCOMPARE(exchangeRequests(), qsizetype(processed ? 1 : 2)); // resent only when absent
        QCOMPARE(placed(3), 1);                                     // never twice
        QCOMPARE(orderStatusQueriesFor(m_fx->master()), 1);         // the account, never the agent
        QCOMPARE(orderStatusQueriesFor(m_fx->agent()), 0);
    }

    void ordersWithoutCloidAreNotResent_data()
    {
        QTest::addColumn<FakeFault>("fault");
        QTest::newRow("5xx") << FakeFault::serverError(503).inScope(FaultScope::Exchange);
        QTest::newRow("accept then timeout") << FakeFault::acceptThenTimeout();
    }
    void ordersWithoutCloidAreNotResent()
    {
        QFETCH(FakeFault, fault);
        m_fx->server().queueFault(fault);
        const auto order = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 0), done); });
        QVERIFY(!order.has_value());
        QCOMPARE(order.error().kind(), ErrorKind::Timeout);
        QVERIFY2(contains(order.error().message(), "without a cloid"), order.error().message().c_str());
        QCOMPARE(exchangeRequests(), qsizetype(1));
        QVERIFY(m_fx->server().requests().isEmpty());
    }

    void batchResendsOnlyTheAbsentOrders()
    {
        // Processed, then a 5xx; the second order was refused by the exchange and so is absent: only it is resent.
        m_fx->server().queueFault(FakeFault::serverErrorAfterProcessing(503));
        std::vector<OrderRequest> orders{m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 4),
                                         m_fx->limitOrder(1, true, 0.8, 20, Tif::Gtc, 5)};
        orders[1].size = "0.0001"; // under the minimum notional: refused, never placed
        const auto results = await<OrderResults>([&](auto done) { m_fx->client().order(orders, Grouping::Na, done); });
        QVERIFY(results.has_value());
        QVERIFY(results->at(0).has_value() && results->at(0)->reconciled);
        QVERIFY(!results->at(1).has_value());
        QCOMPARE(results->at(1).error().kind(), ErrorKind::Exchange); // the resend's own answer
        QCOMPARE(exchangeRequests(), qsizetype(2));
        const QJsonObject resent = QJsonDocument::fromJson(m_fx->server().exchangeRequests().last()).object();
        QCOMPARE(resent.value(QStringLiteral("action")).toObject().value(QStringLiteral("orders")).toArray().size(),
                 qsizetype(1));
        QCOMPARE(placed(4), 1);
    }

    void cancelsAfterAnUnknownOutcome_data()
    {
        QTest::addColumn<FakeFault>("fault");
        QTest::addColumn<int>("cancelRequests");
        QTest::newRow("5xx before processing: resent")
            << FakeFault::serverError(503).inScope(FaultScope::Exchange) << 2;
        QTest::newRow("5xx after processing: found canceled") << FakeFault::serverErrorAfterProcessing(503) << 1;
        QTest::newRow("accept then timeout: found canceled") << FakeFault::acceptThenTimeout() << 1;
    }
    void cancelsAfterAnUnknownOutcome()
    {
        QFETCH(FakeFault, fault);
        QFETCH(int, cancelRequests);
        const auto order = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 6), done); });
        QVERIFY(order.has_value());
        m_fx->server().queueFault(fault);
        const auto cancelled = await<void>([&](auto done) {
            m_fx->client().cancelOrder({0, std::uint64_t(*order->oid)}, done);
        });
        QVERIFY2(cancelled.has_value(), cancelled ? "" : cancelled.error().message().c_str());
        QCOMPARE(exchangeRequests(), qsizetype(1 + cancelRequests));
        QVERIFY(m_fx->fake().openOrders(m_fx->master()).empty());
    }

    void idempotentActionsAreResentOthersNot()
    {
        m_fx->server().queueFault(FakeFault::serverError(503).inScope(FaultScope::Exchange));
        QVERIFY(await<void>([&](auto done) { m_fx->client().updateLeverage(0, true, 9, done); }).has_value());
        QCOMPARE(m_fx->fake().leverage(m_fx->master(), 0), 9);
        QCOMPARE(exchangeRequests(), qsizetype(2));
        auto masterSigner = ExchangeClientFixture::signer(ExchangeClientFixture::kMasterKey);
        auto master = m_fx->clientFor(*masterSigner, m_fx->master());
        m_fx->server().queueFault(FakeFault::serverErrorAfterProcessing(503));
        const auto created = await<std::string>([&](auto done) { master->createSubAccount("once", done); });
        QVERIFY(!created.has_value());
        QCOMPARE(created.error().kind(), ErrorKind::Timeout);
        QVERIFY2(contains(created.error().message(), "not idempotent"), created.error().message().c_str());
        QCOMPARE(exchangeRequests(), qsizetype(3));
    }

    void okWithAnOrderErrorIsAnExchangeError()
    {
        m_fx->server().queueFault(FakeFault::orderError("Insufficient margin to place order."));
        const auto order = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 7), done); });
        QVERIFY(!order.has_value());
        QCOMPARE(order.error().kind(), ErrorKind::Exchange);
        QCOMPARE(order.error().message(), "order 0 (cloid " + ExchangeClientFixture::cloid(7).toHex() +
                                              "): Insufficient margin to place order.");
        QCOMPARE(exchangeRequests(), qsizetype(1));
        QCOMPARE(placed(7), 0);
    }

    void rejectionsAreFinal_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("nonce") << QByteArray("Invalid nonce: duplicate nonce") << ErrorKind::Nonce;
        QTest::newRow("signer") << QByteArray("User or API Wallet 0x0000000000000000000000000000000000000001 does "
                                              "not exist.")
                                << ErrorKind::Auth;
        QTest::newRow("other") << QByteArray("Action expired") << ErrorKind::Exchange;
    }
    void rejectionsAreFinal()
    {
        QFETCH(QByteArray, message);
        QFETCH(ErrorKind, kind);
        m_fx->server().queueFault(FakeFault::reject(message));
        const auto order = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 8), done); });
        QVERIFY(!order.has_value());
        QCOMPARE(order.error().kind(), kind);
        QVERIFY2(contains(order.error().message(), message.toStdString()), order.error().message().c_str());
        QCOMPARE(exchangeRequests(), qsizetype(1));
        QCOMPARE(placed(8), 0);
    }

    void partialFillsAreReported_data()
    {
        QTest::addColumn<int>("tif");
        QTest::newRow("Ioc: the rest is cancelled") << int(Tif::Ioc);
        QTest::newRow("Gtc: the rest rests") << int(Tif::Gtc);
    }
    void partialFillsAreReported()
    {
        QFETCH(int, tif);
        m_fx->server().queueFault(FakeFault::partialFill(0.5));
        const OrderRequest request = m_fx->limitOrder(1, true, 1.05, 40, Tif(tif), 9);
        const auto order = await<OrderOutcome>([&](auto done) { m_fx->client().placeOrder(request, done); });
        QVERIFY2(order.has_value(), order ? "" : order.error().message().c_str());
        QCOMPARE(order->state, OrderState::Filled);
        const double requested = std::stod(request.size);
        const double half = std::floor(requested * 0.5 * 1e4) / 1e4; // ETH has 4 size decimals
        QCOMPARE(order->filledSz, half);
        QCOMPARE(m_fx->fake().position(m_fx->master(), 1).szi, half);
        QCOMPARE(m_fx->fake().openOrders(m_fx->master()).size(), std::size_t(Tif(tif) == Tif::Gtc ? 1 : 0));
    }

    void malformedAnswersAreDecodeErrors()
    {
        m_fx->server().queueFault(FakeFault::wrongShape(QByteArrayLiteral("{\"status\":\"ok\",\"response\":7}"))
                                      .inScope(FaultScope::Exchange));
        const auto order = await<OrderOutcome>(
            [&](auto done) { m_fx->client().placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 10), done); });
        QVERIFY(!order.has_value());
        QCOMPARE(order.error().kind(), ErrorKind::Decode);
        QVERIFY2(contains(order.error().message(), "response: expected an object"), order.error().message().c_str());
    }

    void clockSkewBlocksWritesUntilItIsBack_data()
    {
        QTest::addColumn<qint64>("offsetMs");
        QTest::newRow("server ahead") << qint64(10'000);
        QTest::newRow("server behind") << qint64(-10'000);
    }
    void clockSkewBlocksWritesUntilItIsBack()
    {
        QFETCH(qint64, offsetMs);
        auto& client = m_fx->client();
        m_fx->server().setDateOffsetMs(offsetMs);
        const auto first = await<void>([&](auto done) { client.updateLeverage(0, true, 4, done); });
        QVERIFY(!first.has_value());
        QCOMPARE(first.error().kind(), ErrorKind::Nonce);
        QVERIFY2(contains(first.error().message(), "clock skew of"), first.error().message().c_str());
        QVERIFY(std::abs(*client.lastClockSkewMs() - offsetMs) <= 1100);
        QCOMPARE(exchangeRequests(), qsizetype(1));
        // Still skewed: the probe finds it so and the write is not sent.
        const auto second = await<void>([&](auto done) { client.updateLeverage(0, true, 5, done); });
        QCOMPARE(second.error().kind(), ErrorKind::Nonce);
        QVERIFY2(contains(second.error().message(), "not sent"), second.error().message().c_str());
        QCOMPARE(exchangeRequests(), qsizetype(1));
        QCOMPARE(m_fx->server().requests().last().value(QStringLiteral("type")).toString(), QStringLiteral("allMids"));
        // Back in bounds: the next write probes, then goes through.
        m_fx->server().setDateOffsetMs(0);
        QVERIFY(await<void>([&](auto done) { client.updateLeverage(0, true, 6, done); }).has_value());
        QCOMPARE(m_fx->fake().leverage(m_fx->master(), 0), 6);
        QVERIFY(std::abs(*client.lastClockSkewMs()) <= 1100);
    }
};

QTEST_GUILESS_MAIN(TstExchangeClientFaults)
#include "tst_exchangeclientfaults.moc"
