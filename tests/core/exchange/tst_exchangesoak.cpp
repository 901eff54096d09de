// SPDX-License-Identifier: MIT
// CI-sized soak of ExchangeClient: 100 order/cancel cycles under injected faults, no duplicate and no lost order.
#include <QtTest>

#include "exchangesoak.h"

using sixbtc::tests::ExchangeClientFixture;

class TstExchangeSoak : public QObject
{
    Q_OBJECT

private slots:
    void noDuplicatedAndNoLostOrders()
    {
        ExchangeClientFixture fixture(sixbtc::tests::soakSettings);
        const auto report = sixbtc::tests::runExchangeSoak(fixture, 100, 8, 20261125);
        qInfo("soak: %d cycles in %lld ms, %lld /exchange and %lld /info requests, %d failed calls", report.cycles,
              report.wallMs, qint64(report.exchangeRequests), qint64(report.infoRequests), report.failedCalls);
        QCOMPARE(report.duplicated, 0);
        QCOMPARE(report.lost, 0);
        QVERIFY2(report.failedCalls == 0, report.firstFailure.c_str());
        // The faults did happen: well over the 200 requests of a fault-free run.
        QVERIFY(report.exchangeRequests > 230);
        QVERIFY(report.infoRequests > 0);
    }
};

QTEST_GUILESS_MAIN(TstExchangeSoak)
#include "tst_exchangesoak.moc"
