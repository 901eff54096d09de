// SPDX-License-Identifier: MIT
// Engine: phases A to D of every bar, in the order and with the arithmetic the spec writes.
#include "backtest/engine.h"

#include <algorithm>

#include "common/require.h"

namespace sixbtc::backtest {

Engine::Engine(const BacktestData& data, const EngineSettings& settings)
    : m_data(data)
    , m_settings(settings)
    , m_factors(settings.slippage)
{
    SIXBTC_REQUIRE(checkEngineSettings(settings).has_value());
    const std::size_t capacity = std::min(static_cast<std::size_t>(settings.maxOpenPositions), data.symbolCount());
    m_positions.reserve(capacity);
    m_symbolBusy.assign(data.symbolCount(), 0);
    m_trades.reserve(1024);
    m_equity.assign(data.bars(), 0.0);
}

Metrics Engine::run(const StrategyParams& params)
{
    SIXBTC_REQUIRE(checkStrategyParams(params).has_value());
    m_cash = m_settings.initialEquity;
    m_positions.clear();
    std::fill(m_symbolBusy.begin(), m_symbolBusy.end(), std::uint8_t(0));
    m_trades.clear();
    const std::size_t n = m_data.bars();
    m_equity[0] = m_settings.initialEquity;
    for (std::size_t t = 1; t < n; ++t) {
        marketExits(t, params);
        entries(t, params);
        intrabarExits(t);
        if (t == n - 1)
            closeAll(t);
        m_equity[t] = markedEquity(t, false);
    }
    return computeMetrics(m_equity, m_trades, m_settings.initialEquity, m_data.barsPerYear());
}

double Engine::markedEquity(std::size_t t, bool atOpen) const
{
    double equity = m_cash;
    for (const Position& p : m_positions) {
        const SymbolTrack& track = m_data.track(static_cast<std::size_t>(p.symbol));
        const double price = atOpen ? track.open[t] : track.close[t];
        equity = equity + fill::upnl(p.dir, p.qty, p.entryPx, price);
    }
    return equity;
}

void Engine::close(std::size_t index, std::size_t t, double px, ExitReason reason)
{
    const Position p = m_positions[index];
    const fill::CloseAmounts a = fill::closeAmounts(p.dir, p.qty, p.entryPx, px, p.entryFee, m_settings.feeRate);
    m_cash = m_cash + a.cashDelta;
    m_trades.push_back(Trade{p.symbol, p.entryBar, static_cast<std::int64_t>(t), p.dir, p.entryPx, px, p.qty,
                             p.notional, p.margin, p.entryFee, a.exitFee, a.pnlNet, p.equityAtEntry, reason});
    m_symbolBusy[static_cast<std::size_t>(p.symbol)] = 0;
    m_positions.erase(m_positions.begin() + static_cast<std::ptrdiff_t>(index));
}

void Engine::marketExits(std::size_t t, const StrategyParams& params)
{
    const auto bar = static_cast<std::int64_t>(t);
    std::size_t i = 0;
    while (i < m_positions.size()) {
        const Position& p = m_positions[i];
        const SymbolTrack& track = m_data.track(static_cast<std::size_t>(p.symbol));
        const std::uint8_t exitFlag = p.dir > 0 ? kLongExitFlag : kShortExitFlag;
        bool exit = true;
        ExitReason reason = ExitReason::Time;
        if (params.exitAfterBars > 0 && bar - p.entryBar >= params.exitAfterBars)
            reason = ExitReason::Time;
        else if ((track.exits[t - 1] & exitFlag) != 0)
            reason = ExitReason::ExitSignal;
        else if (m_settings.exitOnOpposite && track.entry[t - 1] == -p.dir)
            reason = ExitReason::Signal;
        else
            exit = false;
        if (exit)
            close(i, t, fill::exitPrice(track.open[t], p.dir, m_factors), reason);
        else
            ++i;
    }
}

void Engine::entries(std::size_t t, const StrategyParams& params)
{
    for (std::size_t symbol = 0; symbol < m_data.symbolCount(); ++symbol) {
        const SymbolTrack& track = m_data.track(symbol);
        const int dir = track.entry[t - 1];
        if (dir == 0 || m_symbolBusy[symbol] != 0 ||
            m_positions.size() >= static_cast<std::size_t>(m_settings.maxOpenPositions))
            continue;
        const double equity = markedEquity(t, true);
        double marginUsed = 0.0;
        for (const Position& p : m_positions)
            marginUsed = marginUsed + p.margin;
        double notional = 0.0;
        double margin = 0.0;
        if (!fill::sizeEntry(equity, marginUsed, m_settings, params, notional, margin))
            continue;
        Position p{};
        p.symbol = static_cast<int>(symbol);
        p.dir = dir;
        p.entryPx = fill::entryPrice(track.open[t], dir, m_factors);
        p.qty = notional / p.entryPx;
        p.notional = notional;
        p.margin = margin;
        p.entryFee = notional * m_settings.feeRate;
        m_cash = m_cash - p.entryFee;
        fill::levels(p.entryPx, dir, params, p.slLevel, p.tpLevel);
        p.equityAtEntry = equity;
        p.entryBar = static_cast<std::int64_t>(t);
        m_positions.push_back(p);
        m_symbolBusy[symbol] = 1;
    }
}

void Engine::intrabarExits(std::size_t t)
{
    std::size_t i = 0;
    while (i < m_positions.size()) {
        const Position& p = m_positions[i];
        const SymbolTrack& track = m_data.track(static_cast<std::size_t>(p.symbol));
        double reference = 0.0;
        ExitReason reason = ExitReason::StopLoss;
        if (fill::intrabarExit(p.dir, track.open[t], track.high[t], track.low[t], p.slLevel, p.tpLevel, reference,
                               reason))
            close(i, t, fill::exitPrice(reference, p.dir, m_factors), reason);
        else
            ++i;
    }
}

void Engine::closeAll(std::size_t t)
{
    while (!m_positions.empty()) {
        const Position& p = m_positions.front();
        const double close = m_data.track(static_cast<std::size_t>(p.symbol)).close[t];
        this->close(0, t, fill::exitPrice(close, p.dir, m_factors), ExitReason::End);
    }
}

} // namespace sixbtc::backtest
