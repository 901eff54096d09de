// SPDX-License-Identifier: MIT
// Tests of the documented REST request weights.
#include <QtTest>

#include "exchange/hyperliquid/http/requestweight.h"

using namespace sixbtc::exchange::hyperliquid;

class TstRequestWeight : public QObject
{
    Q_OBJECT

private slots:
    void weighsExchangeBatches()
    {
        QCOMPARE(exchangeRequestWeight(1), 1);
        QCOMPARE(exchangeRequestWeight(39), 1);
        QCOMPARE(exchangeRequestWeight(40), 2);
        QCOMPARE(exchangeRequestWeight(79), 2); // the docs' example
        QCOMPARE(exchangeRequestWeight(80), 3);
    }

    void weighsInfoRequests_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("weight");
        for (const char* light :
             {"l2Book", "allMids", "clearinghouseState", "orderStatus", "spotClearinghouseState", "exchangeStatus"})
            QTest::newRow(light) << QString::fromLatin1(light) << 2;
        QTest::newRow("userRole") << QStringLiteral("userRole") << 60;
        for (const char* other :
             {"meta", "metaAndAssetCtxs", "openOrders", "subAccounts", "userFills", "candleSnapshot"})
            QTest::newRow(other) << QString::fromLatin1(other) << 20;
    }
    void weighsInfoRequests()
    {
        QFETCH(QString, type);
        QFETCH(int, weight);
        QCOMPARE(infoRequestWeight(type.toStdString()), weight);
    }

    void weighsLongAnswers()
    {
        QCOMPARE(infoResponseExtraWeight("userFills", 19), 0);
        QCOMPARE(infoResponseExtraWeight("userFills", 2000), 100);
        QCOMPARE(infoResponseExtraWeight("userFillsByTime", 40), 2);
        QCOMPARE(infoResponseExtraWeight("candleSnapshot", 5000), 83);
        QCOMPARE(infoResponseExtraWeight("meta", 5000), 0);
    }
};

QTEST_GUILESS_MAIN(TstRequestWeight)
#include "tst_requestweight.moc"
