// SPDX-License-Identifier: MIT
// Benchmark: 1,000 order/cancel cycles of ExchangeClient against the fake under 20 % 429, 5 % 5xx, 2 % timeouts.
#include <cstdio>

#include <QCoreApplication>

#include "exchangesoak.h"

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    sixbtc::tests::ExchangeClientFixture fixture(sixbtc::tests::soakSettings);
    const auto report = sixbtc::tests::runExchangeSoak(fixture, 1000, 8, 20261125);
    std::printf("bench_exchangesoak: %d order/cancel cycles in %.2f s (target < 60 s)\n", report.cycles,
                double(report.wallMs) / 1000.0);
    std::printf("  requests: %lld /exchange, %lld /info; failed calls: %d\n", qint64(report.exchangeRequests),
                qint64(report.infoRequests), report.failedCalls);
    std::printf("  duplicated orders: %d, lost orders: %d\n", report.duplicated, report.lost);
    if (report.failedCalls > 0)
        std::printf("  first failure: %s\n", report.firstFailure.c_str());
    return report.duplicated == 0 && report.lost == 0 ? 0 : 1;
}
