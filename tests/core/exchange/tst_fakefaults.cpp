// SPDX-License-Identifier: MIT
// Loopback tests of the fake exchange's faults, by C++ API and by POST /control, and of its Date header.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "data/candlereader.h"
#include "exchange/hyperliquid/signing/actions.h"
#include "fakes/hyperliquid/fakeharness.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::fakes::hyperliquid::FakeFault;
using sixbtc::fakes::hyperliquid::FakeFaultRates;
using sixbtc::fakes::hyperliquid::FakeHarness;
using sixbtc::fakes::hyperliquid::FakeOrderState;
using sixbtc::fakes::hyperliquid::FaultScope;
using sixbtc::fakes::hyperliquid::RawReply;

namespace {

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

WireValue buy(const char* px, const char* sz, Tif tif)
{
    const OrderRequest request{0, true, px, sz, false, LimitOrderType{tif}, std::nullopt};
    return orderAction(std::span(&request, 1), Grouping::Na);
}

QJsonValue statuses(const RawReply& reply)
{
    return reply.json()[QStringLiteral("response")][QStringLiteral("data")][QStringLiteral("statuses")];
}

} // namespace

class TstFakeFaults : public QObject
{
    Q_OBJECT

private:
    std::optional<sixbtc::common::CandleSeries> m_btc;
    std::unique_ptr<FakeHarness> m_fake;

