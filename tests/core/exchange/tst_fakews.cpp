// SPDX-License-Identifier: MIT
// Loopback tests of the fake exchange's WebSocket side: protocol replies, streams from the live book, faults.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>
#include <QtTest>

#include "data/candlereader.h"
#include "exchange/hyperliquid/signing/actions.h"
#include "fakes/hyperliquid/fakeharness.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::fakes::hyperliquid::FakeHarness;
using sixbtc::fakes::hyperliquid::FakeWsFrameFaults;
using sixbtc::fakes::hyperliquid::FakeWsServer;
using sixbtc::fakes::hyperliquid::RawReply;

namespace {

QJsonObject object(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

WireValue order(bool isBuy, const char* px, const char* sz, Tif tif)
{
    const OrderRequest request{0, isBuy, px, sz, false, LimitOrderType{tif}, std::nullopt};
    return orderAction(std::span(&request, 1), Grouping::Na);
}

/// A QWebSocket client that records every text frame.
class Probe : public QObject
{
public:
    explicit Probe(const QString& url)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this,
                [this](const QString& text) { frames.append(text); });
        m_socket.open(QUrl(url));
    }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const char* json) { m_socket.sendTextMessage(QString::fromUtf8(json)); }
    QJsonObject frame(int i) const { return QJsonDocument::fromJson(frames.at(i).toUtf8()).object(); }
    QString channel(int i) const { return frame(i).value(QStringLiteral("channel")).toString(); }

    QStringList frames;

private:
    QWebSocket m_socket;
};

} // namespace

class TstFakeWs : public QObject
{
    Q_OBJECT

private:
    std::optional<sixbtc::common::CandleSeries> m_btc;
    std::unique_ptr<FakeHarness> m_fake;

