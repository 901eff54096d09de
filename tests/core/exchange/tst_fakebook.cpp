// SPDX-License-Identifier: MIT
// Loopback tests of the fake exchange's book: candle replay fills, triggers, groupings, cancels, modifies,
// the dead man's switch, leverage and sub-accounts, checked through /info and the C++ inspection API.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "data/candlereader.h"
#include "exchange/hyperliquid/signing/actions.h"
#include "exchange/hyperliquid/signing/signedaction.h"
#include "fakes/hyperliquid/fakeharness.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::fakes::hyperliquid::FakeHarness;
using sixbtc::fakes::hyperliquid::FakeOrderState;
using sixbtc::fakes::hyperliquid::RawReply;

namespace {

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

OrderRequest limit(bool isBuy, const char* px, const char* sz, Tif tif, std::optional<Cloid> cloid = std::nullopt)
{
    return OrderRequest{0, isBuy, px, sz, false, LimitOrderType{tif}, cloid};
}

OrderRequest trigger(bool isBuy, const char* px, const char* sz, const char* triggerPx, TpSl tpsl)
{
    return OrderRequest{0, isBuy, px, sz, true, TriggerOrderType{true, triggerPx, tpsl}, std::nullopt};
}

WireValue order(const OrderRequest& request, Grouping grouping = Grouping::Na)
{
    return orderAction(std::span(&request, 1), grouping);
}

Cloid cloid(int n)
{
    Cloid::Bytes bytes{};
    bytes[15] = static_cast<std::uint8_t>(n);
    return Cloid::fromBytes(bytes);
}

QJsonValue statuses(const RawReply& reply)
{
    return reply.json()[QStringLiteral("response")][QStringLiteral("data")][QStringLiteral("statuses")];
}

} // namespace

class TstFakeBook : public QObject
{
    Q_OBJECT

private:
    std::optional<sixbtc::common::CandleSeries> m_btc;
    std::unique_ptr<FakeHarness> m_fake;

