// SPDX-License-Identifier: MIT
// One replayed perp market of the fake exchange: the current bar of a real candle series.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "fakes/hyperliquid/fakeexchangesetup.h"

namespace sixbtc::fakes::hyperliquid {

/// The market price of an asset is the close of its current bar; advance() moves to the next bar.
class FakeMarket
{
public:
    explicit FakeMarket(FakeMarketSetup setup);

    std::uint32_t asset() const { return m_setup.asset; }
    const std::string& coin() const { return m_setup.coin; }
    int szDecimals() const { return m_setup.szDecimals; }
    int maxLeverage() const { return m_setup.maxLeverage; }

    double price() const;
    double low() const;
    double high() const;
    /// Makes the next bar current; false (and no move) at the end of the series.
    bool advance();
    /// The price rendered with at most 5 significant figures and 6 - szDecimals decimals (a valid wire price).
    std::string priceText() const;

private:
    FakeMarketSetup m_setup;
    std::size_t m_index;
};

} // namespace sixbtc::fakes::hyperliquid
