// SPDX-License-Identifier: MIT
// Loads and validates config/config.yaml into the typed, immutable settings of settings.h.
#pragma once

#include <filesystem>
#include <string_view>

#include "common/error.h"
#include "config/settings.h"

namespace sixbtc::config {

/// Reads `file` and parses it with parseConfig; an unreadable file fails with its path and the OS reason.
common::Result<Config> loadConfig(const std::filesystem::path& file);

/// Parses a configuration document. Every problem is reported at once in Error::details, one
/// `file:line: dotted.key: expectation` line each; relative paths resolve against sourcePath's folder.
common::Result<Config> parseConfig(std::string_view yamlText, const std::filesystem::path& sourcePath);

} // namespace sixbtc::config
