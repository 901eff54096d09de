// SPDX-License-Identifier: MIT
// Parametric expansion and its range checks.
#include "backtest/paramgrid.h"

#include <string>

#include "config/settings.h"

namespace sixbtc::backtest {

using common::ErrorCode;

namespace {

common::Result<void> checkList(std::size_t size, const char* name)
{
    if (size == 0)
        return common::fail(ErrorCode::Input, std::string("grid list ") + name + " is empty");
    return {};
}

} // namespace

common::Result<ParamGrid> expandGrid(const config::GridSettings& grid)
{
    for (auto check :
         {checkList(grid.slPct.size(), "sl_pct"), checkList(grid.tpPct.size(), "tp_pct"),
          checkList(grid.leverage.size(), "leverage"), checkList(grid.exitAfterBars.size(), "exit_after_bars")}) {
        if (!check)
            return tl::unexpected(check.error());
    }
    ParamGrid out;
    out.sizes = {grid.slPct.size(), grid.tpPct.size(), grid.leverage.size(), grid.exitAfterBars.size()};
    out.params.reserve(out.sizes[0] * out.sizes[1] * out.sizes[2] * out.sizes[3]);
    for (double sl : grid.slPct) {
        for (double tp : grid.tpPct) {
            for (double leverage : grid.leverage) {
                for (int exitBars : grid.exitAfterBars) {
                    const StrategyParams p{sl, tp, leverage, exitBars};
                    if (auto ok = checkStrategyParams(p); !ok)
                        return common::fail(ErrorCode::Input, "optimization grid: " + ok.error().message);
                    out.params.push_back(p);
                }
            }
        }
    }
    return out;
}

} // namespace sixbtc::backtest
