// SPDX-License-Identifier: MIT
// Tests of the compiled signal plan: three-valued logic, sharing, batches, causality and the reference run.
#include <QtTest>

#include "candlefixture.h"
#include "strategy/kernels.h"
#include "strategy/signalplan.h"

using namespace sixbtc;
using namespace sixbtc::strategy;

namespace {

StrategyDocument document(const std::string& longEntry, const std::string& timeframe = "1h",
                          const std::string& extra = "")
{
    const std::string text = "type: MOM\ntimeframe: " + timeframe + "\nsymbols: [BTC]\nsignals:\n  long_entry: \"" +
                             longEntry + "\"\n" + extra;
    auto result = parseStrategyDocument(text, "test");
    if (!result.document)
        qFatal("document does not parse: %s", result.diagnostics.front().message.c_str());
    return *result.document;
}

common::CandleSeries rising(std::size_t bars)
{
    common::CandleSeries series("BTC", *common::Timeframe::parse("1h"));
    for (std::size_t i = 0; i < bars; ++i) {
        const double c = 1.0 + double(i);
        series.append(std::int64_t(i) * 3'600'000, c, c + 0.5, c - 0.5, c, 10.0);
    }
    return series;
}

std::vector<int> longEntries(const std::string& rule, const common::CandleSeries& series)
{
    const StrategyDocument d = document(rule, std::string(series.timeframe().name()));
    IndicatorCache cache{CandleWindow(series)};
    const auto columns = SignalPlan::compile(d).evaluate(cache);
    const auto column = columns.front().rule(RuleSlot::LongEntry);
    return std::vector<int>(column.begin(), column.end());
}

common::CandleSeries loadBundled(const std::string& file, const std::string& tf)
{
    return strategy::test::loadCandles(strategy::test::bundledData(file), "BTC", *common::Timeframe::parse(tf));
}

} // namespace

class TstSignalPlan : public QObject
{
    Q_OBJECT

private slots:
    void kleeneTruthTables()
    {
        using namespace kernels;
        const std::vector<std::uint8_t> a{condTrue, condTrue, condTrue, condFalse, condFalse, condFalse, condNone,
                                          condNone, condNone};
        const std::vector<std::uint8_t> b{condTrue, condFalse, condNone, condTrue, condFalse, condNone, condTrue,
                                          condFalse, condNone};
        std::vector<std::uint8_t> out(9);
        logic(PlanOp::And, a, b, out);
        QCOMPARE(out, (std::vector<std::uint8_t>{condTrue, condFalse, condNone, condFalse, condFalse, condFalse,
                                                 condNone, condFalse, condNone}));
        logic(PlanOp::Or, a, b, out);
        QCOMPARE(out, (std::vector<std::uint8_t>{condTrue, condTrue, condTrue, condTrue, condFalse, condNone, condTrue,
                                                 condNone, condNone}));
        std::vector<std::uint8_t> negated(3);
        negateCondition(std::vector<std::uint8_t>{condTrue, condFalse, condNone}, negated);
        QCOMPARE(negated, (std::vector<std::uint8_t>{condFalse, condTrue, condNone}));
    }

