// SPDX-License-Identifier: MIT
// The shuffle test: cut points, rebuilt OHLC on real candles, a planted lookahead caught, causal strategies passed.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>

#include "data/candlereader.h"
#include "strategy/documentstrategy.h"
#include "strategy/donchianstrategy.h"
#include "strategy/strategydocument.h"
#include "validation/shuffletest.h"

using sixbtc::common::CandleSeries;
using sixbtc::common::Timeframe;
using sixbtc::strategy::RuleSlot;
using namespace sixbtc::validation;

namespace {

const sixbtc::config::ShuffleSettings kSettings{.cuts = 5, .seed = 42, .blockBars = 12};

CandleSeries loadBundled(const std::string& file, const std::string& symbol, Timeframe timeframe)
{
    auto data = sixbtc::data::CandleReader::read(std::string(SIXBTC_BUNDLED_DATA_DIR) + "/" + file, symbol, timeframe);
    if (!data)
        qFatal("%s", data.error().message.c_str());
    return std::move(data->series);
}

/// A planted non-causal native strategy: long_entry at t when the NEXT bar closes higher, short_entry when lower.
class NextCloseCore : public sixbtc::strategy::StrategyCore
{
public:
    Timeframe timeframe() const override { return Timeframe(Timeframe::Id::H1); }
    std::int64_t warmupBars() const override { return 0; }
    sixbtc::strategy::SignalColumns evaluate(const sixbtc::strategy::CandleWindow& window) const override
    {
        const auto close = window.prices().close;
        sixbtc::strategy::SignalColumns out;
        for (auto& rule : out.rules)
            rule.assign(window.size(), 0);
        for (std::size_t t = 0; t + 1 < window.size(); ++t) {
            out.rules[0][t] = close[t + 1] > close[t];
            out.rules[1][t] = close[t + 1] < close[t];
        }
        return out;
    }
};

std::vector<double> closeRatios(const CandleSeries& s, std::size_t from, std::size_t to)
{
    std::vector<double> r;
    for (std::size_t i = from; i < to; ++i)
        r.push_back(s.close()[i] / s.close()[i - 1]);
    return r;
}

} // namespace

class TstShuffleTest : public QObject
{
    Q_OBJECT

private slots:
    void cutBarsAreSpreadAfterWarmup()
    {
        // span = 100 - 1 - 10 = 89; cut k = 10 + floor(k * 89 / 5).
        const auto cuts = shuffleCutBars(100, 10, 4);
        QVERIFY(cuts.has_value());
        QCOMPARE(*cuts, (std::vector<std::size_t>{27, 45, 63, 81}));
        const auto clamped = shuffleCutBars(10, -3, 2); // span 9: 0 + floor(9k / 3)
        QVERIFY(clamped.has_value());
        QCOMPARE(*clamped, (std::vector<std::size_t>{3, 6}));
        const auto tight = shuffleCutBars(7, 1, 4); // span 5 = cuts + 1: every cut distinct
        QVERIFY(tight.has_value());
        QCOMPARE(*tight, (std::vector<std::size_t>{2, 3, 4, 5}));
        const auto tooShort = shuffleCutBars(6, 1, 4);
        QVERIFY(!tooShort.has_value());
        QCOMPARE(tooShort.error().code, sixbtc::common::ErrorCode::Input);
        QVERIFY(!shuffleCutBars(50, 80, 1).has_value());
    }

