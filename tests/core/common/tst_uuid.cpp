// SPDX-License-Identifier: MIT
// Uuid: text form, UUIDv5 against RFC 4122 / Python uuid.uuid5 vectors, and the expanded strategies' UUIDs.
#include <QtTest>

#include "common/uuid.h"

using sixbtc::common::expansionNamespace;
using sixbtc::common::expansionUuid;
using sixbtc::common::namespaceDns;
using sixbtc::common::namespaceUrl;
using sixbtc::common::Uuid;
using sixbtc::common::uuid5;

class TstUuid : public QObject
{
    Q_OBJECT

private slots:
    void parseAndPrintRoundTrip()
    {
        const auto parsed = Uuid::parse("6BA7B810-9dad-11D1-80b4-00c04fd430c8");
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->toString(), std::string("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
        QCOMPARE(parsed->bytes()[0], std::uint8_t{0x6b});
        QCOMPARE(parsed->bytes()[15], std::uint8_t{0xc8});
        QCOMPARE(*parsed, namespaceDns());
        QCOMPARE(Uuid().toString(), std::string("00000000-0000-0000-0000-000000000000"));
    }

    void parseRejectsMalformedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("short") << QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c");
        QTest::newRow("long") << QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c80");
        QTest::newRow("hyphen moved") << QStringLiteral("6ba7b8109-dad-11d1-80b4-00c04fd430c8");
        QTest::newRow("not hex") << QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430cg");
        QTest::newRow("braces") << QStringLiteral("{ba7b810-9dad-11d1-80b4-00c04fd430c}");
    }

    void parseRejectsMalformedText()
    {
        QFETCH(QString, text);
        const auto parsed = Uuid::parse(text.toStdString());
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, sixbtc::common::ErrorCode::Input);
    }

    /// Expected values from Python's uuid.uuid5 (an independent implementation of RFC 4122 section 4.3).
    void uuid5MatchesReferenceVectors_data()
    {
        QTest::addColumn<bool>("dns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("python.org") << true << QStringLiteral("python.org")
                                    << QStringLiteral("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        QTest::newRow("utf-8 url") << false << QStringLiteral("https://example.com/\u00e9")
                                   << QStringLiteral("20ecd233-a9e7-5067-a96f-fd6600ca3fda");
    }

    void uuid5MatchesReferenceVectors()
    {
        QFETCH(bool, dns);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const Uuid id = uuid5(dns ? namespaceDns() : namespaceUrl(), name.toStdString());
        QCOMPARE(QString::fromStdString(id.toString()), expected);
        QCOMPARE(id.version(), 5);
        QCOMPARE(id.bytes()[8] & 0xc0, 0x80);
    }

    void expansionUuidIsFixedAndDistinct()
    {
        QCOMPARE(expansionNamespace().toString(), std::string("91d1c87a-63f9-5a65-bd1e-6d62e6bd025c"));
        QCOMPARE(expansionUuid("abc123", 17).toString(), std::string("24eb416b-c08f-504c-9db5-2b176752b3d7"));
        const std::string emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QCOMPARE(expansionUuid(emptySha256, 0).toString(), std::string("8c39a6c8-3825-5b7e-9e53-3bc1f9184639"));
        QCOMPARE(expansionUuid("abc123", 17), expansionUuid("abc123", 17));
        QVERIFY(expansionUuid("abc123", 17) != expansionUuid("abc123", 18));
        QVERIFY(expansionUuid("abc123", 1) != expansionUuid("abc12", 31));
    }
};

QTEST_GUILESS_MAIN(TstUuid)
#include "tst_uuid.moc"
