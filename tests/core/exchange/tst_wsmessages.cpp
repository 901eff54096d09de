// SPDX-License-Identifier: MIT
// Parsing of every WebSocket channel, shape errors naming the field, and a seeded fuzz that must never crash.
#include <random>

#include <QtTest>

#include "exchange/hyperliquid/websocket/wsmessages.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

QByteArray bytes(const char* text)
{
    return QByteArray(text);
}

const char* const kCandle = R"({"channel":"candle","data":{"t":1700000100000,"T":1700000399999,"s":"BTC","i":"5m",)"
                            R"("o":"37000.5","c":"37010","h":"37020","l":"36990.25","v":"12.5","n":42}})";
const char* const kBook = R"({"channel":"l2Book","data":{"coin":"BTC","time":1700000123456,"levels":[)"
                          R"([{"px":"37000","sz":"1.5","n":3},{"px":"36999","sz":"0.25","n":1}],)"
                          R"([{"px":"37001","sz":"2","n":4}]]}})";
const char* const kFill = R"({"coin":"BTC","px":"37000","sz":"0.01","side":"B","time":1700000200000,)"
                          R"("startPosition":"0","dir":"Open Long","closedPnl":"0","hash":"0xab","oid":77,)"
                          R"("crossed":true,"fee":"0.1","tid":555,"feeToken":"USDC"})";

} // namespace

class TstWsMessages : public QObject
{
    Q_OBJECT

private slots:
    void parsesCandle()
    {
        const auto m = parseWsMessage(bytes(kCandle));
        QVERIFY(m.has_value());
        const Candle& c = std::get<CandleMessage>(*m).candle;
        QCOMPARE(c.openTimeMs, 1700000100000);
        QCOMPARE(c.closeTimeMs, 1700000399999);
        QCOMPARE(c.coin, std::string("BTC"));
        QCOMPARE(c.interval, std::string("5m"));
        QCOMPARE(c.open, 37000.5);
        QCOMPARE(c.low, 36990.25);
        QCOMPARE(c.volume, 12.5);
        QCOMPARE(c.trades, 42);
        QCOMPARE(routingKey(*m), std::optional<std::string>("candle:BTC:5m"));
    }

    void parsesL2Book()
    {
        const auto m = parseWsMessage(bytes(kBook));
        QVERIFY(m.has_value());
        const L2Book& b = std::get<L2Book>(*m);
        QCOMPARE(b.timeMs, 1700000123456);
        QCOMPARE(b.bids.size(), std::size_t(2));
        QCOMPARE(b.asks.size(), std::size_t(1));
        QCOMPARE(b.bids[1].px, 36999.0);
        QCOMPARE(b.bids[1].sz, 0.25);
        QCOMPARE(b.asks[0].n, 4);
        QCOMPARE(routingKey(*m), std::optional<std::string>("l2Book:BTC"));
    }

    void parsesTradesAndMids()
    {
        const auto t = parseWsMessage(bytes(R"({"channel":"trades","data":[{"coin":"ETH","side":"A","px":"2000.5",)"
                                            R"("sz":"3","time":5,"hash":"0x1","tid":9,"users":["0xa","0xb"]}]})"));
        QVERIFY(t.has_value());
        const Trade& trade = std::get<Trades>(*t).trades.at(0);
        QCOMPARE(trade.side, Side::Sell);
        QCOMPARE(trade.px, 2000.5);
        QCOMPARE(trade.tid, 9);
        QCOMPARE(trade.users.at(1), std::string("0xb"));
        QCOMPARE(routingKey(*t), std::optional<std::string>("trades:ETH"));
        const auto a = parseWsMessage(bytes(R"({"channel":"allMids","data":{"mids":{"BTC":"37000.5","ETH":"2000"}}})"));
        QVERIFY(a.has_value());
        QCOMPARE(std::get<AllMidsMessage>(*a).mids.at("BTC"), 37000.5);
        QCOMPARE(std::get<AllMidsMessage>(*a).mids.size(), std::size_t(2));
    }

