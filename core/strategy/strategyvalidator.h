// SPDX-License-Identifier: MIT
// Validation of a strategy file: parse + static checks, and with candles a dry execution (`sixbtc validate`).
#pragma once

#include <QByteArray>

#include <string>
#include <string_view>
#include <vector>

#include "common/candleseries.h"
#include "strategy/diagnostic.h"

namespace sixbtc::strategy {

/// Outcome of validation: valid when there is no diagnostic.
struct ValidationResult
{
    bool valid = false;
    Diagnostics diagnostics;
};

/// Validates a strategy document: every parse and static-check diagnostic; `risk` is required. With candle
/// series (one per symbol, on the strategy's timeframe) it also runs the rules on them: every numeric series the
/// rules use must be finite from its first defined bar on (reported at the expression, first offending bar
/// named), and at least one entry signal must fire on each series. Data problems carry no position (line 0).
ValidationResult validateStrategy(std::string_view yamlText, const std::vector<common::CandleSeries>& data);

/// {"valid": bool, "diagnostics": [{"line": int, "column": int, "message": string}, ...]} (indented JSON).
QByteArray validationResultToJson(const ValidationResult& result);

} // namespace sixbtc::strategy
