// SPDX-License-Identifier: MIT
// The pool's context-menu actions on one stored strategy: backtest again, optimise, validate, retire.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "app/candlecache.h"
#include "app/fullrun.h"
#include "app/pipelinephases.h"
#include "common/cancellation.h"
#include "config/settings.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// Told the units done out of the total while an action runs; called on the thread that runs the action.
using ActionProgress = std::function<void(std::size_t done, std::size_t total)>;

/// What an action changed: the strategy as stored afterwards, and what the use case it ran reported.
struct ActionOutcome
{
    storage::StrategyRecord strategy;
    std::optional<FullRun> fullRun;    ///< backtestAgain
    std::optional<PhaseOutcome> phase; ///< optimise, validate
};

/// Backtests the strategy again and stores a new "full" run (storeFullRun); its record is unchanged.
/// An Input error for a base (no risk block); Cancelled when `cancel` is set before it starts.
common::Result<ActionOutcome> backtestAgain(storage::Store& store, CandleCache& candles, const config::Config& config,
                                            const std::string& uuid, const common::CancelToken& cancel);

/// Expands and proves a VALIDATED base over optimization.grid (expandPending restricted to it); the base ends
/// RETIRED "expanded". An Input error for anything but a VALIDATED base. `progress` may be empty.
common::Result<ActionOutcome> optimise(storage::Store& store, CandleCache& candles, const config::Config& config,
                                       const std::string& uuid, const common::CancelToken& cancel,
                                       const ActionProgress& progress);

/// Validates a GENERATED base (validatePending restricted to it); it ends VALIDATED or REJECTED.
/// An Input error for anything but a GENERATED base.
common::Result<ActionOutcome> validate(storage::Store& store, CandleCache& candles, const config::Config& config,
                                       const std::string& uuid, const common::CancelToken& cancel);

/// Retires an ACTIVE or LIVE strategy with the reason "retired by user". An Input error for any other status.
common::Result<ActionOutcome> retire(storage::Store& store, CandleCache& candles, const config::Config& config,
                                     const std::string& uuid, const common::CancelToken& cancel);

} // namespace sixbtc::app
