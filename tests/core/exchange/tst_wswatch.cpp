// SPDX-License-Identifier: MIT
// `sixbtc exchange watch` run as a real process against the loopback fake: live candles and the feed state.
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "data/candlereader.h"
#include "fakes/hyperliquid/fakeharness.h"

using sixbtc::fakes::hyperliquid::FakeHarness;

class TstWsWatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    /// The shipped configuration pointed at the fake, with a short heartbeat.
    QString writeConfig(const QString& baseUrl, const QString& wsUrl)
    {
        QFile shipped(QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml"));
        if (!shipped.open(QIODevice::ReadOnly))
            qFatal("cannot read the shipped configuration");
        QString text = QString::fromUtf8(shipped.readAll());
        text.replace(QStringLiteral("dir: ../resources/data"),
                     QStringLiteral("dir: " SIXBTC_SOURCE_DIR "/resources/data"));
        text.replace(QStringLiteral("base_url: https://api.hyperliquid.xyz"), QStringLiteral("base_url: ") + baseUrl);
        text.replace(QStringLiteral("ws_url: wss://api.hyperliquid.xyz/ws"), QStringLiteral("ws_url: ") + wsUrl);
        text.replace(QStringLiteral("ws_ping_interval_s: 30"), QStringLiteral("ws_ping_interval_s: 1"));
        const QString path = m_home.filePath(QStringLiteral("watch.yaml"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0)
            qFatal("cannot write the test configuration");
        return path;
    }

private slots:
    void printsLiveCandlesAndTheFeedState()
    {
        QVERIFY(m_home.isValid());
        auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-5m.csv.gz", "BTC",
                                                     *sixbtc::common::Timeframe::parse("5m"));
        QVERIFY(data.has_value());
        FakeHarness fake(data->series, 1000.0, 2000);
        const QString config = writeConfig(fake.server().baseUrl(), fake.server().wsUrl());

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SIXBTC_CONFIG"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        // One new bar while the command watches: it must be printed as it arrives.
        QTimer::singleShot(2000, &loop, [&fake] { fake.server().advance(1); });
        process.start(QStringLiteral(SIXBTC_CLI_PATH),
                      {QStringLiteral("--config"), config, QStringLiteral("exchange"), QStringLiteral("watch"),
                       QStringLiteral("--symbol"), QStringLiteral("BTC"), QStringLiteral("--tf"), QStringLiteral("5m"),
                       QStringLiteral("--seconds"), QStringLiteral("4")});
        loop.exec();
        QCOMPARE(process.state(), QProcess::NotRunning);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(out + err));
        // Bars 0 (2024-12-31 00:00 UTC, close 92782.39) and 1 (00:05, close 92861.2) of the bundled file.
        QVERIFY2(out.contains(QStringLiteral("candle BTC 5m 2024-12-31T00:00:00Z")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("candle BTC 5m 2024-12-31T00:05:00Z")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral(" c 92861.2 ")));
        QVERIFY(out.contains(QStringLiteral("feed: live")));
        QVERIFY2(out.contains(QStringLiteral("feed: live, 2 candles")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstWsWatch)
#include "tst_wswatch.moc"
