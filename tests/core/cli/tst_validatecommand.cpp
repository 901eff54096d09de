// SPDX-License-Identifier: MIT
// Tests of `sixbtc validate`: exit codes, printed diagnostics, the JSON result and the candle sources of the dry run.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "clirunner.h"

namespace {

const QString strategies = QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/");
const QString candles = QStringLiteral(SIXBTC_SOURCE_DIR "/resources/data/");
const QString shippedConfig = QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml");

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

QString lastLine(const QString& text)
{
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last();
}

QStringList validateArgs(const QString& strategy, const QStringList& more = {})
{
    return QStringList{QStringLiteral("validate"), QStringLiteral("--strategy-file"), strategy} + more;
}

} // namespace

class TstValidateCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;

    QString temp(const QString& name) const { return m_home.filePath(name); }
    CliRun run(const QStringList& args) const { return runSixbtc(args, m_env); }

private slots:
    void initTestCase() { m_env = isolatedEnvironment(m_home.path()); }

    void validDocumentWithDataExitsZero()
    {
        const QString json = temp(QStringLiteral("valid.json"));
        const QString data = candles + QStringLiteral("BTC_USDT_USDT-1h.csv.gz");
        const CliRun r = run(
            validateArgs(strategies + QStringLiteral("donchian.yaml"),
                         {QStringLiteral("--data"), QStringLiteral("BTC=") + data, QStringLiteral("--json"), json}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(lastLine(r.out), QStringLiteral("valid"));
        QVERIFY2(r.out.contains(QStringLiteral("dry run on BTC: ")), qPrintable(r.out));
        const QJsonObject result = readJson(json);
        QCOMPARE(result.keys(), (QStringList{QStringLiteral("diagnostics"), QStringLiteral("valid")}));
        QCOMPARE(result.value(QStringLiteral("valid")), QJsonValue(true));
        QCOMPARE(result.value(QStringLiteral("diagnostics")).toArray().size(), 0);
    }

    void invalidDocumentExitsOneWithEveryDiagnostic()
    {
        const QString file = strategies + QStringLiteral("invalid_rules.yaml");
        const QString json = temp(QStringLiteral("invalid.json"));
        const CliRun r = run(validateArgs(file, {QStringLiteral("--json"), json}));
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QCOMPARE(lastLine(r.out), QStringLiteral("invalid"));
        QVERIFY2(r.out.contains(file + QStringLiteral(":6:24: unknown function 'emaa'")), qPrintable(r.out));
        QVERIFY2(r.out.contains(file + QStringLiteral(":7:25: ema takes 2 arguments")), qPrintable(r.out));

        const QJsonObject result = readJson(json);
        QCOMPARE(result.value(QStringLiteral("valid")), QJsonValue(false));
        const QJsonArray diagnostics = result.value(QStringLiteral("diagnostics")).toArray();
        QCOMPARE(diagnostics.size(), 2);
        const QJsonObject first = diagnostics.at(0).toObject();
        const QJsonObject second = diagnostics.at(1).toObject();
        QCOMPARE(first.keys(),
                 (QStringList{QStringLiteral("column"), QStringLiteral("line"), QStringLiteral("message")}));
        QCOMPARE(first.value(QStringLiteral("line")).toInt(), 6);
        QCOMPARE(first.value(QStringLiteral("column")).toInt(), 24);
        QVERIFY(first.value(QStringLiteral("message")).toString().contains(QStringLiteral("did you mean 'ema'?")));
        QCOMPARE(second.value(QStringLiteral("line")).toInt(), 7);
        QCOMPARE(second.value(QStringLiteral("column")).toInt(), 25);
    }

    void dryRunProblemsMakeTheDocumentInvalid()
    {
        const QString json = temp(QStringLiteral("never.json"));
        const QString file = strategies + QStringLiteral("never_enters.yaml");
        const CliRun r = run(validateArgs(
            file, {QStringLiteral("--data"), QStringLiteral("BTC=") + candles + QStringLiteral("BTC_USDT-1h.csv.gz"),
                   QStringLiteral("--json"), json}));
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(file + QStringLiteral(": no entry signal fires on BTC")), qPrintable(r.out));
        const QJsonArray diagnostics = readJson(json).value(QStringLiteral("diagnostics")).toArray();
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.at(0).toObject().value(QStringLiteral("line")).toInt(), 0);
    }

    void withoutDataTheConfiguredStoreSuppliesCandles()
    {
        const CliRun r = run({QStringLiteral("--config"), shippedConfig, QStringLiteral("validate"),
                              QStringLiteral("--strategy-file"), strategies + QStringLiteral("design_example.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("dry run on BTC: ")) &&
                     r.out.contains(QStringLiteral("dry run on ETH: ")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("BTC_USDT-15m.csv.gz")), qPrintable(r.out));
        QCOMPARE(lastLine(r.out), QStringLiteral("valid"));

        const CliRun never = run({QStringLiteral("--config"), shippedConfig, QStringLiteral("validate"),
                                  QStringLiteral("--strategy-file"), strategies + QStringLiteral("never_enters.yaml")});
        QCOMPARE(never.exitCode, 1);
    }

    void withoutDataOrConfigurationTheChecksAreStatic()
    {
        const QString missing = temp(QStringLiteral("no-such-config.yaml"));
        const CliRun r = run({QStringLiteral("--config"), missing, QStringLiteral("validate"),
                              QStringLiteral("--strategy-file"), strategies + QStringLiteral("never_enters.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("static checks only: the configuration cannot be loaded")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(missing), qPrintable(r.out));
    }

    void usageAndInputErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString donchian = strategies + QStringLiteral("donchian.yaml");
        const QString btc1h = candles + QStringLiteral("BTC_USDT_USDT-1h.csv.gz");
        QTest::newRow("no strategy file")
            << QStringList{QStringLiteral("validate")} << QStringLiteral("--strategy-file FILE is required");
        QTest::newRow("missing strategy file")
            << validateArgs(strategies + QStringLiteral("nope.yaml"))
            << strategies + QStringLiteral("nope.yaml: cannot read the strategy file");
        QTest::newRow("strategy file is a folder")
            << validateArgs(strategies) << QStringLiteral("cannot read the strategy file (it is a folder)");
        QTest::newRow("data without =") << validateArgs(donchian, {QStringLiteral("--data"), btc1h})
                                        << QStringLiteral("--data expects SYMBOL=FILE");
        QTest::newRow("data without symbol")
            << validateArgs(donchian, {QStringLiteral("--data"), QStringLiteral("=") + btc1h})
            << QStringLiteral("--data expects SYMBOL=FILE");
        QTest::newRow("data without file") << validateArgs(donchian, {QStringLiteral("--data"), QStringLiteral("BTC=")})
                                           << QStringLiteral("--data expects SYMBOL=FILE");
        QTest::newRow("data symbol twice")
            << validateArgs(donchian, {QStringLiteral("--data"), QStringLiteral("BTC=") + btc1h,
                                       QStringLiteral("--data"), QStringLiteral("BTC=") + btc1h})
            << QStringLiteral("--data names BTC more than once");
        QTest::newRow("data symbol not in the strategy")
            << validateArgs(donchian, {QStringLiteral("--data"), QStringLiteral("ETH=") + btc1h})
            << QStringLiteral("--data ETH: not a symbol of the strategy (BTC)");
        QTest::newRow("data file missing")
            << validateArgs(donchian, {QStringLiteral("--data"), QStringLiteral("BTC=/nonexistent/BTC_USDT-1h.csv")})
            << QStringLiteral("/nonexistent/BTC_USDT-1h.csv: cannot read the file");
        QTest::newRow("data file of another timeframe")
            << validateArgs(donchian, {QStringLiteral("--data"),
                                       QStringLiteral("BTC=") + candles + QStringLiteral("BTC_USDT_USDT-5m.csv.gz")})
            << QStringLiteral("BTC_USDT_USDT-5m.csv.gz: its name says 5m candles but the strategy's timeframe is 1h");
        QTest::newRow("unknown option") << validateArgs(donchian, {QStringLiteral("--bogus")})
                                        << QStringLiteral("bogus");
    }
    void usageAndInputErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = run(args);
        QVERIFY(!r.crashed);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + r.out + r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void brokenDataFileExitsTwoWithItsPathAndLine()
    {
        // Line 4 has its high below its low: the reader names the file and that line.
        const QString path = temp(QStringLiteral("BTC_USDT_USDT-1h.csv"));
        writeFile(path, "timestamp_ms,open,high,low,close,volume\n"
                        "1699999200000,100,101,99,100.5,10\n"
                        "1700002800000,100.5,102,100,101,12\n"
                        "1700006400000,101,99,100,100,9\n");
        const CliRun r = run(validateArgs(strategies + QStringLiteral("donchian.yaml"),
                                          {QStringLiteral("--data"), QStringLiteral("BTC=") + path}));
        QVERIFY(!r.crashed);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + r.out + r.err));
        QVERIFY2(r.err.contains(path + QStringLiteral(":4: ")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TstValidateCommand)
#include "tst_validatecommand.moc"
