// SPDX-License-Identifier: MIT
// Loopback tests of the WebSocket feeds against the fake: drops, half-open, malformed frames, a faulted soak.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

#include "data/candlereader.h"
#include "exchange/hyperliquid/http/infoclient.h"
#include "exchange/hyperliquid/http/ratelimiter.h"
#include "exchange/hyperliquid/signing/actions.h"
#include "exchange/hyperliquid/websocket/candlefeed.h"
#include "exchange/hyperliquid/websocket/fillfeed.h"
#include "exchange/hyperliquid/websocket/wsfeedmanager.h"
#include "fakes/hyperliquid/fakeharness.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::common::CandleSeries;
using sixbtc::common::Timeframe;
using sixbtc::fakes::hyperliquid::FakeHarness;
using sixbtc::fakes::hyperliquid::FakeWsFrameFaults;

namespace {

constexpr int kIdleTimeoutS = 2;

} // namespace

class TstWsFeeds : public QObject
{
    Q_OBJECT

private:
    std::optional<CandleSeries> m_btc;
    std::unique_ptr<FakeHarness> m_fake;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<InfoClient> m_info;
    std::unique_ptr<WsFeedManager> m_manager;
    sixbtc::config::HyperliquidSettings m_settings{};
    std::size_t m_bar = 0;

    std::function<std::int64_t()> clock()
    {
        return [this] { return m_fake->nowMs(); };
    }

    /// Makes the next bar current (clock one minute into it) and streams it.
    void advanceBar()
    {
        ++m_bar;
        m_fake->setNowMs(m_btc->timestampMs()[m_bar] + 60000);
        QVERIFY(m_fake->server().advance(1));
    }

    /// An IOC order crossing the current close by 1 %: one immediate fill.
    void placeFill(bool buy)
    {
        const double close = m_btc->close()[m_bar];
        const std::string px = std::to_string(std::llround(close * (buy ? 1.01 : 0.99)));
        const OrderRequest request{0, buy, px, "0.001", false, LimitOrderType{Tif::Ioc}, std::nullopt};
        m_fake->send(FakeHarness::kMasterKey, orderAction(std::span(&request, 1), Grouping::Na));
    }

    std::vector<std::int64_t> fakeFillTids()
    {
        const QJsonArray fills = m_fake
                                     ->info({{QStringLiteral("type"), QStringLiteral("userFills")},
                                             {QStringLiteral("user"), QString::fromStdString(m_fake->master())}})
                                     .json()
                                     .toArray();
        std::vector<std::int64_t> tids;
        for (const QJsonValue& f : fills)
            tids.push_back(f.toObject().value(QStringLiteral("tid")).toInteger());
        std::sort(tids.begin(), tids.end());
        return tids;
    }

