// SPDX-License-Identifier: MIT
// Replaying the next candle: resting orders the bar crosses fill at their limit, triggers in its range fire.
#include "fakes/hyperliquid/fakeledger.h"

#include <cmath>

#include "fakes/hyperliquid/fakenumbers.h"

namespace sixbtc::fakes::hyperliquid {

bool FakeLedger::advance()
{
    for (auto& traded : m_markets) {
        if (!traded.advance())
            return false;
    }
    sweepScheduledCancels();
    for (auto& [oid, order] : m_orders) {
        if (order.state != FakeOrderState::Open || order.parentOid)
            continue;
        const FakeMarket& traded = *market(order.asset);
        if (order.triggerPx) {
            const double triggerPx = std::stod(*order.triggerPx);
            if (traded.low() <= triggerPx && triggerPx <= traded.high())
                fireTrigger(order, traded);
            continue;
        }
        const double px = std::stod(order.limitPx);
        const bool crossed = order.isBuy ? traded.low() <= px : traded.high() >= px;
        if (!crossed)
            continue;
        double size = order.size;
        if (order.reduceOnly) {
            const double szi = m_accounts.at(order.user).positions[order.asset].szi;
            if (szi == 0.0 || (order.isBuy ? szi > 0.0 : szi < 0.0)) {
                setState(order, FakeOrderState::ReduceOnlyCanceled);
                continue;
            }
            size = std::min(size, std::abs(szi));
        }
        applyFill(order, px, size, false);
    }
    return true;
}

void FakeLedger::fireTrigger(FakeOrder& order, const FakeMarket& traded)
{
    const double szi = m_accounts.at(order.user).positions[order.asset].szi;
    double size = order.isPositionTpsl ? std::abs(szi) : order.size;
    if (order.reduceOnly || order.isPositionTpsl) {
        if (szi == 0.0 || (order.isBuy ? szi > 0.0 : szi < 0.0)) {
            setState(order, FakeOrderState::ReduceOnlyCanceled);
            return;
        }
        size = std::min(size, std::abs(szi));
    }
    const double triggerPx = std::stod(*order.triggerPx);
    order.size = size;
    order.origSize = size;
    order.triggerPx.reset();
    if (order.triggerIsMarket) {
        order.tif = "Ioc";
        applyFill(order, triggerPx, size, true);
        return;
    }
    order.tif = "Gtc";
    const double px = std::stod(order.limitPx);
    if (order.isBuy ? px >= traded.price() : px <= traded.price())
        applyFill(order, std::stod(traded.priceText()), size, true);
}

} // namespace sixbtc::fakes::hyperliquid
