// SPDX-License-Identifier: MIT
// The order/cancel soak of ExchangeClient under injected faults.
#include "exchangesoak.h"

#include <QElapsedTimer>

namespace sixbtc::tests {

using namespace exchange::hyperliquid;
namespace fk = sixbtc::fakes::hyperliquid;

namespace {

constexpr unsigned kFirstCloid = 100'000;

/// Drives the cycles: each one places, then cancels; a new cycle starts whenever one ends.
class SoakDriver
{
public:
    SoakDriver(ExchangeClientFixture& fixture, int first, int end, int inFlight, SoakReport& report)
        : m_fx(fixture)
        , m_next(first)
        , m_end(end)
        , m_inFlight(inFlight)
        , m_report(report)
    {
    }

    void run()
    {
        for (int i = 0; i < m_inFlight; ++i)
            startNext();
        if (m_running > 0)
            m_loop.exec();
    }

private:
    void startNext()
    {
        if (m_next >= m_end)
            return;
        const unsigned cloid = kFirstCloid + unsigned(m_next++);
        ++m_running;
        m_fx.client().placeOrder(m_fx.limitOrder(0, true, 0.8, 20, Tif::Gtc, cloid),
                                 [this, cloid](HlResult<OrderOutcome> placed) {
                                     if (!placed)
                                         failed(placed.error());
                                     cancel(cloid);
                                 });
    }

    void cancel(unsigned cloid)
    {
        m_fx.client().cancelOrderByCloid({0, ExchangeClientFixture::cloid(cloid)}, [this](HlResult<void> done) {
            if (!done)
                failed(done.error());
            --m_running;
            startNext();
            if (m_running == 0)
                m_loop.quit();
        });
    }

    void failed(const HyperliquidError& error)
    {
        if (m_report.failedCalls++ == 0)
            m_report.firstFailure = error.message();
    }

    ExchangeClientFixture& m_fx;
    int m_next;
    int m_end;
    int m_inFlight;
    int m_running = 0;
    SoakReport& m_report;
    QEventLoop m_loop;
};

} // namespace

void soakSettings(config::HyperliquidSettings& settings)
{
    settings.requestTimeoutMs = 200;
    settings.expiresAfterMs = 400;
    settings.maxClockSkewMs = 200;
    settings.retry = {10, 50, 10};
    settings.rateLimit = {1'000'000, 0.2};
}

SoakReport runExchangeSoak(ExchangeClientFixture& fixture, int cycles, int inFlight, quint64 seed)
{
    SoakReport report;
    report.cycles = cycles;
    QElapsedTimer clock;
    clock.start();
    const int half = cycles / 2;
    for (const bool afterProcessing : {false, true}) {
        fk::FakeFaultRates rates{0.20, 0.05, 50};
        rates.acceptThenTimeout = 0.02;
        rates.serverErrorAfterProcessing = afterProcessing;
        fixture.server().setFaultRates(rates, seed + (afterProcessing ? 1 : 0));
        SoakDriver(fixture, afterProcessing ? half : 0, afterProcessing ? cycles : half, inFlight, report).run();
    }
    fixture.server().clearFaults();
    report.wallMs = clock.elapsed();

    const std::string& user = fixture.master();
    const auto orders = fixture.fake().allOrders();
    for (int i = 0; i < cycles; ++i) {
        const std::string cloid = ExchangeClientFixture::cloid(kFirstCloid + unsigned(i)).toHex();
        const int placed = fixture.fake().ordersPlacedWithCloid(user, cloid);
        report.duplicated += std::max(0, placed - 1);
        bool cancelled = false;
        for (const fk::FakeOrder& order : orders)
            if (order.user == user && order.cloid == cloid && order.state == fk::FakeOrderState::Canceled)
                cancelled = true;
        if (placed == 0 || !cancelled)
            ++report.lost;
    }
    report.exchangeRequests = fixture.server().exchangeRequests().size();
    report.infoRequests = fixture.server().requests().size();
    return report;
}

} // namespace sixbtc::tests
