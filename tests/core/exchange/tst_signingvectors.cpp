// SPDX-License-Identifier: MIT
// Every case of the Hyperliquid signing-vector file: L1 actions, user-signed actions, connection ids, wire strings.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <map>

#include "common/require.h"
#include "exchange/hyperliquid/signing/actionhash.h"
#include "exchange/hyperliquid/signing/ecdsa.h"
#include "exchange/hyperliquid/signing/eip712.h"
#include "exchange/hyperliquid/signing/signedaction.h"
#include "exchange/hyperliquid/signing/useractions.h"
#include "exchange/hyperliquid/signing/wireformat.h"
#include "vectorsupport.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::config::Network;
using test::hex0x;
using test::word256;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstSigningVectors : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_file;
    QByteArray m_rawFile;
    std::map<QString, int> m_present;     ///< cases per kind in the file
    std::map<QString, int> m_wirePresent; ///< wire-string cases per section in the file
    std::map<QString, int> m_ran;         ///< cases per kind or section actually checked

    QJsonArray cases() const { return m_file.value(QStringLiteral("cases")).toArray(); }

    void addCaseRows(const QString& kind)
    {
        QTest::addColumn<QJsonObject>("vector");
        for (const auto& value : cases()) {
            const QJsonObject vector = value.toObject();
            if (vector.value(QStringLiteral("kind")).toString() == kind)
                QTest::newRow(qPrintable(vector.value(QStringLiteral("id")).toString())) << vector;
        }
    }

    /// Signs `digest` with `key` and checks the given digest, r and s (as 256-bit numbers), v and the recovery.
    void checkSignature(const PrivateKey& key, const Hash32& digest, const QJsonObject& expected,
                        const QJsonValue& expectedDigest, const Address& signer)
    {
        if (!expectedDigest.isUndefined())
            QCOMPARE(hex0x(digest), expectedDigest.toString());
        const Signature signature = signDigest(key, digest);
        QCOMPARE(signature.r, word256(expected.value(QStringLiteral("r")).toString()));
        QCOMPARE(signature.s, word256(expected.value(QStringLiteral("s")).toString()));
        QCOMPARE(signature.v, expected.value(QStringLiteral("v")).toInt());
        const auto recovered = recoverSigner(digest, signature);
        QVERIFY(recovered.has_value());
        QCOMPARE(recovered->toHex(), signer.toHex());
    }

    /// A formatted wire string equals `expected` byte for byte, or fails where the file says "error (...)".
    void checkFormatted(const sixbtc::common::Result<std::string>& result, const QString& expected)
    {
        if (expected.startsWith(QStringLiteral("error"))) {
            QVERIFY2(!result.has_value(), qPrintable(expected));
        } else {
            QVERIFY2(result.has_value(), qPrintable(expected));
            QCOMPARE(qs(*result), expected);
        }
    }

    PrivateKey keyOf(const QJsonObject& vector, Address& signer)
    {
        auto key = PrivateKey::fromHex(vector.value(QStringLiteral("private_key")).toString().toStdString());
        SIXBTC_REQUIRE(key.has_value());
        signer = addressOf(*key);
        return std::move(*key);
    }

