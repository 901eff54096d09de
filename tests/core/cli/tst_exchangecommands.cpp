// SPDX-License-Identifier: MIT
// `sixbtc exchange info` and `sixbtc exchange account` run as real processes against the loopback fake exchange.
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "clirunner.h"
#include "fakes/hyperliquid/cannedinfo.h"
#include "fakes/hyperliquid/fakehyperliquidserver.h"

using sixbtc::fakes::hyperliquid::cannedUser;
using sixbtc::fakes::hyperliquid::FakeHyperliquidServer;

namespace {

const QString shippedConfig = QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml");

/// Runs sixbtc while this thread's event loop keeps serving the fake (runSixbtc would block it).
CliRun runWithEventLoop(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(SIXBTC_CLI_PATH), args);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return CliRun{-1, true, QString(), QStringLiteral("sixbtc did not finish within 60 s")};
    }
    return CliRun{process.exitCode(), process.exitStatus() == QProcess::CrashExit,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TstExchangeCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    FakeHyperliquidServer m_server;

    // A copy of the shipped configuration pointing at `baseUrl`, with fast timeouts and retries.
    QString writeConfig(const QString& name, const QString& baseUrl)
    {
        QFile shipped(shippedConfig);
        if (!shipped.open(QIODevice::ReadOnly))
            qFatal("cannot read the shipped configuration");
        QString text = QString::fromUtf8(shipped.readAll());
        text.replace(QStringLiteral("dir: ../resources/data"),
                     QStringLiteral("dir: " SIXBTC_SOURCE_DIR "/resources/data"));
        text.replace(QStringLiteral("base_url: https://api.hyperliquid.xyz"), QStringLiteral("base_url: ") + baseUrl);
        text.replace(QStringLiteral("request_timeout_ms: 10000"), QStringLiteral("request_timeout_ms: 500"));
        text.replace(QStringLiteral("retry: {initial_backoff_ms: 200, max_backoff_ms: 5000, max_attempts: 5}"),
                     QStringLiteral("retry: {initial_backoff_ms: 10, max_backoff_ms: 20, max_attempts: 2}"));
        const QString path = m_home.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0)
            qFatal("cannot write the test configuration");
        return path;
    }

    CliRun run(const QString& config, const QStringList& args)
    {
        return runWithEventLoop(QStringList{QStringLiteral("--config"), config} + args, m_env);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_env = isolatedEnvironment(m_home.path());
        QVERIFY(m_server.listen());
    }

    void infoPrintsTheAssetsAndMids()
    {
        const QString config = writeConfig(QStringLiteral("fake.yaml"), m_server.baseUrl());
        const CliRun result = run(config, {QStringLiteral("exchange"), QStringLiteral("info")});
        QVERIFY2(result.exitCode == 0 && !result.crashed, qPrintable(result.err));
        const QStringList lines = result.out.split(QLatin1Char('\n'));
        // One row per canned asset: index, name, szDecimals, max leverage, mid from allMids.
        const QList<QRegularExpression> rows{
            QRegularExpression(QStringLiteral(R"(^\s*0\s+BTC\s+5\s+40x\s+67000\.5\s*$)")),
            QRegularExpression(QStringLiteral(R"(^\s*1\s+ETH\s+4\s+25x\s+3512\.25\s*$)")),
            QRegularExpression(QStringLiteral(R"(^\s*2\s+SOLX\s+2\s+3x\s+-\s+delisted, isolated only\s*$)")),
        };
        for (const auto& row : rows)
            QVERIFY2(!lines.filter(row).isEmpty(), qPrintable(row.pattern() + QStringLiteral("\n") + result.out));
        QVERIFY2(result.out.contains(QStringLiteral("perps:    3 (mids known for 3 coins)")), qPrintable(result.out));
    }

    void accountPrintsBalancesPositionsAndOrders()
    {
        const QString config = writeConfig(QStringLiteral("fake.yaml"), m_server.baseUrl());
        const qsizetype before = m_server.requests().size();
        const CliRun result = run(config, {QStringLiteral("exchange"), QStringLiteral("account"),
                                           QStringLiteral("--address"), cannedUser().toUpper().replace(1, 1, u'x')});
        QVERIFY2(result.exitCode == 0 && !result.crashed, qPrintable(result.err));
        const QString& out = result.out;
        QVERIFY2(out.contains(QStringLiteral("account value:      10250.75 USDC")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("withdrawable:       10082.94 USDC")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("margin used:        167.81 USDC")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("positions: 2")), qPrintable(out));
        const QStringList lines = out.split(QLatin1Char('\n'));
        const QList<QRegularExpression> rows{
            QRegularExpression(
                QStringLiteral(R"(^ETH\s+short\s+0\.5\s+3400\s+20x cross\s+1756\.2\s+-56\.2\s+22000\.5\s+87\.81\s*$)")),
            QRegularExpression(
                QStringLiteral(R"(^BTC\s+long\s+0\.02\s+66000\s+10x isolated\s+1600\s+20\s+-\s+80\s*$)")),
            QRegularExpression(
                QStringLiteral(R"(^\s*91490942\s+BTC\s+buy\s+65000\s+0\.01\s+0\.02\s+no\s+0x0{31}1\s*$)")),
            QRegularExpression(QStringLiteral(R"(^\s*91490943\s+ETH\s+sell\s+3600\.5\s+0\.5\s+0\.5\s+no\s+-\s*$)")),
        };
        for (const auto& row : rows)
            QVERIFY2(!lines.filter(row).isEmpty(), qPrintable(row.pattern() + QStringLiteral("\n") + out));
        QVERIFY2(out.contains(QStringLiteral("open orders: 2")), qPrintable(out));
        // The address is sent in the lowercase wire form.
        const auto& requests = m_server.requests();
        QCOMPARE(requests.size(), before + 2);
        QCOMPARE(requests.at(before).value(QStringLiteral("user")).toString(), cannedUser());
    }

    void badAddressExitsTwo_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("no prefix") << QStringLiteral("14791697260e4c9a71f18484c9f997b308e59325");
        QTest::newRow("too short") << QStringLiteral("0x14791697260e4c9a71f18484c9f997b308e5932");
        QTest::newRow("not hex") << QStringLiteral("0x14791697260e4c9a71f18484c9f997b308e5932g");
    }

    void badAddressExitsTwo()
    {
        QFETCH(QString, address);
        const QString config = writeConfig(QStringLiteral("fake.yaml"), m_server.baseUrl());
        const qsizetype before = m_server.requests().size();
        const CliRun result =
            run(config, {QStringLiteral("exchange"), QStringLiteral("account"), QStringLiteral("--address"), address});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("invalid address")), qPrintable(result.err));
        QCOMPARE(m_server.requests().size(), before);
    }

    void closedPortExitsThree()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const QString config =
            writeConfig(QStringLiteral("closed.yaml"), QStringLiteral("http://127.0.0.1:") + QString::number(port));
        const CliRun result = run(config, {QStringLiteral("exchange"), QStringLiteral("info")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(QStringLiteral("meta from http://127.0.0.1:") + QString::number(port) +
                                     QStringLiteral(" failed")),
                 qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TstExchangeCommands)
#include "tst_exchangecommands.moc"
