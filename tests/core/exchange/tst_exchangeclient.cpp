// SPDX-License-Identifier: MIT
// Loopback tests of ExchangeClient against the fake exchange: every request type and its typed answer.
#include <QtTest>

#include "exchange/hyperliquid/signing/wireformat.h"
#include "exchangeclientfixture.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::fakes::hyperliquid::FakeOrderState;
using sixbtc::tests::await;
using sixbtc::tests::ExchangeClientFixture;

namespace {

/// The nonce of an /exchange body as posted.
qint64 nonceOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("nonce")).toInteger();
}

QJsonObject envelopeOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

class TstExchangeClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ExchangeClientFixture> m_fx;

private slots:
    void init() { m_fx = std::make_unique<ExchangeClientFixture>(); }
    void cleanup() { m_fx.reset(); }

    void placesLimitOrdersOfEveryTif()
    {
        auto& client = m_fx->client();
        const auto resting = await<OrderOutcome>(
            [&](auto done) { client.placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 1), done); });
        QVERIFY2(resting.has_value(), resting ? "" : resting.error().message().c_str());
        QCOMPARE(resting->state, OrderState::Resting);
        QCOMPARE(*resting->cloid, ExchangeClientFixture::cloid(1).toHex());
        const auto book = m_fx->fake().openOrders(m_fx->master());
        QCOMPARE(book.size(), std::size_t(1));
        QCOMPARE(std::int64_t(book[0].oid), *resting->oid);
        // The envelope: nonce, expiresAfter = now + 300 ms, no vault (the agent trades the master itself).
        const QJsonObject envelope = envelopeOf(m_fx->server().exchangeRequests().last());
        const qint64 expiresAfter = envelope.value(QStringLiteral("expiresAfter")).toInteger();
        QVERIFY(expiresAfter - envelope.value(QStringLiteral("nonce")).toInteger() >= 290);
        QVERIFY(expiresAfter - envelope.value(QStringLiteral("nonce")).toInteger() <= 310);
        QVERIFY(envelope.value(QStringLiteral("vaultAddress")).isNull());

        const auto filled = await<OrderOutcome>(
            [&](auto done) { client.placeOrder(m_fx->limitOrder(1, true, 1.05, 30, Tif::Ioc, 2), done); });
        QVERIFY2(filled.has_value(), filled ? "" : filled.error().message().c_str());
        QCOMPARE(filled->state, OrderState::Filled);
        const auto fills = m_fx->fake().fills(m_fx->master());
        QCOMPARE(fills.size(), std::size_t(1));
        QCOMPARE(filled->avgPx.value(), fills[0].px);
        QCOMPARE(filled->filledSz, fills[0].size);
        QCOMPARE(m_fx->fake().position(m_fx->master(), 1).szi, filled->filledSz);

        const auto refused = await<OrderOutcome>(
            [&](auto done) { client.placeOrder(m_fx->limitOrder(0, true, 1.05, 20, Tif::Alo, 3), done); });
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind(), ErrorKind::Exchange);
        const std::string& message = refused.error().message();
        QVERIFY2(message.rfind("order 0 (cloid " + ExchangeClientFixture::cloid(3).toHex() + "): Post only order", 0) ==
                     0,
                 message.c_str());
    }

    void batchesReportEachOrder()
    {
        std::vector<OrderRequest> orders;
        orders.push_back(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 10));
        orders.push_back(m_fx->limitOrder(0, true, 0.8, 2, Tif::Gtc, 11)); // under the 10 USDC minimum
        orders.push_back(m_fx->limitOrder(1, false, 1.2, 20, Tif::Gtc, 0));
        const auto results = await<OrderResults>([&](auto done) { m_fx->client().order(orders, Grouping::Na, done); });
        QVERIFY(results.has_value());
        QCOMPARE(results->size(), std::size_t(3));
        QCOMPARE(results->at(0)->state, OrderState::Resting);
        QVERIFY(!results->at(1).has_value());
        QCOMPARE(results->at(1).error().kind(), ErrorKind::Exchange);
        QVERIFY2(results->at(1).error().message().rfind("order 1 (cloid ", 0) == 0,
                 results->at(1).error().message().c_str());
        QCOMPARE(results->at(2)->state, OrderState::Resting);
        QVERIFY(!results->at(2)->cloid.has_value());
        QCOMPARE(m_fx->fake().openOrders(m_fx->master()).size(), std::size_t(2));
        QCOMPARE(m_fx->addressLimiter().used(m_fx->master()), std::int64_t(3)); // a batch of 3 counts 3
    }

    void cancelsUseTheReservedWeight()
    {
        // 60 weight per minute, half kept for protective requests; one attempt per request.
        m_fx = std::make_unique<ExchangeClientFixture>([](sixbtc::config::HyperliquidSettings& settings) {
            settings.rateLimit = {60, 0.5};
            settings.retry.maxAttempts = 1;
        });
        auto& client = m_fx->client();
        std::optional<HyperliquidError> refused;
        for (unsigned i = 0; i < 40 && !refused; ++i) {
            const auto done = await<void>([&](auto cb) { client.updateLeverage(0, true, 1 + i % 10, cb); });
            if (!done)
                refused = done.error();
        }
        QVERIFY(refused.has_value());
        QCOMPARE(refused->kind(), ErrorKind::RateLimit);
        const qsizetype sent = m_fx->server().exchangeRequests().size();
        QVERIFY2(sent >= 30 && sent <= 31, "normal requests stop at the reserved half");
        // A cancel and a reduce-only order still go out.
        const auto cancel = await<void>([&](auto cb) { client.cancelOrder({0, 123456}, cb); });
        QCOMPARE(cancel.error().kind(), ErrorKind::Exchange); // sent, and refused by the exchange: no such order
        OrderRequest close = m_fx->limitOrder(0, false, 1.2, 20, Tif::Gtc, 70);
        close.reduceOnly = true;
        const auto reduceOnly = await<OrderOutcome>([&](auto cb) { client.placeOrder(close, cb); });
        QCOMPARE(reduceOnly.error().kind(), ErrorKind::Exchange); // no position to reduce
        QCOMPARE(m_fx->server().exchangeRequests().size(), sent + 2);
        const OrderRequest open = m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 71);
        QCOMPARE(await<OrderOutcome>([&](auto cb) { client.placeOrder(open, cb); }).error().kind(),
                 ErrorKind::RateLimit);
    }

    void placesTriggerOrdersInGroups()
    {
        // Entry filled at once, with a take profit and a stop loss as its children.
        OrderRequest entry = m_fx->limitOrder(0, true, 1.05, 20, Tif::Ioc, 20);
        const double price = m_fx->fake().marketPrice(0);
        OrderRequest takeProfit = entry;
        takeProfit.isBuy = false;
        takeProfit.reduceOnly = true;
        takeProfit.price = *roundPriceToTick(*decimalFromDouble(price * 1.2), 5, MarketKind::Perp, false);
        takeProfit.type = TriggerOrderType{false, takeProfit.price, TpSl::TakeProfit};
        takeProfit.cloid = ExchangeClientFixture::cloid(21);
        OrderRequest stopLoss = takeProfit;
        stopLoss.price = *roundPriceToTick(*decimalFromDouble(price * 0.8), 5, MarketKind::Perp, false);
        stopLoss.type = TriggerOrderType{true, stopLoss.price, TpSl::StopLoss};
        stopLoss.cloid = ExchangeClientFixture::cloid(22);
        const auto results = await<OrderResults>([&](auto done) {
            m_fx->client().order({entry, takeProfit, stopLoss}, Grouping::NormalTpsl, done);
        });
        QVERIFY(results.has_value());
        QCOMPARE(results->at(0)->state, OrderState::Filled);
        for (std::size_t i = 1; i < 3; ++i) {
            QVERIFY2(results->at(i).has_value(), results->at(i).error().message().c_str());
            QVERIFY(results->at(i)->state == OrderState::Resting ||
                    results->at(i)->state == OrderState::WaitingForTrigger);
        }
        const auto triggers = m_fx->fake().openOrders(m_fx->master());
        QCOMPARE(triggers.size(), std::size_t(2));
        QVERIFY(triggers[0].triggerPx.has_value() && triggers[0].reduceOnly);
        const QJsonObject action =
            envelopeOf(m_fx->server().exchangeRequests().last()).value(QStringLiteral("action")).toObject();
        QCOMPARE(action.value(QStringLiteral("grouping")).toString(), QStringLiteral("normalTpsl"));
    }

    void cancelsByOidAndByCloid()
    {
        auto& client = m_fx->client();
        const auto first = await<OrderOutcome>(
            [&](auto done) { client.placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 30), done); });
        const auto second = await<OrderOutcome>(
            [&](auto done) { client.placeOrder(m_fx->limitOrder(0, true, 0.7, 20, Tif::Gtc, 31), done); });
        QVERIFY(first.has_value() && second.has_value());
        const auto byOid = await<CancelResults>([&](auto done) {
            client.cancel({{0, std::uint64_t(*first->oid)}, {0, 999999}}, done);
        });
        QVERIFY(byOid.has_value());
        QVERIFY(byOid->at(0).has_value());
        QCOMPARE(byOid->at(1).error().kind(), ErrorKind::Exchange);
        QVERIFY2(byOid->at(1).error().message().rfind("cancel 1 (oid 999999): Order was never placed", 0) == 0,
                 byOid->at(1).error().message().c_str());
        const auto byCloid = await<void>([&](auto done) {
            client.cancelOrderByCloid({0, ExchangeClientFixture::cloid(31)}, done);
        });
        QVERIFY2(byCloid.has_value(), byCloid ? "" : byCloid.error().message().c_str());
        QVERIFY(m_fx->fake().openOrders(m_fx->master()).empty());
        const auto again = await<void>([&](auto done) { client.cancelOrder({0, std::uint64_t(*first->oid)}, done); });
        QCOMPARE(again.error().kind(), ErrorKind::Exchange);
    }

    void modifiesAnOrder()
    {
        auto& client = m_fx->client();
        const auto placed = await<OrderOutcome>(
            [&](auto done) { client.placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 40), done); });
        QVERIFY(placed.has_value());
        OrderRequest replacement = m_fx->limitOrder(0, true, 0.75, 20, Tif::Gtc, 40);
        const auto modified = await<void>([&](auto done) {
            client.modify({ExchangeClientFixture::cloid(40), replacement}, done);
        });
        QVERIFY2(modified.has_value(), modified ? "" : modified.error().message().c_str());
        const auto book = m_fx->fake().openOrders(m_fx->master());
        QCOMPARE(book.size(), std::size_t(1));
        QCOMPARE(book[0].limitPx, replacement.price);
        const auto missing = await<void>([&](auto done) { client.modify({std::uint64_t(424242), replacement}, done); });
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().kind(), ErrorKind::Exchange);
    }

    void leverageAndDeadMansSwitch()
    {
        auto& client = m_fx->client();
        const auto leverage = await<void>([&](auto done) { client.updateLeverage(1, true, 7, done); });
        QVERIFY2(leverage.has_value(), leverage ? "" : leverage.error().message().c_str());
        QCOMPARE(m_fx->fake().leverage(m_fx->master(), 1), 7);
        const std::uint64_t at = std::uint64_t(sixbtc::tests::wallClockMs() + 60'000);
        const auto armed = await<void>([&](auto done) { client.scheduleCancel(at, done); });
        QVERIFY2(armed.has_value(), armed ? "" : armed.error().message().c_str());
        QCOMPARE(m_fx->fake().scheduledCancel(m_fx->master()).value(), std::int64_t(at));
        const auto disarmed = await<void>([&](auto done) { client.scheduleCancel(std::nullopt, done); });
        QVERIFY(disarmed.has_value());
        QVERIFY(!m_fx->fake().scheduledCancel(m_fx->master()).has_value());
        const auto tooSoon = await<void>(
            [&](auto done) { client.scheduleCancel(std::uint64_t(sixbtc::tests::wallClockMs() + 1000), done); });
        QCOMPARE(tooSoon.error().kind(), ErrorKind::Exchange);
    }

    void subAccountsAndAgentsNeedTheMaster()
    {
        auto masterSigner = ExchangeClientFixture::signer(ExchangeClientFixture::kMasterKey);
        auto master = m_fx->clientFor(*masterSigner, m_fx->master());
        const auto created = await<std::string>([&](auto done) { master->createSubAccount("soak", done); });
        QVERIFY2(created.has_value(), created ? "" : created.error().message().c_str());
        QVERIFY(Address::fromHex(*created).has_value());
        const auto deposit = await<void>(
            [&](auto done) { master->subAccountTransfer(*Address::fromHex(*created), true, 1'500'000'000, done); });
        QVERIFY2(deposit.has_value(), deposit ? "" : deposit.error().message().c_str());
        QCOMPARE(m_fx->fake().balance(*created), 1500.0);
        QCOMPARE(m_fx->fake().balance(m_fx->master()), 100'000.0 - 1500.0);

        // The agent trades the sub-account through vaultAddress; orderStatus goes to the sub-account.
        auto agentSigner = ExchangeClientFixture::signer(ExchangeClientFixture::kAgentKey);
        auto forSub = m_fx->clientFor(*agentSigner, m_fx->master(), *created);
        QCOMPARE(forSub->tradingAddress(), *created);
        const auto placed = await<OrderOutcome>(
            [&](auto done) { forSub->placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 50), done); });
        QVERIFY2(placed.has_value(), placed ? "" : placed.error().message().c_str());
        QCOMPARE(m_fx->fake().openOrders(*created).size(), std::size_t(1));
        QCOMPARE(envelopeOf(m_fx->server().exchangeRequests().last()).value(QStringLiteral("vaultAddress")).toString(),
                 QString::fromStdString(*created));

        // approveAgent is user-signed by the master; an agent may not sign it.
        auto newAgent =
            ExchangeClientFixture::signer("0x1111111111111111111111111111111111111111111111111111111111111111");
        const auto approved =
            await<void>([&](auto done) { master->approveAgent(newAgent->address(), std::string("bot"), done); });
        QVERIFY2(approved.has_value(), approved ? "" : approved.error().message().c_str());
        auto byNewAgent = m_fx->clientFor(*newAgent, m_fx->master());
        QVERIFY(await<void>([&](auto done) { byNewAgent->updateLeverage(0, true, 3, done); }).has_value());
        const auto byAgent =
            await<void>([&](auto done) { m_fx->client().approveAgent(newAgent->address(), std::nullopt, done); });
        QVERIFY(!byAgent.has_value());
    }

    void unknownSignerIsAnAuthError()
    {
        auto stranger =
            ExchangeClientFixture::signer("0x2222222222222222222222222222222222222222222222222222222222222222");
        auto client = m_fx->clientFor(*stranger, m_fx->master());
        const auto refused = await<OrderOutcome>(
            [&](auto done) { client->placeOrder(m_fx->limitOrder(0, true, 0.8, 20, Tif::Gtc, 60), done); });
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind(), ErrorKind::Auth);
        QVERIFY2(refused.error().message().find("does not exist") != std::string::npos,
                 refused.error().message().c_str());
        QCOMPARE(m_fx->server().exchangeRequests().size(), qsizetype(1)); // refusals are final
    }

    void noncesIncreaseAcrossRequests()
    {
        auto& client = m_fx->client();
        for (unsigned i = 0; i < 3; ++i)
            QVERIFY(await<void>([&](auto done) { client.updateLeverage(0, true, 2 + i, done); }).has_value());
        const auto& bodies = m_fx->server().exchangeRequests();
        QCOMPARE(bodies.size(), qsizetype(3));
        QVERIFY(nonceOf(bodies[0]) < nonceOf(bodies[1]) && nonceOf(bodies[1]) < nonceOf(bodies[2]));
        QVERIFY(client.lastClockSkewMs().has_value());
        QVERIFY(std::abs(*client.lastClockSkewMs()) <= 1100);
    }
};

QTEST_GUILESS_MAIN(TstExchangeClient)
#include "tst_exchangeclient.moc"
