// SPDX-License-Identifier: MIT
// The reference run's strategy document compiled by core/strategy gives the reference signals and metrics.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "backtest/engine.h"
#include "backtestfixture.h"
#include "rsisignals.h"
#include "strategy/documentstrategy.h"
#include "strategy/strategydocument.h"

using namespace sixbtc::backtest;
using namespace sixbtc::backtest::testing;
using sixbtc::strategy::RuleSlot;

class TstDocumentSignals : public QObject
{
    Q_OBJECT

private slots:
    void referenceDocumentThroughTheStrategyLanguage()
    {
        QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/backtest/reference-run-rsi.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject doc = ref.value(QStringLiteral("strategy_document")).toObject();
        const QJsonObject rules = doc.value(QStringLiteral("signals")).toObject();
        const QString yaml =
            QStringLiteral("type: %1\ntimeframe: %2\nsymbols: [%3]\nsignals:\n"
                           "  long_entry: \"%4\"\n  short_entry: \"%5\"\n")
                .arg(doc.value(QStringLiteral("type")).toString(), doc.value(QStringLiteral("timeframe")).toString(),
                     doc.value(QStringLiteral("symbols")).toArray()[0].toString(),
                     rules.value(QStringLiteral("long_entry")).toString(),
                     rules.value(QStringLiteral("short_entry")).toString());
        auto parsed = sixbtc::strategy::parseStrategyDocument(yaml.toStdString(), "reference.yaml");
        QVERIFY(parsed.document.has_value());
        const sixbtc::strategy::DocumentStrategy core(std::move(*parsed.document));

        const QJsonObject d = ref.value(QStringLiteral("data")).toObject();
        const sixbtc::common::CandleSeries series =
            loadBtc5m(static_cast<std::int64_t>(d.value(QStringLiteral("first_timestamp_ms")).toDouble()),
                      static_cast<std::int64_t>(d.value(QStringLiteral("last_timestamp_ms")).toDouble()));
        const sixbtc::strategy::SignalColumns columns = core.evaluate(sixbtc::strategy::CandleWindow(series));
        const SymbolInput input{&series,
                                {columns.rule(RuleSlot::LongEntry), columns.rule(RuleSlot::ShortEntry),
                                 columns.rule(RuleSlot::LongExit), columns.rule(RuleSlot::ShortExit)}};
        const auto data = BacktestData::build(std::span(&input, 1));
        QVERIFY(data.has_value());
        const QJsonObject sig = ref.value(QStringLiteral("signals")).toObject();
        QCOMPARE(entrySignalHash(data->track(0)), sig.value(QStringLiteral("sha256_of_int8_array")).toString());

        // The independent RSI of the engine tests gives the same columns.
        const RsiSignals independent(series);
        QVERIFY(std::equal(independent.longEntry.begin(), independent.longEntry.end(),
                           columns.rule(RuleSlot::LongEntry).begin(), columns.rule(RuleSlot::LongEntry).end()));
        QVERIFY(std::equal(independent.shortEntry.begin(), independent.shortEntry.end(),
                           columns.rule(RuleSlot::ShortEntry).begin(), columns.rule(RuleSlot::ShortEntry).end()));

        const QJsonObject p0 = ref.value(QStringLiteral("metrics_by_grid_index")).toArray()[0].toObject();
        EngineSettings settings = exampleSettings();
        settings.maxPositionSizePct = 0.25;
        Engine engine(*data, settings);
        const Metrics m = engine.run({0.005, 0.005, 1.0, 0});
        QVERIFY(closeRel(m.finalEquity, p0.value(QStringLiteral("final_equity")).toDouble(), 1e-9));
        QVERIFY(closeRel(m.sharpe, p0.value(QStringLiteral("sharpe")).toDouble(), 1e-9));
        QCOMPARE(static_cast<double>(m.nTrades), p0.value(QStringLiteral("n_trades")).toDouble());
    }
};

QTEST_GUILESS_MAIN(TstDocumentSignals)
#include "tst_documentsignals.moc"
