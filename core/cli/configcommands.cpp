// SPDX-License-Identifier: MIT
// `sixbtc config check` and `sixbtc config path`.
#include <iostream>

#include "cli/command.h"
#include "config/configloader.h"

namespace sixbtc::cli {

namespace {

CommandResult configCheck(CommandContext& context)
{
    auto path = context.configPath();
    if (!path)
        return tl::unexpected(path.error());
    auto config = config::loadConfig(*path);
    if (!config) {
        // The checked subject is the configuration: its problems make it invalid (exit 1), not a usage error.
        std::cout << config.error().fullText() << '\n';
        return ExitCode::Invalid;
    }
    std::cout << "config OK (" << path->string() << ")\n";
    return ExitCode::Success;
}

CommandResult configPath(CommandContext& context)
{
    auto path = context.configPath();
    if (!path)
        return tl::unexpected(path.error());
    std::cout << path->string() << '\n';
    return ExitCode::Success;
}

} // namespace

void addConfigCommands(std::vector<Command>& commands)
{
    commands.push_back({{"config", "check"},
                        "check the configuration; print 'config OK' or every problem (exit 1)",
                        {},
                        {},
                        configCheck});
    commands.push_back({{"config", "path"},
                        "print the configuration file in use (installs the shipped one on first run)",
                        {},
                        {},
                        configPath});
}

} // namespace sixbtc::cli
