// SPDX-License-Identifier: MIT
// Tests of the pure /info parsers on fixed samples (hyperliquid.md section 3) and on answers of the wrong shape.
#include <QtTest>

#include "exchange/hyperliquid/http/accountparsers.h"
#include "exchange/hyperliquid/http/marketparsers.h"
#include "fakes/hyperliquid/cannedinfo.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::fakes::hyperliquid::cannedInfo;

namespace {

QJsonDocument sample(const char* type)
{
    return QJsonDocument::fromJson(cannedInfo(QString::fromLatin1(type)));
}

/// The error message of parsing `json` with the parser of `type`, or "" when it parsed.
std::string parseError(const QString& type, const QByteArray& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const auto message = [](const auto& result) {
        if (result)
            return std::string();
        if (result.error().kind() != ErrorKind::Decode)
            return "not a decode error: " + result.error().message();
        return result.error().message();
    };
    if (type == QStringLiteral("meta"))
        return message(parseMeta(document));
    if (type == QStringLiteral("metaAndAssetCtxs"))
        return message(parseMetaAndAssetCtxs(document));
    if (type == QStringLiteral("allMids"))
        return message(parseAllMids(document));
    if (type == QStringLiteral("clearinghouseState"))
        return message(parseClearinghouseState(document));
    if (type == QStringLiteral("openOrders"))
        return message(parseOpenOrders(document));
    if (type == QStringLiteral("userFills"))
        return message(parseUserFills(document));
    if (type == QStringLiteral("candleSnapshot"))
        return message(parseCandleSnapshot(document));
    if (type == QStringLiteral("orderStatus"))
        return message(parseOrderStatus(document));
    return message(parseSubAccounts(document));
}

} // namespace

class TstInfoParsers : public QObject
{
    Q_OBJECT

private slots:
    void parsesMeta()
    {
        const auto meta = parseMeta(sample("meta"));
        QVERIFY(meta.has_value());
        QCOMPARE(meta->universe.size(), std::size_t(3));
        QCOMPARE(meta->universe[0].name, std::string("BTC"));
        QCOMPARE(meta->universe[0].szDecimals, 5);
        QCOMPARE(meta->universe[1].maxLeverage, 25);
        QVERIFY(!meta->universe[1].isDelisted);
        QVERIFY(meta->universe[2].isDelisted && meta->universe[2].onlyIsolated);
    }

    void parsesMetaAndAssetCtxs()
    {
        const auto both = parseMetaAndAssetCtxs(sample("metaAndAssetCtxs"));
        QVERIFY2(both.has_value(), both ? "" : both.error().message().c_str());
        QCOMPARE(both->contexts.size(), std::size_t(3));
        QCOMPARE(both->contexts[0].markPx, 67010.0);
        QCOMPARE(both->contexts[0].midPx, std::optional<double>(67000.5));
        QCOMPARE(both->contexts[0].funding, 0.0000125);
        QVERIFY(!both->contexts[1].midPx.has_value());
    }

    void parsesAllMids()
    {
        const auto mids = parseAllMids(sample("allMids"));
        QVERIFY(mids.has_value());
        QCOMPARE(mids->size(), std::size_t(3));
        QCOMPARE(mids->at("BTC"), 67000.5);
        QCOMPARE(mids->at("@107"), 0.00123);
    }

    void parsesClearinghouseState()
    {
        const auto state = parseClearinghouseState(sample("clearinghouseState"));
        QVERIFY(state.has_value());
        QCOMPARE(state->marginSummary.accountValue, 10250.75);
        QCOMPARE(state->withdrawable, 10082.94);
        QCOMPARE(state->timeMs, std::int64_t(1700000000123));
        QCOMPARE(state->positions.size(), std::size_t(2));
        QCOMPARE(state->positions[0].coin, std::string("ETH"));
        QCOMPARE(state->positions[0].szi, -0.5);
        QVERIFY(state->positions[0].crossLeverage);
        QCOMPARE(state->positions[0].leverage, 20);
        QCOMPARE(state->positions[0].liquidationPx, std::optional<double>(22000.5));
        QVERIFY(!state->positions[1].crossLeverage);
        QVERIFY(!state->positions[1].liquidationPx.has_value());
    }

