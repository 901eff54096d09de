// SPDX-License-Identifier: MIT
// The key figures of a validation verdict, read from its stored figures JSON.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/error.h"

namespace sixbtc::gui::report {

/// A figure's name (dotted for a nested object, e.g. "own.edge_windows") and its value as text.
using KeyFigure = std::pair<std::string, std::string>;

/// The scalar members (numbers, booleans, non-empty strings) of the figures object and of the objects directly inside
/// it, in key order; arrays and deeper objects are left out. An Input error when the text is not a JSON object.
common::Result<std::vector<KeyFigure>> keyFigures(const std::string& figuresJson);

} // namespace sixbtc::gui::report
