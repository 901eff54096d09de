// SPDX-License-Identifier: MIT
// Every built-in indicator is causal and first defined at the bar DESIGN.md's table gives.
#include <QtTest>

#include <cstring>
#include <functional>
#include <random>

#include "strategy/indicators/dispersion.h"
#include "strategy/indicators/movingaverages.h"
#include "strategy/indicators/ranges.h"
#include "strategy/indicators/volumeindicators.h"
#include "strategy/indicators/wilder.h"

using namespace sixbtc::strategy::indicators;

namespace {

using Indicator = std::function<void(const PriceColumns&, std::span<double>)>;

struct Bars
{
    std::vector<double> open, high, low, close, volume;
    PriceColumns columns() const { return {open, high, low, close, volume}; }
};

// A seeded random walk with consistent OHLC; bars from `from` on are regenerated with `seed`.
void randomBars(Bars& bars, std::size_t size, std::size_t from, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> step(0.0, 1.0);
    std::uniform_real_distribution<double> spread(0.0, 2.0);
    std::uniform_real_distribution<double> vol(0.0, 1000.0);
    for (auto* column : {&bars.open, &bars.high, &bars.low, &bars.close, &bars.volume})
        column->resize(size);
    for (std::size_t i = from; i < size; ++i) {
        const double previous = i == 0 ? 100.0 : bars.close[i - 1];
        const double open = previous + step(rng) * 0.3;
        const double close = open + step(rng);
        bars.open[i] = open;
        bars.close[i] = close;
        bars.high[i] = std::max(open, close) + spread(rng);
        bars.low[i] = std::min(open, close) - spread(rng);
        bars.volume[i] = vol(rng);
    }
}

bool identical(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

Indicator onClose(void (*f)(std::span<const double>, std::int64_t, std::span<double>), std::int64_t n)
{
    return [f, n](const PriceColumns& p, std::span<double> out) { f(p.close, n, out); };
}

} // namespace

Q_DECLARE_METATYPE(Indicator)

class TstIndicatorCausality : public QObject
{
    Q_OBJECT

private slots:
    void builtins_data()
    {
        QTest::addColumn<Indicator>("indicator");
        QTest::addColumn<int>("firstBar");
        QTest::newRow("sma(close, 20)") << onClose(sma, 20) << 19;
        QTest::newRow("wma(close, 20)") << onClose(wma, 20) << 19;
        QTest::newRow("ema(close, 12)") << onClose(ema, 12) << 11;
        QTest::newRow("rsi(close, 14)") << onClose(rsi, 14) << 14;
        QTest::newRow("atr(14)") << Indicator([](const PriceColumns& p, std::span<double> o) { atr(p, 14, o); }) << 14;
        QTest::newRow("stdev(close, 20)") << onClose(stdev, 20) << 19;
        QTest::newRow("zscore(close, 20)") << onClose(zscore, 20) << 19;
        QTest::newRow("highest(close, 20)") << onClose(highest, 20) << 19;
        QTest::newRow("lowest(close, 20)") << onClose(lowest, 20) << 19;
        QTest::newRow("roc(close, 10)") << onClose(roc, 10) << 10;
        QTest::newRow("macd_line(close, 12, 26)")
            << Indicator([](const PriceColumns& p, std::span<double> o) { macdLine(p.close, 12, 26, o); }) << 25;
        QTest::newRow("macd_signal(close, 12, 26, 9)")
            << Indicator([](const PriceColumns& p, std::span<double> o) { macdSignal(p.close, 12, 26, 9, o); }) << 33;
        QTest::newRow("macd_hist(close, 12, 26, 9)")
            << Indicator([](const PriceColumns& p, std::span<double> o) { macdHist(p.close, 12, 26, 9, o); }) << 33;
        QTest::newRow("bb_upper(close, 20, 2)")
            << Indicator([](const PriceColumns& p, std::span<double> o) { bollinger(p.close, 20, 2.0, true, o); })
            << 19;
        QTest::newRow("bb_lower(close, 20, 2)")
            << Indicator([](const PriceColumns& p, std::span<double> o) { bollinger(p.close, 20, 2.0, false, o); })
            << 19;
        QTest::newRow("stoch_k(14)") << Indicator([](const PriceColumns& p, std::span<double> o) { stochK(p, 14, o); })
                                     << 13;
        QTest::newRow("stoch_d(14, 3)")
            << Indicator([](const PriceColumns& p, std::span<double> o) { stochD(p, 14, 3, o); }) << 15;
        QTest::newRow("adx(14)") << Indicator([](const PriceColumns& p, std::span<double> o) { adx(p, 14, o); }) << 27;
        QTest::newRow("cci(20)") << Indicator([](const PriceColumns& p, std::span<double> o) { cci(p, 20, o); }) << 19;
        QTest::newRow("obv()") << Indicator([](const PriceColumns& p, std::span<double> o) { obv(p, o); }) << 0;
        QTest::newRow("vwap(20)") << Indicator([](const PriceColumns& p, std::span<double> o) { vwap(p, 20, o); }) << 19;
    }

    void builtins()
    {
        QFETCH(Indicator, indicator);
        QFETCH(int, firstBar);
        constexpr std::size_t size = 600;
        Bars bars;
        randomBars(bars, size, 0, 1234);
        std::vector<double> reference(size);
        indicator(bars.columns(), reference);

        // First defined bar exactly as in the table; defined (finite) from there on.
        for (int i = 0; i < firstBar; ++i)
            QVERIFY2(std::isnan(reference[std::size_t(i)]), qPrintable(QStringLiteral("bar %1 defined").arg(i)));
        for (std::size_t i = std::size_t(firstBar); i < size; ++i)
            QVERIFY2(std::isfinite(reference[i]), qPrintable(QStringLiteral("bar %1 undefined").arg(i)));

        // Causality: replacing every bar after t by other random bars leaves bars <= t bit for bit unchanged.
        for (std::size_t t : {std::size_t(0), std::size_t(1), std::size_t(firstBar), std::size_t(77), std::size_t(333),
                              size - 2}) {
            for (unsigned seed : {1u, 2u, 3u}) {
                Bars changed = bars;
                randomBars(changed, size, t + 1, seed * 7919u + unsigned(t));
                std::vector<double> values(size);
                indicator(changed.columns(), values);
                for (std::size_t i = 0; i <= t; ++i)
                    QVERIFY2(identical(values[i], reference[i]), qPrintable(QStringLiteral("t %1 bar %2").arg(t).arg(i)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstIndicatorCausality)
#include "tst_indicatorcausality.moc"