    static std::vector<std::int64_t> tidsOf(const FillBook& book)
    {
        std::vector<std::int64_t> tids;
        for (const Fill& f : book.fills())
            tids.push_back(f.tid);
        std::sort(tids.begin(), tids.end());
        return tids;
    }

private slots:
    void initTestCase()
    {
        auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-5m.csv.gz", "BTC",
                                                     *Timeframe::parse("5m"));
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        m_btc = std::move(data->series);
    }

    void init()
    {
        m_bar = 0;
        m_fake = std::make_unique<FakeHarness>(*m_btc, 100000.0, 2000);
        m_settings = {};
        m_settings.baseUrl = m_fake->server().baseUrl().toStdString();
        m_settings.wsUrl = m_fake->server().wsUrl().toStdString();
        m_settings.requestTimeoutMs = 2000;
        m_settings.retry = {20, 200, 4};
        m_settings.rateLimit = {1200, 0.2};
        m_settings.wsPingIntervalS = 1;
        m_settings.wsIdleTimeoutS = kIdleTimeoutS;
        m_settings.wsReconnect = {100, 1000, 0.2};
        m_settings.maxSymbolsPerWs = 100;
        m_limiter = std::make_unique<RateLimiter>(m_settings.rateLimit, clock());
        auto info = InfoClient::create(m_settings, *m_limiter);
        QVERIFY(info.has_value());
        m_info = std::move(*info);
        auto manager = WsFeedManager::create(m_settings, 7);
        QVERIFY(manager.has_value());
        m_manager = std::move(*manager);
    }

    void cleanup()
    {
        m_manager.reset();
        m_info.reset();
        m_fake.reset();
    }

    void droppedConnectionIsBackAndResubscribedWithinTheBackoffBound()
    {
        CandleFeed candles(*m_manager, *m_info, "BTC", *Timeframe::parse("5m"), clock());
        FillFeed fills(*m_manager, *m_info, m_fake->master(), clock());
        QVERIFY(candles.start().has_value());
        QVERIFY(fills.start().has_value());
        m_manager->start();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Live && fills.state() == FeedState::Live, 5000);
        QCOMPARE(m_fake->server().ws().subscriptions().value(0).size(), 2);

        const ReconnectBackoff bound(m_settings.wsReconnect, 0);
        QElapsedTimer elapsed;
        elapsed.start();
        m_fake->server().ws().closeAll();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Stale, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(m_fake->server().ws().connectionCount() == 1 &&
                                     m_fake->server().ws().subscriptions().value(0).size() == 2,
                                 5000);
        // The first delay after a drop is at most initial_ms * (1 + jitter); loopback connect time on top.
        QVERIFY2(elapsed.elapsed() <= bound.upperBoundMs(0) + 500, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(m_fake->server().ws().connectionsAccepted(), 2);
        advanceBar();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Live && fills.state() == FeedState::Live, 5000);
        QCOMPARE(m_manager->connections().front()->drops(), 1);
    }

    void halfOpenConnectionIsDeclaredDead()
    {
        CandleFeed candles(*m_manager, *m_info, "BTC", *Timeframe::parse("5m"), clock());
        QVERIFY(candles.start().has_value());
        m_manager->start();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Live, 5000);
        WsConnection& connection = *m_manager->connections().front();
        QSignalSpy dropped(&connection, &WsConnection::dropped);
        QElapsedTimer elapsed;
        elapsed.start();
        m_fake->server().ws().setHalfOpen(0);
        QTRY_VERIFY_WITH_TIMEOUT(dropped.count() == 1, (kIdleTimeoutS + 5) * 1000);
        QVERIFY(elapsed.elapsed() <= (kIdleTimeoutS + 5) * 1000);
        QVERIFY(dropped.at(0).at(0).toString().contains(QStringLiteral("half-open")));
        QCOMPARE(candles.state(), FeedState::Stale);
        m_fake->server().ws().clearFaults();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Live, 5000);
    }

    void malformedFramesAreCountedNeverFatal()
    {
        CandleFeed candles(*m_manager, *m_info, "BTC", *Timeframe::parse("5m"), clock());
        QVERIFY(candles.start().has_value());
        m_manager->start();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Live, 5000);
        m_fake->server().ws().setFrameFaults(FakeWsFrameFaults{0, 0.0, 0.0, 0.4}, 11);
        for (int i = 0; i < 20; ++i)
            advanceBar();
        QTRY_VERIFY_WITH_TIMEOUT(m_manager->malformedFrames() >= m_fake->server().ws().framesMalformed() &&
                                     m_fake->server().ws().framesMalformed() > 0,
                                 5000);
        QCOMPARE(m_manager->connections().front()->drops(), 0);
        QVERIFY(m_manager->connections().front()->isConnected());
        m_fake->server().ws().clearFaults();
        advanceBar();
        QTRY_COMPARE_WITH_TIMEOUT(candles.series().lastOpenTimeMs(), m_btc->timestampMs()[m_bar], 5000);
    }

    void floodIsAbsorbedWithoutDrops()
    {
        CandleFeed candles(*m_manager, *m_info, "BTC", *Timeframe::parse("5m"), clock());
        int mids = 0;
        const Subscription allMids{SubscriptionType::AllMids, {}, {}, {}};
        QVERIFY(m_manager->subscribe(allMids, WsListener{[&mids](const WsMessage&) { ++mids; }, {}}).has_value());
        QVERIFY(candles.start().has_value());
        m_manager->start();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Live, 5000);
        m_fake->server().ws().setFlood(2000);
        QTest::qWait(3000);
        advanceBar();
        QTRY_COMPARE_WITH_TIMEOUT(candles.series().lastOpenTimeMs(), m_btc->timestampMs()[m_bar], 5000);
        m_fake->server().ws().setFlood(0);
        // 2,000 a minute is about 33 a second: at least 60 in 3 s, every one delivered, nothing lost or refused.
        QVERIFY2(mids >= 60, qPrintable(QString::number(mids)));
        QCOMPARE(m_manager->malformedFrames(), 0);
        QCOMPARE(m_manager->connections().front()->drops(), 0);
        QCOMPARE(m_manager->state(allMids), FeedState::Live);
    }

    void seededSoakKeepsCandlesAndFillsExact()
    {
        CandleFeed candles(*m_manager, *m_info, "BTC", *Timeframe::parse("5m"), clock());
        FillFeed fills(*m_manager, *m_info, m_fake->master(), clock());
        QVERIFY(candles.start().has_value());
        QVERIFY(fills.start().has_value());
        m_manager->start();
        QTRY_VERIFY_WITH_TIMEOUT(candles.state() == FeedState::Live && fills.state() == FeedState::Live, 5000);
        m_fake->server().ws().setFrameFaults(FakeWsFrameFaults{0, 0.05, 0.05, 0.0}, 20241125);
        const auto caughtUp = [&] {
            return candles.state() == FeedState::Live && fills.state() == FeedState::Live &&
                   !candles.series().empty() && candles.series().lastOpenTimeMs() == m_btc->timestampMs()[m_bar] &&
                   candles.series().candles().back().trades == std::int64_t(std::ceil(m_btc->volume()[m_bar])) &&
                   fills.book().size() == fakeFillTids().size();
        };
        // 30 rounds of (live bar + fill, drop, two bars + fill while down): 90 bars, 30 drops, 60 fills.
        for (int round = 0; round < 30; ++round) {
            advanceBar();
            placeFill(round % 2 == 0);
            QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 10000);
            m_fake->server().ws().closeAll();
            advanceBar();
            placeFill(round % 2 != 0);
            advanceBar();
            QTRY_VERIFY_WITH_TIMEOUT(caughtUp(), 10000);
        }
        const std::vector<Candle>& series = candles.series().candles();
        QVERIFY(!candles.series().firstGap().has_value());
        QCOMPARE(series.front().openTimeMs, m_btc->timestampMs()[0]);
        QCOMPARE(series.size(), m_bar + 1);
        for (std::size_t i = 0; i < series.size(); ++i) {
            QCOMPARE(series[i].openTimeMs, m_btc->timestampMs()[i]);
            QCOMPARE(series[i].close, m_btc->close()[i]);
        }
        QCOMPARE(tidsOf(fills.book()), fakeFillTids());
        QCOMPARE(fills.book().size(), std::size_t(60));
        QVERIFY(candles.backfills() >= 30);
        QVERIFY(fills.recoveries() >= 30);
        QCOMPARE(m_manager->connections().front()->drops(), 30);
    }
};

QTEST_GUILESS_MAIN(TstWsFeeds)
#include "tst_wsfeeds.moc"
