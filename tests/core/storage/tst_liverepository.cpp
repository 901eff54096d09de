// SPDX-License-Identifier: MIT
// Conformance tests of LiveRepository: deployments, idempotent orders and fills, risk events.
#include <QtTest>

#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;
using sixbtc::common::ErrorCode;

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;
const std::string kAddress = "0x00000000000000000000000000000000000000a1";

} // namespace

class TstLiveRepository : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_fixture{kStartMs};
    ManualClock& m_clock = m_fixture.clock();
    std::int64_t m_deployment = 0;

    LiveRepository& repo() { return m_fixture.store().live(); }

    LiveOrder sampleOrder(const std::string& id) const
    {
        return LiveOrder{id,       m_deployment, "BTC",  Side::Sell,   "limit", 0.015,
                         65'000.5, true,         "sent", std::nullopt, 0,       0};
    }

private slots:
    void init()
    {
        const std::string error = m_fixture.open();
        QVERIFY2(error.empty(), error.c_str());
        auto inserted = m_fixture.store().strategies().insert(sampleStrategy("MOM", 1));
        SIXBTC_VERIFY_OK(inserted);
        auto added = repo().addSubaccount({kAddress, "sub 1", 0});
        SIXBTC_VERIFY_OK(added);
        auto deployment = repo().startDeployment({0, sampleStrategy("MOM", 1).record.uuid, kAddress, 250.0, 0, {}, ""});
        SIXBTC_VERIFY_OK(deployment);
        m_deployment = *deployment;
    }
    void cleanup()
    {
        m_fixture.close();
    }

    void deploymentsStartAndStop()
    {
        QCOMPARE(repo().subaccounts()->front().createdAtMs, kStartMs);
        QVERIFY(!repo().addSubaccount({kAddress, "again", 0}));
        auto running = repo().runningDeployments();
        SIXBTC_VERIFY_OK(running);
        QCOMPARE(running->size(), std::size_t(1));
        QCOMPARE(running->front().allocationUsd, 250.0);
        m_clock.advance(60'000);
        auto stopped = repo().stopDeployment(m_deployment, "emergency stop");
        SIXBTC_VERIFY_OK(stopped);
        QVERIFY(repo().runningDeployments()->empty());
        auto deployment = repo().deployment(m_deployment);
        SIXBTC_VERIFY_OK(deployment);
        QCOMPARE(deployment->stoppedAtMs, std::optional<std::int64_t>(kStartMs + 60'000));
        QCOMPARE(deployment->stopReason, std::string("emergency stop"));
        QCOMPARE(repo().stopDeployment(m_deployment, "twice").error().code, ErrorCode::Input);
    }

    void orderReplayNeverDuplicates()
    {
        auto first = repo().recordOrder(sampleOrder("cloid-1"));
        SIXBTC_VERIFY_OK(first);
        QVERIFY(*first);
        m_clock.advance(5);
        LiveOrder replay = sampleOrder("cloid-1");
        replay.size = 99.0; // a replay changes nothing, even with other content
        auto second = repo().recordOrder(replay);
        SIXBTC_VERIFY_OK(second);
        QVERIFY(!*second);
        auto orders = repo().ordersOf(m_deployment);
        SIXBTC_VERIFY_OK(orders);
        QCOMPARE(orders->size(), std::size_t(1));
        LiveOrder expected = sampleOrder("cloid-1");
        expected.createdAtMs = kStartMs;
        expected.updatedAtMs = kStartMs;
        QVERIFY(orders->front() == expected);
    }

    void orderStatusUpdates()
    {
        auto recorded = repo().recordOrder(sampleOrder("cloid-2"));
        SIXBTC_VERIFY_OK(recorded);
        m_clock.advance(7);
        auto updated = repo().updateOrderStatus("cloid-2", "open", std::string("oid-77"));
        SIXBTC_VERIFY_OK(updated);
        updated = repo().updateOrderStatus("cloid-2", "filled", std::nullopt);
        SIXBTC_VERIFY_OK(updated);
        auto order = repo().order("cloid-2");
        SIXBTC_VERIFY_OK(order);
        QCOMPARE(order->status, std::string("filled"));
        QCOMPARE(order->exchangeOrderId, std::optional<std::string>("oid-77"));
        QCOMPARE(order->updatedAtMs, kStartMs + 7);
        QCOMPARE(repo().updateOrderStatus("nope", "open", std::nullopt).error().code, ErrorCode::Input);
    }

    void fillReplayNeverDuplicates()
    {
        auto recorded = repo().recordOrder(sampleOrder("cloid-3"));
        SIXBTC_VERIFY_OK(recorded);
        const LiveFill a{"fill-a", "cloid-3", 0.005, 65'000.5, 0.0325, kStartMs + 2};
        const LiveFill b{"fill-b", "cloid-3", 0.01, 65'001.0, 0.065, kStartMs + 1};
        for (int replay = 0; replay < 3; ++replay) {
            auto first = repo().recordFill(a);
            auto second = repo().recordFill(b);
            SIXBTC_VERIFY_OK(first);
            SIXBTC_VERIFY_OK(second);
            QCOMPARE(*first, replay == 0);
            QCOMPARE(*second, replay == 0);
        }
        auto fills = repo().fillsOf("cloid-3");
        SIXBTC_VERIFY_OK(fills);
        QCOMPARE(fills->size(), std::size_t(2));
        QVERIFY((*fills)[0] == b); // by fill time
        QVERIFY((*fills)[1] == a);
        QVERIFY(!repo().recordFill({"fill-c", "unknown-order", 1, 1, 0, 0}));
    }

    void riskEvents()
    {
        m_clock.set(kStartMs + 100);
        auto first = repo().recordRiskEvent(
            {0, 0, "order_blocked", "warning", m_deployment, "size over limit", R"({"limit":0.01})"});
        SIXBTC_VERIFY_OK(first);
        m_clock.set(kStartMs + 200);
        auto second = repo().recordRiskEvent({0, 0, "emergency_stop", "critical", std::nullopt, "user stop", "{}"});
        SIXBTC_VERIFY_OK(second);
        auto all = repo().riskEvents(0);
        SIXBTC_VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(2));
        QVERIFY(all->front() == (RiskEvent{*first, kStartMs + 100, "order_blocked", "warning", m_deployment,
                                           "size over limit", R"({"limit":0.01})"}));
        QCOMPARE(repo().riskEvents(kStartMs + 150)->size(), std::size_t(1));
        QVERIFY(!repo().recordRiskEvent({0, 0, "x", "fatal", std::nullopt, "bad severity", "{}"}));
    }
};

QTEST_GUILESS_MAIN(TstLiveRepository)
#include "tst_liverepository.moc"
