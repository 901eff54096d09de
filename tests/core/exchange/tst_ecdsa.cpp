// SPDX-License-Identifier: MIT
// Tests of the private key type, ECDSA signing, address derivation and signer recovery.
#include <QtTest>

#include <algorithm>
#include <new>
#include <ostream>

#include "common/require.h"
#include "exchange/hyperliquid/signing/ecdsa.h"
#include "exchange/hyperliquid/signing/hex.h"
#include "exchange/hyperliquid/signing/keccak.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

constexpr char kVectorKey[] = "0x0123456789012345678901234567890123456789012345678901234567890123";
/// secp256k1 group order n, big-endian.
constexpr char kOrder[] = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

Hash32 word(std::string_view hex)
{
    Hash32 out{};
    SIXBTC_REQUIRE(decodeHexInto(hex, out));
    return out;
}

/// n - s, big-endian subtraction: turns a low-s signature into its high-s twin.
Hash32 negate(const Hash32& s)
{
    const Hash32 n = word(kOrder);
    Hash32 out{};
    int borrow = 0;
    for (int i = 31; i >= 0; --i) {
        const int difference = int(n[i]) - int(s[i]) - borrow;
        borrow = difference < 0 ? 1 : 0;
        out[i] = std::uint8_t(difference + (borrow ? 256 : 0));
    }
    return out;
}

PrivateKey parseKey(std::string_view hex)
{
    auto parsed = PrivateKey::fromHex(hex);
    SIXBTC_REQUIRE(parsed.has_value());
    return std::move(*parsed);
}

} // namespace

// A key can be neither copied nor printed.
static_assert(!std::is_copy_constructible_v<PrivateKey> && !std::is_copy_assignable_v<PrivateKey>);
template <typename T>
concept Printable = requires(std::ostream& out, const T& value)
{
    out << value;
};
static_assert(!Printable<PrivateKey>);

class TstEcdsa : public QObject
{
    Q_OBJECT

private slots:
    void derivesKnownAddresses_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("address");
        // The reference's vector key, and the well-known address of secret key 1.
        QTest::newRow("vector key") << QString::fromLatin1(kVectorKey)
                                    << QStringLiteral("0x14791697260e4c9a71f18484c9f997b308e59325");
        QTest::newRow("key 1") << QStringLiteral("0000000000000000000000000000000000000000000000000000000000000001")
                               << QStringLiteral("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
    }
    void derivesKnownAddresses()
    {
        QFETCH(QString, key);
        QFETCH(QString, address);
        QCOMPARE(QString::fromStdString(addressOf(parseKey(key.toStdString())).toHex()), address);
    }

    void refusesInvalidKeysWithoutEchoingThem_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("short") << QStringLiteral("0x0123");
        QTest::newRow("not hex") << QStringLiteral(
            "0x012345678901234567890123456789012345678901234567890123456789012z");
        QTest::newRow("zero") << QStringLiteral("0x") + QString(64, QLatin1Char('0'));
        QTest::newRow("group order") << QString::fromLatin1(kOrder);
    }
    void refusesInvalidKeysWithoutEchoingThem()
    {
        QFETCH(QString, key);
        const auto parsed = PrivateKey::fromHex(key.toStdString());
        QVERIFY(!parsed.has_value());
        QVERIFY(parsed.error().message.find("invalid private key") != std::string::npos);
        QVERIFY(parsed.error().message.find(key.toStdString()) == std::string::npos);
    }

    void wipesKeyBytesOnDestructionAndMove()
    {
        const Hash32 secret = word(kVectorKey);
        alignas(PrivateKey) std::array<std::uint8_t, sizeof(PrivateKey)> storage{};
        auto* placed = new (storage.data()) PrivateKey(parseKey(kVectorKey));
        const auto contains = [&] {
            return std::search(storage.begin(), storage.end(), secret.begin(), secret.end()) != storage.end();
        };
        QVERIFY(contains()); // the layout holds the raw bytes, so the checks below are meaningful
        PrivateKey moved(std::move(*placed));
        QVERIFY(!contains()); // moving out wipes the source
        *placed = std::move(moved);
        QVERIFY(contains());
        placed->~PrivateKey();
        QVERIFY(std::all_of(storage.begin(), storage.end(), [](std::uint8_t b) { return b == 0; }));
    }

    void signaturesAreDeterministicLowSAndRecoverable()
    {
        const PrivateKey signer = parseKey(kVectorKey);
        const Address address = addressOf(signer);
        const Hash32 half = word("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
        for (int i = 0; i < 200; ++i) {
            const Hash32 digest = keccak256(std::to_string(i));
            const Signature signature = signDigest(signer, digest);
            QCOMPARE(signDigest(signer, digest), signature);
            QVERIFY(signature.v == 27 || signature.v == 28);
            QVERIFY(signature.s <= half); // big-endian arrays compare like the numbers
            const auto recovered = recoverSigner(digest, signature);
            QVERIFY(recovered.has_value());
            QCOMPARE(recovered->toHex(), address.toHex());
        }
    }

    void recoveryRejectsForgeries()
    {
        const PrivateKey signer = parseKey(kVectorKey);
        const Address address = addressOf(signer);
        const Hash32 digest = keccak256(std::string_view("order"));
        const Signature signature = signDigest(signer, digest);

        const auto otherDigest = recoverSigner(keccak256(std::string_view("other order")), signature);
        QVERIFY(!otherDigest.has_value() || !(*otherDigest == address));

        Signature flipped = signature;
        flipped.v = signature.v == 27 ? 28 : 27;
        const auto wrongId = recoverSigner(digest, flipped);
        QVERIFY(!wrongId.has_value() || !(*wrongId == address));

        Signature badV = signature;
        badV.v = 29;
        QVERIFY(!recoverSigner(digest, badV).has_value());

        Signature highS = flipped;
        highS.s = negate(signature.s); // the malleated twin: valid maths, refused by the low-s rule
        const auto malleated = recoverSigner(digest, highS);
        QVERIFY(!malleated.has_value());
        QVERIFY(malleated.error().message.find("lower half") != std::string::npos);

        Signature overflow = signature;
        overflow.r = word(kOrder);
        QVERIFY(!recoverSigner(digest, overflow).has_value());
    }

    void rendersPaddedHex()
    {
        Signature signature;
        signature.r[31] = 0x05;
        QCOMPARE(QString::fromStdString(signature.rHex()),
                 QStringLiteral("0x") + QString(63, QLatin1Char('0')) + QLatin1Char('5'));
        QCOMPARE(signature.sHex().size(), std::size_t(66));
    }
};

QTEST_GUILESS_MAIN(TstEcdsa)
#include "tst_ecdsa.moc"
