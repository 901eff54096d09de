// SPDX-License-Identifier: MIT
// A sixbtc sub-command: its words, its options and what it runs.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <QCommandLineParser>

#include "cli/exitcode.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "config/settings.h"

namespace sixbtc::cli {

/// What a running command gets: its parsed arguments, the stop flag and the configuration on demand.
class CommandContext
{
public:
    CommandContext(const QCommandLineParser& parser, common::CancelToken cancel,
                   std::optional<std::filesystem::path> configOption, std::filesystem::path executableDir);

    const QCommandLineParser& parser() const { return m_parser; }
    const common::CancelToken& cancel() const { return m_cancel; }
    /// The configuration file named by --config, $SIXBTC_CONFIG or the user folder (installed on first use).
    common::Result<std::filesystem::path> configPath() const;
    /// Locates and loads the configuration and starts logging from it.
    common::Result<config::Config> loadConfig() const;

private:
    const QCommandLineParser& m_parser;
    common::CancelToken m_cancel;
    std::optional<std::filesystem::path> m_configOption;
    std::filesystem::path m_executableDir;
};

using CommandResult = common::Result<ExitCode>;

struct Command
{
    std::vector<std::string> words; ///< e.g. {"config", "check"}
    std::string summary;            ///< one line for the command list
    std::string positionalHelp;     ///< e.g. "" or "FILE"
    std::function<void(QCommandLineParser&)> declareOptions;
    std::function<CommandResult(CommandContext&)> run;
};

/// Registration functions, one per command family (each in its own file).
void addConfigCommands(std::vector<Command>& commands);
void addDataCommands(std::vector<Command>& commands);
void addValidateCommands(std::vector<Command>& commands);
void addDbCommands(std::vector<Command>& commands);
void addBacktestCommands(std::vector<Command>& commands);
void addOptimizeCommand(std::vector<Command>& commands);
void addWalkForwardCommand(std::vector<Command>& commands);
void addExchangeCommands(std::vector<Command>& commands);
void addWatchCommand(std::vector<Command>& commands);
void addPipelineCommands(std::vector<Command>& commands);
/// --strategy NAME and --all of `backtest` (pipelinecommands.cpp).
void declareStoredBacktestOptions(QCommandLineParser& parser);
void addStatusCommand(std::vector<Command>& commands);
void addReportCommand(std::vector<Command>& commands);

} // namespace sixbtc::cli
