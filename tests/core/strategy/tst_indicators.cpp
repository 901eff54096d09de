// SPDX-License-Identifier: MIT
// Independent-value tests of every built-in indicator on short series worked out by hand.
#include <QtTest>

#include <functional>

#include "indicatortestdata.h"
#include "strategy/indicators/dispersion.h"
#include "strategy/indicators/movingaverages.h"
#include "strategy/indicators/ranges.h"
#include "strategy/indicators/volumeindicators.h"
#include "strategy/indicators/wilder.h"

using namespace sixbtc::strategy;
using namespace sixbtc::strategy::indicators;
using sixbtc::strategy::test::FiveBars;
using sixbtc::strategy::test::N;

namespace {

using Series = std::vector<double>;

Series applyTo(const Series& x, const std::function<void(std::span<const double>, std::span<double>)>& f)
{
    Series out(x.size());
    f(x, out);
    return out;
}

Series applyBars(const FiveBars& bars, const std::function<void(const PriceColumns&, std::span<double>)>& f)
{
    Series out(bars.close.size());
    f(bars.columns(), out);
    return out;
}

const Series oneToTen{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
const Series classic{2, 4, 4, 4, 5, 5, 7, 9}; // population stdev 2, mean 5

} // namespace

class TstIndicators : public QObject
{
    Q_OBJECT

private slots:
    void movingAverages()
    {
        SIXBTC_COMPARE_SERIES(applyTo(oneToTen, [](auto x, auto o) { sma(x, 3, o); }), (Series{N, N, 2, 3, 4, 5, 6, 7, 8, 9}));
        SIXBTC_COMPARE_SERIES(applyTo(Series{1, 2, 3, 4}, [](auto x, auto o) { wma(x, 3, o); }),
                              (Series{N, N, 14.0 / 6.0, 20.0 / 6.0}));
        // a = 2/(3+1) = 0.5: 1, 1.5, 2.25, 3.125; bars before n-1 = 2 are warm-up.
        SIXBTC_COMPARE_SERIES(applyTo(Series{1, 2, 3, 4}, [](auto x, auto o) { ema(x, 3, o); }),
                              (Series{N, N, 2.25, 3.125}));
        SIXBTC_COMPARE_SERIES(applyTo(Series{5, 6}, [](auto x, auto o) { ema(x, 1, o); }), (Series{5, 6}));
    }

    void emaSeedsAtTheFirstDefinedInput()
    {
        SIXBTC_COMPARE_SERIES(applyTo(Series{N, N, 1, 2, 3, 4}, [](auto x, auto o) { ema(x, 3, o); }),
                              (Series{N, N, N, N, 2.25, 3.125}));
        SIXBTC_COMPARE_SERIES(applyTo(Series{N, 1, 2, 3}, [](auto x, auto o) { sma(x, 2, o); }), (Series{N, N, 1.5, 2.5}));
    }

    void macd()
    {
        // ema2 (a = 2/3): 1, 5/3, 23/9, 95/27; ema3 (a = 1/2): 1, 1.5, 2.25, 3.125.
        const Series x{1, 2, 3, 4};
        SIXBTC_COMPARE_SERIES(applyTo(x, [](auto in, auto o) { macdLine(in, 2, 3, o); }),
                              (Series{N, N, 11.0 / 36.0, 85.0 / 216.0}));
        SIXBTC_COMPARE_SERIES(applyTo(x, [](auto in, auto o) { macdSignal(in, 2, 3, 2, o); }),
                              (Series{N, N, N, 236.0 / 648.0}));
        SIXBTC_COMPARE_SERIES(applyTo(x, [](auto in, auto o) { macdHist(in, 2, 3, 2, o); }),
                              (Series{N, N, N, 19.0 / 648.0}));
    }

    void rsiWilder()
    {
        // Deltas +1, -0.5, +1, +0.5, -1. Seed at bar 2: ag = 0.5, al = 0.25; then (avg*1 + v)/2.
        SIXBTC_COMPARE_SERIES(applyTo(Series{10, 11, 10.5, 11.5, 12, 11}, [](auto x, auto o) { rsi(x, 2, o); }),
                              (Series{N, N, 200.0 / 3.0, 600.0 / 7.0, 1000.0 / 11.0, 1000.0 / 27.0}));
        SIXBTC_COMPARE_SERIES(applyTo(Series{3, 3, 3, 3}, [](auto x, auto o) { rsi(x, 2, o); }), (Series{N, N, 50, 50}));
        SIXBTC_COMPARE_SERIES(applyTo(Series{1, 2, 3, 4}, [](auto x, auto o) { rsi(x, 3, o); }), (Series{N, N, N, 100}));
    }