    FakeWsServer& ws() { return m_fake->server().ws(); }
    std::unique_ptr<Probe> connectProbe()
    {
        auto probe = std::make_unique<Probe>(m_fake->server().wsUrl());
        if (!QTest::qWaitFor([&] { return probe->connected(); }, 5000))
            return nullptr;
        return probe;
    }
    QJsonValue control(const char* body)
    {
        return m_fake->client().post(QStringLiteral("/control"), QByteArray(body)).json();
    }
    /// The candle frame expected for bar `i` of the replayed series (hand-built from the series' columns).
    void checkCandle(const QJsonObject& candle, std::size_t i)
    {
        QCOMPARE(candle.value(QStringLiteral("t")).toInteger(), m_btc->timestampMs()[i]);
        QCOMPARE(candle.value(QStringLiteral("T")).toInteger(), m_btc->timestampMs()[i] + 300000 - 1);
        QCOMPARE(candle.value(QStringLiteral("s")).toString(), QStringLiteral("BTC"));
        QCOMPARE(candle.value(QStringLiteral("i")).toString(), QStringLiteral("5m"));
        QCOMPARE(candle.value(QStringLiteral("o")).toString().toDouble(), m_btc->open()[i]);
        QCOMPARE(candle.value(QStringLiteral("h")).toString().toDouble(), m_btc->high()[i]);
        QCOMPARE(candle.value(QStringLiteral("l")).toString().toDouble(), m_btc->low()[i]);
        QCOMPARE(candle.value(QStringLiteral("c")).toString().toDouble(), m_btc->close()[i]);
        QCOMPARE(candle.value(QStringLiteral("v")).toString().toDouble(), m_btc->volume()[i]);
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

    void pingSubscribeUnsubscribe()
    {
        QVERIFY(m_fake->server().wsUrl().endsWith(QStringLiteral("/ws")));
        auto probe = connectProbe();
        QVERIFY(probe);
        QTRY_COMPARE(ws().connectionCount(), 1);
        probe->send(R"({"method":"ping"})");
        QTRY_COMPARE(probe->frames.size(), 1);
        QCOMPARE(probe->frame(0), object(R"({"channel":"pong"})"));

        probe->send(R"({"method":"subscribe","subscription":{"type":"allMids"}})");
        QTRY_COMPARE(probe->frames.size(), 3);
        QCOMPARE(probe->frame(1), object(R"({"channel":"subscriptionResponse",
                                             "data":{"method":"subscribe","subscription":{"type":"allMids"}}})"));
        QCOMPARE(probe->channel(2), QStringLiteral("allMids"));
        const double mid = probe->frame(2)[QStringLiteral("data")][QStringLiteral("mids")][QStringLiteral("BTC")]
                               .toString()
                               .toDouble();
        QCOMPARE(mid, std::round(m_btc->close()[0])); // a wire price: 5 significant figures
        QCOMPARE(ws().subscriptions().at(0), QList<QJsonObject>{object(R"({"type":"allMids"})")});

        probe->send(R"({"method":"subscribe","subscription":{"type":"allMids"}})");
        probe->send(R"({"method":"subscribe","subscription":{"type":"candle","coin":"BTC","interval":"1h"}})");
        probe->send(R"({"method":"subscribe","subscription":{"type":"webData9"}})");
        probe->send("not json");
        QTRY_COMPARE(probe->frames.size(), 7);
        for (int i = 3; i < 7; ++i)
            QCOMPARE(probe->channel(i), QStringLiteral("error"));
        QVERIFY(probe->frame(3)[QStringLiteral("data")].toString().startsWith(QStringLiteral("Already subscribed")));

        probe->send(R"({"method":"unsubscribe","subscription":{"type":"allMids"}})");
        QTRY_COMPARE(probe->frames.size(), 8);
        QCOMPARE(probe->frame(7), object(R"({"channel":"subscriptionResponse",
                                             "data":{"method":"unsubscribe","subscription":{"type":"allMids"}}})"));
        QVERIFY(ws().subscriptions().at(0).isEmpty());
        QVERIFY(m_fake->server().advance(1));
        QTest::qWait(50);
        QCOMPARE(probe->frames.size(), 8);
    }

    void candleStreamMatchesReplayedCandles()
    {
        auto probe = connectProbe();
        QVERIFY(probe);
        probe->send(R"({"method":"subscribe","subscription":{"type":"candle","coin":"BTC","interval":"5m"}})");
        QTRY_COMPARE(probe->frames.size(), 2);
        checkCandle(probe->frame(1)[QStringLiteral("data")].toObject(), 0);
        QVERIFY(m_fake->server().advance(3));
        QTRY_COMPARE(probe->frames.size(), 8);
        for (std::size_t bar = 1; bar <= 3; ++bar) {
            const QJsonObject opening = probe->frame(static_cast<int>(2 * bar))[QStringLiteral("data")].toObject();
            QCOMPARE(opening.value(QStringLiteral("t")).toInteger(), m_btc->timestampMs()[bar]);
            QCOMPARE(opening.value(QStringLiteral("c")).toString().toDouble(), m_btc->open()[bar]);
            QCOMPARE(opening.value(QStringLiteral("v")).toString(), QStringLiteral("0"));
            checkCandle(probe->frame(static_cast<int>(2 * bar + 1))[QStringLiteral("data")].toObject(), bar);
        }
        QCOMPARE(ws().framesSent(QStringLiteral("candle")), 7);
    }

    void bookAndTradesFollowThePrice()
    {
        auto probe = connectProbe();
        QVERIFY(probe);
        probe->send(R"({"method":"subscribe","subscription":{"type":"l2Book","coin":"BTC"}})");
        probe->send(R"({"method":"subscribe","subscription":{"type":"trades","coin":"BTC"}})");
        QTRY_COMPARE(probe->frames.size(), 3);
        QVERIFY(m_fake->server().advance(1));
        QTRY_COMPARE(probe->frames.size(), 5);
        const QJsonObject book = probe->frame(3)[QStringLiteral("data")].toObject();
        const QJsonArray levels = book[QStringLiteral("levels")].toArray();
        QCOMPARE(levels.size(), 2);
        const double bestBid = levels[0][0][QStringLiteral("px")].toString().toDouble();
        const double bestAsk = levels[1][0][QStringLiteral("px")].toString().toDouble();
        QVERIFY(bestBid <= m_btc->close()[1] && m_btc->close()[1] < bestAsk);
        QVERIFY(levels[0][1][QStringLiteral("px")].toString().toDouble() < bestBid);
        const QJsonArray trades = probe->frame(4)[QStringLiteral("data")].toArray();
        QCOMPARE(trades.size(), 1);
        QCOMPARE(trades[0][QStringLiteral("px")].toString().toDouble(), std::round(m_btc->close()[1]));
        QCOMPARE(trades[0][QStringLiteral("users")].toArray().size(), 2);
    }

    void userFillsSnapshotThenLiveFill()
    {
        const QString user = QString::fromStdString(m_fake->master());
        // A fill before subscribing must come in the snapshot, one after it as a live message.
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, order(true, "99000", "0.001", Tif::Ioc)).status, 200);
        auto probe = connectProbe();
        QVERIFY(probe);
        for (const QString& type : {QStringLiteral("userFills"), QStringLiteral("orderUpdates")}) {
            const QJsonObject subscription{{QStringLiteral("type"), type}, {QStringLiteral("user"), user}};
            const QJsonObject request{{QStringLiteral("method"), QStringLiteral("subscribe")},
                                      {QStringLiteral("subscription"), subscription}};
            probe->send(QJsonDocument(request).toJson(QJsonDocument::Compact).constData());
        }
        QTRY_COMPARE(probe->frames.size(), 3);
        const QJsonObject snapshot = probe->frame(1)[QStringLiteral("data")].toObject();
        QCOMPARE(snapshot[QStringLiteral("isSnapshot")], QJsonValue(true));
        QCOMPARE(snapshot[QStringLiteral("fills")].toArray().size(), 1);
        const auto fills = m_fake->exchange().fills(m_fake->master());
        QCOMPARE(snapshot[QStringLiteral("fills")][0][QStringLiteral("tid")].toInteger(),
                 static_cast<qint64>(fills[0].tid));

