// SPDX-License-Identifier: MIT
// `sixbtc validate`: parse and check a strategy document, and dry-run its rules on candles.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <QFile>
#include <QSaveFile>

#include "cli/command.h"
#include "cli/inputfiles.h"
#include "data/candlefilename.h"
#include "data/candlereader.h"
#include "data/candlestore.h"
#include "strategy/strategydocument.h"
#include "strategy/strategyvalidator.h"

namespace sixbtc::cli {

namespace {

using common::ErrorCode;

const QString strategyFileOption = QStringLiteral("strategy-file");
const QString dataOption = QStringLiteral("data");
const QString jsonOption = QStringLiteral("json");

/// The candles of the dry run (none: static checks only) and what the user should know about them.
struct DryRunInput
{
    std::vector<common::CandleSeries> series;
    std::vector<std::string> notes;
};

std::string symbolList(const std::vector<std::string>& symbols)
{
    std::string text;
    for (const auto& symbol : symbols)
        text += (text.empty() ? "" : ", ") + symbol;
    return text;
}

std::string describe(const data::CandleData& candles, const std::string& from)
{
    const auto& series = candles.series;
    return "dry run on " + series.symbol() + ": " + std::to_string(series.size()) + " bars of " +
           std::string(series.timeframe().name()) + " from " + from + " (" + std::to_string(candles.gaps.size()) +
           " gaps)";
}

// The --data files, read on the document's timeframe. A file whose name states another timeframe is refused
// before it is read, so the message names the real mismatch rather than a misaligned row.
common::Result<DryRunInput> candlesFromFiles(const std::vector<DataArgument>& arguments,
                                             const strategy::StrategyDocument& document)
{
    DryRunInput input;
    const auto& symbols = document.symbols();
    for (const auto& argument : arguments) {
        if (std::find(symbols.begin(), symbols.end(), argument.symbol) == symbols.end()) {
            return common::fail(ErrorCode::Usage, "--data " + argument.symbol + ": not a symbol of the strategy (" +
                                                      symbolList(symbols) + ")");
        }
        const auto name = data::CandleFileName::parse(argument.file.filename().string());
        if (name && name->timeframe != document.timeframe()) {
            return common::fail(ErrorCode::Input, argument.file.string() + ": its name says " +
                                                      std::string(name->timeframe.name()) +
                                                      " candles but the strategy's timeframe is " +
                                                      std::string(document.timeframe().name()));
        }
        auto candles = data::CandleReader::read(argument.file, argument.symbol, document.timeframe());
        if (!candles)
            return tl::unexpected(candles.error());
        input.notes.push_back(describe(*candles, argument.file.string()));
        input.series.push_back(std::move(candles->series));
    }
    return input;
}

// Without --data the configured candle store supplies every symbol of the document; without a loadable
// configuration there are no candles and validation is static only.
common::Result<DryRunInput> candlesFromStore(const CommandContext& context, const strategy::StrategyDocument& document)
{
    DryRunInput input;
    auto config = context.loadConfig();
    if (!config) {
        input.notes.push_back("static checks only: the configuration cannot be loaded (" + config.error().message +
                              ")");
        return input;
    }
    auto store = data::CandleStore::open(config->data);
    if (!store)
        return tl::unexpected(store.error());
    for (const auto& symbol : document.symbols()) {
        auto entry = store->find(symbol, document.timeframe());
        if (!entry)
            return tl::unexpected(entry.error());
        auto candles = data::CandleStore::load(*entry);
        if (!candles)
            return tl::unexpected(candles.error());
        input.notes.push_back(describe(*candles, entry->path.string()));
        input.series.push_back(std::move(candles->series));
    }
    return input;
}

common::Result<void> writeJson(const std::filesystem::path& path, const strategy::ValidationResult& result)
{
    QSaveFile file(QString::fromStdString(path.string()));
    const QByteArray json = strategy::validationResultToJson(result);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        return common::fail(ErrorCode::Input, path.string() + ": cannot write the JSON result (" +
                                                  file.errorString().toStdString() + ")");
    }
    return {};
}

CommandResult validate(CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    if (!parser.isSet(strategyFileOption))
        return common::fail(ErrorCode::Usage, "--strategy-file FILE is required");
    const std::filesystem::path strategyPath = parser.value(strategyFileOption).toStdString();
    auto dataArguments = parseDataArguments(parser.values(dataOption));
    if (!dataArguments)
        return tl::unexpected(dataArguments.error());
    auto text = readStrategyFile(strategyPath);
    if (!text)
        return tl::unexpected(text.error());

    // The document's timeframe and symbols say which candles the dry run needs.
    const auto parsed = strategy::parseStrategyDocument(*text, strategyPath.string());
    common::Result<DryRunInput> input = DryRunInput{};
    if (!parsed.document)
        input->notes.push_back("dry run skipped: the document does not parse");
    else if (!dataArguments->empty())
        input = candlesFromFiles(*dataArguments, *parsed.document);
    else
        input = candlesFromStore(context, *parsed.document);
    if (!input)
        return tl::unexpected(input.error());

    const strategy::ValidationResult result = strategy::validateStrategy(*text, input->series);
    for (const auto& note : input->notes)
        std::cout << note << '\n';
    for (const auto& diagnostic : result.diagnostics)
        std::cout << strategy::formatDiagnostic(strategyPath.string(), diagnostic) << '\n';
    std::cout << (result.valid ? "valid" : "invalid") << std::endl;
    if (parser.isSet(jsonOption)) {
        if (auto written = writeJson(parser.value(jsonOption).toStdString(), result); !written)
            return tl::unexpected(written.error());
    }
    return result.valid ? ExitCode::Success : ExitCode::Invalid;
}

void declareValidateOptions(QCommandLineParser& parser)
{
    parser.addOption(
        {strategyFileOption, QStringLiteral("The strategy document to check (YAML)."), QStringLiteral("FILE")});
    parser.addOption({dataOption,
                      QStringLiteral("Dry-run the rules on the candles of SYMBOL read from FILE (repeatable). "
                                     "Without it the configured candle store supplies every symbol."),
                      QStringLiteral("SYMBOL=FILE")});
    parser.addOption(
        {jsonOption, QStringLiteral("Also write {valid, diagnostics} as JSON to OUT."), QStringLiteral("OUT")});
}

} // namespace

void addValidateCommands(std::vector<Command>& commands)
{
    commands.push_back({{"validate"},
                        "check a strategy document and dry-run it on candles; print every diagnostic (exit 1)",
                        {},
                        declareValidateOptions,
                        validate});
}

} // namespace sixbtc::cli