    void blockOrderIsASeededPermutation()
    {
        const auto order = shuffleBlockOrder(50, 42, 0);
        std::vector<std::size_t> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i)
            QCOMPARE(sorted[i], i);
        QCOMPARE(shuffleBlockOrder(50, 42, 0), order);
        QVERIFY(shuffleBlockOrder(50, 42, 1) != order);
        QVERIFY(shuffleBlockOrder(50, 43, 0) != order);
        QCOMPARE(shuffleBlockOrder(1, 42, 0), std::vector<std::size_t>{0});
        QVERIFY(shuffleBlockOrder(0, 42, 0).empty());
        // mt19937_64 and the rejection sampling are fully specified, so this holds on every platform; the value
        // was computed by an independent Python implementation of splitmix64, MT19937-64 and the sampling.
        QCOMPARE(shuffleBlockOrder(8, 42, 3), (std::vector<std::size_t>{7, 4, 2, 3, 0, 5, 1, 6}));
    }

    void rebuiltBarsAreConsistentAndKeepEachBlocksReturns()
    {
        const CandleSeries series = loadBundled("BTC_USDT-1h.csv.gz", "BTC", Timeframe(Timeframe::Id::H1));
        const std::size_t cut = 5000;
        const int block = 12;
        const CandleSeries shuffled = shuffledSeries(series, cut, block, 42, 2);
        QCOMPARE(shuffled.size(), series.size());
        QVERIFY(std::equal(series.timestampMs().begin(), series.timestampMs().end(), shuffled.timestampMs().begin()));
        for (std::size_t i = 0; i <= cut; ++i) {
            QCOMPARE(shuffled.close()[i], series.close()[i]);
            QCOMPARE(shuffled.open()[i], series.open()[i]);
            QCOMPARE(shuffled.volume()[i], series.volume()[i]);
        }
        for (std::size_t i = 0; i < shuffled.size(); ++i) {
            const double o = shuffled.open()[i], h = shuffled.high()[i], l = shuffled.low()[i];
            const double c = shuffled.close()[i];
            QVERIFY2(h >= std::max(o, c) && l <= std::min(o, c) && l > 0.0, qPrintable(QString::number(i)));
        }

        // Position block k holds source block order[k]: same returns in the same order, same shapes and volumes.
        const std::size_t moved = series.size() - 1 - cut;
        const std::size_t blocks = (moved + block - 1) / block;
        const auto order = shuffleBlockOrder(blocks, 42, 2);
        QVERIFY(!std::ranges::is_sorted(order)); // the layout really moved
        std::size_t position = cut + 1;
        for (std::size_t k = 0; k < blocks; ++k) {
            const std::size_t first = cut + 1 + order[k] * block;
            const std::size_t last = std::min(first + block, series.size());
            const auto expected = closeRatios(series, first, last);
            const auto actual = closeRatios(shuffled, position, position + (last - first));
            for (std::size_t j = 0; j < expected.size(); ++j) {
                QVERIFY(std::abs(std::log(actual[j]) - std::log(expected[j])) < 1e-12);
                const std::size_t s = first + j, p = position + j;
                QCOMPARE(shuffled.volume()[p], series.volume()[s]);
                QVERIFY(std::abs(shuffled.high()[p] / shuffled.close()[p] - series.high()[s] / series.close()[s]) <
                        1e-12);
                QVERIFY(std::abs(shuffled.low()[p] / shuffled.close()[p] - series.low()[s] / series.close()[s]) <
                        1e-12);
            }
            position += last - first;
        }
        QCOMPARE(position, series.size());

        // The whole multiset of log returns is kept, so the final close equals the original one.
        QVERIFY(std::abs(std::log(shuffled.close().back() / series.close().back())) < 1e-9);
    }

    void sameSeedGivesTheSameSeries()
    {
        const CandleSeries series = loadBundled("ETH_USDT-4h.csv.gz", "ETH", Timeframe(Timeframe::Id::H4));
        const CandleSeries a = shuffledSeries(series, 100, 7, 42, 1);
        const CandleSeries b = shuffledSeries(series, 100, 7, 42, 1);
        const CandleSeries other = shuffledSeries(series, 100, 7, 43, 1);
        for (auto column : {&CandleSeries::open, &CandleSeries::high, &CandleSeries::low, &CandleSeries::close,
                            &CandleSeries::volume}) {
            QVERIFY(std::ranges::equal((a.*column)(), (b.*column)()));
            QVERIFY(!std::ranges::equal((a.*column)(), (other.*column)()));
        }
    }

    void plantedLookaheadIsRejectedAtTheFirstDifferingBar()
    {
        const CandleSeries series = loadBundled("BTC_USDT-1h.csv.gz", "BTC", Timeframe(Timeframe::Id::H1));
        const NextCloseCore core;
        // Independent expectation: bars before a cut see only kept bars; the cut bar's signals read the first
        // rebuilt close, so they change exactly when the sign of its return changes.
        const auto cuts = shuffleCutBars(series.size(), 0, kSettings.cuts);
        QVERIFY(cuts.has_value());
        std::optional<std::pair<std::size_t, RuleSlot>> expected;
        std::size_t expectedCut = 0;
        for (std::size_t c = 0; c < cuts->size() && !expected; ++c) {
            const std::size_t t = (*cuts)[c];
            const CandleSeries s = shuffledSeries(series, t, kSettings.blockBars, kSettings.seed, c);
            const double before = series.close()[t];
            const bool upOriginal = series.close()[t + 1] > before, upShuffled = s.close()[t + 1] > before;
            const bool downOriginal = series.close()[t + 1] < before, downShuffled = s.close()[t + 1] < before;
            if (upOriginal != upShuffled)
                expected = std::pair{t, RuleSlot::LongEntry};
            else if (downOriginal != downShuffled)
                expected = std::pair{t, RuleSlot::ShortEntry};
            expectedCut = c;
        }
        QVERIFY2(expected.has_value(), "the seed flips no cut bar; pick cuts so the planted strategy can be seen");

        const CandleSeries* symbols[] = {&series};
        const auto verdict = runShuffleTest(core, symbols, kSettings);
        QVERIFY(verdict.has_value());
        QVERIFY(!verdict->passed);
        QVERIFY(verdict->difference.has_value());
        QCOMPARE(verdict->difference->bar, expected->first);
        QCOMPARE(verdict->difference->rule, expected->second);
        QCOMPARE(verdict->difference->cutBar, expected->first);
        QCOMPARE(verdict->difference->cutIndex, expectedCut);
        QCOMPARE(verdict->difference->barTimeMs, series.timestampMs()[expected->first]);
        QCOMPARE(verdict->difference->symbol, std::string("BTC"));
        const QString reason = QString::fromStdString(verdict->reason);
        QVERIFY2(reason.contains(QStringLiteral("at bar %1 (").arg(expected->first)), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("UTC")), qPrintable(reason));
    }

    void nativeCausalStrategyPasses()
    {
        const CandleSeries series = loadBundled("BTC_USDT-1h.csv.gz", "BTC", Timeframe(Timeframe::Id::H1));
        const sixbtc::strategy::DonchianStrategy core(Timeframe(Timeframe::Id::H1), 20, 10);
        const CandleSeries* symbols[] = {&series};
        const auto verdict = runShuffleTest(core, symbols, kSettings);
        QVERIFY(verdict.has_value());
        QVERIFY2(verdict->passed, verdict->reason.c_str());
        QCOMPARE(verdict->cutBars.size(), std::size_t{1});
        QCOMPARE(verdict->cutBars[0].size(), std::size_t{5});
    }

    void everyBuiltinDocumentPasses_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("every_builtin") << QStringLiteral("every_builtin.yaml");
        QTest::newRow("design_example") << QStringLiteral("design_example.yaml");
        QTest::newRow("donchian") << QStringLiteral("donchian.yaml");
        QTest::newRow("never_enters") << QStringLiteral("never_enters.yaml");
        QTest::newRow("reference_rsi") << QStringLiteral("reference_rsi.yaml");
    }

    void everyBuiltinDocumentPasses()
    {
        QFETCH(QString, file);
        std::ifstream in(std::string(SIXBTC_TEST_DATA_DIR) + "/strategies/" + file.toStdString());
        QVERIFY(in.good());
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = sixbtc::strategy::parseStrategyDocument(text.str(), file.toStdString());
        QVERIFY(parsed.document.has_value());
        const sixbtc::strategy::DocumentStrategy core(std::move(*parsed.document));
        std::vector<std::unique_ptr<CandleSeries>> owned;
        std::vector<const CandleSeries*> symbols;
        for (const std::string& symbol : core.document().symbols()) {
            const std::string name = symbol + "_USDT-" + std::string(core.timeframe().name()) + ".csv.gz";
            owned.push_back(std::make_unique<CandleSeries>(loadBundled(name, symbol, core.timeframe())));
            symbols.push_back(owned.back().get());
        }
        const auto verdict = runShuffleTest(core, symbols, kSettings);
        QVERIFY(verdict.has_value());
        QVERIFY2(verdict->passed, verdict->reason.c_str());
        QCOMPARE(verdict->cutBars.size(), symbols.size());
    }

    void tooShortSeriesIsAnInputError()
    {
        CandleSeries series("BTC", Timeframe(Timeframe::Id::H1));
        for (int i = 0; i < 6; ++i)
            series.append(i * 3'600'000LL, 10.0, 11.0, 9.0, 10.0 + i, 1.0);
        const NextCloseCore core;
        const CandleSeries* symbols[] = {&series};
        const auto verdict = runShuffleTest(core, symbols, kSettings);
        QVERIFY(!verdict.has_value());
        QCOMPARE(verdict.error().code, sixbtc::common::ErrorCode::Input);
        QVERIFY(QString::fromStdString(verdict.error().message).startsWith(QStringLiteral("BTC: ")));
    }
};

QTEST_GUILESS_MAIN(TstShuffleTest)
#include "tst_shuffletest.moc"
