// SPDX-License-Identifier: MIT
// The built-in function table and name suggestions.
#include "strategy/dsl/builtins.h"

#include <algorithm>
#include <array>

namespace sixbtc::strategy::dsl {

namespace {

using P = ParamKind;

const std::vector<Builtin>& table()
{
    static const std::vector<Builtin> builtins{
        {BuiltinId::Sma, "sma", {P::Series, P::Period}, ValueType::Number, "sma(x, n)"},
        {BuiltinId::Wma, "wma", {P::Series, P::Period}, ValueType::Number, "wma(x, n)"},
        {BuiltinId::Ema, "ema", {P::Series, P::Period}, ValueType::Number, "ema(x, n)"},
        {BuiltinId::Rsi, "rsi", {P::Series, P::Period}, ValueType::Number, "rsi(x, n)"},
        {BuiltinId::Atr, "atr", {P::Period}, ValueType::Number, "atr(n)"},
        {BuiltinId::Stdev, "stdev", {P::Series, P::Period}, ValueType::Number, "stdev(x, n)"},
        {BuiltinId::Zscore, "zscore", {P::Series, P::Period}, ValueType::Number, "zscore(x, n)"},
        {BuiltinId::Highest, "highest", {P::Series, P::Period}, ValueType::Number, "highest(x, n)"},
        {BuiltinId::Lowest, "lowest", {P::Series, P::Period}, ValueType::Number, "lowest(x, n)"},
        {BuiltinId::Roc, "roc", {P::Series, P::Period}, ValueType::Number, "roc(x, n)"},
        {BuiltinId::MacdLine, "macd_line", {P::Series, P::Period, P::Period}, ValueType::Number, "macd_line(x, f, s)"},
        {BuiltinId::MacdSignal, "macd_signal", {P::Series, P::Period, P::Period, P::Period}, ValueType::Number,
         "macd_signal(x, f, s, g)"},
        {BuiltinId::MacdHist, "macd_hist", {P::Series, P::Period, P::Period, P::Period}, ValueType::Number,
         "macd_hist(x, f, s, g)"},
        {BuiltinId::BbUpper, "bb_upper", {P::Series, P::Period, P::Constant}, ValueType::Number, "bb_upper(x, n, k)"},
        {BuiltinId::BbLower, "bb_lower", {P::Series, P::Period, P::Constant}, ValueType::Number, "bb_lower(x, n, k)"},
        {BuiltinId::StochK, "stoch_k", {P::Period}, ValueType::Number, "stoch_k(n)"},
        {BuiltinId::StochD, "stoch_d", {P::Period, P::Period}, ValueType::Number, "stoch_d(n, d)"},
        {BuiltinId::Adx, "adx", {P::Period}, ValueType::Number, "adx(n)"},
        {BuiltinId::Cci, "cci", {P::Period}, ValueType::Number, "cci(n)"},
        {BuiltinId::Obv, "obv", {}, ValueType::Number, "obv()"},
        {BuiltinId::Vwap, "vwap", {P::Period}, ValueType::Number, "vwap(n)"},
        {BuiltinId::CrossesAbove, "crosses_above", {P::Series, P::Series}, ValueType::Boolean, "crosses_above(a, b)"},
        {BuiltinId::CrossesBelow, "crosses_below", {P::Series, P::Series}, ValueType::Boolean, "crosses_below(a, b)"},
        {BuiltinId::Abs, "abs", {P::Series}, ValueType::Number, "abs(x)"},
        {BuiltinId::Min, "min", {P::Series, P::Series}, ValueType::Number, "min(a, b)"},
        {BuiltinId::Max, "max", {P::Series, P::Series}, ValueType::Number, "max(a, b)"},
    };
    return builtins;
}

constexpr std::array<PriceField, 5> priceFields{PriceField::Open, PriceField::High, PriceField::Low,
                                                 PriceField::Close, PriceField::Volume};

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

const Builtin* findBuiltin(std::string_view name)
{
    for (const auto& b : table()) {
        if (b.name == name)
            return &b;
    }
    return nullptr;
}

const Builtin& builtin(BuiltinId id)
{
    return table()[static_cast<std::size_t>(id)];
}

std::optional<PriceField> findPriceField(std::string_view name)
{
    for (PriceField field : priceFields) {
        if (name == priceFieldName(field))
            return field;
    }
    return std::nullopt;
}

std::string closestKnownName(std::string_view name)
{
    // Names are short identifiers; cap the compared length so a pathological name costs little.
    const std::string_view probe = name.substr(0, 64);
    std::string best;
    std::size_t bestDistance = SIZE_MAX;
    const auto consider = [&](std::string_view candidate) {
        const std::size_t d = editDistance(probe, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(candidate);
        }
    };
    for (const auto& b : table())
        consider(b.name);
    for (PriceField field : priceFields)
        consider(priceFieldName(field));
    return best;
}

} // namespace sixbtc::strategy::dsl
