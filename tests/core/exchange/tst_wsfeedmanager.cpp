// SPDX-License-Identifier: MIT
// WsFeedManager without a network: coins split over connections, venue limits counted and enforced, URL rules.
#include <QtTest>

#include "exchange/hyperliquid/websocket/wsfeedmanager.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

sixbtc::config::HyperliquidSettings settings(int maxSymbolsPerWs)
{
    sixbtc::config::HyperliquidSettings s{};
    s.wsUrl = "ws://127.0.0.1:9/ws";
    s.wsPingIntervalS = 30;
    s.wsIdleTimeoutS = 60;
    s.wsReconnect = {500, 30000, 0.2};
    s.maxSymbolsPerWs = maxSymbolsPerWs;
    return s;
}

std::unique_ptr<WsFeedManager> manager(int maxSymbolsPerWs)
{
    auto created = WsFeedManager::create(settings(maxSymbolsPerWs), 1);
    if (!created)
        qFatal("cannot create the manager: %s", created.error().message.c_str());
    return std::move(*created);
}

Subscription book(const std::string& coin)
{
    return Subscription{SubscriptionType::L2Book, coin, {}, {}};
}

std::string user(int i)
{
    std::string hex = std::to_string(i);
    return "0x" + std::string(40 - hex.size(), '0') + hex;
}

} // namespace

class TstWsFeedManager : public QObject
{
    Q_OBJECT

private slots:
    void splitsCoinsOverConnections()
    {
        auto m = manager(2);
        for (const char* coin : {"BTC", "ETH", "SOL", "DOGE", "AVAX"})
            QVERIFY(m->subscribe(book(coin), {}).has_value());
        QCOMPARE(m->connections().size(), std::size_t(3));
        // Another channel of a coin already on a connection does not count as a new symbol there.
        QVERIFY(m->subscribe(Subscription{SubscriptionType::Candle, "BTC", "5m", {}}, {}).has_value());
        QCOMPARE(m->connections().size(), std::size_t(3));
        QCOMPARE(m->connections()[0]->subscriptions().size(), std::size_t(3));
        QCOMPARE(m->connections()[2]->subscriptions().size(), std::size_t(1));
        QCOMPARE(m->subscriptionCount(), 6);
        // The same subscription twice is shared, not counted twice.
        QVERIFY(m->subscribe(book("ETH"), {}).has_value());
        QCOMPARE(m->subscriptionCount(), 6);
        QCOMPARE(m->state(book("ETH")), FeedState::Stale);
    }

    void userUnnamedChannelsNeverShareAConnection()
    {
        auto m = manager(100);
        QVERIFY(m->subscribe({SubscriptionType::OrderUpdates, {}, {}, user(1)}, {}).has_value());
        QVERIFY(m->subscribe({SubscriptionType::UserFills, {}, {}, user(1)}, {}).has_value());
        QVERIFY(m->subscribe({SubscriptionType::OrderUpdates, {}, {}, user(2)}, {}).has_value());
        QVERIFY(m->subscribe({SubscriptionType::UserEvents, {}, {}, user(2)}, {}).has_value());
        QCOMPARE(m->connections().size(), std::size_t(2));
        QCOMPARE(m->userCount(), 2);
    }

    void refusesTheEleventhUser()
    {
        auto m = manager(100);
        for (int i = 0; i < WsFeedManager::kMaxUsers; ++i)
            QVERIFY(m->subscribe({SubscriptionType::UserFills, {}, {}, user(i)}, {}).has_value());
        // More subscriptions of a known user are fine.
        QVERIFY(m->subscribe({SubscriptionType::OrderUpdates, {}, {}, user(3)}, {}).has_value());
        const auto refused = m->subscribe({SubscriptionType::UserFills, {}, {}, user(99)}, {});
        QVERIFY(!refused.has_value());
        QVERIFY(QString::fromStdString(refused.error().message()).contains(QStringLiteral("10 distinct users")));
        QCOMPARE(m->userCount(), 10);
    }

    void refusesSubscriptionThousandAndOne()
    {
        auto m = manager(100);
        for (int i = 0; i < WsFeedManager::kMaxSubscriptions; ++i)
            QVERIFY(m->subscribe(book("C" + std::to_string(i)), {}).has_value());
        QCOMPARE(m->connections().size(), std::size_t(10));
        const auto refused = m->subscribe(book("ONEMORE"), {});
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().kind(), ErrorKind::Exchange);
        QVERIFY(QString::fromStdString(refused.error().message()).contains(QStringLiteral("1000 subscriptions")));
        QCOMPARE(m->subscriptionCount(), 1000);
    }

    void refusesTheHundredAndFirstConnection()
    {
        auto m = manager(1);
        for (int i = 0; i < WsFeedManager::kMaxConnections; ++i)
            QVERIFY(m->subscribe(book("C" + std::to_string(i)), {}).has_value());
        const auto refused = m->subscribe(book("ONEMORE"), {});
        QVERIFY(!refused.has_value());
        QVERIFY(QString::fromStdString(refused.error().message()).contains(QStringLiteral("100 connections")));
    }

    void wsUrlRules_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("wss mainnet") << QStringLiteral("wss://api.hyperliquid.xyz/ws") << true;
        QTest::newRow("ws loopback") << QStringLiteral("ws://127.0.0.1:8080/ws") << true;
        QTest::newRow("ws 127/8") << QStringLiteral("ws://127.1.2.3:1/ws") << true;
        QTest::newRow("ws remote") << QStringLiteral("ws://api.hyperliquid.xyz/ws") << false;
        QTest::newRow("ws localhost name") << QStringLiteral("ws://localhost:1/ws") << false;
        QTest::newRow("https") << QStringLiteral("https://api.hyperliquid.xyz/ws") << false;
        QTest::newRow("user info") << QStringLiteral("wss://u:p@api.hyperliquid.xyz/ws") << false;
        QTest::newRow("query") << QStringLiteral("wss://api.hyperliquid.xyz/ws?x=1") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void wsUrlRules()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        auto s = settings(100);
        s.wsUrl = url.toStdString();
        const auto created = WsFeedManager::create(s, 1);
        QCOMPARE(created.has_value(), accepted);
        if (!accepted)
            QVERIFY(created.error().message.find("hyperliquid.ws_url") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstWsFeedManager)
#include "tst_wsfeedmanager.moc"
