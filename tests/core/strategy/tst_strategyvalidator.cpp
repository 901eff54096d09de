// SPDX-License-Identifier: MIT
// Tests of `validate`: static diagnostics, the dry execution on real candles and the JSON form of the result.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "candlefixture.h"
#include "strategy/strategyvalidator.h"

using namespace sixbtc;
using namespace sixbtc::strategy;

namespace {

std::string readStrategy(const QString& name)
{
    QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    return file.readAll().toStdString();
}

common::CandleSeries hourly()
{
    return test::loadCandles(test::bundledData("BTC_USDT_USDT-1h.csv.gz"), "BTC", *common::Timeframe::parse("1h"));
}

const std::string header = "type: TRN\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n";
const std::string risk = "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 2, exit_after_bars: 0}\n";

} // namespace

class TstStrategyValidator : public QObject
{
    Q_OBJECT

private slots:
    void validDocumentsPassWithAndWithoutData()
    {
        const auto series = hourly();
        for (const char* name : {"every_builtin.yaml", "donchian.yaml"}) {
            const std::string text = readStrategy(QString::fromUtf8(name));
            QVERIFY(validateStrategy(text, {}).valid);
            const ValidationResult withData = validateStrategy(text, {series});
            QVERIFY2(withData.valid, withData.diagnostics.empty() ? "" : withData.diagnostics[0].message.c_str());
        }
    }

    void riskIsRequired()
    {
        const ValidationResult result = validateStrategy(header + "  long_entry: close > open\n", {});
        QVERIFY(!result.valid);
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        QCOMPARE(result.diagnostics[0].line, 1);
        QCOMPARE(result.diagnostics[0].column, 1);
        QVERIFY(QString::fromStdString(result.diagnostics[0].message).contains(QStringLiteral("missing field 'risk'")));
    }

    void undefinedValuesAfterWarmUpAreReported()
    {
        // volume - volume is 0 everywhere, so the division is undefined on every bar.
        const std::string text = header + "  long_entry: close > open\n  short_entry: close / (volume - volume) > 1\n" + risk;
        const ValidationResult result = validateStrategy(text, {hourly()});
        QVERIFY(!result.valid);
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        const Diagnostic& d = result.diagnostics[0];
        QCOMPARE(d.line, 6);
        QCOMPARE(d.column, 16);
        QVERIFY2(QString::fromStdString(d.message).contains(QStringLiteral("'(close / (volume - volume))' is undefined")),
                 d.message.c_str());
        QVERIFY(QString::fromStdString(d.message).contains(QStringLiteral("first at bar 0")));
    }

    void aStrategyThatNeverEntersIsInvalid()
    {
        const ValidationResult result = validateStrategy(header + "  long_entry: close < 0\n" + risk, {hourly()});
        QVERIFY(!result.valid);
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        QCOMPARE(result.diagnostics[0].line, 0);
        QVERIFY(QString::fromStdString(result.diagnostics[0].message).contains(QStringLiteral("no entry signal fires on BTC")));
    }

    void wrongTimeframeAndShortDataAreReported()
    {
        const auto series = hourly();
        common::CandleSeries shortSeries("BTC", series.timeframe());
        for (std::size_t i = 0; i < 10; ++i)
            shortSeries.append(series.timestampMs()[i], series.open()[i], series.high()[i], series.low()[i],
                               series.close()[i], series.volume()[i]);
        const std::string text = readStrategy(QStringLiteral("design_example.yaml")); // 15m
        QVERIFY(!validateStrategy(text, {series}).valid);
        const ValidationResult result = validateStrategy(readStrategy(QStringLiteral("donchian.yaml")), {shortSeries});
        QVERIFY(!result.valid);
        QVERIFY(QString::fromStdString(result.diagnostics[0].message).contains(QStringLiteral("too few candles")));
    }

    void jsonHasExactlyTheAgreedShape()
    {
        const ValidationResult result = validateStrategy(header + "  long_entry: close > emaa(close, 3)\n" + risk, {});
        const QJsonDocument json = QJsonDocument::fromJson(validationResultToJson(result));
        QVERIFY(json.isObject());
        const QJsonObject root = json.object();
        QCOMPARE(root.keys(), (QStringList{QStringLiteral("diagnostics"), QStringLiteral("valid")}));
        QCOMPARE(root.value(QStringLiteral("valid")).toBool(true), false);
        const QJsonArray diagnostics = root.value(QStringLiteral("diagnostics")).toArray();
        QCOMPARE(diagnostics.size(), 1);
        const QJsonObject d = diagnostics[0].toObject();
        QCOMPARE(d.keys(), (QStringList{QStringLiteral("column"), QStringLiteral("line"), QStringLiteral("message")}));
        QCOMPARE(d.value(QStringLiteral("line")).toInt(), 5);
        QCOMPARE(d.value(QStringLiteral("column")).toInt(), 23);
        QVERIFY(d.value(QStringLiteral("message")).toString().contains(QStringLiteral("did you mean 'ema'")));
        const QJsonObject valid = QJsonDocument::fromJson(validationResultToJson(ValidationResult{true, {}})).object();
        QCOMPARE(valid.value(QStringLiteral("valid")).toBool(false), true);
        QVERIFY(valid.value(QStringLiteral("diagnostics")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstStrategyValidator)
#include "tst_strategyvalidator.moc"