    void warmUpOperands_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<std::vector<int>>("fires");
        // sma(close, 3) is none on bars 0 and 1.
        const auto row = [](const char* rule, std::vector<int> fires) {
            QTest::newRow(rule) << QString::fromUtf8(rule) << fires;
        };
        row("sma(close, 3) > 0", {0, 0, 1, 1, 1});
        row("not sma(close, 3) > 100", {0, 0, 1, 1, 1});             // not none = none
        row("not (sma(close, 3) > 100)", {0, 0, 1, 1, 1});
        row("close > 0 or sma(close, 3) > 0", {1, 1, 1, 1, 1});      // true or none = true
        row("close < 0 or sma(close, 3) > 0", {0, 0, 1, 1, 1});      // false or none = none
        row("close > 0 and sma(close, 3) > 0", {0, 0, 1, 1, 1});     // true and none = none
        row("not (close > 100 and sma(close, 3) > 0)", {1, 1, 1, 1, 1}); // not (false and none) = true
        row("not (close > 0 and sma(close, 3) > 0)", {0, 0, 0, 0, 0}); // not (true and none) = none, then false
        row("sma(close, 3) - sma(close, 3) == 0", {0, 0, 1, 1, 1});  // arithmetic with none is none
        row("close[2] > 0", {0, 0, 1, 1, 1});
        row("(close > 2)[1]", {0, 0, 0, 1, 1});
        row("close / (close - 3) > -100", {1, 1, 0, 1, 1});         // x/0 is none
        row("close / (close - 3) < 100", {1, 1, 0, 1, 1});           // x/0 is none
        row("crosses_above(close, 2.5)", {0, 0, 1, 0, 0});
        row("crosses_below(-close, -1.5)", {0, 1, 0, 0, 0});
        row("min(close, 3) == 3 and max(close, 4) == 4 and abs(close - 5) > 1", {0, 0, 1, 0, 0});
        row("ema(close, 1h) == close", {1, 1, 1, 1, 1});
    }
    void warmUpOperands()
    {
        QFETCH(QString, rule);
        QFETCH(std::vector<int>, fires);
        QCOMPARE(longEntries(rule.toStdString(), rising(fires.size())), fires);
    }

    void noRuleFiresBeforeItsInputsExist()
    {
        const auto series = loadBundled("BTC_USDT_USDT-1h.csv.gz", "1h");
        const StrategyDocument d = document("rsi(close, 14) > 0 or adx(14) > -1 or macd_signal(close, 12, 26, 9) > -1e9");
        const SignalPlan plan = SignalPlan::compile(d);
        IndicatorCache cache{CandleWindow(series)};
        const auto evaluated = plan.evaluate(cache);
        const auto entries = evaluated.front().rule(RuleSlot::LongEntry);
        // Kleene or: fires from the earliest defined operand (rsi at bar 14), never before.
        for (std::size_t i = 0; i < 14; ++i)
            QCOMPARE(int(entries[i]), 0);
        QCOMPARE(int(entries[14]), 1);
        QCOMPARE(plan.warmupBars(), std::int64_t(33));
    }

    void sharedSubexpressionsAreComputedOnce()
    {
        std::vector<StrategyDocument> documents;
        for (int k = 2; k < 402; ++k)
            documents.push_back(document("ema(close, 12) > sma(close, " + std::to_string(k) +
                                         ") and crosses_above(ema(close, 1h), ema(close, 48))", "5m"));
        std::vector<const StrategyDocument*> pointers;
        for (const auto& d : documents)
            pointers.push_back(&d);
        const SignalPlan plan = SignalPlan::compile(pointers);
        QCOMPARE(plan.strategyCount(), std::size_t(400));
        const auto series = loadBundled("BTC_USDT_USDT-1h.csv.gz", "1h");
        common::CandleSeries asFiveMinutes("BTC", *common::Timeframe::parse("5m"));
        for (std::size_t i = 0; i < 2000; ++i)
            asFiveMinutes.append(std::int64_t(i) * 300'000, series.open()[i], series.high()[i], series.low()[i],
                                 series.close()[i], series.volume()[i]);
        IndicatorCache cache{CandleWindow(asFiveMinutes)};
        const auto columns = plan.evaluate(cache);
        QCOMPARE(cache.evaluations("ema(close, 12)"), 1); // ema(close, 1h) on 5m is the same node
        QCOMPARE(cache.evaluations("ema(close, 48)"), 1);
        QCOMPARE(cache.totalEvaluations(), std::size_t(2 + 400));
        // A second plan on the same cache reuses the columns.
        const StrategyDocument again = document("ema(close, 12) < ema(close, 48)", "5m");
        SignalPlan::compile(again).evaluate(cache);
        QCOMPARE(cache.evaluations("ema(close, 12)"), 1);
        QCOMPARE(cache.totalEvaluations(), std::size_t(2 + 400));
        // The batch gives each strategy exactly what it gives alone.
        for (std::size_t s : {std::size_t(0), std::size_t(17), std::size_t(399)}) {
            IndicatorCache alone{CandleWindow(asFiveMinutes)};
            const auto single = SignalPlan::compile(documents[s]).evaluate(alone);
            QCOMPARE(single.front().rules, columns[s].rules);
        }
    }

    void aKeptCacheReusesItsBuffers()
    {
        const auto series = loadBundled("BTC_USDT_USDT-1h.csv.gz", "1h");
        const auto other = strategy::test::replaceAfter(series, 500, 3u);
        QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/every_builtin.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto parsed = parseStrategyDocument(file.readAll().toStdString(), "every_builtin.yaml");
        QVERIFY(parsed.document.has_value());
        const SignalPlan plan = SignalPlan::compile(*parsed.document);
        IndicatorCache fresh{CandleWindow(series)};
        const auto expected = plan.evaluate(fresh);
        IndicatorCache freshOther{CandleWindow(other)};
        const auto expectedOther = plan.evaluate(freshOther);
        QVERIFY(expected.front().rules != expectedOther.front().rules);

        IndicatorCache cache{CandleWindow(series)};
        std::vector<SignalColumns> out;
        plan.evaluateInto(cache, out);
        QCOMPARE(out.front().rules, expected.front().rules);
        const std::uint8_t* column = out.front().rules[0].data();
        const std::size_t idle = cache.pool().idleColumns();
        QVERIFY(idle > 0);
        for (int round = 0; round < 3; ++round) {
            const auto& next = round % 2 == 0 ? other : series;
            cache.reset(CandleWindow(next));
            QCOMPARE(cache.totalEvaluations(), std::size_t(0));
            plan.evaluateInto(cache, out);
            QCOMPARE(out.front().rules, (round % 2 == 0 ? expectedOther : expected).front().rules);
            QCOMPARE(cache.evaluations("rsi(close, 14)"), 1); // recomputed on the new window
            QCOMPARE(out.front().rules[0].data(), column);     // the output column is reused
            QCOMPARE(cache.pool().idleColumns(), idle);        // no column more, no column less
        }
    }

    void signalsAreCausal()
    {
        const auto series = loadBundled("BTC_USDT_USDT-1h.csv.gz", "1h");
        QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/every_builtin.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto parsed = parseStrategyDocument(file.readAll().toStdString(), "every_builtin.yaml");
        QVERIFY(parsed.document.has_value());
        const SignalPlan plan = SignalPlan::compile(*parsed.document);
        IndicatorCache cache{CandleWindow(series)};
        const SignalColumns reference = plan.evaluate(cache).front();
        std::size_t fired = 0;
        for (const auto& rule : reference.rules)
            fired += std::size_t(std::count(rule.begin(), rule.end(), 1));
        QVERIFY(fired > 100); // the rules do fire on real data
        for (std::size_t t : {std::size_t(30), std::size_t(100), std::size_t(2500), series.size() - 2}) {
            const auto changed = strategy::test::replaceAfter(series, t, unsigned(t) + 11u);
            IndicatorCache other{CandleWindow(changed)};
            const SignalColumns columns = plan.evaluate(other).front();
            for (std::size_t r = 0; r < 4; ++r)
                QVERIFY(std::equal(columns.rules[r].begin(), columns.rules[r].begin() + std::ptrdiff_t(t) + 1,
                                   reference.rules[r].begin()));
        }
    }

    void referenceRunSignals()
    {
        // spec/reference-run-rsi.json: 105120 bars from 1739984400000, s[t] = +1 long, -1 short, 0 otherwise.
        const auto all = loadBundled("BTC_USDT_USDT-5m.csv.gz", "5m");
        const std::size_t begin = all.lowerBound(1739984400000);
        const CandleWindow window(all, begin, begin + 105120);
        QCOMPARE(all.timestampMs()[begin + 105119], std::int64_t(1771520100000));
        QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/reference_rsi.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto parsed = parseStrategyDocument(file.readAll().toStdString(), "reference_rsi.yaml");
        QVERIFY(parsed.document.has_value());
        IndicatorCache cache(window);
        const SignalColumns columns = SignalPlan::compile(*parsed.document).evaluate(cache).front();
        QByteArray entries(105120, 0);
        int longs = 0;
        int shorts = 0;
        QList<QPair<int, int>> events;
        for (int t = 0; t < 105120; ++t) {
            const bool l = columns.rule(RuleSlot::LongEntry)[std::size_t(t)];
            const bool s = columns.rule(RuleSlot::ShortEntry)[std::size_t(t)];
            const int v = l && !s ? 1 : (s && !l ? -1 : 0);
            entries[t] = char(std::int8_t(v));
            longs += v == 1;
            shorts += v == -1;
            if (v != 0)
                events.append({t, v});
        }
        QCOMPARE(longs, 1314);
        QCOMPARE(shorts, 1165);
        const QList<QPair<int, int>> first10{{73, -1}, {119, -1}, {121, -1}, {256, -1}, {259, -1},
                                             {458, -1}, {461, -1}, {484, -1}, {531, -1}, {536, -1}};
        const QList<QPair<int, int>> last10{{104806, 1}, {104817, -1}, {104853, 1}, {104864, 1}, {104994, -1},
                                            {105061, 1}, {105074, 1}, {105078, 1}, {105082, 1}, {105085, 1}};
        QCOMPARE(events.mid(0, 10), first10);
        QCOMPARE(events.mid(events.size() - 10), last10);
        QCOMPARE(QCryptographicHash::hash(entries, QCryptographicHash::Sha256).toHex(),
                 QByteArray("0ea8b8fb00caa6309702eceba3be10fa8fcda118b26c6445748c4af9f595bcd1"));
    }
};

QTEST_GUILESS_MAIN(TstSignalPlan)
#include "tst_signalplan.moc"