private slots:
    void initTestCase()
    {
        QFile file(test::vectorFilePath());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        m_rawFile = file.readAll();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(m_rawFile, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        m_file = document.object();
        for (const auto& value : cases())
            ++m_present[value.toObject().value(QStringLiteral("kind")).toString()];
        const auto sectionSize = [&](const char* section, const char* list) {
            return int(m_file.value(QLatin1String(section))[QLatin1String(list)].toArray().size());
        };
        m_wirePresent[QStringLiteral("float_to_wire")] =
            sectionSize("float_to_wire", "cases") + sectionSize("float_to_wire", "rejections");
        m_wirePresent[QStringLiteral("float_to_int_for_hashing")] = sectionSize("float_to_int_for_hashing", "cases");
        m_wirePresent[QStringLiteral("formatPrice")] = sectionSize("price_size_formatting_nktkas", "formatPrice");
        m_wirePresent[QStringLiteral("formatSize")] = sectionSize("price_size_formatting_nktkas", "formatSize");
    }

    void everyWireSectionIsPresent()
    {
        for (const auto& [section, count] : m_wirePresent)
            QVERIFY2(count >= 1, qPrintable(QStringLiteral("no case in ") + section));
        // A section this test has no check for must stay empty, or its cases would pass unseen.
        QVERIFY(m_file.value(QStringLiteral("msgpack_only_vectors")).toArray().isEmpty());
        if (test::usingProjectVectorFile()) {
            QCOMPARE(m_wirePresent[QStringLiteral("float_to_wire")], 18);
            QCOMPARE(m_wirePresent[QStringLiteral("float_to_int_for_hashing")], 4);
            QCOMPARE(m_wirePresent[QStringLiteral("formatPrice")], 20);
            QCOMPARE(m_wirePresent[QStringLiteral("formatSize")], 5);
        }
    }

    void everyKindIsKnownAndPresent()
    {
        const QStringList known{QStringLiteral("l1_action"), QStringLiteral("user_signed_action"),
                                QStringLiteral("l1_from_connection_id")};
        int total = 0;
        for (const auto& [kind, count] : m_present) {
            QVERIFY2(known.contains(kind), qPrintable(QStringLiteral("unknown case kind ") + kind));
            total += count;
        }
        QCOMPARE(total, int(cases().size()));
        for (const auto& kind : known)
            QVERIFY2(m_present[kind] >= 1, qPrintable(QStringLiteral("no case of kind ") + kind));
        if (test::usingProjectVectorFile()) {
            QCOMPARE(m_present[QStringLiteral("l1_action")], 10);
            QCOMPARE(m_present[QStringLiteral("user_signed_action")], 2);
            QCOMPARE(m_present[QStringLiteral("l1_from_connection_id")], 1);
        }
    }

    void l1Action_data() { addCaseRows(QStringLiteral("l1_action")); }
    void l1Action()
    {
        QFETCH(QJsonObject, vector);
        bool ok = false;
        const QJsonObject actionJson = vector.value(QStringLiteral("action")).toObject();
        const WireValue action = test::actionFromVector(actionJson, ok);
        QVERIFY(ok);
        // The posted JSON describes the same object as the vector (Qt compares it without key order).
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(action.toJson())).object(), actionJson);

        const auto nonce = std::uint64_t(vector.value(QStringLiteral("nonce")).toInteger());
        std::optional<Address> vault;
        if (vector.value(QStringLiteral("vault_address")).isString()) {
            const auto parsed =
                Address::fromHex(vector.value(QStringLiteral("vault_address")).toString().toStdString());
            QVERIFY(parsed.has_value());
            vault = *parsed;
        }
        std::optional<std::uint64_t> expiresAfter;
        if (!vector.value(QStringLiteral("expires_after")).isNull())
            expiresAfter = std::uint64_t(vector.value(QStringLiteral("expires_after")).toInteger());

        const QJsonObject derived = vector.value(QStringLiteral("derived_by_helper")).toObject();
        QCOMPARE(hex0x(action.toMsgpack()).mid(2), derived.value(QStringLiteral("action_msgpack_hex")).toString());
        QCOMPARE(hex0x(l1ActionPreimage(action, nonce, vault, expiresAfter)).mid(2),
                 derived.value(QStringLiteral("hash_preimage_hex")).toString());
        const Hash32 connectionId = l1ActionHash(action, nonce, vault, expiresAfter);
        QCOMPARE(hex0x(connectionId), derived.value(QStringLiteral("connection_id")).toString());

        const QJsonObject expected = vector.value(QStringLiteral("expected")).toObject();
        int checks = 0;
        if (expected.contains(QStringLiteral("connection_id"))) {
            QCOMPARE(hex0x(connectionId), expected.value(QStringLiteral("connection_id")).toString());
            ++checks;
        }
        if (!vector.value(QStringLiteral("private_key")).isNull()) {
            Address signer;
            const PrivateKey key = keyOf(vector, signer);
            QCOMPARE(qs(signer.toHex()), vector.value(QStringLiteral("signer_address")).toString());
            for (const auto& [net, name] : {std::pair{Network::Mainnet, QStringLiteral("mainnet")},
                                            std::pair{Network::Testnet, QStringLiteral("testnet")}}) {
                QVERIFY(expected.contains(name));
                checkSignature(key, l1ActionDigest(connectionId, net), expected.value(name).toObject(),
                               derived.value(QStringLiteral("eip712_digest_") + name), signer);
                if (QTest::currentTestFailed())
                    return;
                const SignedAction signedAction = signL1Action(key, net, action, nonce, vault, expiresAfter);
                QCOMPARE(signedAction.signature.r, word256(expected.value(name)[QStringLiteral("r")].toString()));
                ++checks;
            }
        }
        QVERIFY2(checks > 0, "the case asserts nothing this test understands");
        ++m_ran[QStringLiteral("l1_action")];
    }

    void userSignedAction_data() { addCaseRows(QStringLiteral("user_signed_action")); }
    void userSignedAction()
    {
        QFETCH(QJsonObject, vector);
        const QJsonObject eip712 = vector.value(QStringLiteral("eip712")).toObject();
        const QJsonObject domain = eip712.value(QStringLiteral("domain")).toObject();
        const QJsonObject message = eip712.value(QStringLiteral("message")).toObject();
        const QString primaryType = eip712.value(QStringLiteral("primaryType")).toString();
        const QString chain = message.value(QStringLiteral("hyperliquidChain")).toString();
        QVERIFY(chain == QStringLiteral("Mainnet") || chain == QStringLiteral("Testnet"));
        const Network net = chain == QStringLiteral("Mainnet") ? Network::Mainnet : Network::Testnet;
        const auto destination =
            Address::fromHex(message.value(QStringLiteral("destination")).toString().toStdString());
        QVERIFY(destination.has_value());
        const std::string amount = message.value(QStringLiteral("amount")).toString().toStdString();
        const auto time = std::uint64_t(message.value(QStringLiteral("time")).toInteger());

        std::optional<UserSignedAction> action;
        QString wireType;
        if (primaryType == QStringLiteral("HyperliquidTransaction:UsdSend")) {
            action = usdSendAction(net, *destination, amount, time);
            wireType = QStringLiteral("usdSend");
        } else if (primaryType == QStringLiteral("HyperliquidTransaction:Withdraw")) {
            action = withdrawAction(net, *destination, amount, time);
            wireType = QStringLiteral("withdraw3");
        }
        QVERIFY2(action.has_value(), qPrintable(QStringLiteral("no builder for ") + primaryType));

        // The EIP-712 type string from the vector's own type list.
        QStringList members;
        const QJsonArray typeFields = eip712.value(QStringLiteral("types")).toObject().value(primaryType).toArray();
        for (const auto& field : typeFields) {
            members << field.toObject().value(QStringLiteral("type")).toString() + QLatin1Char(' ') +
                           field.toObject().value(QStringLiteral("name")).toString();
        }
        QCOMPARE(qs(action->typeString),
                 primaryType + QLatin1Char('(') + members.join(QLatin1Char(',')) + QLatin1Char(')'));

        // The posted action carries the type, chain id and chain the SDK adds.
        const QJsonObject posted = QJsonDocument::fromJson(QByteArray::fromStdString(action->action.toJson())).object();
        QCOMPARE(posted.value(QStringLiteral("type")).toString(), wireType);
        QCOMPARE(posted.value(QStringLiteral("signatureChainId")).toString(), QStringLiteral("0x66eee"));
        QCOMPARE(posted.value(QStringLiteral("hyperliquidChain")).toString(), chain);
        QCOMPARE(posted.value(QStringLiteral("destination")).toString(),
                 message.value(QStringLiteral("destination")).toString());
        QCOMPARE(posted.value(QStringLiteral("amount")).toString(), message.value(QStringLiteral("amount")).toString());
        QCOMPARE(posted.value(QStringLiteral("time")).toInteger(), message.value(QStringLiteral("time")).toInteger());
        QCOMPARE(action->nonce, time);

        QCOMPARE(qint64(action->chainId), domain.value(QStringLiteral("chainId")).toInteger());
        const auto verifying =
            Address::fromHex(domain.value(QStringLiteral("verifyingContract")).toString().toStdString());
        QVERIFY(verifying.has_value());
        const Hash32 separator = eip712DomainSeparator(domain.value(QStringLiteral("name")).toString().toStdString(),
                                                       domain.value(QStringLiteral("version")).toString().toStdString(),
                                                       action->chainId, *verifying);
        const QJsonObject derived = vector.value(QStringLiteral("derived_by_helper")).toObject();
        QCOMPARE(hex0x(separator), derived.value(QStringLiteral("domain_separator")).toString());
        QCOMPARE(hex0x(action->structHash), derived.value(QStringLiteral("struct_hash")).toString());
        const Hash32 digest = userSignedDigest(action->structHash, action->chainId);
        QCOMPARE(digest, eip712Digest(separator, action->structHash));

        Address signer;
        const PrivateKey key = keyOf(vector, signer);
        QCOMPARE(qs(signer.toHex()), vector.value(QStringLiteral("signer_address")).toString());
        const QJsonObject expected = vector.value(QStringLiteral("expected"))[QStringLiteral("signature")].toObject();
        checkSignature(key, digest, expected, derived.value(QStringLiteral("eip712_digest")), signer);
        const SignedAction signedAction = signUserSignedAction(key, *action);
        QCOMPARE(signedAction.nonce, time);
        QVERIFY(!signedAction.vault && !signedAction.expiresAfterMs);
        QCOMPARE(signedAction.signature.s, word256(expected.value(QStringLiteral("s")).toString()));
        ++m_ran[QStringLiteral("user_signed_action")];
    }

    void l1FromConnectionId_data() { addCaseRows(QStringLiteral("l1_from_connection_id")); }
    void l1FromConnectionId()
    {
        QFETCH(QJsonObject, vector);
        const Hash32 connectionId = word256(vector.value(QStringLiteral("connection_id")).toString());
        Address signer;
        const PrivateKey key = keyOf(vector, signer);
        QCOMPARE(qs(signer.toHex()), vector.value(QStringLiteral("signer_address")).toString());
        const QJsonObject expected = vector.value(QStringLiteral("expected")).toObject();
        const QJsonObject derived = vector.value(QStringLiteral("derived_by_helper")).toObject();
        for (const auto& [net, name] : {std::pair{Network::Mainnet, QStringLiteral("mainnet")},
                                        std::pair{Network::Testnet, QStringLiteral("testnet")}}) {
            QVERIFY(expected.contains(name));
            checkSignature(key, l1ActionDigest(connectionId, net), expected.value(name).toObject(),
                           derived.value(QStringLiteral("eip712_digest_") + name), signer);
            if (QTest::currentTestFailed())
                return;
        }
        ++m_ran[QStringLiteral("l1_from_connection_id")];
    }

    void floatToWireCases()
    {
        const QJsonObject section = m_file.value(QStringLiteral("float_to_wire")).toObject();
        for (const auto& value : section.value(QStringLiteral("cases")).toArray()) {
            const QString input = value[QStringLiteral("input")].toString();
            bool parsed = false;
            const auto wire = floatToWire(input.toDouble(&parsed));
            QVERIFY2(parsed && wire.has_value(), qPrintable(input));
            QCOMPARE(qs(*wire), value[QStringLiteral("expected")].toString());
            ++m_ran[QStringLiteral("float_to_wire")];
        }
        for (const auto& value : section.value(QStringLiteral("rejections")).toArray()) {
            const QString input = value[QStringLiteral("input")].toString();
            QVERIFY(value[QStringLiteral("expected")].toString().startsWith(QStringLiteral("error")));
            bool parsed = false;
            const auto wire = floatToWire(input.toDouble(&parsed));
            QVERIFY2(parsed && !wire.has_value(), qPrintable(input));
            ++m_ran[QStringLiteral("float_to_wire")];
        }
    }

    void floatToIntForHashingCases()
    {
        const QJsonObject section = m_file.value(QStringLiteral("float_to_int_for_hashing")).toObject();
        for (const auto& value : section.value(QStringLiteral("cases")).toArray()) {
            const QString input = value[QStringLiteral("input")].toString();
            const QJsonValue expected = value[QStringLiteral("expected")];
            const auto result = floatToIntForHashing(input.toStdString());
            if (expected.isString()) {
                QVERIFY(expected.toString().startsWith(QStringLiteral("error")));
                QVERIFY2(!result.has_value(), qPrintable(input));
            } else {
                QVERIFY2(result.has_value(), qPrintable(input));
                // JSON numbers above 2^53 lose digits in QJsonValue: compare those with the file's literal text.
                if (*result < (std::uint64_t(1) << 53))
                    QCOMPARE(qint64(*result), expected.toInteger());
                else
                    QVERIFY(
                        m_rawFile.contains(QByteArray("\"expected\": " + QByteArray::number(quint64(*result)) + ',')));
            }
            ++m_ran[QStringLiteral("float_to_int_for_hashing")];
        }
    }

    void priceAndSizeFormatting()
    {
        const QJsonObject section = m_file.value(QStringLiteral("price_size_formatting_nktkas")).toObject();
        for (const auto& value : section.value(QStringLiteral("formatPrice")).toArray()) {
            const QString type = value[QStringLiteral("type")].toString();
            QVERIFY(type == QStringLiteral("perp") || type == QStringLiteral("spot"));
            const auto result = formatPrice(value[QStringLiteral("price")].toString().toStdString(),
                                            value[QStringLiteral("szDecimals")].toInt(),
                                            type == QStringLiteral("perp") ? MarketKind::Perp : MarketKind::Spot);
            checkFormatted(result, value[QStringLiteral("expected")].toString());
            ++m_ran[QStringLiteral("formatPrice")];
        }
        for (const auto& value : section.value(QStringLiteral("formatSize")).toArray()) {
            const auto result = formatSize(value[QStringLiteral("size")].toString().toStdString(),
                                           value[QStringLiteral("szDecimals")].toInt());
            checkFormatted(result, value[QStringLiteral("expected")].toString());
            ++m_ran[QStringLiteral("formatSize")];
        }
    }

    void everyCaseRan()
    {
        std::map<QString, int> present = m_present;
        present.insert(m_wirePresent.begin(), m_wirePresent.end());
        QCOMPARE(m_ran, present);
    }
};

QTEST_GUILESS_MAIN(TstSigningVectors)
#include "tst_signingvectors.moc"
