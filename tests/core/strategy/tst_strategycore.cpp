// SPDX-License-Identifier: MIT
// Tests of StrategyCore: document and native implementations agree, and the live path equals the backtest path.
#include <QtTest>

#include "candlefixture.h"
#include "strategy/documentstrategy.h"
#include "strategy/donchianstrategy.h"

using namespace sixbtc;
using namespace sixbtc::strategy;

namespace {

StrategyDocument readDocument(const QString& name)
{
    QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    auto result = parseStrategyDocument(file.readAll().toStdString(), name.toStdString());
    if (!result.document)
        qFatal("%s does not parse", qPrintable(name));
    return *result.document;
}

common::CandleSeries hourly()
{
    return test::loadCandles(test::bundledData("BTC_USDT_USDT-1h.csv.gz"), "BTC", *common::Timeframe::parse("1h"));
}

} // namespace

class TstStrategyCore : public QObject
{
    Q_OBJECT

private slots:
    void nativeDonchianEqualsItsDocument()
    {
        const auto series = hourly();
        const DonchianStrategy native(*common::Timeframe::parse("1h"), 20, 10);
        const DocumentStrategy document(readDocument(QStringLiteral("donchian.yaml")));
        const CandleWindow window(series);
        const SignalColumns a = native.evaluate(window);
        const SignalColumns b = document.evaluate(window);
        QCOMPARE(a.size(), series.size());
        QCOMPARE(a.rules, b.rules);
        QCOMPARE(native.warmupBars(), std::int64_t(20));
        QCOMPARE(document.warmupBars(), std::int64_t(20)); // highest(high, 20) from bar 19, shifted by one
        for (const auto& rule : a.rules)
            QVERIFY(std::count(rule.begin(), rule.end(), 1) > 50);
    }

    void livePathIsTheLastBarOfTheTrailingWindow()
    {
        const auto series = hourly();
        const DonchianStrategy native(*common::Timeframe::parse("1h"), 20, 10);
        const DocumentStrategy document(readDocument(QStringLiteral("donchian.yaml")));
        const SignalColumns full = native.evaluate(CandleWindow(series));
        int active = 0;
        for (std::size_t end = 100; end <= series.size(); end += 97) {
            const CandleWindow trailing(series, end - 64, end);
            const BarSignals expected = signalsAt(full, end - 1);
            QCOMPARE(liveSignals(native, trailing), expected);
            QCOMPARE(liveSignals(document, trailing), expected);
            active += expected.longEntry || expected.shortEntry || expected.longExit || expected.shortExit;
        }
        QVERIFY(active > 5);
        const CandleWindow last = CandleWindow::trailing(series, 64);
        QCOMPARE(last.size(), std::size_t(64));
        QCOMPARE(liveSignals(native, last), signalsAt(full, series.size() - 1));
    }

    void documentCoreMatchesThePlan()
    {
        const auto series = hourly();
        const DocumentStrategy core(readDocument(QStringLiteral("every_builtin.yaml")));
        IndicatorCache cache{CandleWindow(series)};
        const auto planned = SignalPlan::compile(core.document()).evaluate(cache);
        QCOMPARE(core.evaluate(CandleWindow(series)).rules, planned.front().rules);
    }
};

QTEST_GUILESS_MAIN(TstStrategyCore)
#include "tst_strategycore.moc"
