// SPDX-License-Identifier: MIT
// The normal functions, SR0, PSR and DSR against values worked out by hand from Bailey & Lopez de Prado (2014).
#include <QtTest>

#include <cmath>

#include "validation/deflatedsharpe.h"

using namespace sixbtc::validation;

namespace {

bool closeRel(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

} // namespace

class TstDeflatedSharpe : public QObject
{
    Q_OBJECT

private slots:
    void normalQuantileAtKnownPoints_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("x");
        // Reference values: x = sqrt(2) * erfinv(2p - 1) to 20 digits (tables / arbitrary precision).
        QTest::newRow("0.975") << 0.975 << 1.9599639845400542;
        QTest::newRow("0.025") << 0.025 << -1.9599639845400542;
        QTest::newRow("0.99") << 0.99 << 2.3263478740408411;
        QTest::newRow("0.01") << 0.01 << -2.3263478740408411;
        QTest::newRow("1e-10") << 1e-10 << -6.3613409024040562;
        QTest::newRow("Z(1)") << 0.84134474606854294859 << 1.0;
        QTest::newRow("Z(-3)") << 0.0013498980316300945267 << -3.0;
    }

    void normalQuantileAtKnownPoints()
    {
        QFETCH(double, p);
        QFETCH(double, x);
        QVERIFY2(closeRel(normalQuantile(p), x, 1e-13), qPrintable(QString::number(normalQuantile(p), 'g', 17)));
    }

    void normalQuantileOfTheBrief()
    {
        // The figure, 1.959963984540054, is the binary64 nearest to Z^-1(0.975).
        QVERIFY(std::abs(normalQuantile(0.975) - 1.959963984540054) <= 1e-12);
        QCOMPARE(normalQuantile(0.5), 0.0);
    }

    void normalCdfAtKnownPoints()
    {
        QCOMPARE(normalCdf(0.0), 0.5);
        QVERIFY(closeRel(normalCdf(1.0), 0.84134474606854294859, 1e-15));
        QVERIFY(closeRel(normalCdf(-3.0), 0.0013498980316300945267, 1e-14));
        QVERIFY(closeRel(normalCdf(1.959963984540054), 0.975, 1e-15));
    }

    void quantileInvertsTheCdfEverywhere()
    {
        // Over 1e-300 .. 1 - 1e-16, in both tails and both Acklam regions.
        for (double p = 1e-300; p < 0.5; p *= 3.7) {
            QVERIFY2(closeRel(normalCdf(normalQuantile(p)), p, 1e-12), qPrintable(QString::number(p, 'g', 17)));
            const double q = 1.0 - p;
            if (q < 1.0)
                QVERIFY(closeRel(1.0 - normalCdf(normalQuantile(q)), 1.0 - q, 1e-9));
        }
    }

    void expectedMaxSharpeByHand()
    {
        // N = 100, V = 1e-4: Z^-1(1 - 1/100) = 2.3263478740408411, 1/(100 e) = 0.0036787944117144232,
        // Z^-1(1 - 0.0036787944117144232) = 2.6802104449668827;
        // SR0 = sqrt(1e-4) * ((1 - 0.5772156649015329) * 2.3263478740408411 + 0.5772156649015329 * 2.6802104449668827)
        //     = 0.01 * (0.9835541404 + 1.5470594541) = 0.025306028932016820.
        QVERIFY(closeRel(expectedMaxSharpe(100, 1e-4), 0.025306028932016820, 1e-12));
    }

    void expectedMaxSharpeEdges()
    {
        QCOMPARE(expectedMaxSharpe(1, 0.5), 0.0);   // one trial: nothing to deflate
        QCOMPARE(expectedMaxSharpe(400, 0.0), 0.0); // every trial had the same Sharpe
        // N = 2: Z^-1(1 - 1/2) = 0, so SR0 = sqrt(V) * gamma * Z^-1(1 - 1/(2e)) = 1 * 0.5772156649015329 *
        // Z^-1(0.8160602794142788) = 0.5772156649015329 * 0.90045259663779034.
        QVERIFY(closeRel(expectedMaxSharpe(2, 1.0), 0.5772156649015329 * 0.90045259663779034, 1e-12));
        // Scales with sqrt(V).
        QVERIFY(closeRel(expectedMaxSharpe(50, 4.0), 2.0 * expectedMaxSharpe(50, 1.0), 1e-15));
    }

