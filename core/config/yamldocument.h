// SPDX-License-Identifier: MIT
// Parses configuration text into its single YAML document; yaml-cpp's exceptions never leave this.
#pragma once

#include <optional>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "config/problemlist.h"

namespace sixbtc::config {

/// The one document of `text`, or nothing when the text is empty, not YAML, or the problem list got a
/// problem that stops reading (syntax error). A second document is recorded as a problem.
std::optional<YAML::Node> parseSingleDocument(std::string_view text, ProblemList& problems);

} // namespace sixbtc::config