    void parsesUserFillsWithSnapshotFlag()
    {
        const QByteArray snapshot = "{\"channel\":\"userFills\",\"data\":{\"user\":\"0xabc\",\"isSnapshot\":true,"
                                    "\"fills\":[" +
                                    bytes(kFill) + "]}}";
        const auto s = parseWsMessage(snapshot);
        QVERIFY(s.has_value());
        const UserFills& fills = std::get<UserFills>(*s);
        QVERIFY(fills.isSnapshot);
        QCOMPARE(fills.fills.at(0).tid, 555);
        QCOMPARE(fills.fills.at(0).side, Side::Buy);
        QCOMPARE(fills.fills.at(0).fee, 0.1);
        QCOMPARE(routingKey(*s), std::optional<std::string>("userFills:0xabc"));
        const auto live = parseWsMessage("{\"channel\":\"userFills\",\"data\":{\"user\":\"0xabc\",\"fills\":[]}}");
        QVERIFY(live.has_value());
        QVERIFY(!std::get<UserFills>(*live).isSnapshot);
    }

    void parsesOrderUpdatesAndUserEvents()
    {
        const auto o = parseWsMessage(bytes(R"({"channel":"orderUpdates","data":[{"order":{"coin":"BTC","side":"B",)"
                                            R"("limitPx":"36000","sz":"0.5","oid":12,"timestamp":99,"origSz":"1",)"
                                            R"("cloid":"0x0000000000000000000000000000000a"},"status":"open",)"
                                            R"("statusTimestamp":100}]})"));
        QVERIFY(o.has_value());
        const OrderUpdate& u = std::get<OrderUpdates>(*o).updates.at(0);
        QCOMPARE(u.order.oid, 12);
        QCOMPARE(u.order.origSz, 1.0);
        QVERIFY(u.order.cloid.has_value());
        QVERIFY(!u.order.reduceOnly);
        QCOMPARE(u.status, std::string("open"));
        const auto f = parseWsMessage("{\"channel\":\"user\",\"data\":{\"fills\":[" + bytes(kFill) + "]}}");
        QVERIFY(f.has_value());
        QCOMPARE(std::get<UserEvent>(*f).kind, UserEvent::Kind::Fills);
        QCOMPARE(std::get<UserEvent>(*f).fills.at(0).oid, 77);
        const auto c = parseWsMessage(bytes(R"({"channel":"user","data":{"nonUserCancel":[{"coin":"BTC","oid":5}]}})"));
        QVERIFY(c.has_value());
        QCOMPARE(std::get<UserEvent>(*c).cancels.at(0).oid, 5);
        const auto g = parseWsMessage(bytes(R"({"channel":"user","data":{"funding":{"time":1,"coin":"BTC",)"
                                            R"("usdc":"-0.5","szi":"0.1","fundingRate":"0.0001","nSamples":null}}})"));
        QVERIFY(g.has_value());
        QCOMPARE(std::get<UserEvent>(*g).funding->usdc, -0.5);
    }

    void parsesControlMessages()
    {
        QVERIFY(std::holds_alternative<Pong>(*parseWsMessage("{\"channel\":\"pong\"}")));
        QVERIFY(std::holds_alternative<ConnectionEstablished>(*parseWsMessage("Websocket connection established.")));
        const auto e = parseWsMessage("{\"channel\":\"error\",\"data\":\"Invalid subscription\"}");
        QCOMPARE(std::get<ServerError>(*e).text, std::string("Invalid subscription"));
        const Subscription candle{SubscriptionType::Candle, "BTC", "5m", {}};
        const auto r =
            parseWsMessage("{\"channel\":\"subscriptionResponse\",\"data\":" + subscribeRequest(candle, true) + "}");
        QVERIFY(r.has_value());
        QCOMPARE(std::get<SubscriptionResponse>(*r).method, std::string("subscribe"));
        QVERIFY(std::get<SubscriptionResponse>(*r).subscription == candle);
        QVERIFY(!routingKey(*r).has_value());
    }

    void subscriptionRequests()
    {
        QCOMPARE(subscribeRequest({SubscriptionType::Candle, "BTC", "5m", {}}, true),
                 QByteArray(R"({"method":"subscribe","subscription":{"coin":"BTC","interval":"5m","type":"candle"}})"));
        QCOMPARE(subscribeRequest({SubscriptionType::UserFills, {}, {}, "0xab"}, false),
                 QByteArray(R"({"method":"unsubscribe","subscription":{"type":"userFills","user":"0xab"}})"));
        QCOMPARE(pingRequest(), QByteArray(R"({"method":"ping"})"));
        // Addresses route case-insensitively.
        QCOMPARE(Subscription({SubscriptionType::UserFills, {}, {}, "0xABcd"}).key(), std::string("userFills:0xabcd"));
        const auto fills = parseWsMessage(R"({"channel":"userFills","data":{"user":"0xAbCd","fills":[]}})");
        QCOMPARE(routingKey(*fills), std::optional<std::string>("userFills:0xabcd"));
        QCOMPARE(Subscription({SubscriptionType::OrderUpdates, {}, {}, "0xab"}).key(),
                 std::string("orderUpdates:0xab"));
    }

