// SPDX-License-Identifier: MIT
// Tests of the sixbtc command line: exit codes, configuration lookup, config check and data commands.
#include <QtTest>

#include <QFile>
#include <QRandomGenerator>

#include "clirunner.h"

namespace {

const QString shippedConfig = QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml");

QString readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TstCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;

    QString temp(const QString& name) const { return m_home.filePath(name); }

private slots:
    void initTestCase() { m_env = isolatedEnvironment(m_home.path()); }

    void versionAndUsage()
    {
        CliRun run = runSixbtc({QStringLiteral("--version")}, m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("sixbtc ")));

        run = runSixbtc({}, m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("usage: sixbtc")));

        run = runSixbtc({QStringLiteral("--help")}, m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("config check")));
        QVERIFY(run.out.contains(QStringLiteral("data list")));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("config"), QStringLiteral("check"),
                                                       QStringLiteral("--bogus")}
                                        << QStringLiteral("bogus");
        QTest::newRow("config without value") << QStringList{QStringLiteral("config"), QStringLiteral("check"),
                                                             QStringLiteral("--config")}
                                              << QStringLiteral("--config needs a PATH");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("config"), QStringLiteral("check"),
                                                       QStringLiteral("extra")}
                                        << QStringLiteral("unexpected argument 'extra'");
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runSixbtc(args, m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void configCheckAcceptsTheShippedConfig()
    {
        const CliRun run = runSixbtc({QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"),
                                      shippedConfig},
                                     m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("config OK")), qPrintable(run.out + run.err));
    }

    void configCheckNamesEveryBrokenKeyAndExitsOne()
    {
        QString text = readFile(shippedConfig);
        text.replace(QStringLiteral("initial_equity: 10000.0"), QStringLiteral("initial_equity: -5"));
        text.replace(QStringLiteral("network: mainnet"), QStringLiteral("network: moon"));
        text.replace(QStringLiteral("max_active: 200"), QStringLiteral("max_active: lots"));
        text.replace(QStringLiteral("pool:"), QStringLiteral("pool:\n  colour: blue"));
        const QString broken = temp(QStringLiteral("broken.yaml"));
        writeFile(broken, text.toUtf8());

        const CliRun run = runSixbtc({QStringLiteral("--config"), broken, QStringLiteral("config"),
                                      QStringLiteral("check")},
                                     m_env);
        QCOMPARE(run.exitCode, 1);
        for (const char* key : {"backtest.initial_equity", "hyperliquid.network", "pool.max_active", "pool.colour"})
            QVERIFY2(run.out.contains(QLatin1String(key)), qPrintable(QLatin1String(key) + QLatin1Char('\n') + run.out));
        QVERIFY(run.out.contains(broken + QLatin1Char(':')));
    }

    void configCheckOfAMissingFileIsAnInputError()
    {
        const CliRun run = runSixbtc({QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"),
                                      temp(QStringLiteral("nope.yaml"))},
                                     m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("nope.yaml")));
    }

    void configCheckNeverCrashesOnGarbage()
    {
        QRandomGenerator random(7);
        const QString path = temp(QStringLiteral("garbage.yaml"));
        const QByteArray shipped = readFile(shippedConfig).toUtf8();
        for (int i = 0; i < 12; ++i) {
            QByteArray bytes;
            if (i % 2 == 0) {
                bytes = shipped.left(qsizetype(random.bounded(int(shipped.size()))));
            } else {
                bytes.resize(qsizetype(random.bounded(1, 4096)));
                for (auto& byte : bytes)
                    byte = char(random.bounded(256));
            }
            writeFile(path, bytes);
            const CliRun run = runSixbtc({QStringLiteral("config"), QStringLiteral("check"),
                                          QStringLiteral("--config"), path},
                                         m_env);
            QVERIFY(!run.crashed);
            QVERIFY2(run.exitCode == 1, qPrintable(QString::number(run.exitCode) + run.out + run.err));
        }
    }

    void firstRunInstallsConfigInTheUserFolder()
    {
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedEnvironment(home.path());
        CliRun run = runSixbtc({QStringLiteral("config"), QStringLiteral("path")}, env);
        QCOMPARE(run.exitCode, 0);
        const QString expected = home.path() + QStringLiteral("/.config/sixbtc/config.yaml");
        QCOMPARE(run.out.trimmed(), expected);
        QVERIFY(readFile(expected).contains(QStringLiteral("dir: \"/")));

        run = runSixbtc({QStringLiteral("config"), QStringLiteral("check")}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(expected));
    }

    void dataListShowsEveryBundledFile()
    {
        const CliRun run = runSixbtc({QStringLiteral("--config"), shippedConfig, QStringLiteral("data"),
                                      QStringLiteral("list")},
                                     m_env);
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // data.dir line, header, rule, then one row per bundled file (31).
        QCOMPARE(lines.size(), 3 + 31);
        const auto coinbase = lines.filter(QStringLiteral("coinbase_btcusd_cdd/BTC_USD-1d.csv.gz"));
        QCOMPARE(coinbase.size(), 1);
        const QStringList cells = coinbase.first().simplified().split(QLatin1Char(' '));
        // file symbol market tf first(date time) last(date time) rows gaps missing used
        QCOMPARE(cells.value(1), QStringLiteral("BTC"));
        QCOMPARE(cells.value(2), QStringLiteral("spot"));
        QCOMPARE(cells.value(3), QStringLiteral("1d"));
        QCOMPARE(cells.value(4), QStringLiteral("2014-12-01"));
        QCOMPARE(cells.value(8), QStringLiteral("1770"));
        QCOMPARE(cells.value(9), QStringLiteral("1"));
        QCOMPARE(cells.value(10), QStringLiteral("12"));
        QCOMPARE(cells.value(11), QStringLiteral("excluded"));
    }

    void dataSummaryPrintsOneRowPerSymbolAndTimeframe()
    {
        const CliRun run = runSixbtc({QStringLiteral("--config"), shippedConfig, QStringLiteral("data"),
                                      QStringLiteral("summary")},
                                     m_env);
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3 + 3 * 6);
        QVERIFY(lines.filter(QStringLiteral("SOL     4h   spot")).size() == 1);
    }

    void aBrokenCandleFileExitsTwoWithItsPathAndLine()
    {
        const QString dataDir = temp(QStringLiteral("baddata"));
        QVERIFY(QDir().mkpath(dataDir));
        writeFile(dataDir + QStringLiteral("/BTC_USDT-1h.csv"),
                  "timestamp_ms,open,high,low,close,volume\n"
                  "3600000,10,12,9,11,5\n"
                  "7200000,10,9,8,11,5\n");
        QString text = readFile(shippedConfig);
        text.replace(QStringLiteral("dir: ../resources/data"), QStringLiteral("dir: ") + dataDir);
        text.replace(QStringLiteral("symbols: [BTC, ETH, SOL]"), QStringLiteral("symbols: [BTC]"));
        text.replace(QStringLiteral("timeframes: [5m, 15m, 30m, 1h, 4h, 1d]"), QStringLiteral("timeframes: [1h]"));
        const QString config = temp(QStringLiteral("baddata.yaml"));
        writeFile(config, text.toUtf8());
        const CliRun run = runSixbtc({QStringLiteral("--config"), config, QStringLiteral("data"),
                                      QStringLiteral("summary")},
                                     m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(dataDir + QStringLiteral("/BTC_USDT-1h.csv:3: ")), qPrintable(run.err));
    }

    void environmentVariableNamesTheConfig()
    {
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("SIXBTC_CONFIG"), shippedConfig);
        const CliRun run = runSixbtc({QStringLiteral("config"), QStringLiteral("path")}, env);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QFileInfo(run.out.trimmed()).canonicalFilePath(), QFileInfo(shippedConfig).canonicalFilePath());
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
