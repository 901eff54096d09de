// SPDX-License-Identifier: MIT
// Tests of the /exchange answer parsers: every reply shape of hyperliquid.md section 9, and wrong shapes.
#include <QtTest>

#include "exchange/hyperliquid/http/exchangeparsers.h"

using namespace sixbtc::exchange::hyperliquid;

Q_DECLARE_METATYPE(ErrorKind)

namespace {

/// JSON written with single quotes (moc does not read raw string literals), e.g. "{'status':'ok'}".
QByteArray quoted(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

QJsonDocument json(const char* text)
{
    QJsonParseError error{};
    QJsonDocument document = QJsonDocument::fromJson(quoted(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", text);
    return document;
}

const std::vector<std::string> kTwoOrders{"order 0 (cloid 0x01)", "order 1 (no cloid)"};
const std::vector<std::string> kOneOrder{"order 0 (cloid 0x01)"};

} // namespace

class TstExchangeParsers : public QObject
{
    Q_OBJECT

private slots:
    void ordersGiveOneOutcomeEach()
    {
        const auto results = parseOrderAnswer(
            json("{'status':'ok','response':{'type':'order','data':{'statuses':[{'resting':{'oid':77738308,"
                 "'cloid':'0x00000000000000000000000000000001'}},{'filled':{'totalSz':'0.02',"
                 "'avgPx':'1891.4','oid':77747314}}]}}}"),
            kTwoOrders);
        QVERIFY(results.has_value());
        QCOMPARE(results->size(), std::size_t(2));
        const OrderOutcome& resting = *results->at(0);
        QCOMPARE(resting.state, OrderState::Resting);
        QCOMPARE(*resting.oid, std::int64_t(77738308));
        QCOMPARE(*resting.cloid, std::string("0x00000000000000000000000000000001"));
        QCOMPARE(resting.filledSz, 0.0);
        QVERIFY(!resting.reconciled);
        const OrderOutcome& filled = *results->at(1);
        QCOMPARE(filled.state, OrderState::Filled);
        QCOMPARE(*filled.oid, std::int64_t(77747314));
        QVERIFY(!filled.cloid.has_value());
        QCOMPARE(filled.filledSz, 0.02);
        QCOMPARE(*filled.avgPx, 1891.4);
    }

    void anOrderErrorNamesTheOrder()
    {
        const auto results =
            parseOrderAnswer(json("{'status':'ok','response':{'type':'order','data':{'statuses':[{'resting':{'oid':1}},"
                                  "{'error':'Order must have minimum value of $10.'}]}}}"),
                             kTwoOrders);
        QVERIFY(results.has_value());
        QVERIFY(results->at(0).has_value());
        QVERIFY(!results->at(1).has_value());
        QCOMPARE(results->at(1).error().kind(), ErrorKind::Exchange);
        QCOMPARE(results->at(1).error().message(),
                 std::string("order 1 (no cloid): Order must have minimum value of $10."));
    }

    void groupedChildrenWait()
    {
        const std::vector<std::string> labels{"order 0", "order 1", "order 2"};
        const auto results =
            parseOrderAnswer(json("{'status':'ok','response':{'type':'order','data':{'statuses':[{'resting':{'oid':5}},"
                                  "'waitingForFill','waitingForTrigger']}}}"),
                             labels);
        QVERIFY(results.has_value());
        QCOMPARE(results->at(1)->state, OrderState::WaitingForFill);
        QVERIFY(!results->at(1)->oid.has_value());
        QCOMPARE(results->at(2)->state, OrderState::WaitingForTrigger);
    }

    void refusalsAreClassified_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("unknown signer") << QByteArray("User or API Wallet 0x0123 does not exist.") << ErrorKind::Auth;
        QTest::newRow("bad signature") << QByteArray("Invalid signature") << ErrorKind::Auth;
        QTest::newRow("nonce reused") << QByteArray("Invalid nonce: duplicate nonce 1700000000000") << ErrorKind::Nonce;
        QTest::newRow("nonce too old") << QByteArray("Nonce too far in the past") << ErrorKind::Nonce;
        QTest::newRow("margin") << QByteArray("Insufficient margin to place order.") << ErrorKind::Exchange;
    }
    void refusalsAreClassified()
    {
        QFETCH(QByteArray, message);
        QFETCH(ErrorKind, kind);
        QCOMPARE(classifyRefusal(message.toStdString()), kind);
        const QByteArray answer = quoted("{'status':'err','response':'") + message + quoted("'}");
        const auto orders = parseOrderAnswer(QJsonDocument::fromJson(answer), kOneOrder);
        QVERIFY(!orders.has_value());
        QCOMPARE(orders.error().kind(), kind);
        QCOMPARE(orders.error().message(), "refused: " + message.toStdString());
        const auto plain = parseDefaultAnswer(QJsonDocument::fromJson(answer));
        QCOMPARE(plain.error().kind(), kind);
    }

    void wrongShapesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("field");
        QTest::newRow("array root") << quoted("[]") << QStringLiteral("(root): expected an object");
        QTest::newRow("no status") << quoted("{'response':{}}") << QStringLiteral("status: expected a string");
        QTest::newRow("odd status") << quoted("{'status':'maybe','response':{}}")
                                    << QStringLiteral("status: expected \"ok\" or \"err\"");
        QTest::newRow("err without message")
            << quoted("{'status':'err','response':{}}") << QStringLiteral("response: expected a string");
        QTest::newRow("ok with a string")
            << quoted("{'status':'ok','response':'done'}") << QStringLiteral("response: expected an object");
        QTest::newRow("no data") << quoted("{'status':'ok','response':{'type':'order'}}")
                                 << QStringLiteral("response.data: expected an object");
        QTest::newRow("too few statuses")
            << quoted("{'status':'ok','response':{'type':'order','data':{'statuses':[]}}}")
            << QStringLiteral("response.data.statuses: expected 1 statuses");
        QTest::newRow("oid as text")
            << quoted("{'status':'ok','response':{'type':'order','data':{'statuses':[{'resting':{'oid':'7'}}]}}}")
            << QStringLiteral("response.data.statuses[0].resting.oid: expected an integer");
        QTest::newRow("totalSz as number")
            << quoted("{'status':'ok','response':{'type':'order','data':{'statuses':[{'filled':{'totalSz':0.1,"
                      "'avgPx':'1','oid':7}}]}}}")
            << QStringLiteral("response.data.statuses[0].filled.totalSz: expected a decimal string");
        QTest::newRow("resting and filled")
            << quoted("{'status':'ok','response':{'type':'order','data':{'statuses':[{'resting':{'oid':7},"
                      "'filled':{'totalSz':'1','avgPx':'1','oid':7}}]}}}")
            << QStringLiteral("response.data.statuses[0]: expected exactly one of");
        QTest::newRow("unknown text status")
            << quoted("{'status':'ok','response':{'type':'order','data':{'statuses':['success']}}}")
            << QStringLiteral("response.data.statuses[0]: expected \"waitingForFill\"");
        QTest::newRow("error not text")
            << quoted("{'status':'ok','response':{'type':'order','data':{'statuses':[{'error':3}]}}}")
            << QStringLiteral("response.data.statuses[0].error: expected a string");
    }
    void wrongShapesNameTheField()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, field);
        const auto results = parseOrderAnswer(QJsonDocument::fromJson(answer), kOneOrder);
        QVERIFY(!results.has_value());
        QCOMPARE(results.error().kind(), ErrorKind::Decode);
        const std::string expected = "exchange answer: " + field.toStdString();
        QVERIFY2(results.error().message().rfind(expected, 0) == 0, results.error().message().c_str());
    }

    void cancelStatuses()
    {
        const std::vector<std::string> labels{"cancel 0 (oid 1)", "cancel 1 (oid 2)"};
        const auto results =
            parseCancelAnswer(json("{'status':'ok','response':{'type':'cancel','data':{'statuses':['success',"
                                   "{'error':'Order was never placed, already canceled, or filled.'}]}}}"),
                              labels);
        QVERIFY(results.has_value());
        QVERIFY(results->at(0).has_value());
        QCOMPARE(results->at(1).error().kind(), ErrorKind::Exchange);
        QCOMPARE(results->at(1).error().message(),
                 std::string("cancel 1 (oid 2): Order was never placed, already canceled, or filled."));
        const auto odd = parseCancelAnswer(
            json("{'status':'ok','response':{'type':'cancel','data':{'statuses':['success',42]}}}"), labels);
        QVERIFY(!odd.has_value());
        QCOMPARE(odd.error().kind(), ErrorKind::Decode);
        QCOMPARE(odd.error().message(), std::string("exchange answer: response.data.statuses[1]: "
                                                    "expected \"success\" or {\"error\": message}"));
    }

    void defaultAnswers()
    {
        QVERIFY(parseDefaultAnswer(json("{'status':'ok','response':{'type':'default'}}")).has_value());
        const auto other = parseDefaultAnswer(json("{'status':'ok','response':{'type':'order'}}"));
        QCOMPARE(other.error().kind(), ErrorKind::Decode);
        QCOMPARE(other.error().message(), std::string("exchange answer: response.type: expected \"default\""));
    }

    void createSubAccountAnswers()
    {
        const auto created = parseCreateSubAccountAnswer(json("{'status':'ok','response':{'type':'createSubAccount',"
                                                              "'data':'0xABCDEFabcdef0000000000000000000000000001'}}"));
        QVERIFY(created.has_value());
        QCOMPARE(*created, std::string("0xabcdefabcdef0000000000000000000000000001"));
        const auto bad =
            parseCreateSubAccountAnswer(json("{'status':'ok','response':{'type':'createSubAccount','data':'0x12'}}"));
        QCOMPARE(bad.error().kind(), ErrorKind::Decode);
        QCOMPARE(bad.error().message(),
                 std::string("exchange answer: response.data: expected an address (0x + 40 hex digits)"));
    }
};

QTEST_GUILESS_MAIN(TstExchangeParsers)
#include "tst_exchangeparsers.moc"
