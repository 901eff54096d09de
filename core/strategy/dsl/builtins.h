// SPDX-License-Identifier: MIT
// The table of built-in functions of the strategy language: names, parameter kinds and result types.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strategy/dsl/ast.h"

namespace sixbtc::strategy::dsl {

/// What an argument of a built-in must be.
enum class ParamKind
{
    Series,   ///< any numeric expression
    Period,   ///< a positive integer literal or a duration literal, in bars
    Constant, ///< a number literal, optionally negated (e.g. the k of bb_upper)
};

/// The type of an expression: a numeric series or a three-valued boolean series.
enum class ValueType { Number, Boolean };

/// Every built-in function (see DESIGN.md "A strategy is a document").
enum class BuiltinId
{
    Sma, Wma, Ema, Rsi, Atr, Stdev, Zscore, Highest, Lowest, Roc, MacdLine, MacdSignal, MacdHist,
    BbUpper, BbLower, StochK, StochD, Adx, Cci, Obv, Vwap, CrossesAbove, CrossesBelow, Abs, Min, Max
};

struct Builtin
{
    BuiltinId id;
    std::string_view name;
    std::vector<ParamKind> params;
    ValueType result;
    std::string_view signature; ///< e.g. "ema(x, n)", for arity messages
};

/// The built-in called `name`, or nullptr.
const Builtin* findBuiltin(std::string_view name);
/// The built-in with this id.
const Builtin& builtin(BuiltinId id);
/// The price field called `name` (open high low close volume), if any.
std::optional<PriceField> findPriceField(std::string_view name);
/// The known name (function or price field) closest to `name` by edit distance.
std::string closestKnownName(std::string_view name);

} // namespace sixbtc::strategy::dsl
