// SPDX-License-Identifier: MIT
// LaneEngine: bar-synchronous lanes with a vector mark-to-market and a scalar path for events.
#include "backtest/laneengine.h"

#include <cstring>
#include <limits>

#include "backtest/fillmath.h"
#include "common/require.h"

namespace sixbtc::backtest {

namespace {

constexpr std::size_t L = LaneEngine::kLanes;
constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
using Change = LaneEngine::Change;

// GCC vector extensions: element-wise IEEE operations, lowered to whatever the target clone supports. A vector never
// crosses a call: the helpers taking or returning one are always inlined into the clone (their ABI would differ
// between clones), which is also why the ABI note of -Wpsabi does not apply (GCC reports it at the end of the
// translation unit, so it is silenced for the whole file).
#pragma GCC diagnostic ignored "-Wpsabi"
typedef double Vec __attribute__((vector_size(L * sizeof(double))));
typedef std::int64_t Mask __attribute__((vector_size(L * sizeof(std::int64_t))));

[[gnu::always_inline]] inline Vec load(const double* p)
{
    Vec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

[[gnu::always_inline]] inline Vec maxOf(Vec a, Vec b)
{
    return a > b ? a : b;
}

/// The largest element, found in log2(kLanes) shuffles without leaving the vector unit. The shuffle indexes are
/// literals: built in a loop, GCC materialises them at run time in every call.
[[gnu::always_inline]] inline double largest(Vec d)
{
    static_assert(L == 8);
    d = maxOf(d, __builtin_shuffle(d, Mask{4, 5, 6, 7, 0, 1, 2, 3}));
    d = maxOf(d, __builtin_shuffle(d, Mask{2, 3, 0, 1, 6, 7, 4, 5}));
    d = maxOf(d, __builtin_shuffle(d, Mask{1, 0, 3, 2, 5, 4, 7, 6}));
    return d[0];
}

/// Whether any lane touches a level at this bar: low <= lowTh or high >= highTh. For doubles a >= b exactly when
/// a - b >= 0 (a difference is zero only for equal operands, infinities keep their sign).
[[gnu::always_inline]] inline bool anyTouch(Vec lowTh, Vec highTh, double low, double high)
{
    return largest(maxOf(lowTh - low, high - highTh)) >= 0.0;
}

/// The mark-to-market of spec section 6 phase D for every lane: cash + dir * qty * (close - entry_px). A flat lane
/// has sq = entry = 0, which gives cash + 0 = cash, its exact equity.
[[gnu::always_inline]] inline Vec markedEquity(Vec cash, Vec sq, Vec entry, double close)
{
    return cash + sq * (close - entry);
}

[[gnu::always_inline]] inline Vec barReturns(Vec equity, Vec previous)
{
    const Vec r = equity / previous - 1.0;
    return previous <= 0.0 ? r - r : r;
}

/// Per-lane account and position, structure of arrays.
struct alignas(64) Lanes
{
    double cash[L];
    double sq[L];     ///< dir * qty (exact), 0 when flat
    double entry[L];  ///< entry fill price, 0 when flat
    double lowTh[L];  ///< a low at or below this touches: long stop or short target; -inf when flat
    double highTh[L]; ///< a high at or above this touches: long target or short stop; +inf when flat
    int dir[L];
    double qty[L];
    double entryFee[L];
    double equityAtEntry[L];
    double sl[L];
    double tp[L];
    std::int64_t timeExit[L]; ///< bar of the time exit, kNever when none
    MetricSums sums[L];
};

/// Everything one block run reads, and the change log it writes.
struct Block
{
    const SymbolTrack* track;
    const std::uint8_t* signalBars;
    std::size_t n;
    const EngineSettings* settings;
    fill::PriceFactors factors;
    const StrategyParams* params; ///< kLanes entries
    std::vector<Change>* changes;
};

void logChange(Lanes& s, std::size_t k, std::size_t t, const Block& b)
{
    b.changes->push_back(
        Change{static_cast<std::int64_t>(t), static_cast<std::int64_t>(k), s.cash[k], s.sq[k], s.entry[k]});
}

void flatten(Lanes& s, std::size_t k)
{
    s.dir[k] = 0;
    s.sq[k] = 0.0;
    s.entry[k] = 0.0;
    s.lowTh[k] = -kInf;
    s.highTh[k] = kInf;
    s.timeExit[k] = kNever;
}

void closeLane(Lanes& s, std::size_t k, std::size_t t, double px, const Block& b)
{
    const fill::CloseAmounts a =
        fill::closeAmounts(s.dir[k], s.qty[k], s.entry[k], px, s.entryFee[k], b.settings->feeRate);
    s.cash[k] = s.cash[k] + a.cashDelta;
    s.sums[k].addTrade(a.pnlNet, s.equityAtEntry[k]);
    flatten(s, k);
    logChange(s, k, t, b);
}

/// Phase B for one flat lane: with one symbol the equity is the cash and no margin is in use.
void openLane(Lanes& s, std::size_t k, std::size_t t, int dir, const Block& b)
{
    const StrategyParams& p = b.params[k];
    const double equity = s.cash[k];
    double notional = 0.0;
    double margin = 0.0;
    if (!fill::sizeEntry(equity, 0.0, *b.settings, p, notional, margin))
        return;
    const double entryPx = fill::entryPrice(b.track->open[t], dir, b.factors);
    const double qty = notional / entryPx;
    s.dir[k] = dir;
    s.qty[k] = qty;
    s.sq[k] = static_cast<double>(dir) * qty;
    s.entry[k] = entryPx;
    s.entryFee[k] = notional * b.settings->feeRate;
    s.cash[k] = s.cash[k] - s.entryFee[k];
    fill::levels(entryPx, dir, p, s.sl[k], s.tp[k]);
    s.lowTh[k] = dir > 0 ? s.sl[k] : s.tp[k];
    s.highTh[k] = dir > 0 ? s.tp[k] : s.sl[k];
    s.equityAtEntry[k] = equity;
    s.timeExit[k] = p.exitAfterBars > 0 ? static_cast<std::int64_t>(t) + p.exitAfterBars : kNever;
    logChange(s, k, t, b);
}

/// Phases A and B at the open of bar t after a signal bar; returns the next bar with a time exit.
std::int64_t signalEvents(Lanes& s, std::size_t t, const Block& b)
{
    const int signal = b.track->entry[t - 1];
    const std::uint8_t exits = b.track->exits[t - 1];
    const double open = b.track->open[t];
    const auto bar = static_cast<std::int64_t>(t);
    std::int64_t next = kNever;
    for (std::size_t k = 0; k < L; ++k) {
        const int dir = s.dir[k];
        if (dir != 0) {
            const std::uint8_t flag = dir > 0 ? kLongExitFlag : kShortExitFlag;
            const bool exit =
                bar >= s.timeExit[k] || (exits & flag) != 0 || (b.settings->exitOnOpposite && signal == -dir);
            if (exit)
                closeLane(s, k, t, fill::exitPrice(open, dir, b.factors), b);
        }
        if (signal != 0 && s.dir[k] == 0)
            openLane(s, k, t, signal, b);
        next = s.timeExit[k] < next ? s.timeExit[k] : next;
    }
    return next;
}

/// Phase A when the only work at this open is time exits; returns the next bar with a time exit.
std::int64_t timeEvents(Lanes& s, std::size_t t, const Block& b)
{
    const auto bar = static_cast<std::int64_t>(t);
    std::int64_t next = kNever;
    for (std::size_t k = 0; k < L; ++k) {
        if (bar >= s.timeExit[k])
            closeLane(s, k, t, fill::exitPrice(b.track->open[t], s.dir[k], b.factors), b);
        next = s.timeExit[k] < next ? s.timeExit[k] : next;
    }
    return next;
}

/// Phase C for every open lane (called only when some lane's level was touched), and phase D's END on the last bar.
void intrabar(Lanes& s, std::size_t t, const Block& b)
{
    const SymbolTrack& tr = *b.track;
    for (std::size_t k = 0; k < L; ++k) {
        if (s.dir[k] == 0)
            continue;
        double reference = 0.0;
        ExitReason reason = ExitReason::StopLoss;
        if (fill::intrabarExit(s.dir[k], tr.open[t], tr.high[t], tr.low[t], s.sl[k], s.tp[k], reference, reason))
            closeLane(s, k, t, fill::exitPrice(reference, s.dir[k], b.factors), b);
    }
}

void closeAtEnd(Lanes& s, std::size_t t, const Block& b)
{
    for (std::size_t k = 0; k < L; ++k) {
        if (s.dir[k] != 0)
            closeLane(s, k, t, fill::exitPrice(b.track->close[t], s.dir[k], b.factors), b);
    }
}

/// The bar loop (first pass) and the replay for the Sharpe ratio's second pass. Cloned per instruction set; every
/// clone does the same IEEE operations in the same order (no contraction: -ffp-contract=off), so the results do not
/// depend on the clone.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void simulate(Lanes& s, const Block& b)
{
    const SymbolTrack& tr = *b.track;
    const double e0 = b.settings->initialEquity;
    const Vec start = load(s.cash);
    Vec prev = start;
    Vec peak = start - start + e0;
    Vec maxDd = start - start;
    Vec sumR = maxDd;
    Mask inProfit = Mask{} & 0;
    std::int64_t nextTime = kNever;
    for (std::size_t t = 1; t < b.n; ++t) {
        if (b.signalBars[t - 1] != 0)
            nextTime = signalEvents(s, t, b);
        else if (static_cast<std::int64_t>(t) >= nextTime)
            nextTime = timeEvents(s, t, b);
        if (anyTouch(load(s.lowTh), load(s.highTh), tr.low[t], tr.high[t]))
            intrabar(s, t, b);
        if (t == b.n - 1)
            closeAtEnd(s, t, b);
        const Vec eq = markedEquity(load(s.cash), load(s.sq), load(s.entry), tr.close[t]);
        const Vec r = barReturns(eq, prev);
        sumR = sumR + r;
        peak = maxOf(eq, peak);
        maxDd = maxOf((peak - eq) / peak, maxDd);
        inProfit = inProfit - (eq > e0);
        prev = eq;
    }
    Vec mean = sumR - sumR;
    if (b.n > 1)
        mean = sumR / static_cast<double>(b.n - 1);
    // Second pass: replay the same marks from the change log and sum (r - mean)^2 in bar order.
    double cash[L];
    double sq[L];
    double entry[L];
    for (std::size_t k = 0; k < L; ++k) {
        cash[k] = e0;
        sq[k] = 0.0;
        entry[k] = 0.0;
    }
    Vec replayPrev = start;
    Vec acc = sumR - sumR;
    const Change* change = b.changes->data();
    const Change* const end = change + b.changes->size();
    for (std::size_t t = 1; t < b.n; ++t) {
        for (; change != end && change->bar == static_cast<std::int64_t>(t); ++change) {
            const auto k = static_cast<std::size_t>(change->lane);
            cash[k] = change->cash;
            sq[k] = change->sq;
            entry[k] = change->entry;
        }
        const Vec eq = markedEquity(load(cash), load(sq), load(entry), tr.close[t]);
        const Vec dev = barReturns(eq, replayPrev) - mean;
        acc = acc + dev * dev;
        replayPrev = eq;
    }
    for (std::size_t k = 0; k < L; ++k) {
        MetricSums& sums = s.sums[k];
        sums.bars = static_cast<std::int64_t>(b.n);
        sums.sumReturns = sumR[k];
        sums.sumSquaredDev = acc[k];
        sums.maxDrawdown = maxDd[k];
        sums.barsInProfit = inProfit[k];
        sums.finalEquity = prev[k];
    }
}

} // namespace

LaneEngine::LaneEngine(const BacktestData& data, const EngineSettings& settings)
    : m_data(data)
    , m_settings(settings)
{
    SIXBTC_REQUIRE(data.symbolCount() == 1);
    SIXBTC_REQUIRE(checkEngineSettings(settings).has_value());
    m_changes.reserve(data.bars() / 4 + 64);
}

void LaneEngine::run(std::span<const StrategyParams> params, std::span<Metrics> out)
{
    SIXBTC_REQUIRE(!params.empty() && params.size() <= L && out.size() == params.size());
    StrategyParams lanes[L];
    for (std::size_t k = 0; k < L; ++k) {
        lanes[k] = params[k < params.size() ? k : params.size() - 1];
        SIXBTC_REQUIRE(checkStrategyParams(lanes[k]).has_value());
    }
    Lanes state{};
    for (std::size_t k = 0; k < L; ++k) {
        state.cash[k] = m_settings.initialEquity;
        flatten(state, k);
    }
    m_changes.clear();
    const Block block{&m_data.track(0),
                      m_data.signalBars().data(),
                      m_data.bars(),
                      &m_settings,
                      fill::PriceFactors(m_settings.slippage),
                      lanes,
                      &m_changes};
    simulate(state, block);
    for (std::size_t k = 0; k < params.size(); ++k)
        out[k] = finishMetrics(state.sums[k], m_settings.initialEquity, m_data.barsPerYear());
}

} // namespace sixbtc::backtest
