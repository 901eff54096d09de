// SPDX-License-Identifier: MIT
// Small checks of a strategy document's raw text and field values, shared by the reader and the validator.
#pragma once

#include <optional>
#include <string_view>

#include "strategy/diagnostic.h"
#include "strategy/strategydocument.h"

namespace sixbtc::strategy {

/// A diagnostic when `text` is over maxDocumentBytes or is not UTF-8 text (NUL bytes, invalid sequences);
/// checked before any YAML parsing so that binary or huge input never reaches the parser.
std::optional<Diagnostic> checkRawText(std::string_view text);

/// The type named `name` ("MOM", ...), if any.
std::optional<StrategyType> parseStrategyType(std::string_view name);

/// A symbol is a non-empty run of ASCII letters and digits (the base asset, e.g. BTC).
bool isValidSymbol(std::string_view symbol);

/// True when `text` holds only spaces, tabs and line breaks.
bool isBlank(std::string_view text);

} // namespace sixbtc::strategy
