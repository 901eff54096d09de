// SPDX-License-Identifier: MIT
// Tests of the adapter's typed error and its mapping to common::Error.
#include <QtTest>

#include "exchange/hyperliquid/error.h"

using namespace sixbtc::exchange::hyperliquid;
using sixbtc::common::ErrorCode;

class TstHyperliquidError : public QObject
{
    Q_OBJECT

private slots:
    void mapsEveryKindToACommonCode_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("transport") << int(ErrorKind::Transport) << int(ErrorCode::Network)
                                   << QStringLiteral("transport");
        QTest::newRow("timeout") << int(ErrorKind::Timeout) << int(ErrorCode::Network) << QStringLiteral("timeout");
        QTest::newRow("auth") << int(ErrorKind::Auth) << int(ErrorCode::Exchange) << QStringLiteral("auth");
        QTest::newRow("nonce") << int(ErrorKind::Nonce) << int(ErrorCode::Exchange) << QStringLiteral("nonce");
        QTest::newRow("exchange") << int(ErrorKind::Exchange) << int(ErrorCode::Exchange) << QStringLiteral("exchange");
        QTest::newRow("decode") << int(ErrorKind::Decode) << int(ErrorCode::Exchange) << QStringLiteral("decode");
    }
    void mapsEveryKindToACommonCode()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(QString, name);
        const HyperliquidError error(ErrorKind(kind), "order 7: Price must be divisible by tick size.");
        QVERIFY(!error.retryAfter().has_value());
        const auto common = toCommonError(error);
        QCOMPARE(int(common.code), code);
        QCOMPARE(common.message, error.message());
        QCOMPARE(QString::fromStdString(common.details.at(0)), QStringLiteral("hyperliquid error kind: ") + name);
    }

    void rateLimitCarriesItsDelay()
    {
        const auto error = HyperliquidError::rateLimited(std::chrono::milliseconds(40), "HTTP 429");
        QCOMPARE(error.kind(), ErrorKind::RateLimit);
        QCOMPARE(error.retryAfter().value().count(), 40);
        const auto common = toCommonError(error);
        QCOMPARE(common.code, ErrorCode::Exchange);
        QCOMPARE(common.details.size(), std::size_t(2));
        QCOMPARE(common.details.at(1), std::string("retry after 40 ms"));
    }

    void convertsResults()
    {
        const HlResult<int> ok = 5;
        QCOMPARE(toCommonResult(ok).value(), 5);
        const HlResult<int> failed = hlFail(ErrorKind::Decode, "field 'statuses' is missing");
        const auto converted = toCommonResult(failed);
        QVERIFY(!converted.has_value());
        QCOMPARE(converted.error().message, std::string("field 'statuses' is missing"));
        const HlResult<void> done;
        QVERIFY(toCommonResult(done).has_value());
    }
};

QTEST_GUILESS_MAIN(TstHyperliquidError)
#include "tst_hyperliquiderror.moc"
