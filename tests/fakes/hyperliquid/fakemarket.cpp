// SPDX-License-Identifier: MIT
// A replayed candle market.
#include "fakes/hyperliquid/fakemarket.h"

#include <cmath>

#include "fakes/hyperliquid/fakenumbers.h"

namespace sixbtc::fakes::hyperliquid {

FakeMarket::FakeMarket(FakeMarketSetup setup)
    : m_setup(std::move(setup))
    , m_index(m_setup.firstCandle)
{
}

double FakeMarket::price() const
{
    return m_setup.candles.close()[m_index];
}

double FakeMarket::low() const
{
    return m_setup.candles.low()[m_index];
}

double FakeMarket::high() const
{
    return m_setup.candles.high()[m_index];
}

bool FakeMarket::advance()
{
    if (m_index + 1 >= m_setup.candles.size())
        return false;
    ++m_index;
    return true;
}

std::string FakeMarket::priceText() const
{
    const double px = price();
    const int integerDigits = px >= 1.0 ? static_cast<int>(std::floor(std::log10(px))) + 1 : 0;
    const int decimals = std::max(0, std::min(6 - m_setup.szDecimals, 5 - integerDigits));
    return wireNumber(px, decimals);
}

} // namespace sixbtc::fakes::hyperliquid
