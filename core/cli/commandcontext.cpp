// SPDX-License-Identifier: MIT
// CommandContext: configuration on demand for a running command.
#include "cli/command.h"

#include "app/configlocator.h"
#include "common/logging.h"
#include "config/configloader.h"

#include <spdlog/spdlog.h>

namespace sixbtc::cli {

CommandContext::CommandContext(const QCommandLineParser& parser, common::CancelToken cancel,
                               std::optional<std::filesystem::path> configOption, std::filesystem::path executableDir)
    : m_parser(parser)
    , m_cancel(std::move(cancel))
    , m_configOption(std::move(configOption))
    , m_executableDir(std::move(executableDir))
{
}

common::Result<std::filesystem::path> CommandContext::configPath() const
{
    auto location = app::locateConfig(app::systemConfigSources(m_configOption, m_executableDir));
    if (!location)
        return tl::unexpected(location.error());
    if (location->installedNow)
        spdlog::info("installed the shipped configuration at {}", location->file.string());
    return location->file;
}

common::Result<config::Config> CommandContext::loadConfig() const
{
    auto path = configPath();
    if (!path)
        return tl::unexpected(path.error());
    auto config = config::loadConfig(*path);
    if (!config)
        return config;
    if (auto logging = common::initLogging(config->logging); !logging)
        return tl::unexpected(logging.error());
    spdlog::debug("configuration loaded from {}", path->string());
    return config;
}

} // namespace sixbtc::cli
