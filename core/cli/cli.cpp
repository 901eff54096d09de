// SPDX-License-Identifier: MIT
// The sixbtc command line dispatcher.
#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include <QCoreApplication>

#include "cli/command.h"
#include "common/buildinfo.h"

namespace sixbtc::cli {

namespace {

std::vector<Command> allCommands()
{
    std::vector<Command> commands;
    addConfigCommands(commands);
    addDataCommands(commands);
    addValidateCommands(commands);
    addDbCommands(commands);
    addBacktestCommands(commands);
    addOptimizeCommand(commands);
    addWalkForwardCommand(commands);
    addExchangeCommands(commands);
    addWatchCommand(commands);
    addPipelineCommands(commands);
    addStatusCommand(commands);
    addReportCommand(commands);
    return commands;
}

std::string joined(const std::vector<std::string>& words)
{
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : " ") + word;
    return text;
}

void printUsage(std::ostream& out, const std::vector<Command>& commands)
{
    out << "usage: sixbtc [--config PATH] <command> [options]\n\ncommands:\n";
    std::size_t width = 0;
    for (const auto& command : commands)
        width = std::max(width, joined(command.words).size());
    for (const auto& command : commands) {
        const std::string name = joined(command.words);
        out << "  " << name << std::string(width - name.size() + 2, ' ') << command.summary << '\n';
    }
    out << "\n'sixbtc <command> --help' describes a command's options.\n"
           "exit codes: 0 success, 1 invalid subject, 2 usage/configuration/input error, 3 outside failure, "
           "130 interrupted\n";
}

// Removes the global --config option from `args` wherever it stands; an error when it has no value.
common::Result<std::optional<std::filesystem::path>> takeConfigOption(QStringList& args)
{
    std::optional<std::filesystem::path> path;
    for (qsizetype i = 1; i < args.size();) {
        const QString arg = args.at(i);
        if (arg == QLatin1String("--config")) {
            if (i + 1 >= args.size())
                return common::fail(common::ErrorCode::Usage, "--config needs a PATH");
            path = args.at(i + 1).toStdString();
            args.remove(i, 2);
        } else if (arg.startsWith(QLatin1String("--config="))) {
            path = arg.mid(9).toStdString();
            args.remove(i);
        } else {
            ++i;
        }
    }
    return path;
}

const Command* findCommand(const std::vector<Command>& commands, const QStringList& args)
{
    const Command* best = nullptr;
    for (const auto& command : commands) {
        const auto n = static_cast<qsizetype>(command.words.size());
        if (args.size() < n + 1 || (best && best->words.size() >= command.words.size()))
            continue;
        bool match = true;
        for (qsizetype i = 0; i < n && match; ++i)
            match = args.at(i + 1).toStdString() == command.words[static_cast<std::size_t>(i)];
        if (match)
            best = &command;
    }
    return best;
}

int usageError(const std::string& message, const std::string& hint)
{
    std::cerr << "sixbtc: " << message << '\n' << hint << '\n';
    return static_cast<int>(ExitCode::UsageOrInput);
}

} // namespace

int runCli(const QStringList& arguments, const common::CancelToken& cancel)
{
    const std::vector<Command> commands = allCommands();
    QStringList args = arguments;
    auto configOption = takeConfigOption(args);
    if (!configOption)
        return usageError(configOption.error().message, "see 'sixbtc --help'");

    if (args.size() < 2) {
        printUsage(std::cerr, commands);
        return static_cast<int>(ExitCode::UsageOrInput);
    }
    const QString first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage(std::cout, commands);
        return static_cast<int>(ExitCode::Success);
    }
    if (first == QLatin1String("--version")) {
        std::cout << "sixbtc " << common::buildinfo::version << " (" << common::buildinfo::buildType << ")\n";
        return static_cast<int>(ExitCode::Success);
    }

    const Command* command = findCommand(commands, args);
    if (!command)
        return usageError("unknown command '" + first.toStdString() + "'", "see 'sixbtc --help'");

    const std::string name = joined(command->words);
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromStdString(command->summary));
    parser.addHelpOption();
    if (command->declareOptions)
        command->declareOptions(parser);
    if (!command->positionalHelp.empty())
        parser.addPositionalArgument(QString::fromStdString(command->positionalHelp), QString());

    QStringList rest{QStringLiteral("sixbtc ") + QString::fromStdString(name)};
    rest += args.mid(static_cast<qsizetype>(command->words.size()) + 1);
    if (!parser.parse(rest))
        return usageError(parser.errorText().toStdString(), "see 'sixbtc " + name + " --help'");
    if (parser.isSet(QStringLiteral("help"))) {
        std::cout << parser.helpText().toStdString();
        return static_cast<int>(ExitCode::Success);
    }
    if (command->positionalHelp.empty() && !parser.positionalArguments().isEmpty()) {
        return usageError("unexpected argument '" + parser.positionalArguments().first().toStdString() + "'",
                          "see 'sixbtc " + name + " --help'");
    }

    const std::filesystem::path executableDir = QCoreApplication::applicationDirPath().toStdString();
    CommandContext context(parser, cancel, *configOption, executableDir);
    const CommandResult result = command->run(context);
    if (result)
        return static_cast<int>(*result);
    std::cerr << "sixbtc " << name << ": " << result.error().fullText() << '\n';
    return static_cast<int>(exitCodeFor(result.error().code));
}

} // namespace sixbtc::cli
