// SPDX-License-Identifier: MIT
// Loopback tests of the fake exchange's POST /exchange: signer recovery, nonces, expiresAfter and the order rules.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "data/candlereader.h"
#include "exchange/hyperliquid/signing/actions.h"
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

OrderRequest limit(bool isBuy, const char* px, const char* sz, Tif tif, bool reduceOnly = false)
{
    return OrderRequest{0, isBuy, px, sz, reduceOnly, LimitOrderType{tif}, std::nullopt};
}

WireValue order(const OrderRequest& request, Grouping grouping = Grouping::Na)
{
    return orderAction(std::span(&request, 1), grouping);
}

QString errorOf(const RawReply& reply)
{
    return reply.json()[QStringLiteral("response")][QStringLiteral("data")][QStringLiteral("statuses")][0]
        .toObject()
        .value(QStringLiteral("error"))
        .toString();
}

} // namespace

class TstFakeExchange : public QObject
{
    Q_OBJECT

private:
    std::optional<sixbtc::common::CandleSeries> m_btc;
    std::unique_ptr<FakeHarness> m_fake;

    QString master() const { return QString::fromStdString(m_fake->master()); }

private slots:
    void initTestCase()
    {
        auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-5m.csv.gz", "BTC",
                                                     *sixbtc::common::Timeframe::parse("5m"));
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        m_btc = std::move(data->series);
    }

    void init() { m_fake = std::make_unique<FakeHarness>(*m_btc, 10000.0, 2000); }

    void acceptsTheSignerAndRestsAnOrderBelowTheMarket()
    {
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "0.001", Tif::Gtc)));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(),
                 json(R"({"status":"ok","response":{"type":"order","data":{"statuses":[{"resting":{"oid":1000}}]}}})"));
        const RawReply open =
            m_fake->info({{QStringLiteral("type"), QStringLiteral("openOrders")}, {QStringLiteral("user"), master()}});
        QCOMPARE(open.json(), json(R"([{"coin":"BTC","side":"B","limitPx":"92000","sz":"0.001","oid":1000,
                                        "timestamp":1735603200000,"origSz":"0.001","reduceOnly":false}])"));
    }

    void rejectsAnUnknownSigner()
    {
        const RawReply reply = m_fake->send(FakeHarness::kStrangerKey, order(limit(true, "92000", "0.001", Tif::Gtc)));
        const QString expected = QStringLiteral("User or API Wallet ") +
                                 QString::fromStdString(FakeHarness::addressOf(FakeHarness::kStrangerKey)) +
                                 QStringLiteral(" does not exist.");
        QCOMPARE(reply.json(), QJsonValue(QJsonObject{{QStringLiteral("status"), QStringLiteral("err")},
                                                      {QStringLiteral("response"), expected}}));
        QVERIFY(m_fake->exchange().allOrders().empty());
    }

    void rejectsAnActionMutatedAfterSigning()
    {
        QByteArray body = m_fake->signL1(FakeHarness::kMasterKey, order(limit(true, "92000", "0.001", Tif::Gtc)),
                                         m_fake->nextNonce());
        QVERIFY(body.contains("\"p\":\"92000\""));
        body.replace("\"p\":\"92000\"", "\"p\":\"91000\"");
        const QJsonValue answer = m_fake->client().post(QStringLiteral("/exchange"), body).json();
        QCOMPARE(answer[QStringLiteral("status")].toString(), QStringLiteral("err"));
        const QString message = answer[QStringLiteral("response")].toString();
        QVERIFY2(message.startsWith(QStringLiteral("User or API Wallet 0x")), qPrintable(message));
        QVERIFY(!message.contains(master()));
        QVERIFY(m_fake->exchange().allOrders().empty());
    }

    void anApprovedAgentTradesForItsMaster()
    {
        const std::string agent = FakeHarness::addressOf(FakeHarness::kAgentKey);
        const RawReply byAgent = m_fake->client().post(
            QStringLiteral("/exchange"),
            m_fake->signApproveAgent(FakeHarness::kAgentKey, agent, std::nullopt, m_fake->nextNonce()));
        QCOMPARE(byAgent.json()[QStringLiteral("status")].toString(), QStringLiteral("err"));
        const RawReply approved = m_fake->client().post(
            QStringLiteral("/exchange"),
            m_fake->signApproveAgent(FakeHarness::kMasterKey, agent, std::string("bot"), m_fake->nextNonce()));
        QCOMPARE(approved.json(), json(R"({"status":"ok","response":{"type":"default"}})"));
        const RawReply placed = m_fake->send(FakeHarness::kAgentKey, order(limit(false, "95000", "0.001", Tif::Gtc)));
        QCOMPARE(placed.json(),
                 json(R"({"status":"ok","response":{"type":"order","data":{"statuses":[{"resting":{"oid":1000}}]}}})"));
        QCOMPARE(m_fake->exchange().openOrders(m_fake->master()).size(), std::size_t(1));
    }

    void refusesReusedOldAndDistantNonces()
    {
        const WireValue noop = noopAction();
        const auto post = [&](std::uint64_t nonce) {
            return m_fake->client()
                .post(QStringLiteral("/exchange"), m_fake->signL1(FakeHarness::kMasterKey, noop, nonce))
                .json();
        };
        const auto err = [](const char* message) {
            return QJsonValue(QJsonObject{{QStringLiteral("status"), QStringLiteral("err")},
                                          {QStringLiteral("response"), QString::fromUtf8(message)}});
        };
        const std::uint64_t now = static_cast<std::uint64_t>(m_fake->nowMs());
        QCOMPARE(post(now), json(R"({"status":"ok","response":{"type":"default"}})"));
        QCOMPARE(post(now), err("Invalid nonce: duplicate nonce"));
        for (std::uint64_t i = 1; i < 100; ++i)
            QCOMPARE(post(now + i)[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        // 100 kept (now .. now+99): a new nonce must exceed the smallest, `now`.
        QCOMPARE(post(now - 1), err("Invalid nonce: nonce too low"));
        QCOMPARE(post(now + 1000)[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        constexpr std::uint64_t kDay = 24ULL * 3600 * 1000;
        QCOMPARE(post(now + kDay + 1), err("Invalid nonce: nonce too far from current time"));
        QCOMPARE(post(now + kDay)[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    }

    void refusesAnExpiredAction()
    {
        const auto now = static_cast<std::uint64_t>(m_fake->nowMs());
        const WireValue action = order(limit(true, "92000", "0.001", Tif::Gtc));
        const QJsonValue expired =
            m_fake->client()
                .post(QStringLiteral("/exchange"),
                      m_fake->signL1(FakeHarness::kMasterKey, action, now, std::nullopt, now - 1))
                .json();
        QCOMPARE(expired, json(R"({"status":"err","response":
            "Action expired: expiresAfter 1735603199999 is before the current time 1735603200000."})"));
        const QJsonValue fresh = m_fake->client()
                                     .post(QStringLiteral("/exchange"),
                                           m_fake->signL1(FakeHarness::kMasterKey, action, now + 1, std::nullopt, now))
                                     .json();
        QCOMPARE(fresh[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    }

    void refusesInvalidOrders_data()
    {
        QTest::addColumn<bool>("isBuy");
        QTest::addColumn<QString>("px");
        QTest::addColumn<QString>("sz");
        QTest::addColumn<int>("tif");
        QTest::addColumn<bool>("reduceOnly");
        QTest::addColumn<QString>("error");
        const int gtc = static_cast<int>(Tif::Gtc);
        // The market is bar 0's close, 92782.39, shown as the tick-valid 92782 (szDecimals 5: 1 decimal, 5 figures).
        QTest::newRow("six significant figures") << true << QStringLiteral("92000.5") << QStringLiteral("0.001") << gtc
                                                 << false << QStringLiteral("Price must be divisible by tick size.");
        QTest::newRow("two decimals") << true << QStringLiteral("9200.25") << QStringLiteral("0.01") << gtc << false
                                      << QStringLiteral("Price must be divisible by tick size.");
        QTest::newRow("six size decimals") << true << QStringLiteral("92000") << QStringLiteral("0.000111") << gtc
                                           << false << QStringLiteral("Order has invalid size.");
        QTest::newRow("9.2 USDC") << true << QStringLiteral("92000") << QStringLiteral("0.0001") << gtc << false
                                  << QStringLiteral("Order must have minimum value of $10.");
        QTest::newRow("reduce-only without position")
            << false << QStringLiteral("92000") << QStringLiteral("0.001") << gtc << true
            << QStringLiteral("Reduce only order would increase position.");
        QTest::newRow("ALO crossing") << true << QStringLiteral("93000") << QStringLiteral("0.001")
                                      << static_cast<int>(Tif::Alo) << false
                                      << QStringLiteral("Post only order would have immediately matched, bbo was "
                                                        "92782@92782. asset=0");
        QTest::newRow("IOC below the market")
            << true << QStringLiteral("90000") << QStringLiteral("0.001") << static_cast<int>(Tif::Ioc) << false
            << QStringLiteral("Order could not immediately match against any resting orders. asset=0");
        // 2 BTC at 92000 with 20x needs 9200 USDC of margin: 10000 suffice; 3 BTC (13800) do not.
        QTest::newRow("margin") << true << QStringLiteral("92000") << QStringLiteral("3") << gtc << false
                                << QStringLiteral("Insufficient margin to place order.");
    }

    void refusesInvalidOrders()
    {
        QFETCH(bool, isBuy);
        QFETCH(QString, px);
        QFETCH(QString, sz);
        QFETCH(int, tif);
        QFETCH(bool, reduceOnly);
        QFETCH(QString, error);
        const OrderRequest request{
            0,           isBuy, px.toStdString(), sz.toStdString(), reduceOnly, LimitOrderType{static_cast<Tif>(tif)},
            std::nullopt};
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, order(request));
        QCOMPARE(reply.json()[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        QCOMPARE(errorOf(reply), error);
        QVERIFY(m_fake->exchange().openOrders(m_fake->master()).empty());
    }

    void marginAllowsAnOrderWithinTheAccount()
    {
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, order(limit(true, "92000", "2", Tif::Gtc)));
        QVERIFY(reply.json()[QStringLiteral("response")][QStringLiteral("data")][QStringLiteral("statuses")][0]
                    .toObject()
                    .contains(QStringLiteral("resting")));
    }

    void aMarketableOrderFillsAtTheMarket()
    {
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, order(limit(true, "93000", "0.01", Tif::Ioc)));
        QCOMPARE(reply.json(), json(R"({"status":"ok","response":{"type":"order","data":{"statuses":[
            {"filled":{"totalSz":"0.01","avgPx":"92782","oid":1000}}]}}})"));
        QCOMPARE(m_fake->exchange().position(m_fake->master(), 0).szi, 0.01);
        // Taker fee 0.045 % of 927.82 USDC = 0.417519.
        QCOMPARE(m_fake->exchange().balance(m_fake->master()), 10000.0 - 0.417519);
        const QJsonValue state = m_fake
                                     ->info({{QStringLiteral("type"), QStringLiteral("clearinghouseState")},
                                             {QStringLiteral("user"), master()}})
                                     .json();
        const QJsonObject position = state[QStringLiteral("assetPositions")][0][QStringLiteral("position")].toObject();
        QCOMPARE(position.value(QStringLiteral("szi")).toString(), QStringLiteral("0.01"));
        QCOMPARE(position.value(QStringLiteral("entryPx")).toString(), QStringLiteral("92782"));
        // Unrealised PnL against the raw close 92782.39: 0.0039.
        QCOMPARE(position.value(QStringLiteral("unrealizedPnl")).toString(), QStringLiteral("0.0039"));
    }
};

QTEST_GUILESS_MAIN(TstFakeExchange)
#include "tst_fakeexchange.moc"