    void parsesOpenOrders()
    {
        const auto orders = parseOpenOrders(sample("openOrders"));
        QVERIFY(orders.has_value());
        QCOMPARE(orders->size(), std::size_t(2));
        QCOMPARE((*orders)[0].side, Side::Buy);
        QCOMPARE((*orders)[0].oid, std::int64_t(91490942));
        QCOMPARE((*orders)[0].cloid, std::optional<std::string>("0x00000000000000000000000000000001"));
        QCOMPARE((*orders)[1].side, Side::Sell);
        QCOMPARE((*orders)[1].limitPx, 3600.5);
        QVERIFY(!(*orders)[1].cloid.has_value());
        QVERIFY(!(*orders)[1].reduceOnly);
    }

    void parsesUserFills()
    {
        const auto fills = parseUserFills(sample("userFills"));
        QVERIFY(fills.has_value());
        QCOMPARE(fills->size(), std::size_t(2));
        QCOMPARE((*fills)[0].tid, std::int64_t(118906512037719));
        QCOMPARE((*fills)[0].fee, 0.195);
        QVERIFY((*fills)[1].crossed);
        QCOMPARE((*fills)[1].dir, std::string("Open Short"));
    }

    void parsesCandleSnapshot()
    {
        const auto candles = parseCandleSnapshot(sample("candleSnapshot"));
        QVERIFY(candles.has_value());
        QCOMPARE(candles->size(), std::size_t(2));
        const Candle& first = (*candles)[0];
        QCOMPARE(first.openTimeMs, std::int64_t(1700000100000));
        QCOMPARE(first.closeTimeMs, std::int64_t(1700000999999));
        QCOMPARE(first.high, 67050.5);
        QCOMPARE(first.low, 66880.0);
        QCOMPARE(first.volume, 12.345);
        QCOMPARE(first.trades, std::int64_t(321));
        QCOMPARE(first.interval, std::string("15m"));
    }

