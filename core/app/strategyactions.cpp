// SPDX-License-Identifier: MIT
// The pool's context-menu actions: each checks the strategy's status, then runs the use case the CLI runs.
#include "app/strategyactions.h"

#include <initializer_list>

#include "storage/api/lifecycle.h"

namespace sixbtc::app {

namespace {

using storage::StrategyStatus;

/// Forwards a phase's progress as (done, total) to an ActionProgress.
class ProgressForwarder final : public PhaseObserver
{
public:
    explicit ProgressForwarder(const ActionProgress& progress)
        : m_progress(progress)
    {
    }

    void phaseStarted(std::string_view, std::size_t units) override
    {
        m_total = units;
        m_done = 0;
        report();
    }
    void unitsDone(std::size_t units) override
    {
        m_done += units;
        report();
    }
    void phaseFinished() override {}

private:
    void report() const
    {
        if (m_progress)
            m_progress(m_done, m_total);
    }

    const ActionProgress& m_progress;
    std::size_t m_done = 0;
    std::size_t m_total = 0;
};

/// The strategy when it is in one of `allowed` (and, with `baseOnly`, not an optimized strategy); otherwise an Input
/// error saying what `action` needs (`needs`, e.g. "a VALIDATED base strategy") and what the strategy is.
common::Result<storage::StrategyRecord> strategyFor(storage::Store& store, const std::string& uuid,
                                                    std::initializer_list<StrategyStatus> allowed, bool baseOnly,
                                                    const std::string& action, const std::string& needs)
{
    auto strategy = store.strategies().get(uuid);
    if (!strategy)
        return tl::unexpected(strategy.error());
    bool statusFits = false;
    for (StrategyStatus status : allowed)
        statusFits = statusFits || strategy->status == status;
    const bool isBase = strategy->generationMode != storage::GenerationMode::Optimized;
    if (!statusFits || (baseOnly && !isBase))
        return common::fail(common::ErrorCode::Input, action + " needs " + needs + "; " + strategy->name + " is " +
                                                          (isBase ? "" : "an optimized strategy, ") +
                                                          std::string(storage::statusName(strategy->status)));
    return strategy;
}

common::Result<void> notCancelled(const common::CancelToken& cancel, const std::string& action)
{
    if (cancel.stopRequested())
        return common::fail(common::ErrorCode::Cancelled, action + " cancelled before it started");
    return {};
}

/// Runs a phase restricted to `uuid` and returns the strategy as stored afterwards with the phase's outcome.
template <typename Phase>
common::Result<ActionOutcome> runPhase(storage::Store& store, CandleCache& candles, const config::Config& config,
                                       const std::string& uuid, const common::CancelToken& cancel,
                                       const ActionProgress& progress, Phase phase)
{
    ProgressForwarder observer(progress);
    const PhaseContext ctx{store, candles, config, observer, cancel};
    auto outcome = phase(ctx, uuid);
    if (!outcome)
        return tl::unexpected(outcome.error());
    auto updated = store.strategies().get(uuid);
    if (!updated)
        return tl::unexpected(updated.error());
    return ActionOutcome{std::move(*updated), std::nullopt, std::move(*outcome)};
}

} // namespace

common::Result<ActionOutcome> backtestAgain(storage::Store& store, CandleCache& candles, const config::Config& config,
                                            const std::string& uuid, const common::CancelToken& cancel)
{
    auto strategy = store.strategies().get(uuid);
    if (!strategy)
        return tl::unexpected(strategy.error());
    if (auto ok = notCancelled(cancel, "backtest"); !ok)
        return tl::unexpected(ok.error());
    auto run = storeFullRun(store, candles, config, *strategy);
    if (!run)
        return tl::unexpected(run.error());
    return ActionOutcome{std::move(*strategy), std::move(*run), std::nullopt};
}

common::Result<ActionOutcome> optimise(storage::Store& store, CandleCache& candles, const config::Config& config,
                                       const std::string& uuid, const common::CancelToken& cancel,
                                       const ActionProgress& progress)
{
    if (auto base =
            strategyFor(store, uuid, {StrategyStatus::Validated}, true, "optimise", "a VALIDATED base strategy");
        !base)
        return tl::unexpected(base.error());
    if (auto ok = notCancelled(cancel, "optimise"); !ok)
        return tl::unexpected(ok.error());
    return runPhase(store, candles, config, uuid, cancel, progress, expandPending);
}

common::Result<ActionOutcome> validate(storage::Store& store, CandleCache& candles, const config::Config& config,
                                       const std::string& uuid, const common::CancelToken& cancel)
{
    if (auto base =
            strategyFor(store, uuid, {StrategyStatus::Generated}, true, "validate", "a GENERATED base strategy");
        !base)
        return tl::unexpected(base.error());
    if (auto ok = notCancelled(cancel, "validate"); !ok)
        return tl::unexpected(ok.error());
    return runPhase(store, candles, config, uuid, cancel, {}, validatePending);
}

common::Result<ActionOutcome> retire(storage::Store& store, CandleCache&, const config::Config&,
                                     const std::string& uuid, const common::CancelToken& cancel)
{
    auto strategy = strategyFor(store, uuid, {StrategyStatus::Active, StrategyStatus::Live}, false, "retire",
                                "an ACTIVE or LIVE strategy");
    if (!strategy)
        return tl::unexpected(strategy.error());
    if (auto ok = notCancelled(cancel, "retire"); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = store.strategies().transition(uuid, StrategyStatus::Retired,
                                                std::string(storage::lifecycle::kRetiredByUser));
        !ok)
        return tl::unexpected(ok.error());
    auto updated = store.strategies().get(uuid);
    if (!updated)
        return tl::unexpected(updated.error());
    return ActionOutcome{std::move(*updated), std::nullopt, std::nullopt};
}

} // namespace sixbtc::app