    void atrAndAdx()
    {
        // True ranges from bar 1: 2, 2, 2.5, 0.5.
        SIXBTC_COMPARE_SERIES(applyBars(FiveBars{}, [](const auto& p, auto o) { atr(p, 2, o); }),
                              (Series{N, N, 2.0, 2.25, 1.375}));
        // +DM 1, 1, 0, 0; -DM 0, 0, 1.5, 0. DX at bar 2 = 100, at bar 3 = 20, at bar 4 = 20; ADX 60 then 40.
        SIXBTC_COMPARE_SERIES(applyBars(FiveBars{}, [](const auto& p, auto o) { adx(p, 2, o); }),
                              (Series{N, N, N, 60.0, 40.0}));
    }

    void dispersion()
    {
        Series expected(8, N);
        expected[7] = 2.0;
        SIXBTC_COMPARE_SERIES(applyTo(classic, [](auto x, auto o) { stdev(x, 8, o); }), expected);
        const Series three = applyTo(classic, [](auto x, auto o) { stdev(x, 3, o); });
        QCOMPARE(three[2], std::sqrt(8.0 / 9.0));
        QCOMPARE(three[3], 0.0); // 4, 4, 4: exactly zero
        expected[7] = 2.0;       // (9 - 5) / 2
        SIXBTC_COMPARE_SERIES(applyTo(classic, [](auto x, auto o) { zscore(x, 8, o); }), expected);
        const Series z = applyTo(classic, [](auto x, auto o) { zscore(x, 3, o); });
        QVERIFY(std::isnan(z[3])); // stdev 0 -> none
        expected[7] = 9.0;
        SIXBTC_COMPARE_SERIES(applyTo(classic, [](auto x, auto o) { bollinger(x, 8, 2.0, true, o); }), expected);
        expected[7] = 1.0;
        SIXBTC_COMPARE_SERIES(applyTo(classic, [](auto x, auto o) { bollinger(x, 8, 2.0, false, o); }), expected);
        // Constant windows of a value whose mean does not round back exactly still give 0.
        const Series tenths{0.1, 0.1, 0.1};
        QCOMPARE(applyTo(tenths, [](auto x, auto o) { stdev(x, 3, o); })[2], 0.0);
    }

    void cciOfThreeBars()
    {
        // tp 9, 10, 67/6; mean 181/18; mean |deviation| 20/27; (tp - mean) / (0.015 * 20/27) = 100.
        const Series v = applyBars(FiveBars{}, [](const auto& p, auto o) { cci(p, 3, o); });
        QVERIFY(std::isnan(v[1]));
        QVERIFY(std::fabs(v[2] - 100.0) < 1e-9);
    }

    void extremesAndStochastics()
    {
        const Series x{3, 1, 4, 1, 5, 9, 2, 6};
        SIXBTC_COMPARE_SERIES(applyTo(x, [](auto in, auto o) { highest(in, 3, o); }), (Series{N, N, 4, 4, 5, 9, 9, 9}));
        SIXBTC_COMPARE_SERIES(applyTo(x, [](auto in, auto o) { lowest(in, 3, o); }), (Series{N, N, 1, 1, 1, 1, 2, 2}));
        SIXBTC_COMPARE_SERIES(applyTo(Series{1, N, 2, 3, 4}, [](auto in, auto o) { highest(in, 2, o); }),
                              (Series{N, N, N, 3, 4}));
        // Highest high 12, lowest low 8 then 9: 75, 50/3, 30.
        SIXBTC_COMPARE_SERIES(applyBars(FiveBars{}, [](const auto& p, auto o) { stochK(p, 3, o); }),
                              (Series{N, N, 75.0, 50.0 / 3.0, 30.0}));
        SIXBTC_COMPARE_SERIES(applyBars(FiveBars{}, [](const auto& p, auto o) { stochD(p, 3, 2, o); }),
                              (Series{N, N, N, (75.0 + 50.0 / 3.0) / 2.0, (50.0 / 3.0 + 30.0) / 2.0}));
        SIXBTC_COMPARE_SERIES(applyTo(Series{1, 2, 4, 8, 0, 5, 3}, [](auto in, auto o) { roc(in, 2, o); }),
                              (Series{N, N, 3, 3, -1, -0.375, N}));
    }

    void volume()
    {
        SIXBTC_COMPARE_SERIES(applyBars(FiveBars{}, [](const auto& p, auto o) { obv(p, o); }),
                              (Series{0, 200, 500, 100, 600}));
        // tp 9 and 10 with volumes 100 and 200: 2900 / 300.
        const Series v = applyBars(FiveBars{}, [](const auto& p, auto o) { vwap(p, 2, o); });
        QVERIFY(std::isnan(v[0]));
        QVERIFY(std::fabs(v[1] - 2900.0 / 300.0) < 1e-12);
        FiveBars quiet;
        quiet.volume = {0, 0, 0, 1, 1};
        const Series q = applyBars(quiet, [](const auto& p, auto o) { vwap(p, 2, o); });
        QVERIFY(std::isnan(q[1]) && std::isnan(q[2]) && !std::isnan(q[3]));
    }
};

QTEST_GUILESS_MAIN(TstIndicators)
#include "tst_indicators.moc"