    void parsesOrderStatus()
    {
        const auto unknown = parseOrderStatus(QJsonDocument::fromJson(R"({"status":"unknownOid"})"));
        QVERIFY(unknown.has_value() && !unknown->found);
        const auto found = parseOrderStatus(QJsonDocument::fromJson(
            R"({"status":"order","order":{"order":{"coin":"BTC","side":"A","limitPx":"70000","sz":"0.1","oid":7,
                "timestamp":5,"origSz":"0.2"},"status":"filled","statusTimestamp":9}})"));
        QVERIFY2(found.has_value(), found ? "" : found.error().message().c_str());
        QVERIFY(found->found);
        QCOMPARE(found->status, std::string("filled"));
        QCOMPARE(found->order->oid, std::int64_t(7));
        QCOMPARE(found->statusTimestampMs, std::int64_t(9));
    }

    void parsesSubAccounts()
    {
        const auto accounts = parseSubAccounts(sample("subAccounts"));
        QVERIFY(accounts.has_value());
        QCOMPARE(accounts->size(), std::size_t(1));
        QCOMPARE((*accounts)[0].name, std::string("alpha"));
        QCOMPARE((*accounts)[0].clearinghouseState.marginSummary.accountValue, 500.0);
        const auto none = parseSubAccounts(QJsonDocument());
        QVERIFY(none.has_value() && none->empty());
    }

    void namesTheWrongField_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("meta szDecimals string")
            << QStringLiteral("meta") << QByteArray(R"({"universe":[{"name":"A","szDecimals":1,"maxLeverage":3},
                {"name":"B","szDecimals":1,"maxLeverage":3},{"name":"C","szDecimals":1,"maxLeverage":3},
                {"name":"D","szDecimals":"4","maxLeverage":3}]})")
            << QStringLiteral("meta answer: universe[3].szDecimals: expected an integer");
        QTest::newRow("meta szDecimals fraction")
            << QStringLiteral("meta") << QByteArray(R"({"universe":[{"name":"A","szDecimals":1.5,"maxLeverage":3}]})")
            << QStringLiteral("universe[0].szDecimals: expected an integer");
        QTest::newRow("meta no universe") << QStringLiteral("meta") << QByteArray(R"({"assets":[]})")
                                          << QStringLiteral("universe: expected an array");
        QTest::newRow("meta is array") << QStringLiteral("meta") << QByteArray("[]")
                                       << QStringLiteral("(root): expected an object");
        QTest::newRow("ctx count") << QStringLiteral("metaAndAssetCtxs")
                                   << QByteArray(R"([{"universe":[{"name":"A","szDecimals":1,"maxLeverage":3}]},[]])")
                                   << QStringLiteral("[1]: expected one asset context per universe entry (1), got 0");
        QTest::newRow("mid number") << QStringLiteral("allMids") << QByteArray(R"({"BTC":67000.5})")
                                    << QStringLiteral("BTC: expected a decimal string");
        QTest::newRow("leverage type")
            << QStringLiteral("clearinghouseState")
            << cannedInfo(QStringLiteral("clearinghouseState")).replace("\"cross\",\"value\"", "\"x\",\"value\"")
            << QStringLiteral("assetPositions[0].position.leverage.type: expected \"cross\" or \"isolated\"");
        QTest::newRow("summary missing")
            << QStringLiteral("clearinghouseState")
            << cannedInfo(QStringLiteral("clearinghouseState")).replace("\"accountValue\":\"10250.75\",", "")
            << QStringLiteral("marginSummary.accountValue: expected a decimal string");
        QTest::newRow("order side")
            << QStringLiteral("openOrders")
            << cannedInfo(QStringLiteral("openOrders")).replace("\"side\":\"A\"", "\"side\":\"S\"")
            << QStringLiteral("[1].side: expected \"B\" or \"A\"");
        QTest::newRow("order oid") << QStringLiteral("openOrders")
                                   << cannedInfo(QStringLiteral("openOrders")).replace("91490943", "\"91490943\"")
                                   << QStringLiteral("openOrders answer: [1].oid: expected an integer");
        QTest::newRow("fill crossed")
            << QStringLiteral("userFills")
            << cannedInfo(QStringLiteral("userFills")).replace("\"crossed\":true", "\"crossed\":1")
            << QStringLiteral("[1].crossed: expected a boolean");
        QTest::newRow("candle n") << QStringLiteral("candleSnapshot")
                                  << cannedInfo(QStringLiteral("candleSnapshot")).replace("\"n\":210", "\"n\":null")
                                  << QStringLiteral("candleSnapshot answer: [1].n: expected an integer");
        QTest::newRow("candles object") << QStringLiteral("candleSnapshot") << QByteArray("{}")
                                        << QStringLiteral("(root): expected an array");
        QTest::newRow("status text") << QStringLiteral("orderStatus") << QByteArray(R"({"status":"gone"})")
                                     << QStringLiteral("status: expected \"order\" or \"unknownOid\"");
        QTest::newRow("sub state")
            << QStringLiteral("subAccounts")
            << cannedInfo(QStringLiteral("subAccounts")).replace("\"withdrawable\":\"500.0\",", "")
            << QStringLiteral("[0].clearinghouseState.withdrawable: expected a decimal string");
    }
    void namesTheWrongField()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QVERIFY(!QJsonDocument::fromJson(json).isNull());
        const std::string message = parseError(type, json);
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
    }
};

QTEST_GUILESS_MAIN(TstInfoParsers)
#include "tst_infoparsers.moc"
