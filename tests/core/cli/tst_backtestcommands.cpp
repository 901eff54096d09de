// SPDX-License-Identifier: MIT
// Tests of `sixbtc backtest` and `sixbtc optimize`: the reference run, optimize against single runs, bad input.
#include <QtTest>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <string>

#include "clirunner.h"
#include "data/filecontent.h"

namespace {

const QString strategies = QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/");
const QString backtestData = QStringLiteral(SIXBTC_TEST_DATA_DIR "/backtest/");
const QString bundled = QStringLiteral(SIXBTC_SOURCE_DIR "/resources/data/");
const QString shippedConfig = QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml");
constexpr qint64 kBarMs = 300'000;

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

bool closeRel(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

// The reference strategy with its risk block set to `params` (an optimize record's params object).
QByteArray strategyWithRisk(const QJsonObject& params)
{
    QByteArray text = readBytes(strategies + QStringLiteral("reference_rsi.yaml"));
    const qsizetype at = text.indexOf("risk:");
    const QString risk = QStringLiteral("risk: {sl_pct: %1, tp_pct: %2, leverage: %3, exit_after_bars: %4}\n")
                             .arg(params.value(QStringLiteral("sl_pct")).toDouble(), 0, 'g', 17)
                             .arg(params.value(QStringLiteral("tp_pct")).toDouble(), 0, 'g', 17)
                             .arg(params.value(QStringLiteral("leverage")).toDouble(), 0, 'g', 17)
                             .arg(params.value(QStringLiteral("exit_after_bars")).toInteger());
    return text.left(at) + risk.toUtf8();
}

} // namespace

class TstBacktestCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    QJsonObject m_ref;
    QString m_config;
    QString m_slice;  ///< the reference rows only: indicators start at the first bar, as in the reference
    QString m_gapped; ///< the slice with one bar removed
    qint64 m_firstMs = 0;
    qint64 m_endMs = 0; ///< last reference bar + one bar

    QString temp(const QString& name) const { return m_home.filePath(name); }
    CliRun run(const QStringList& args) const
    {
        return runSixbtc(QStringList{QStringLiteral("--config"), m_config} + args, m_env);
    }
    QStringList command(const QString& name, const QString& strategy, const QStringList& more) const
    {
        return QStringList{name, QStringLiteral("--strategy-file"), strategy} + more;
    }
    QStringList sliceArgs() const
    {
        return {QStringLiteral("--data"), QStringLiteral("BTC=") + m_slice, QStringLiteral("--from"),
                iso(m_firstMs),           QStringLiteral("--to"),           iso(m_endMs)};
    }

private slots:
    void initTestCase()
    {
        m_env = isolatedEnvironment(m_home.path());
        m_ref = QJsonDocument::fromJson(readBytes(backtestData + QStringLiteral("reference-run-rsi.json"))).object();
        const QJsonObject d = m_ref.value(QStringLiteral("data")).toObject();
        m_firstMs = d.value(QStringLiteral("first_timestamp_ms")).toInteger();
        m_endMs = d.value(QStringLiteral("last_timestamp_ms")).toInteger() + kBarMs;

        // The shipped configuration with the reference's risk values and an absolute data folder.
        QString config = QString::fromUtf8(readBytes(shippedConfig));
        const QList<std::pair<QString, QString>> edits{
            {QStringLiteral("risk_per_trade_pct: 0.02 "), QStringLiteral("risk_per_trade_pct: 0.01 ")},
            {QStringLiteral("max_position_size_pct: 0.20 "), QStringLiteral("max_position_size_pct: 0.25 ")},
            {QStringLiteral("max_open_positions_per_subaccount: 10 "),
             QStringLiteral("max_open_positions_per_subaccount: 3 ")},
            {QStringLiteral("dir: ../resources/data "), QStringLiteral("dir: ") + bundled + QStringLiteral(" ")},
            {QStringLiteral("initial_equity: 10000.0 "), QStringLiteral("initial_equity: 10000.0 ")},
            {QStringLiteral("fee_rate: 0.0004 "), QStringLiteral("fee_rate: 0.0004 ")},
            {QStringLiteral("slippage: 0.0002 "), QStringLiteral("slippage: 0.0002 ")},
            {QStringLiteral("min_notional: 10.0 "), QStringLiteral("min_notional: 10.0 ")},
            {QStringLiteral("exit_on_opposite: true"), QStringLiteral("exit_on_opposite: true")}};
        for (const auto& [from, to] : edits) {
            QVERIFY2(config.count(from) == 1, qPrintable(from));
            config.replace(from, to);
        }
        m_config = temp(QStringLiteral("config.yaml"));
        QVERIFY(writeFile(m_config, config.toUtf8()));

        // The reference rows of the bundled file, and the same with one bar missing.
        const QString bundledFile = bundled + QStringLiteral("BTC_USDT_USDT-5m.csv.gz");
        auto text = sixbtc::data::readFileContent(bundledFile.toStdString());
        QVERIFY(text.has_value());
        const QList<QByteArray> lines = QByteArray::fromStdString(*text).split('\n');
        QByteArray slice = lines.first() + '\n';
        QByteArray gapped = slice;
        qint64 rows = 0;
        for (const QByteArray& line : lines.mid(1)) {
            const qint64 ms = line.left(line.indexOf(',')).toLongLong();
            if (line.isEmpty() || ms < m_firstMs || ms >= m_endMs)
                continue;
            slice += line + '\n';
            if (rows++ != 500)
                gapped += line + '\n';
        }
        QCOMPARE(rows, d.value(QStringLiteral("bars")).toInteger());
        m_slice = temp(QStringLiteral("BTC_USDT_USDT-5m.csv"));
        m_gapped = temp(QStringLiteral("gapped-5m.csv"));
        QVERIFY(writeFile(m_slice, slice));
        QVERIFY(writeFile(m_gapped, gapped));
    }