    void probabilisticSharpeByHand()
    {
        // SR = 0.05, SR0 = 0.02, T = 1001, skew = -0.5, kurt = 6:
        // denominator = 1 - (-0.5)(0.05) + (6 - 1)/4 * 0.05^2 = 1 + 0.025 + 1.25 * 0.0025 = 1.028125;
        // z = (0.05 - 0.02) * sqrt(1000) / sqrt(1.028125) = 0.03 * 31.622776601683793 / 1.0139649896 =
        // 0.93561741070254; PSR = Z(0.93561741070254) = 0.82526489648651983.
        QVERIFY(closeRel(probabilisticSharpe(0.05, 0.02, 1001, -0.5, 6.0), 0.82526489648651983, 1e-12));
        // Normal returns (skew 0, kurt 3) at SR = SR0: z = 0, PSR = 1/2.
        QCOMPARE(probabilisticSharpe(0.1, 0.1, 500, 0.0, 3.0), 0.5);
    }

    void probabilisticSharpeEdges()
    {
        // T < 2: no evidence, whatever the Sharpe.
        QCOMPARE(probabilisticSharpe(5.0, 0.0, 1, 0.0, 3.0), 0.0);
        QCOMPARE(probabilisticSharpe(5.0, 0.0, 0, 0.0, 3.0), 0.0);
        // Denominator 1 - 2 * 1 + (1 - 1)/4 = -1 <= 0: decided by comparing SR with SR0.
        QCOMPARE(probabilisticSharpe(1.0, 0.5, 100, 2.0, 1.0), 1.0);
        QCOMPARE(probabilisticSharpe(1.0, 1.0, 100, 2.0, 1.0), 0.5);
        QCOMPARE(probabilisticSharpe(1.0, 2.0, 100, 2.0, 1.0), 0.0);
        // Denominator exactly 0: SR = 1, skew = 1, kurt = 1 -> 1 - 1 * 1 + 0 = 0; SR 1 > SR0 0.
        QCOMPARE(probabilisticSharpe(1.0, 0.0, 100, 1.0, 1.0), 1.0);
    }

    void deflatedSharpeByHand()
    {
        // The PSR example deflated for N = 100 trials of variance 1e-4: SR0 = 0.025306028932016820 (above);
        // z = (0.05 - 0.025306028932016820) * 31.622776601683793 / 1.0139649896 = 0.77013697568632909;
        // DSR = Z(0.77013697568632909) = 0.77939067778497324.
        ReturnMoments m;
        m.n = 1001;
        m.sharpe = 0.05;
        m.skewness = -0.5;
        m.kurtosis = 6.0;
        QVERIFY(closeRel(deflatedSharpe(m, 100, 1e-4), 0.77939067778497324, 1e-12));
        // One trial: DSR = PSR(0).
        QCOMPARE(deflatedSharpe(m, 1, 1e-4), probabilisticSharpe(0.05, 0.0, 1001, -0.5, 6.0));
    }

    void thePapersNumericalExample()
    {
        // Bailey & Lopez de Prado (2014), section 5: annualised SR 2.5 over T = 1250 daily returns, skew -3, kurt 10,
        // N = 100 trials with annualised Sharpe variance 1/2, which the paper reports as DSR = 0.9004.
        // Per day: SR = 2.5 / sqrt(250) = 0.15811388300841897, V = 0.5 / 250 = 0.002;
        // SR0 = sqrt(0.002) * 2.5305998... = 0.11317200186513203 (1.7894 annualised);
        // denominator = 1 + 3 * 0.158113883 + 9/4 * 0.025 = 1.5305916490252569;
        // z = (0.158113883 - 0.113172002) * sqrt(1249) / sqrt(1.530591649) = 1.2838160365336578;
        // DSR = Z(1.2838160365336578) = 0.90039683444939096.
        ReturnMoments m;
        m.n = 1250;
        m.sharpe = 2.5 / std::sqrt(250.0);
        m.skewness = -3.0;
        m.kurtosis = 10.0;
        QVERIFY(closeRel(expectedMaxSharpe(100, 0.5 / 250.0), 0.11317200186513203, 1e-12));
        const double dsr = deflatedSharpe(m, 100, 0.5 / 250.0);
        QVERIFY(closeRel(dsr, 0.90039683444939096, 1e-12));
        QCOMPARE(std::round(dsr * 10000.0) / 10000.0, 0.9004);
    }
};

QTEST_GUILESS_MAIN(TstDeflatedSharpe)
#include "tst_deflatedsharpe.moc"