    RawReply control(const char* body) { return m_fake->client().post(QStringLiteral("/control"), QByteArray(body)); }
    std::size_t orderCount() const { return m_fake->exchange().allOrders().size(); }

private slots:
    void initTestCase()
    {
        auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-5m.csv.gz", "BTC",
                                                     *sixbtc::common::Timeframe::parse("5m"));
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        m_btc = std::move(data->series);
    }

    void init() { m_fake = std::make_unique<FakeHarness>(*m_btc, 10000.0, 400); }

    void tooManyRequestsIsNotProcessed()
    {
        m_fake->server().queueFault(FakeFault::tooManyRequests(20));
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc));
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.retryAfter, QByteArray("0.020"));
        QCOMPARE(orderCount(), std::size_t(0));
        QCOMPARE(m_fake->exchange().appliedActions(), 0);
    }

    void serverErrorBeforeOrAfterProcessing_data()
    {
        QTest::addColumn<bool>("processed");
        QTest::newRow("lost") << false;
        QTest::newRow("applied") << true;
    }

    void serverErrorBeforeOrAfterProcessing()
    {
        QFETCH(bool, processed);
        m_fake->server().queueFault(processed ? FakeFault::serverErrorAfterProcessing(502)
                                              : FakeFault::serverError(502));
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc));
        QCOMPARE(reply.status, 502);
        QCOMPARE(orderCount(), processed ? std::size_t(1) : std::size_t(0));
    }

    void acceptThenTimeoutAppliesTheActionAndNeverAnswers()
    {
        m_fake->server().queueFault(FakeFault::acceptThenTimeout());
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc));
        QVERIFY(reply.timedOut);
        QCOMPARE(m_fake->exchange().openOrders(m_fake->master()).size(), std::size_t(1));
        QTRY_COMPARE(m_fake->server().heldConnections(), 0);
    }

    void delayAnswersLate()
    {
        m_fake->server().queueFault(FakeFault::delay(150));
        QElapsedTimer timer;
        timer.start();
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc));
        QVERIFY(timer.elapsed() >= 150);
        QCOMPARE(statuses(reply), json(R"([{"resting":{"oid":1000}}])"));
    }

    void partialFills_data()
    {
        QTest::addColumn<int>("tif");
        QTest::addColumn<int>("openAfter");
        QTest::newRow("Ioc cancels the rest") << static_cast<int>(Tif::Ioc) << 0;
        QTest::newRow("Gtc rests the rest") << static_cast<int>(Tif::Gtc) << 1;
    }

    void partialFills()
    {
        QFETCH(int, tif);
        QFETCH(int, openAfter);
        m_fake->server().queueFault(FakeFault::partialFill(0.3));
        const RawReply reply = m_fake->send(FakeHarness::kMasterKey, buy("93000", "0.01", static_cast<Tif>(tif)));
        QCOMPARE(statuses(reply), json(R"([{"filled":{"totalSz":"0.003","avgPx":"92782","oid":1000}}])"));
        const auto open = m_fake->exchange().openOrders(m_fake->master());
        QCOMPARE(static_cast<int>(open.size()), openAfter);
        if (openAfter == 1)
            QCOMPARE(open[0].size, 0.007);
        QCOMPARE(m_fake->exchange().position(m_fake->master(), 0).szi, 0.003);
    }

    void rejectAndOrderErrorAreNotProcessed()
    {
        m_fake->server().queueFault(FakeFault::reject("Insufficient margin to place order."));
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc)).json(),
                 json(R"({"status":"err","response":"Insufficient margin to place order."})"));
        m_fake->server().queueFault(FakeFault::orderError("Order has zero size."));
        QCOMPARE(
            m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc)).json(),
            json(
                R"({"status":"ok","response":{"type":"order","data":{"statuses":[{"error":"Order has zero size."}]}}})"));
        QCOMPARE(orderCount(), std::size_t(0));
    }

    void scopedFaultsSkipOtherEndpoints()
    {
        m_fake->server().queueFault(FakeFault::tooManyRequests(10).inScope(FaultScope::Exchange));
        const RawReply info = m_fake->info({{QStringLiteral("type"), QStringLiteral("allMids")}});
        QCOMPARE(info.json(), json(R"({"BTC":"92782"})"));
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, noopAction()).status, 429);
    }

    void theControlEndpointInjectsTheSameFaults()
    {
        QCOMPARE(
            control(R"({"op":"queueFault","count":2,"fault":{"kind":"tooManyRequests","retryAfterMs":30}})").json(),
            json(R"({"status":"ok"})"));
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, noopAction()).status, 429);
        QCOMPARE(m_fake->info({{QStringLiteral("type"), QStringLiteral("meta")}}).status, 429);
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, noopAction()).status, 200);
        control(R"({"op":"queueFault","fault":{"kind":"serverError","status":503,"processed":true}})");
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc)).status, 503);
        QCOMPARE(orderCount(), std::size_t(1));
        control(R"({"op":"queueFault","fault":{"kind":"acceptThenTimeout"}})");
        QVERIFY(m_fake->send(FakeHarness::kMasterKey, buy("92000", "0.001", Tif::Gtc)).timedOut);
        QCOMPARE(orderCount(), std::size_t(2));
        control(R"({"op":"queueFault","fault":{"kind":"partialFill","fraction":0.5}})");
        QCOMPARE(statuses(m_fake->send(FakeHarness::kMasterKey, buy("93000", "0.002", Tif::Ioc))),
                 json(R"([{"filled":{"totalSz":"0.001","avgPx":"92782","oid":1002}}])"));
        QCOMPARE(control(R"({"op":"advance","candles":2})").status, 200);
        QCOMPARE(m_fake->exchange().marketPrice(0), m_btc->close()[2]);
        const QJsonValue unknown = control(R"({"op":"explode"})").json();
        QCOMPARE(unknown[QStringLiteral("response")].toString(), QStringLiteral("unknown op \"explode\""));
        QCOMPARE(control(R"({"op":"queueFault","fault":{"kind":"partialFill","fraction":1.5}})").status, 400);
    }

    void theDateHeaderFollowsTheClockAndTheInjectedSkew()
    {
        // The clock starts at 1735603200000 = 2024-12-31 00:00:00 UTC.
        QCOMPARE(m_fake->info({{QStringLiteral("type"), QStringLiteral("meta")}}).date,
                 QByteArray("Tue, 31 Dec 2024 00:00:00 GMT"));
        control(R"({"op":"setDateOffset","ms":-90000})");
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, noopAction()).date, QByteArray("Mon, 30 Dec 2024 23:58:30 GMT"));
    }

    void seededRatesAreReproducible()
    {
        const auto run = [this](quint64 seed) {
            m_fake = std::make_unique<FakeHarness>(*m_btc, 10000.0, 150);
            FakeFaultRates rates{0.2, 0.05, 5};
            rates.acceptThenTimeout = 0.1;
            m_fake->server().setFaultRates(rates, seed);
            QList<int> outcomes;
            for (int i = 0; i < 40; ++i) {
                const RawReply reply = m_fake->send(FakeHarness::kMasterKey, noopAction());
                outcomes.append(reply.timedOut ? -1 : reply.status);
            }
            return outcomes;
        };
        const QList<int> first = run(20261125);
        QCOMPARE(run(20261125), first);
        QVERIFY(first.contains(429));
        QVERIFY(first.contains(503));
        QVERIFY(first.contains(-1));
        QVERIFY(first.contains(200));
        QVERIFY(run(7) != first);
        QCOMPARE(
            control(R"({"op":"setFaultRates","seed":1,"tooManyRequests":1.0,"serverError":0,"retryAfterMs":5})").status,
            200);
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, noopAction()).status, 429);
        QCOMPARE(control(R"({"op":"clearFaults"})").status, 200);
        QCOMPARE(m_fake->send(FakeHarness::kMasterKey, noopAction()).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstFakeFaults)
#include "tst_fakefaults.moc"
