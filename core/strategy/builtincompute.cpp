// SPDX-License-Identifier: MIT
// Dispatch from a Builtin plan node to its indicator function.
#include "strategy/builtincompute.h"

#include "common/require.h"
#include "strategy/indicators/dispersion.h"
#include "strategy/indicators/movingaverages.h"
#include "strategy/indicators/ranges.h"
#include "strategy/indicators/volumeindicators.h"
#include "strategy/indicators/wilder.h"

namespace sixbtc::strategy {

void computeBuiltin(const PlanNode& node, const std::vector<std::span<const double>>& inputs,
                    const indicators::PriceColumns& prices, std::span<double> out)
{
    using dsl::BuiltinId;
    namespace ind = indicators;
    const auto& p = node.periods;
    const auto x = [&] { return inputs.at(0); };
    switch (node.builtin) {
    case BuiltinId::Sma: ind::sma(x(), p[0], out); return;
    case BuiltinId::Wma: ind::wma(x(), p[0], out); return;
    case BuiltinId::Ema: ind::ema(x(), p[0], out); return;
    case BuiltinId::Rsi: ind::rsi(x(), p[0], out); return;
    case BuiltinId::Atr: ind::atr(prices, p[0], out); return;
    case BuiltinId::Stdev: ind::stdev(x(), p[0], out); return;
    case BuiltinId::Zscore: ind::zscore(x(), p[0], out); return;
    case BuiltinId::Highest: ind::highest(x(), p[0], out); return;
    case BuiltinId::Lowest: ind::lowest(x(), p[0], out); return;
    case BuiltinId::Roc: ind::roc(x(), p[0], out); return;
    case BuiltinId::MacdLine: ind::macdLine(x(), p[0], p[1], out); return;
    case BuiltinId::MacdSignal: ind::macdSignal(x(), p[0], p[1], p[2], out); return;
    case BuiltinId::MacdHist: ind::macdHist(x(), p[0], p[1], p[2], out); return;
    case BuiltinId::BbUpper: ind::bollinger(x(), p[0], node.constant, true, out); return;
    case BuiltinId::BbLower: ind::bollinger(x(), p[0], node.constant, false, out); return;
    case BuiltinId::StochK: ind::stochK(prices, p[0], out); return;
    case BuiltinId::StochD: ind::stochD(prices, p[0], p[1], out); return;
    case BuiltinId::Adx: ind::adx(prices, p[0], out); return;
    case BuiltinId::Cci: ind::cci(prices, p[0], out); return;
    case BuiltinId::Obv: ind::obv(prices, out); return;
    case BuiltinId::Vwap: ind::vwap(prices, p[0], out); return;
    case BuiltinId::CrossesAbove:
    case BuiltinId::CrossesBelow:
    case BuiltinId::Abs:
    case BuiltinId::Min:
    case BuiltinId::Max: break;
    }
    SIXBTC_REQUIRE(false && "built-in lowered to element-wise nodes reached computeBuiltin");
}

} // namespace sixbtc::strategy