    void optimizeReproducesTheReferenceGridPoints()
    {
        const QString json = temp(QStringLiteral("reference-optimize.json"));
        const CliRun r = run(command(QStringLiteral("optimize"), strategies + QStringLiteral("reference_rsi.yaml"),
                                     sliceArgs() + QStringList{QStringLiteral("--json"), json}));
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("400 strategies in ")), qPrintable(r.out));
        const QJsonObject record = readJson(json);
        const QJsonArray all = record.value(QStringLiteral("strategies")).toArray();
        QCOMPARE(all.size(), 400);
        QCOMPARE(record.value(QStringLiteral("timing")).toObject().value(QStringLiteral("bars")).toInteger(), 105120);

        const QJsonArray expected = m_ref.value(QStringLiteral("metrics_by_grid_index")).toArray();
        QCOMPARE(expected.size(), 6);
        for (const QJsonValue& value : expected) {
            const QJsonObject ref = value.toObject();
            const qint64 index = ref.value(QStringLiteral("index")).toInteger();
            const QJsonObject got = all.at(index).toObject();
            QCOMPARE(got.value(QStringLiteral("index")).toInteger(), index);
            const QJsonObject params = got.value(QStringLiteral("params")).toObject();
            QCOMPARE(params.value(QStringLiteral("sl_pct")).toDouble(), ref.value(QStringLiteral("sl")).toDouble());
            QCOMPARE(params.value(QStringLiteral("tp_pct")).toDouble(), ref.value(QStringLiteral("tp")).toDouble());
            QCOMPARE(params.value(QStringLiteral("leverage")).toDouble(),
                     ref.value(QStringLiteral("leverage")).toDouble());
            QCOMPARE(params.value(QStringLiteral("exit_after_bars")).toDouble(),
                     ref.value(QStringLiteral("exit_bars")).toDouble());
            const QJsonObject metrics = got.value(QStringLiteral("metrics")).toObject();
            QCOMPARE(metrics.size(), 10);
            for (const QString& key : metrics.keys()) {
                const double actual = metrics.value(key).toDouble();
                const double wanted = ref.value(key).toDouble();
                QVERIFY2(ref.contains(key) && closeRel(actual, wanted, 1e-9),
                         qPrintable(QStringLiteral("index %1 %2: %3 != %4")
                                        .arg(index)
                                        .arg(key)
                                        .arg(actual, 0, 'g', 17)
                                        .arg(wanted, 0, 'g', 17)));
            }
        }
    }

    void optimizeAndSingleBacktestsAgree()
    {
        // The store's file (with warm-up bars before --from) over three months.
        const QStringList range{QStringLiteral("--from"), QStringLiteral("2025-06-01"), QStringLiteral("--to"),
                                QStringLiteral("2025-09-01T00:00:00Z")};
        const QString json = temp(QStringLiteral("small-optimize.json"));
        const CliRun r =
            run(command(QStringLiteral("optimize"), strategies + QStringLiteral("reference_rsi.yaml"),
                        range + QStringList{QStringLiteral("--grid"), backtestData + QStringLiteral("small-grid.yaml"),
                                            QStringLiteral("--trades"), QStringLiteral("--json"), json}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonArray all = readJson(json).value(QStringLiteral("strategies")).toArray();
        QCOMPARE(all.size(), 16);
        const qint64 fromMs = QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

        for (const qsizetype index : {0, 5, 10, 15}) {
            const QJsonObject expected = all.at(index).toObject();
            const QString strategy = temp(QStringLiteral("point-%1.yaml").arg(index));
            QVERIFY(writeFile(strategy, strategyWithRisk(expected.value(QStringLiteral("params")).toObject())));
            const QString single = temp(QStringLiteral("point-%1.json").arg(index));
            const CliRun b = run(
                command(QStringLiteral("backtest"), strategy, range + QStringList{QStringLiteral("--json"), single}));
            QVERIFY2(b.exitCode == 0, qPrintable(b.out + b.err));
            QVERIFY2(b.out.contains(QStringLiteral("final_equity")), qPrintable(b.out));
            const QJsonObject got = readJson(single);
            QCOMPARE(got.value(QStringLiteral("params")), expected.value(QStringLiteral("params")));
            QCOMPARE(got.value(QStringLiteral("metrics")), expected.value(QStringLiteral("metrics")));
            QCOMPARE(got.value(QStringLiteral("trades")), expected.value(QStringLiteral("trades")));

            // Bar indexes count from --from (the range has no gap).
            const QJsonObject bars = got.value(QStringLiteral("bars")).toObject();
            QCOMPARE(bars.value(QStringLiteral("first_time_ms")).toInteger(), fromMs);
            QCOMPARE(bars.value(QStringLiteral("count")).toInteger(), 92 * 288);
            const QJsonArray trades = got.value(QStringLiteral("trades")).toArray();
            QVERIFY(!trades.isEmpty());
            for (const QJsonValue& t : trades) {
                const QJsonObject trade = t.toObject();
                QCOMPARE(trade.value(QStringLiteral("entry_time_ms")).toInteger(),
                         fromMs + trade.value(QStringLiteral("entry_bar")).toInteger() * kBarMs);
            }
        }
    }

    void indicatorsWarmUpOnTheBarsBeforeFrom()
    {
        // sma(close, 2000) is defined from the 2000th bar of the data: with the store's earlier bars the first
        // bar of the range already signals (entry at bar 1); the slice has no bar before --from.
        const QString strategy = backtestData + QStringLiteral("sma_warmup.yaml");
        const QString warm = temp(QStringLiteral("warm.json"));
        const QString cold = temp(QStringLiteral("cold.json"));
        const CliRun w = run(command(QStringLiteral("backtest"), strategy,
                                     {QStringLiteral("--from"), iso(m_firstMs), QStringLiteral("--to"),
                                      iso(m_firstMs + 3000 * kBarMs), QStringLiteral("--json"), warm}));
        QVERIFY2(w.exitCode == 0, qPrintable(w.out + w.err));
        const CliRun c =
            run(command(QStringLiteral("backtest"), strategy,
                        {QStringLiteral("--data"), QStringLiteral("BTC=") + m_slice, QStringLiteral("--to"),
                         iso(m_firstMs + 3000 * kBarMs), QStringLiteral("--json"), cold}));
        QVERIFY2(c.exitCode == 0, qPrintable(c.out + c.err));
        for (const QString& file : {warm, cold}) {
            const QJsonObject bars = readJson(file).value(QStringLiteral("bars")).toObject();
            QCOMPARE(bars.value(QStringLiteral("first_time_ms")).toInteger(), m_firstMs);
            QCOMPARE(bars.value(QStringLiteral("count")).toInteger(), 3000);
        }
        const auto firstEntry = [](const QString& file) {
            const QJsonArray trades = readJson(file).value(QStringLiteral("trades")).toArray();
            return trades.isEmpty() ? -1 : trades.at(0).toObject().value(QStringLiteral("entry_bar")).toInteger();
        };
        QCOMPARE(firstEntry(warm), 1);
        QCOMPARE(firstEntry(cold), 2000);
    }

    void gapsAreRefusedUnlessAllowed()
    {
        const QStringList args{QStringLiteral("--data"), QStringLiteral("BTC=") + m_gapped};
        const QString strategy = strategies + QStringLiteral("reference_rsi.yaml");
        const CliRun refused = run(command(QStringLiteral("backtest"), strategy, args));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("gaps inside the range")) &&
                     refused.err.contains(QStringLiteral("BTC: 1 missing bar(s)")),
                 qPrintable(refused.err));
        const CliRun allowed =
            run(command(QStringLiteral("backtest"), strategy, args + QStringList{QStringLiteral("--allow-gaps")}));
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.out + allowed.err));
        QVERIFY2(allowed.out.contains(QStringLiteral("gap accepted: BTC: 1 missing bar(s)")), qPrintable(allowed.out));
        QVERIFY2(allowed.out.contains(QStringLiteral("105119 bars")), qPrintable(allowed.out));
    }

    void badInputExitsTwo_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("grid");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString slice = QStringLiteral("BTC=") + m_slice;
        const QStringList data{QStringLiteral("--data"), slice};
        QTest::newRow("unknown symbol") << QStringLiteral("backtest") << QByteArray()
                                        << QStringList{QStringLiteral("--data"), QStringLiteral("ETH=") + m_slice}
                                        << QStringLiteral("--data ETH: unknown symbol");
        QTest::newRow("missing file") << QStringLiteral("backtest") << QByteArray()
                                      << QStringList{QStringLiteral("--data"),
                                                     QStringLiteral("BTC=") + temp(QStringLiteral("none.csv"))}
                                      << temp(QStringLiteral("none.csv"));
        QTest::newRow("empty range") << QStringLiteral("backtest") << QByteArray()
                                     << data + QStringList{QStringLiteral("--from"), QStringLiteral("2025-06-01"),
                                                           QStringLiteral("--to"), QStringLiteral("2025-06-01")}
                                     << QStringLiteral("empty range");
        QTest::newRow("range without bars")
            << QStringLiteral("optimize") << QByteArray()
            << data + QStringList{QStringLiteral("--from"), QStringLiteral("2030-01-01"), QStringLiteral("--to"),
                                  QStringLiteral("2030-02-01")}
            << QStringLiteral("BTC: no bar inside the range");
        QTest::newRow("bad time") << QStringLiteral("backtest") << QByteArray()
                                  << data + QStringList{QStringLiteral("--from"), QStringLiteral("June")}
                                  << QStringLiteral("--from expects an ISO 8601 date");
        const QByteArray rest = "\ntp_pct: [0.01]\nleverage: [1]\nexit_after_bars: [0]\n";
        QTest::newRow("sl_pct zero") << QStringLiteral("optimize") << QByteArray("sl_pct: [0.01, 0]") + rest << data
                                     << QStringLiteral("sl_pct[1]: expected");
        QTest::newRow("tp_pct negative") << QStringLiteral("optimize")
                                         << QByteArray("sl_pct: [0.01]\ntp_pct: [-0.01]\nleverage: [1]\n"
                                                       "exit_after_bars: [0]\n")
                                         << data << QStringLiteral("tp_pct[0]: expected");
        QTest::newRow("leverage below 1") << QStringLiteral("optimize")
                                          << QByteArray("sl_pct: [0.01]\ntp_pct: [0.01]\nleverage: [2, 0.5]\n"
                                                        "exit_after_bars: [0]\n")
                                          << data << QStringLiteral("leverage[1]: expected");
        QTest::newRow("exit bars negative") << QStringLiteral("optimize")
                                            << QByteArray("sl_pct: [0.01]\ntp_pct: [0.01]\nleverage: [1]\n"
                                                          "exit_after_bars: [-1]\n")
                                            << data << QStringLiteral("exit_after_bars[0]: expected");
        QTest::newRow("exit bars fraction") << QStringLiteral("optimize")
                                            << QByteArray("sl_pct: [0.01]\ntp_pct: [0.01]\nleverage: [1]\n"
                                                          "exit_after_bars: [12, 1.5]\n")
                                            << data << QStringLiteral("exit_after_bars[1]: expected");
        QTest::newRow("empty list") << QStringLiteral("optimize") << QByteArray("sl_pct: []") + rest << data
                                    << QStringLiteral("sl_pct: expected a non-empty list");
    }

    void badInputExitsTwo()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, grid);
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QStringList more = args;
        if (!grid.isEmpty()) {
            const QString file = temp(QStringLiteral("grid.yaml"));
            QVERIFY(writeFile(file, grid));
            more += QStringList{QStringLiteral("--grid"), file};
        }
        const CliRun r = run(command(name, strategies + QStringLiteral("reference_rsi.yaml"), more));
        QVERIFY(!r.crashed);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + r.out + r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void unknownSymbolOfTheStoreExitsTwo()
    {
        QByteArray text = readBytes(strategies + QStringLiteral("reference_rsi.yaml"));
        text.replace("symbols: [BTC]", "symbols: [DOGE]");
        const QString strategy = temp(QStringLiteral("doge.yaml"));
        QVERIFY(writeFile(strategy, text));
        const CliRun r = run(command(QStringLiteral("backtest"), strategy, {}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("DOGE")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TstBacktestCommands)
#include "tst_backtestcommands.moc"