    void badShapeNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{\"channel\":") << QStringLiteral("not JSON");
        QTest::newRow("no channel") << QByteArray("{\"data\":1}") << QStringLiteral("channel");
        QTest::newRow("unknown channel") << QByteArray("{\"channel\":\"bogus\",\"data\":1}")
                                         << QStringLiteral("\"bogus\"");
        QTest::newRow("candle t as string")
            << QByteArray(R"({"channel":"candle","data":{"t":"1","T":2,"s":"BTC","i":"5m","o":"1","c":"1","h":"1",)"
                          R"("l":"1","v":"1","n":1}})")
            << QStringLiteral("data.t");
        QTest::newRow("candle price as number")
            << QByteArray(R"({"channel":"candle","data":{"t":1,"T":2,"s":"BTC","i":"5m","o":1.5,"c":"1","h":"1",)"
                          R"("l":"1","v":"1","n":1}})")
            << QStringLiteral("data.o");
        QTest::newRow("book one side") << QByteArray(
                                              R"({"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":[[]]}})")
                                       << QStringLiteral("data.levels");
        QTest::newRow("book level sz") << QByteArray(R"({"channel":"l2Book","data":{"coin":"BTC","time":1,"levels":)"
                                                     R"([[{"px":"1","n":1}],[]]}})")
                                       << QStringLiteral("data.levels[0][0].sz");
        QTest::newRow("fill tid") << QByteArray(R"({"channel":"userFills","data":{"user":"0xa","fills":[{"coin":"BTC",)"
                                                R"("px":"1","sz":"1","side":"B","time":1,"dir":"x","closedPnl":"0",)"
                                                R"("oid":1,"crossed":true,"fee":"0"}]}})")
                                  << QStringLiteral("data.fills[0].tid");
        QTest::newRow("trade side") << QByteArray(R"({"channel":"trades","data":[{"coin":"BTC","side":"X","px":"1",)"
                                                  R"("sz":"1","time":1,"hash":"h","tid":1}]})")
                                    << QStringLiteral("data[0].side");
        QTest::newRow("user event kind") << QByteArray(R"({"channel":"user","data":{"other":1}})")
                                         << QStringLiteral("one of fills");
        QTest::newRow("malformed marker")
            << QByteArray(R"({"channel":"candle","data":{"malformed":true}})") << QStringLiteral("data.t");
        QTest::newRow("order status") << QByteArray(R"({"channel":"orderUpdates","data":[{"order":{"coin":"BTC",)"
                                                    R"("side":"B","limitPx":"1","sz":"1","oid":1,"timestamp":1,)"
                                                    R"("origSz":"1"},"statusTimestamp":1}]})")
                                      << QStringLiteral("data[0].status");
        QTest::newRow("subscription type")
            << QByteArray(
                   R"({"channel":"subscriptionResponse","data":{"method":"subscribe","subscription":{"type":"x"}}})")
            << QStringLiteral("data.subscription.type");
    }

    void badShapeNamesTheField()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, expected);
        const auto m = parseWsMessage(frame);
        QVERIFY(!m.has_value());
        QCOMPARE(m.error().kind(), ErrorKind::Decode);
        const QString message = QString::fromStdString(m.error().message());
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void fuzzNeverCrashes()
    {
        const QList<QByteArray> seeds{bytes(kCandle), bytes(kBook),
                                      "{\"channel\":\"userFills\",\"data\":{\"user\":\"0xa\",\"fills\":[" +
                                          bytes(kFill) + "]}}"};
        std::mt19937_64 rng(20241125);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 3000; ++i) {
            QByteArray frame = seeds.at(i % seeds.size());
            const int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits && !frame.isEmpty(); ++e) {
                const auto at = qsizetype(rng() % std::uint64_t(frame.size()));
                switch (rng() % 3) {
                case 0: frame[at] = char(rng() % 256); break;
                case 1: frame.remove(at, 1 + qsizetype(rng() % 8)); break;
                default: frame.truncate(at + 1); break;
                }
            }
            const auto m = parseWsMessage(frame);
            if (m)
                ++parsed;
            else
                ++refused;
        }
        QCOMPARE(parsed + refused, 3000);
        QVERIFY(refused > 2000); // almost every mutation breaks the shape
    }
};

QTEST_GUILESS_MAIN(TstWsMessages)
#include "tst_wsmessages.moc"
