// SPDX-License-Identifier: MIT
// The pool's strategy actions (core/app/strategyactions.h) packaged as JobRunner work.
#pragma once

#include <memory>
#include <string>

#include "app/jobrunner.h"
#include "app/strategyactions.h"

namespace sixbtc::gui {

/// The context-menu actions that run on the thread pool.
enum class StrategyAction { BacktestAgain, Optimise, Validate, Retire };

/// The work of `action` on the strategy `uuid`: it opens its own candle cache from config->data and runs the app
/// use case on the job's store and cancel token (optimise also reports progress). The result is an
/// app::ActionOutcome in the QVariant. The key to start it with is the strategy's UUID.
JobRunner::Work strategyActionWork(StrategyAction action, std::shared_ptr<const config::Config> config,
                                   std::string uuid);

} // namespace sixbtc::gui

Q_DECLARE_METATYPE(sixbtc::app::ActionOutcome)
