// SPDX-License-Identifier: MIT
// Tests of the ordered wire value: msgpack's smallest encodings at every size boundary, JSON text.
#include <QtTest>

#include "exchange/hyperliquid/signing/hex.h"
#include "exchange/hyperliquid/signing/wirevalue.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

QString packed(const WireValue& value)
{
    return QString::fromStdString(toHex(value.toMsgpack()));
}

/// The msgpack header of a value, the first `n` hex digits (strings and containers are longer).
QString head(const WireValue& value, int n)
{
    return packed(value).left(n);
}

WireValue mapOf(int members)
{
    WireValue map = WireValue::map();
    for (int i = 0; i < members; ++i)
        map.add(std::to_string(i), WireValue::boolean(true));
    return map;
}

} // namespace

class TstWireValue : public QObject
{
    Q_OBJECT

private slots:
    void packsIntegersInTheirSmallestForm_data()
    {
        QTest::addColumn<QString>("hex");
        QTest::addColumn<QString>("expected");
        const auto u = [](std::uint64_t v) { return packed(WireValue::unsignedInteger(v)); };
        const auto s = [](std::int64_t v) { return packed(WireValue::integer(v)); };
        // Hand-encoded from the msgpack specification.
        QTest::newRow("0") << u(0) << QStringLiteral("00");
        QTest::newRow("127") << u(127) << QStringLiteral("7f");
        QTest::newRow("128") << u(128) << QStringLiteral("cc80");
        QTest::newRow("255") << u(255) << QStringLiteral("ccff");
        QTest::newRow("256") << u(256) << QStringLiteral("cd0100");
        QTest::newRow("65536") << u(65536) << QStringLiteral("ce00010000");
        QTest::newRow("2^32") << u(4294967296ULL) << QStringLiteral("cf0000000100000000");
        QTest::newRow("max") << u(~0ULL) << QStringLiteral("cfffffffffffffffff");
        QTest::newRow("signed 5") << s(5) << QStringLiteral("05");
        QTest::newRow("signed 200") << s(200) << QStringLiteral("ccc8");
        QTest::newRow("-1") << s(-1) << QStringLiteral("ff");
        QTest::newRow("-32") << s(-32) << QStringLiteral("e0");
        QTest::newRow("-33") << s(-33) << QStringLiteral("d0df");
        QTest::newRow("-129") << s(-129) << QStringLiteral("d1ff7f");
        QTest::newRow("-1000000") << s(-1000000) << QStringLiteral("d2fff0bdc0");
        QTest::newRow("true") << packed(WireValue::boolean(true)) << QStringLiteral("c3");
        QTest::newRow("false") << packed(WireValue::boolean(false)) << QStringLiteral("c2");
    }
    void packsIntegersInTheirSmallestForm()
    {
        QFETCH(QString, hex);
        QFETCH(QString, expected);
        QCOMPARE(hex, expected);
    }

    void packsStringsAndContainersByLength_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("expected");
        const auto str = [](std::size_t n, int digits) { return head(WireValue::string(std::string(n, 'x')), digits); };
        QTest::newRow("str 0") << str(0, 2) << QStringLiteral("a0");
        QTest::newRow("str 31") << str(31, 2) << QStringLiteral("bf");
        QTest::newRow("str 32 (str8)") << str(32, 4) << QStringLiteral("d920");
        QTest::newRow("str 42 (address)") << str(42, 4) << QStringLiteral("d92a");
        QTest::newRow("str 255") << str(255, 4) << QStringLiteral("d9ff");
        QTest::newRow("str 256") << str(256, 6) << QStringLiteral("da0100");
        QTest::newRow("str 65536") << str(65536, 10) << QStringLiteral("db00010000");
        QTest::newRow("map 15") << head(mapOf(15), 2) << QStringLiteral("8f");
        QTest::newRow("map 16") << head(mapOf(16), 6) << QStringLiteral("de0010");
        QTest::newRow("array 15") << head(WireValue::array(WireValue::Array(15, WireValue::boolean(false))), 2)
                                  << QStringLiteral("9f");
        QTest::newRow("array 16") << head(WireValue::array(WireValue::Array(16, WireValue::boolean(false))), 6)
                                  << QStringLiteral("dc0010");
    }
    void packsStringsAndContainersByLength()
    {
        QFETCH(QString, header);
        QFETCH(QString, expected);
        QCOMPARE(header, expected);
    }

    void keepsInsertionOrder()
    {
        WireValue inner = WireValue::map();
        inner.add("z", WireValue::unsignedInteger(1)).add("a", WireValue::unsignedInteger(2));
        WireValue outer = WireValue::map();
        outer.add("type", WireValue::string("t")).add("inner", inner);
        QCOMPARE(QString::fromStdString(outer.toJson()), QStringLiteral(R"({"type":"t","inner":{"z":1,"a":2}})"));
        // fixmap 2, "type", "t", "inner", fixmap 2, "z", 1, "a", 2
        QCOMPARE(packed(outer), QStringLiteral("82a474797065a174a5696e6e657282a17a01a16102"));
        QVERIFY(outer.find("inner") != nullptr);
        QCOMPARE(*outer.find("inner"), inner);
        QVERIFY(outer.find("missing") == nullptr);
    }

    void escapesJsonStrings()
    {
        WireValue value = WireValue::map();
        value.add("name", WireValue::string("a\"b\\c\nd\x01"));
        value.add("list", WireValue::array({WireValue::integer(-3), WireValue::boolean(false)}));
        QCOMPARE(QString::fromStdString(value.toJson()),
                 QStringLiteral("{\"name\":\"a\\\"b\\\\c\\u000ad\\u0001\",\"list\":[-3,false]}"));
    }
};

QTEST_GUILESS_MAIN(TstWireValue)
#include "tst_wirevalue.moc"