    QString master() const { return QString::fromStdString(m_fake->master()); }
    QJsonValue orderStatus(const QJsonValue& oid)
    {
        return m_fake
            ->info({{QStringLiteral("type"), QStringLiteral("orderStatus")},
                    {QStringLiteral("user"), master()},
                    {QStringLiteral("oid"), oid}})
            .json();
    }
    /// The first bar after bar 0 whose [low, high] contains `px`, read from the replayed series itself.
    std::size_t firstBarReaching(double px) const
    {
        for (std::size_t i = 1; i < m_btc->size(); ++i) {
            if (m_btc->low()[i] <= px && px <= m_btc->high()[i])
                return i;
        }
        return 0;
    }

private slots:
    void initTestCase()
    {
        auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-5m.csv.gz", "BTC",
                                                     *sixbtc::common::Timeframe::parse("5m"));
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        m_btc = std::move(data->series);
    }

    void init() { m_fake = std::make_unique<FakeHarness>(*m_btc, 10000.0, 2000); }

    void aRestingBuyFillsWhenAReplayedCandleReachesIt()
    {
        // Bar lows after bar 0: 92748.93, 92708.63, 92652, then 92586.56 reaches 92600 (bar 4).
        QCOMPARE(firstBarReaching(92600.0), std::size_t(4));
        m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92600", "0.001", Tif::Gtc)));
        QVERIFY(m_fake->exchange().advance(3));
        QCOMPARE(orderStatus(1000)[QStringLiteral("order")][QStringLiteral("status")].toString(),
                 QStringLiteral("open"));
        QVERIFY(m_fake->exchange().advance(1));
        QCOMPARE(orderStatus(1000)[QStringLiteral("order")][QStringLiteral("status")].toString(),
                 QStringLiteral("filled"));
        const QJsonValue fills =
            m_fake->info({{QStringLiteral("type"), QStringLiteral("userFills")}, {QStringLiteral("user"), master()}})
                .json();
        QCOMPARE(fills.toArray().size(), 1);
        const QJsonObject fill = fills[0].toObject();
        QCOMPARE(fill.value(QStringLiteral("px")).toString(), QStringLiteral("92600"));
        QCOMPARE(fill.value(QStringLiteral("sz")).toString(), QStringLiteral("0.001"));
        QCOMPARE(fill.value(QStringLiteral("dir")).toString(), QStringLiteral("Open Long"));
        QCOMPARE(fill.value(QStringLiteral("crossed")).toBool(), false);
        // Maker fee 0.015 % of 92.6 USDC.
        QCOMPARE(fill.value(QStringLiteral("fee")).toString(), QStringLiteral("0.01389"));
    }

    void aPositionStopLossFiresWhenTheCandleRangeCrossesIt()
    {
        QCOMPARE(firstBarReaching(92500.0), std::size_t(6));
        m_fake->send(FakeHarness::kMasterKey, order(limit(true, "93000", "0.01", Tif::Ioc)));
        const RawReply sl =
            m_fake->send(FakeHarness::kMasterKey,
                         order(trigger(false, "92000", "0.01", "92500", TpSl::StopLoss), Grouping::PositionTpsl));
        QCOMPARE(statuses(sl), json(R"([{"resting":{"oid":1001}}])"));
        const QJsonValue frontend = m_fake
                                        ->info({{QStringLiteral("type"), QStringLiteral("frontendOpenOrders")},
                                                {QStringLiteral("user"), master()}})
                                        .json();
        QCOMPARE(frontend[0][QStringLiteral("orderType")].toString(), QStringLiteral("Stop Market"));
        QCOMPARE(frontend[0][QStringLiteral("triggerCondition")].toString(), QStringLiteral("Price below 92500"));
        QVERIFY(m_fake->exchange().advance(5));
        QCOMPARE(m_fake->exchange().position(m_fake->master(), 0).szi, 0.01);
        QVERIFY(m_fake->exchange().advance(1));
        QCOMPARE(m_fake->exchange().position(m_fake->master(), 0).szi, 0.0);
        const auto fills = m_fake->exchange().fills(m_fake->master());
        QCOMPARE(fills.size(), std::size_t(2));
        QCOMPARE(fills[1].px, 92500.0);
        QCOMPARE(fills[1].dir, std::string("Close Long"));
        QCOMPARE(fills[1].closedPnl, 0.01 * (92500.0 - 92782.0));
    }

    void normalTpslChildrenWaitForTheirParent()
    {
        const std::vector<OrderRequest> group{limit(true, "92600", "0.001", Tif::Gtc),
                                              trigger(false, "92000", "0.001", "92300", TpSl::StopLoss)};
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, orderAction(group, Grouping::NormalTpsl));
        QCOMPARE(statuses(reply), json(R"([{"resting":{"oid":1000}},"waitingForFill"])"));
        // The parent fills at bar 4 (low 92586.56); the armed child fires at bar 14 (low 92246, bar 13 stays above).
        const std::size_t childBar = firstBarReaching(92300.0);
        QCOMPARE(childBar, std::size_t(14));
        QVERIFY(m_fake->exchange().advance(4));
        QCOMPARE(m_fake->exchange().position(m_fake->master(), 0).szi, 0.001);
        QVERIFY(m_fake->exchange().advance(static_cast<int>(childBar) - 5));
        QCOMPARE(m_fake->exchange().position(m_fake->master(), 0).szi, 0.001);
        QVERIFY(m_fake->exchange().advance(1));
        QCOMPARE(m_fake->exchange().position(m_fake->master(), 0).szi, 0.0);
    }

    void anAdvanceIntervalReplaysCandlesOnItsOwn()
    {
        m_fake->server().setAdvanceInterval(5);
        QTRY_VERIFY(m_fake->exchange().marketPrice(0) != m_btc->close()[0]);
        m_fake->server().setAdvanceInterval(0);
        const double stopped = m_fake->exchange().marketPrice(0);
        QTest::qWait(30);
        QCOMPARE(m_fake->exchange().marketPrice(0), stopped);
    }

    void usdSendMovesPerpBalance()
    {
        const Address friendAddress = *Address::fromHex(FakeHarness::addressOf(FakeHarness::kStrangerKey));
        const std::uint64_t nonce = m_fake->nextNonce();
        const RawReply reply =
            m_fake->client().post(QStringLiteral("/exchange"),
                                  QByteArray::fromStdString(exchangeRequestBody(signUserSignedAction(
                                      *PrivateKey::fromHex(FakeHarness::kMasterKey),
                                      usdSendAction(sixbtc::config::Network::Mainnet, friendAddress, "12.5", nonce)))));
        QCOMPARE(reply.json(), json(R"({"status":"ok","response":{"type":"default"}})"));
        QCOMPARE(m_fake->exchange().balance(friendAddress.toHex()), 12.5);
        QCOMPARE(m_fake->exchange().balance(m_fake->master()), 9987.5);
    }

    void cancelsByOidAndByCloid()
    {
        m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "0.001", Tif::Gtc)));
        m_fake->send(FakeHarness::kMasterKey, order(limit(true, "91000", "0.001", Tif::Gtc, cloid(7))));
        const CancelRequest byOid[] = {{0, 1000}, {0, 4242}};
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, cancelAction(byOid)).json(),
                 json(R"({"status":"ok","response":{"type":"cancel","data":{"statuses":["success",
                      {"error":"Order was never placed, already canceled, or filled."}]}}})"));
        const CancelByCloidRequest byCloid[] = {{0, cloid(7)}};
        QCOMPARE(statuses(m_fake->send(FakeHarness::kMasterKey, cancelByCloidAction(byCloid))), json(R"(["success"])"));
        QVERIFY(m_fake->exchange().openOrders(m_fake->master()).empty());
        QCOMPARE(
            orderStatus(QString::fromStdString(cloid(7).toHex()))[QStringLiteral("order")][QStringLiteral("status")]
                .toString(),
            QStringLiteral("canceled"));
        QCOMPARE(orderStatus(QString::fromStdString(cloid(8).toHex())), json(R"({"status":"unknownOid"})"));
        QCOMPARE(orderStatus(99), json(R"({"status":"unknownOid"})"));
    }

    void modifyReplacesAnOpenOrder()
    {
        m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "0.001", Tif::Gtc, cloid(1))));
        const ModifyRequest modify{OrderRef(cloid(1)), limit(true, "91500", "0.002", Tif::Gtc, cloid(1))};
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, modifyAction(modify)).json(),
                 json(R"({"status":"ok","response":{"type":"default"}})"));
        const auto open = m_fake->exchange().openOrders(m_fake->master());
        QCOMPARE(open.size(), std::size_t(1));
        QCOMPARE(open[0].limitPx, std::string("91500"));
        QCOMPARE(open[0].oid, std::uint64_t(1001));
        const ModifyRequest batch[] = {{OrderRef(std::uint64_t(1001)), limit(true, "91600", "0.002", Tif::Gtc)},
                                       {OrderRef(std::uint64_t(1000)), limit(true, "91600", "0.002", Tif::Gtc)}};
        QCOMPARE(statuses(m_fake->send(FakeHarness::kMasterKey, batchModifyAction(batch))),
                 json(R"([{"resting":{"oid":1002}},{"error":"Cannot modify canceled or filled order"}])"));
    }

    void theDeadMansSwitchCancelsEveryOpenOrder()
    {
        m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "0.001", Tif::Gtc)));
        const auto now = static_cast<std::uint64_t>(m_fake->nowMs());
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, scheduleCancelAction(now + 4000)).json(),
                 json(R"({"status":"err","response":
                      "Scheduled cancel time too early, must be at least 5 seconds from now."})"));
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, scheduleCancelAction(now + 6000)).json(),
                 json(R"({"status":"ok","response":{"type":"default"}})"));
        m_fake->setNowMs(m_fake->nowMs() + 5999);
        QCOMPARE(
            m_fake->info({{QStringLiteral("type"), QStringLiteral("openOrders")}, {QStringLiteral("user"), master()}})
                .json()
                .toArray()
                .size(),
            1);
        m_fake->setNowMs(m_fake->nowMs() + 1);
        QCOMPARE(
            m_fake->info({{QStringLiteral("type"), QStringLiteral("openOrders")}, {QStringLiteral("user"), master()}})
                .json(),
            json("[]"));
        QCOMPARE(orderStatus(1000)[QStringLiteral("order")][QStringLiteral("status")].toString(),
                 QStringLiteral("scheduledCancel"));
        QVERIFY(!m_fake->exchange().scheduledCancel(m_fake->master()));
    }

    void leverageBoundsMargin()
    {
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, updateLeverageAction(0, true, 41)).json(),
                 json(R"({"status":"err","response":"Invalid leverage value."})"));
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, updateLeverageAction(0, true, 2)).json(),
                 json(R"({"status":"ok","response":{"type":"default"}})"));
        QCOMPARE(m_fake->exchange().leverage(m_fake->master(), 0), 2);
        // 0.3 BTC at 92000 needs 13800 USDC at 2x: refused; 0.2 (9200) fits.
        QCOMPARE(statuses(m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "0.3", Tif::Gtc)))),
                 json(R"([{"error":"Insufficient margin to place order."}])"));
        QVERIFY(statuses(m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "0.2", Tif::Gtc))))[0]
                    .toObject()
                    .contains(QStringLiteral("resting")));
    }

    void subAccountsAreCreatedFundedAndTradedThroughTheVault()
    {
        const QJsonValue created = m_fake->send(FakeHarness::kMasterKey, createSubAccountAction("alpha")).json();
        QCOMPARE(created[QStringLiteral("response")][QStringLiteral("type")].toString(),
                 QStringLiteral("createSubAccount"));
        const QString sub = created[QStringLiteral("response")][QStringLiteral("data")].toString();
        QCOMPARE(sub.size(), 42);
        const Address subAddress = *Address::fromHex(sub.toStdString());
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, subAccountTransferAction(subAddress, true, 250'000000)).json(),
                 json(R"({"status":"ok","response":{"type":"default"}})"));
        QCOMPARE(m_fake->exchange().balance(sub.toStdString()), 250.0);
        QCOMPARE(m_fake->exchange().balance(m_fake->master()), 9750.0);
        QCOMPARE(
            statuses(m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "0.001", Tif::Gtc)), subAddress)),
            json(R"([{"resting":{"oid":1000}}])"));
        QCOMPARE(m_fake->exchange().openOrders(sub.toStdString()).size(), std::size_t(1));
        QVERIFY(m_fake->exchange().openOrders(m_fake->master()).empty());
        const QJsonValue subs =
            m_fake->info({{QStringLiteral("type"), QStringLiteral("subAccounts")}, {QStringLiteral("user"), master()}})
                .json();
        QCOMPARE(subs[0][QStringLiteral("name")].toString(), QStringLiteral("alpha"));
        QCOMPARE(subs[0][QStringLiteral("subAccountUser")].toString(), sub);
        QCOMPARE(subs[0][QStringLiteral("clearinghouseState")][QStringLiteral("marginSummary")]
                     [QStringLiteral("accountValue")]
                         .toString(),
                 QStringLiteral("250"));
        const Address stranger = *Address::fromHex(FakeHarness::addressOf(FakeHarness::kStrangerKey));
        QCOMPARE(
            m_fake->send(FakeHarness::kMasterKey, noopAction(), stranger).json()[QStringLiteral("response")].toString(),
            QStringLiteral("Vault not registered: ") + QString::fromStdString(stranger.toHex()) + QStringLiteral("."));
    }
};

QTEST_GUILESS_MAIN(TstFakeBook)
#include "tst_fakebook.moc"
