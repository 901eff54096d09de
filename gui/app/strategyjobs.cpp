// SPDX-License-Identifier: MIT
// The pool's strategy actions as JobRunner work: one candle cache per job, the app use case on the job's store.
#include "app/strategyjobs.h"

namespace sixbtc::gui {

JobRunner::Work strategyActionWork(StrategyAction action, std::shared_ptr<const config::Config> config,
                                   std::string uuid)
{
    return
        [action, config = std::move(config), uuid = std::move(uuid)](JobContext& context) -> common::Result<QVariant> {
            // The cache is not thread-safe: every job reads its candles itself.
            auto candles = app::CandleCache::open(config->data);
            if (!candles)
                return tl::unexpected(candles.error());
            common::Result<app::ActionOutcome> outcome = [&] {
                switch (action) {
                case StrategyAction::BacktestAgain:
                    return app::backtestAgain(context.store, *candles, *config, uuid, context.cancel);
                case StrategyAction::Optimise:
                    return app::optimise(context.store, *candles, *config, uuid, context.cancel, context.progress);
                case StrategyAction::Validate:
                    return app::validate(context.store, *candles, *config, uuid, context.cancel);
                case StrategyAction::Retire: break;
                }
                return app::retire(context.store, *candles, *config, uuid, context.cancel);
            }();
            if (!outcome)
                return tl::unexpected(outcome.error());
            return QVariant::fromValue(std::move(*outcome));
        };
}

} // namespace sixbtc::gui
