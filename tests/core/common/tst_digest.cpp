// SPDX-License-Identifier: MIT
// SHA-256 against the FIPS 180-2 example digests, whole and fed piece by piece.
#include <QTest>

#include <string>

#include "common/digest.h"

using sixbtc::common::Sha256;
using sixbtc::common::sha256Hex;

class TestDigest : public QObject
{
    Q_OBJECT

private slots:
    void knownDigests_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    void knownDigests()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        QCOMPARE(QByteArray::fromStdString(sha256Hex(input.toStdString())), hex);
    }

    void piecewiseEqualsWhole()
    {
        const std::string text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        Sha256 hash;
        hash.update(std::string_view(text).substr(0, 7));
        hash.update(std::string_view(text).substr(7));
        QCOMPARE(hash.finishHex(), sha256Hex(text));
        hash.update("abc");
        QCOMPARE(hash.finishHex(), sha256Hex("abc"));
    }
};

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
