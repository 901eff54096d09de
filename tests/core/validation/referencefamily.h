// SPDX-License-Identifier: MIT
// The reference family of the overfitting tests: the RSI(14) 30/70 document, the reference run's risk settings and
// its 400-point grid, run on a given candle series.
#pragma once

#include <memory>
#include <span>

#include "backtest/backtestdata.h"
#include "backtest/enginesettings.h"
#include "backtest/paramgrid.h"
#include "common/candleseries.h"
#include "strategy/documentstrategy.h"
#include "strategy/signalcolumns.h"

namespace sixbtc::validation::testing {

/// tests/data/strategies/reference_rsi.yaml compiled, with the settings and grid of
/// tests/data/backtest/reference-run-rsi.json (the grid equals the shipped optimization.grid).
struct ReferenceFamily
{
    std::unique_ptr<strategy::DocumentStrategy> strategy;
    backtest::EngineSettings settings;
    backtest::ParamGrid grid;
};

/// Loads the reference family; a failure to read or parse the files stops the test (qFatal).
ReferenceFamily loadReferenceFamily();

/// A candle series, the document's signals on it and the BacktestData of the whole series.
struct Market
{
    std::unique_ptr<common::CandleSeries> series;
    strategy::SignalColumns columns;
    backtest::BacktestData data;
};

/// Evaluates `core` on the whole `series` and builds the run's data (qFatal on failure).
Market marketOf(common::CandleSeries series, const strategy::DocumentStrategy& core);

} // namespace sixbtc::validation::testing
