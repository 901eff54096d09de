// SPDX-License-Identifier: MIT
// Parametric expansion (spec section 4): SL x TP x leverage x exit-bars lists into strategies with grid indexes.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "backtest/enginesettings.h"
#include "common/error.h"

namespace sixbtc::config {
struct GridSettings;
}

namespace sixbtc::backtest {

/// The expanded grid: params[index] is the strategy with that grid index.
struct ParamGrid
{
    std::vector<StrategyParams> params;
    std::array<std::size_t, 4> sizes{}; ///< list lengths: sl, tp, leverage, exit bars

    /// ((i_sl * nTp + i_tp) * nLev + i_lev) * nExit + i_exit.
    std::size_t index(std::size_t iSl, std::size_t iTp, std::size_t iLev, std::size_t iExit) const
    {
        return ((iSl * sizes[1] + iTp) * sizes[2] + iLev) * sizes[3] + iExit;
    }
};

/// Expands the lists in spec order (SL outermost, exit bars innermost); duplicates are kept. Fails with
/// ErrorCode::Input naming the list and position of an empty list or an out-of-range value.
common::Result<ParamGrid> expandGrid(const config::GridSettings& grid);

} // namespace sixbtc::backtest
