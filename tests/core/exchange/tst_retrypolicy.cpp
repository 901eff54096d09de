// SPDX-License-Identifier: MIT
// Tests of the read retry policy: exponential backoff, which failures retry, Retry-After parsing.
#include <QtTest>

#include "exchange/hyperliquid/http/retrypolicy.h"

using namespace sixbtc::exchange::hyperliquid;
using std::chrono::milliseconds;

namespace {

const sixbtc::config::RetrySettings kRetry{200, 5000, 5};

} // namespace

class TstRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void doublesUpToTheCap()
    {
        QCOMPARE(backoffDelay(kRetry, 1), milliseconds(200));
        QCOMPARE(backoffDelay(kRetry, 2), milliseconds(400));
        QCOMPARE(backoffDelay(kRetry, 3), milliseconds(800));
        QCOMPARE(backoffDelay(kRetry, 5), milliseconds(3200));
        QCOMPARE(backoffDelay(kRetry, 6), milliseconds(5000)); // 6400 capped
        QCOMPARE(backoffDelay(kRetry, 1000), milliseconds(5000));
    }

    void retriesOnlyTransientFailures()
    {
        QVERIFY(isRetryableRead(HyperliquidError::rateLimited(milliseconds(10), "429")));
        QVERIFY(isRetryableRead(HyperliquidError(ErrorKind::Timeout, "slow")));
        QVERIFY(isRetryableRead(HyperliquidError(ErrorKind::Transport, "HTTP 503")));
        QVERIFY(!isRetryableRead(HyperliquidError(ErrorKind::Exchange, "HTTP 400")));
        QVERIFY(!isRetryableRead(HyperliquidError(ErrorKind::Decode, "shape")));
        QVERIFY(!isRetryableRead(HyperliquidError(ErrorKind::Auth, "signer")));
    }

    void retryAfterWinsOverBackoff()
    {
        QCOMPARE(retryDelay(kRetry, HyperliquidError::rateLimited(milliseconds(37), "429"), 3), milliseconds(37));
        QCOMPARE(retryDelay(kRetry, HyperliquidError(ErrorKind::Timeout, "slow"), 3), milliseconds(800));
    }

    void parsesRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("ms"); // -1: not parseable
        QTest::newRow("seconds") << QByteArray("2") << 2000;
        QTest::newRow("fraction") << QByteArray("0.050") << 50;
        QTest::newRow("spaces") << QByteArray(" 1.5 ") << 1500;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("negative") << QByteArray("-1") << -1;
        QTest::newRow("date") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << -1;
        QTest::newRow("garbage") << QByteArray("1x") << -1;
    }
    void parsesRetryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, ms);
        const auto parsed = parseRetryAfter(header);
        if (ms < 0)
            QVERIFY(!parsed.has_value());
        else
            QCOMPARE(parsed, std::optional<milliseconds>(milliseconds(ms)));
    }
};

QTEST_GUILESS_MAIN(TstRetryPolicy)
#include "tst_retrypolicy.moc"
