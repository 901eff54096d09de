// SPDX-License-Identifier: MIT
// Normal distribution functions and the PSR/DSR of Bailey & Lopez de Prado.
#include "validation/deflatedsharpe.h"

#include <array>
#include <cmath>
#include <numbers>

#include "common/require.h"

namespace sixbtc::validation {

namespace {

// Acklam's coefficients (central region and tails).
constexpr std::array<double, 6> kA = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                      1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
constexpr std::array<double, 5> kB = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                      6.680131188771972e+01, -1.328068155288572e+01};
constexpr std::array<double, 6> kC = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                      -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
constexpr std::array<double, 4> kD = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                      3.754408661907416e+00};
constexpr double kLowTail = 0.02425;

/// Acklam's approximation for 0 < p <= 0.5 (relative error about 1e-9).
double acklamLowerHalf(double p)
{
    if (p < kLowTail) {
        const double q = std::sqrt(-2.0 * std::log(p));
        return (((((kC[0] * q + kC[1]) * q + kC[2]) * q + kC[3]) * q + kC[4]) * q + kC[5]) /
               ((((kD[0] * q + kD[1]) * q + kD[2]) * q + kD[3]) * q + 1.0);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((kA[0] * r + kA[1]) * r + kA[2]) * r + kA[3]) * r + kA[4]) * r + kA[5]) * q /
           (((((kB[0] * r + kB[1]) * r + kB[2]) * r + kB[3]) * r + kB[4]) * r + 1.0);
}

} // namespace

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double normalQuantile(double p)
{
    SIXBTC_REQUIRE(p > 0.0 && p < 1.0);
    // Work in the lower half, where Z(x) = 0.5 erfc(-x / sqrt 2) has full relative precision; 1 - p is exact for
    // p > 0.5 (Sterbenz), so the symmetry loses nothing.
    if (p > 0.5)
        return -normalQuantile(1.0 - p);
    const double x = acklamLowerHalf(p);
    // One Halley step on f(x) = Z(x) - p: f' = phi(x), f'' = -x phi(x).
    const double e = normalCdf(x) - p;
    const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
    return x - u / (1.0 + 0.5 * x * u);
}

double expectedMaxSharpe(std::int64_t trials, double variance)
{
    SIXBTC_REQUIRE(trials >= 1);
    SIXBTC_REQUIRE(variance >= 0.0);
    if (trials == 1 || variance == 0.0)
        return 0.0;
    const double n = static_cast<double>(trials);
    // Z^-1(1 - q) = -Z^-1(q), evaluated on the small tail probability q for precision.
    const double first = -normalQuantile(1.0 / n);
    const double second = -normalQuantile(1.0 / (n * std::numbers::e));
    return std::sqrt(variance) * ((1.0 - kEulerGamma) * first + kEulerGamma * second);
}

double probabilisticSharpe(double sharpe, double benchmark, std::int64_t observations, double skewness, double kurtosis)
{
    if (observations < 2)
        return 0.0;
    const double denominator = 1.0 - skewness * sharpe + (kurtosis - 1.0) / 4.0 * sharpe * sharpe;
    if (!(denominator > 0.0)) {
        if (sharpe > benchmark)
            return 1.0;
        return sharpe < benchmark ? 0.0 : 0.5;
    }
    const double z = (sharpe - benchmark) * std::sqrt(static_cast<double>(observations - 1)) / std::sqrt(denominator);
    return normalCdf(z);
}

double deflatedSharpe(const ReturnMoments& moments, std::int64_t trials, double trialVariance)
{
    const double benchmark = expectedMaxSharpe(trials, trialVariance);
    return probabilisticSharpe(moments.sharpe, benchmark, moments.n, moments.skewness, moments.kurtosis);
}

} // namespace sixbtc::validation
