// SPDX-License-Identifier: MIT
// Finds the configuration file: --config, else $SIXBTC_CONFIG, else the user's config folder, where the
// shipped configuration is installed on first run.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "common/error.h"

namespace sixbtc::app {

/// Everything the lookup depends on, passed in so that tests control it.
struct ConfigSources
{
    std::optional<std::filesystem::path> commandLine; ///< --config PATH
    std::optional<std::string> environment;           ///< value of $SIXBTC_CONFIG
    std::filesystem::path userConfigDir;              ///< e.g. ~/.config/sixbtc
    std::filesystem::path bundledDataDir;             ///< absolute folder of the bundled candles
};

/// Where the configuration was found and whether it was just installed from the shipped copy.
struct ConfigLocation
{
    std::filesystem::path file;
    bool installedNow;
};

/// Resolves the configuration file. A file named by --config or $SIXBTC_CONFIG must exist; the user
/// folder's config.yaml is created from the shipped configuration when missing, with data.dir set to
/// `bundledDataDir`.
common::Result<ConfigLocation> locateConfig(const ConfigSources& sources);

/// The shipped configuration (embedded resource) with data.dir replaced by `dataDir`; comments and key
/// order are kept.
common::Result<std::string> shippedConfigWithDataDir(const std::filesystem::path& dataDir);

/// The folder of the bundled candles for an executable in `executableDir`: the install tree's
/// share/sixbtc/data when present, else the source tree's resources/data.
std::filesystem::path bundledDataDir(const std::filesystem::path& executableDir);

/// The sources of a real run: the user's config folder from QStandardPaths and $SIXBTC_CONFIG.
ConfigSources systemConfigSources(std::optional<std::filesystem::path> commandLine,
                                  const std::filesystem::path& executableDir);

} // namespace sixbtc::app