        // A resting sell above the market fills when a later bar's high crosses it.
        std::size_t bar = 1;
        while (m_btc->high()[bar] <= m_btc->close()[0] + 50.0)
            ++bar;
        const QByteArray px = QByteArray::number(static_cast<int>(m_btc->close()[0] + 50.0));
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, order(false, px.constData(), "0.001", Tif::Gtc)).status, 200);
        QTRY_COMPARE(probe->frames.size(), 4);
        QCOMPARE(probe->channel(3), QStringLiteral("orderUpdates"));
        QCOMPARE(probe->frame(3)[QStringLiteral("data")][0][QStringLiteral("status")].toString(),
                 QStringLiteral("open"));
        QVERIFY(m_fake->server().advance(static_cast<int>(bar)));
        QTRY_COMPARE(probe->frames.size(), 6);
        // Per connection, a publish follows the subscription order: userFills first, then orderUpdates.
        QCOMPARE(probe->channel(5), QStringLiteral("orderUpdates"));
        QCOMPARE(probe->frame(5)[QStringLiteral("data")][0][QStringLiteral("status")].toString(),
                 QStringLiteral("filled"));
        const QJsonObject live = probe->frame(4)[QStringLiteral("data")].toObject();
        QCOMPARE(probe->channel(4), QStringLiteral("userFills"));
        QVERIFY(!live.contains(QStringLiteral("isSnapshot")));
        const auto after = m_fake->exchange().fills(m_fake->master());
        QCOMPARE(after.size(), std::size_t(2));
        const QJsonObject fill = live[QStringLiteral("fills")][0].toObject();
        QCOMPARE(fill[QStringLiteral("tid")].toInteger(), static_cast<qint64>(after[1].tid));
        QCOMPARE(fill[QStringLiteral("hash")].toString(),
                 QStringLiteral("0x%1").arg(after[1].tid, 64, 16, QLatin1Char('0')));
        QCOMPARE(fill[QStringLiteral("px")].toString(), QString::fromUtf8(px));
    }

    void closeDropsEveryConnection()
    {
        auto first = connectProbe();
        auto second = connectProbe();
        QVERIFY(first && second);
        QTRY_COMPARE(ws().connectionCount(), 2);
        QCOMPARE(control(R"({"op":"wsClose"})"), QJsonValue(object(R"({"status":"ok"})")));
        QCOMPARE(ws().connectionCount(), 0);
        QTRY_VERIFY(!first->connected() && !second->connected());
        auto third = connectProbe();
        QVERIFY(third);
        QTRY_COMPARE(ws().connectionsAccepted(), 3);
    }

    void halfOpenIgnoresPingsUntilItEnds()
    {
        auto probe = connectProbe();
        QVERIFY(probe);
        QCOMPARE(control(R"({"op":"wsHalfOpen","ms":300})"), QJsonValue(object(R"({"status":"ok"})")));
        probe->send(R"({"method":"ping"})");
        probe->send(R"({"method":"subscribe","subscription":{"type":"allMids"}})");
        QVERIFY(m_fake->server().advance(1));
        QTest::qWait(150);
        QVERIFY(probe->connected());
        QCOMPARE(probe->frames.size(), 0);
        QTest::qWait(200);
        probe->send(R"({"method":"ping"})");
        QTRY_COMPARE(probe->frames.size(), 1);
        QCOMPARE(probe->channel(0), QStringLiteral("pong"));
        ws().setHalfOpen(0);
        probe->send(R"({"method":"ping"})");
        QTest::qWait(100);
        QCOMPARE(probe->frames.size(), 1);
        ws().clearFaults();
        probe->send(R"({"method":"ping"})");
        QTRY_COMPARE(probe->frames.size(), 2);
    }

    void delayedFramesArriveLate()
    {
        auto probe = connectProbe();
        QVERIFY(probe);
        control(R"({"op":"wsFrameFaults","seed":1,"delayMs":200})");
        QElapsedTimer clock;
        clock.start();
        probe->send(R"({"method":"ping"})");
        QTRY_COMPARE(probe->frames.size(), 1);
        QVERIFY2(clock.elapsed() >= 190, qPrintable(QString::number(clock.elapsed())));
    }

    void duplicatedReorderedAndMalformedFrames()
    {
        auto probe = connectProbe();
        QVERIFY(probe);
        probe->send(R"({"method":"subscribe","subscription":{"type":"candle","coin":"BTC","interval":"5m"}})");
        QTRY_COMPARE(probe->frames.size(), 2);
        ws().setFrameFaults(FakeWsFrameFaults{0, 1.0, 0.0, 0.0}, 7);
        QVERIFY(m_fake->server().advance(1));
        QTRY_COMPARE(probe->frames.size(), 6);
        QCOMPARE(probe->frames[2], probe->frames[3]);
        QCOMPARE(probe->frames[4], probe->frames[5]);

        ws().setFrameFaults(FakeWsFrameFaults{0, 0.0, 1.0, 0.0}, 7);
        QVERIFY(m_fake->server().advance(1));
        QTRY_COMPARE(probe->frames.size(), 8);
        checkCandle(probe->frame(6)[QStringLiteral("data")].toObject(), 2); // the complete bar overtook the opening
        QCOMPARE(probe->frame(7)[QStringLiteral("data")][QStringLiteral("v")].toString(), QStringLiteral("0"));

        QCOMPARE(control(R"({"op":"wsFrameFaults","seed":3,"malformed":1})"), QJsonValue(object(R"({"status":"ok"})")));
        QVERIFY(m_fake->server().advance(5));
        QTRY_COMPARE(probe->frames.size(), 18);
        QCOMPARE(ws().framesMalformed(), 10);
        int invalid = 0;
        for (int i = 8; i < 18; ++i) {
            const QJsonDocument document = QJsonDocument::fromJson(probe->frames[i].toUtf8());
            if (document.isNull())
                ++invalid;
            else
                QCOMPARE(document.object(), object(R"({"channel":"candle","data":{"malformed":true}})"));
        }
        QVERIFY(invalid > 0 && invalid < 10);
        probe->send(R"({"method":"ping"})");
        QTRY_COMPARE(probe->frames.size(), 19);
        QCOMPARE(probe->channel(18), QStringLiteral("pong"));
    }

    void seededFaultsRepeat()
    {
        QList<QStringList> runs;
        for (int run = 0; run < 2; ++run) {
            init();
            auto probe = connectProbe();
            QVERIFY(probe);
            probe->send(R"({"method":"subscribe","subscription":{"type":"allMids"}})");
            QTRY_COMPARE(probe->frames.size(), 2);
            ws().setFrameFaults(FakeWsFrameFaults{0, 0.3, 0.3, 0.3}, 42);
            QVERIFY(m_fake->server().advance(30));
            QTest::qWait(100);
            runs.append(probe->frames);
        }
        QCOMPARE(runs[0], runs[1]);
        QVERIFY(runs[0].size() != 32);
    }

    void floodSendsExtraAllMids()
    {
        auto probe = connectProbe();
        QVERIFY(probe);
        QCOMPARE(control(R"({"op":"wsFlood","perMinute":6000})"), QJsonValue(object(R"({"status":"ok"})")));
        QTest::qWait(500);
        control(R"({"op":"wsClearFaults"})");
        const int flooded = ws().framesSent(QStringLiteral("allMids"));
        QVERIFY2(flooded >= 20 && flooded <= 55, qPrintable(QString::number(flooded)));
        QTRY_COMPARE(probe->frames.size(), flooded);
        QCOMPARE(probe->channel(0), QStringLiteral("allMids"));
        QTest::qWait(100);
        QCOMPARE(ws().framesSent(QStringLiteral("allMids")), flooded);
    }

    void controlRejectsBadBodies()
    {
        const RawReply reply =
            m_fake->client().post(QStringLiteral("/control"), QByteArray(R"({"op":"wsFrameFaults","duplicate":2})"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(m_fake->client().post(QStringLiteral("/control"), QByteArray(R"({"op":"wsHalfOpen"})")).status, 400);
    }
};

QTEST_GUILESS_MAIN(TstFakeWs)
#include "tst_fakews.moc"
