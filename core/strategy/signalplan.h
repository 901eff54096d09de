// SPDX-License-Identifier: MIT
// SignalPlan: one or many strategy documents compiled into a shared, hash-consed evaluation plan.
#pragma once

#include <array>
#include <functional>
#include <span>
#include <vector>

#include "strategy/indicatorcache.h"
#include "strategy/plannode.h"
#include "strategy/signalcolumns.h"
#include "strategy/strategydocument.h"

namespace sixbtc::strategy {

/// The compiled form of a batch of documents on one timeframe. Identical sub-expressions (same canonical text
/// after durations become bars, e.g. ema(close, 1h) and ema(close, 4) on 15m) are one node, evaluated once per
/// evaluation for the whole batch; indicator nodes live in the IndicatorCache, so plans evaluated on the same
/// cache share them too. Immutable after compile(); evaluate() may run concurrently on different caches.
class SignalPlan
{
public:
    /// Called once per numeric node after it is computed (for dry-run checks).
    using NodeObserver = std::function<void(const PlanNode&, std::span<const double>)>;

    /// Compiles checked documents. \warning every document must come from parseStrategyDocument without
    /// diagnostics, and all must share one timeframe.
    static SignalPlan compile(std::span<const StrategyDocument* const> documents);
    /// Compiles one document.
    static SignalPlan compile(const StrategyDocument& document);

    std::size_t strategyCount() const { return m_roots.size(); }
    const std::vector<PlanNode>& nodes() const { return m_nodes; }
    /// The largest static warm-up of any rule: bars before it cannot signal.
    std::int64_t warmupBars() const;

    /// The signal columns of every strategy, in compile order, over the cache's window.
    std::vector<SignalColumns> evaluate(IndicatorCache& cache, const NodeObserver& observer = {}) const;
    /// The same into `out`, whose columns are reused when they can hold the window: with a cache and an `out`
    /// kept across evaluations (cache.reset() between windows) the steady state allocates no column.
    void evaluateInto(IndicatorCache& cache, std::vector<SignalColumns>& out, const NodeObserver& observer = {}) const;

private:
    friend class PlanBuilder;

    std::vector<PlanNode> m_nodes;
    /// Per strategy and rule slot, the root node (-1 when the document has no such rule).
    std::vector<std::array<int, 4>> m_roots;
    /// Per node, the index of the last node that reads it (its column can be released after that node).
    std::vector<int> m_lastUse;
};

} // namespace sixbtc::strategy
