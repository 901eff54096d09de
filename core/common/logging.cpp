// SPDX-License-Identifier: MIT
// Logging set-up on spdlog.
#include "common/logging.h"

#include <array>
#include <system_error>
#include <utility>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace sixbtc::common {

namespace {

constexpr std::array<std::pair<std::string_view, LogLevel>, 5> levelNames{{
    {"trace", LogLevel::Trace},
    {"debug", LogLevel::Debug},
    {"info", LogLevel::Info},
    {"warn", LogLevel::Warn},
    {"error", LogLevel::Error},
}};

spdlog::level::level_enum toSpdlog(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace: return spdlog::level::trace;
    case LogLevel::Debug: return spdlog::level::debug;
    case LogLevel::Info: return spdlog::level::info;
    case LogLevel::Warn: return spdlog::level::warn;
    case LogLevel::Error: return spdlog::level::err;
    }
    return spdlog::level::info;
}

constexpr const char* pattern = "%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v";

} // namespace

Result<LogLevel> parseLogLevel(std::string_view text)
{
    for (const auto& [name, level] : levelNames) {
        if (name == text)
            return level;
    }
    return fail(ErrorCode::Config, "unknown log level '" + std::string(text) + "'");
}

std::string_view logLevelName(LogLevel level)
{
    for (const auto& [name, value] : levelNames) {
        if (value == level)
            return name;
    }
    return "info";
}

void initConsoleLogging(LogLevel level)
{
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(toSpdlog(level));
    auto logger = std::make_shared<spdlog::logger>("sixbtc", console);
    logger->set_level(toSpdlog(level));
    logger->set_pattern(pattern, spdlog::pattern_time_type::utc);
    spdlog::set_default_logger(std::move(logger));
}

Result<void> initLogging(const LogSettings& settings)
{
    std::error_code ec;
    std::filesystem::create_directories(settings.filePath.parent_path(), ec);
    if (ec) {
        return fail(ErrorCode::Config, "logging.file.path: cannot create folder '" +
                                            settings.filePath.parent_path().string() + "': " + ec.message());
    }
    try {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(toSpdlog(settings.consoleLevel));
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            settings.filePath.string(), static_cast<std::size_t>(settings.maxSizeMb) * 1024 * 1024,
            static_cast<std::size_t>(settings.maxFiles));
        file->set_level(toSpdlog(settings.fileLevel));
        auto logger = std::make_shared<spdlog::logger>("sixbtc", spdlog::sinks_init_list{console, file});
        logger->set_level(std::min(toSpdlog(settings.consoleLevel), toSpdlog(settings.fileLevel)));
        logger->set_pattern(pattern, spdlog::pattern_time_type::utc);
        logger->flush_on(spdlog::level::warn);
        spdlog::set_default_logger(std::move(logger));
    } catch (const spdlog::spdlog_ex& e) {
        return fail(ErrorCode::Config,
                    "logging.file.path: cannot open log file '" + settings.filePath.string() + "': " + e.what());
    }
    return {};
}

} // namespace sixbtc::common
