// SPDX-License-Identifier: MIT
// The spec section 13 result records: fields, names, and binary64 round trip of every number.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

#include "backtest/engine.h"
#include "backtest/resultjson.h"
#include "backtestfixture.h"
#include "rsisignals.h"

using namespace sixbtc::backtest;
using namespace sixbtc::backtest::testing;

namespace {

QJsonObject reparse(const QJsonObject& record)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(recordText(record), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("record does not parse");
    return doc.object();
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TstResultJson : public QObject
{
    Q_OBJECT

private slots:
    void backtestRecordOfExample1()
    {
        const HandSymbol sym(
            "BTC", {{100, 101, 99, 100, 1}, {100, 102, 99.5, 101}, {101, 105, 100.5, 104.5}, {104.5, 105, 104, 104.8}});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        const StrategyParams params{0.02, 0.04, 5.0, 0};
        const Metrics m = engine.run(params);
        const QJsonObject r = reparse(backtestRecord(data, "example1.yaml", params, m, engine.trades()));
        QCOMPARE(r.value(QStringLiteral("strategy")).toString(), QStringLiteral("example1.yaml"));
        const QJsonObject p = r.value(QStringLiteral("params")).toObject();
        QCOMPARE(p.value(QStringLiteral("sl_pct")).toDouble(), 0.02);
        QCOMPARE(p.value(QStringLiteral("exit_after_bars")).toInteger(), 0);
        const QJsonObject bars = r.value(QStringLiteral("bars")).toObject();
        QCOMPARE(bars.value(QStringLiteral("first_time_ms")).toInteger(), 0);
        QCOMPARE(bars.value(QStringLiteral("last_time_ms")).toInteger(), 3 * 300'000);
        QCOMPARE(bars.value(QStringLiteral("count")).toInteger(), 4);
        const QJsonObject metrics = r.value(QStringLiteral("metrics")).toObject();
        QCOMPARE(metrics.keys().size(), 10);
        QCOMPARE(metrics.value(QStringLiteral("n_trades")).toInteger(), 1);
        QCOMPARE(metrics.value(QStringLiteral("consistency")).toDouble(), 0.75);
        QVERIFY(sameBits(metrics.value(QStringLiteral("final_equity")).toDouble(), m.finalEquity));
        const QJsonArray trades = r.value(QStringLiteral("trades")).toArray();
        QCOMPARE(trades.size(), 1);
        const QJsonObject t = trades[0].toObject();
        QCOMPARE(t.keys().size(), 16);
        QCOMPARE(t.value(QStringLiteral("symbol")).toString(), QStringLiteral("BTC"));
        QCOMPARE(t.value(QStringLiteral("entry_time_ms")).toInteger(), 300'000);
        QCOMPARE(t.value(QStringLiteral("exit_time_ms")).toInteger(), 600'000);
        QCOMPARE(t.value(QStringLiteral("dir")).toInt(), 1);
        QCOMPARE(t.value(QStringLiteral("reason")).toString(), QStringLiteral("TP"));
        QCOMPARE(t.value(QStringLiteral("qty")).toDouble(), 49.99000199960008);
        QCOMPARE(t.value(QStringLiteral("pnl_net")).toDouble(), 194.88041600000005);
    }

    void everyNumberReadsBackToTheSameDouble()
    {
        const sixbtc::common::CandleSeries series = loadBtc5m(1739984400000, 1771520100000);
        const RsiSignals signalColumns(series);
        const SymbolInput input = signalColumns.input(series);
        const BacktestData data = BacktestData::build(std::span(&input, 1)).value();
        EngineSettings settings = exampleSettings();
        settings.maxPositionSizePct = 0.25;
        Engine engine(data, settings);
        const StrategyParams params{0.005, 0.005, 1.0, 0};
        const Metrics m = engine.run(params);
        const QJsonObject r = reparse(backtestRecord(data, "rsi", params, m, engine.trades()));
        const QJsonArray trades = r.value(QStringLiteral("trades")).toArray();
        QCOMPARE(trades.size(), qsizetype(1800));
        for (qsizetype i = 0; i < trades.size(); ++i) {
            const QJsonObject t = trades[i].toObject();
            const Trade& e = engine.trades()[static_cast<std::size_t>(i)];
            QVERIFY(sameBits(t.value(QStringLiteral("entry_px")).toDouble(), e.entryPx));
            QVERIFY(sameBits(t.value(QStringLiteral("exit_px")).toDouble(), e.exitPx));
            QVERIFY(sameBits(t.value(QStringLiteral("qty")).toDouble(), e.qty));
            QVERIFY(sameBits(t.value(QStringLiteral("exit_fee")).toDouble(), e.exitFee));
            QVERIFY(sameBits(t.value(QStringLiteral("pnl_net")).toDouble(), e.pnlNet));
            QVERIFY(sameBits(t.value(QStringLiteral("equity_at_entry")).toDouble(), e.equityAtEntry));
        }
        const QJsonObject metrics = r.value(QStringLiteral("metrics")).toObject();
        QVERIFY(sameBits(metrics.value(QStringLiteral("sharpe")).toDouble(), m.sharpe));
        QVERIFY(sameBits(metrics.value(QStringLiteral("expectancy")).toDouble(), m.expectancy));
    }

    void optimizeRecordInGridOrder()
    {
        const HandSymbol sym("BTC", {{100, 101, 99, 100, 1}, {100, 102, 99.5, 101}, {101, 105, 100.5, 104.5}});
        const BacktestData data = makeData({&sym});
        Engine engine(data, exampleSettings());
        const std::vector<StrategyParams> params{{0.02, 0.04, 5.0, 0}, {0.01, 0.02, 3.0, 12}};
        std::vector<Metrics> metrics;
        std::vector<std::vector<Trade>> trades;
        for (const StrategyParams& p : params) {
            metrics.push_back(engine.run(p));
            trades.emplace_back(engine.trades().begin(), engine.trades().end());
        }
        const QJsonObject plain = reparse(optimizeRecord(data, params, metrics, {}, BatchTiming{0.5}));
        const QJsonArray strategies = plain.value(QStringLiteral("strategies")).toArray();
        QCOMPARE(strategies.size(), 2);
        QCOMPARE(strategies[1].toObject().value(QStringLiteral("index")).toInteger(), 1);
        QCOMPARE(strategies[1]
                     .toObject()
                     .value(QStringLiteral("params"))
                     .toObject()
                     .value(QStringLiteral("exit_after_bars"))
                     .toInteger(),
                 12);
        QVERIFY(!strategies[0].toObject().contains(QStringLiteral("trades")));
        const QJsonObject timing = plain.value(QStringLiteral("timing")).toObject();
        QCOMPARE(timing.value(QStringLiteral("bars")).toInteger(), 3);
        QCOMPARE(timing.value(QStringLiteral("strategies")).toInteger(), 2);
        QCOMPARE(timing.value(QStringLiteral("bar_strategy_steps_per_s")).toDouble(), 12.0);
        const QJsonObject withTrades = reparse(optimizeRecord(data, params, metrics, trades, BatchTiming{0.5}));
        QCOMPARE(withTrades.value(QStringLiteral("strategies"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("trades"))
                     .toArray()
                     .size(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TstResultJson)
#include "tst_resultjson.moc"
