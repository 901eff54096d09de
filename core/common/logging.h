// SPDX-License-Identifier: MIT
// Logging set-up: spdlog with a console sink and a rotating file sink, from the `logging` settings.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "common/error.h"

namespace sixbtc::common {

enum class LogLevel { Trace, Debug, Info, Warn, Error };

/// Parses trace | debug | info | warn | error.
Result<LogLevel> parseLogLevel(std::string_view text);
std::string_view logLevelName(LogLevel level);

/// The `logging` section; config fills it, common consumes it (STYLE.md dependency rule).
struct LogSettings
{
    LogLevel consoleLevel;
    std::filesystem::path filePath; ///< absolute once loaded
    LogLevel fileLevel;
    std::int64_t maxSizeMb;
    std::int64_t maxFiles;
};

/// Installs the default logger: console (stderr) at consoleLevel, rotating file at fileLevel.
/// Creates the log folder when missing. Log messages must be ASCII.
Result<void> initLogging(const LogSettings& settings);

/// Installs a console-only logger at `level` (before the configuration is known).
void initConsoleLogging(LogLevel level);

} // namespace sixbtc::common
