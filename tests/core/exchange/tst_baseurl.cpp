// SPDX-License-Identifier: MIT
// Tests of hyperliquid.base_url validation: https everywhere, http only for 127.0.0.0/8.
#include <QtTest>

#include "exchange/hyperliquid/http/baseurl.h"

using namespace sixbtc::exchange::hyperliquid;

class TstBaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void acceptsHttpsAndLoopbackHttp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mainnet") << QStringLiteral("https://api.hyperliquid.xyz")
                                 << QStringLiteral("https://api.hyperliquid.xyz");
        QTest::newRow("testnet slash") << QStringLiteral("https://api.hyperliquid-testnet.xyz/")
                                       << QStringLiteral("https://api.hyperliquid-testnet.xyz");
        QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("http://127.0.0.1:8080");
        QTest::newRow("loopback /8") << QStringLiteral("http://127.42.0.9:1") << QStringLiteral("http://127.42.0.9:1");
    }
    void acceptsHttpsAndLoopbackHttp()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto url = parseBaseUrl(text.toStdString());
        QVERIFY2(url.has_value(), url ? "" : url.error().message.c_str());
        QCOMPARE(url->toString(), expected);
    }

    void refusesEverythingElse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("http remote") << QStringLiteral("http://api.hyperliquid.xyz");
        QTest::newRow("http localhost name") << QStringLiteral("http://localhost:8080");
        QTest::newRow("http 128.0.0.1") << QStringLiteral("http://128.0.0.1:8080");
        QTest::newRow("http ipv6 loopback") << QStringLiteral("http://[::1]:8080");
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1");
        QTest::newRow("path") << QStringLiteral("https://api.hyperliquid.xyz/info");
        QTest::newRow("query") << QStringLiteral("https://api.hyperliquid.xyz?x=1");
        QTest::newRow("user info") << QStringLiteral("https://me@api.hyperliquid.xyz");
        QTest::newRow("relative") << QStringLiteral("api.hyperliquid.xyz");
        QTest::newRow("empty") << QString();
    }
    void refusesEverythingElse()
    {
        QFETCH(QString, text);
        const auto url = parseBaseUrl(text.toStdString());
        QVERIFY(!url.has_value());
        QCOMPARE(url.error().code, sixbtc::common::ErrorCode::Config);
        QVERIFY2(url.error().message.find("hyperliquid.base_url") != std::string::npos, url.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TstBaseUrl)
#include "tst_baseurl.moc"
