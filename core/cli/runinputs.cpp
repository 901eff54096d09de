// SPDX-License-Identifier: MIT
// Loading what a run needs from the arguments: document, configuration, candles, the prepared run.
#include "cli/runinputs.h"

#include <algorithm>
#include <iostream>
#include <utility>

#include <QDate>
#include <QDateTime>
#include <QSaveFile>

#include "backtest/resultjson.h"
#include "cli/inputfiles.h"
#include "data/candlestore.h"

namespace sixbtc::cli {

using common::ErrorCode;

common::Result<strategy::StrategyDocument> loadDocument(const std::filesystem::path& path)
{
    auto text = readStrategyFile(path);
    if (!text)
        return tl::unexpected(text.error());
    auto parsed = strategy::parseStrategyDocument(*text, path.string());
    if (!parsed.document) {
        std::vector<std::string> details;
        for (const auto& diagnostic : parsed.diagnostics)
            details.push_back(strategy::formatDiagnostic(path.string(), diagnostic));
        return common::fail(ErrorCode::Input, path.string() + ": the strategy document is invalid", details);
    }
    return std::move(*parsed.document);
}

namespace {

// An ISO 8601 date or date-time; without an offset it is UTC.
common::Result<std::int64_t> parseTime(const QString& option, const QString& value)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(Qt::UTC);
    } else if (time.timeSpec() == Qt::LocalTime) {
        time.setTimeSpec(Qt::UTC);
    }
    if (!time.isValid()) {
        return common::fail(ErrorCode::Usage, "--" + option.toStdString() + " expects an ISO 8601 date or time, got '" +
                                                  value.toStdString() + "'");
    }
    return time.toMSecsSinceEpoch();
}

} // namespace

common::Result<backtest::TimeRange> parseRange(const QCommandLineParser& parser)
{
    backtest::TimeRange range;
    for (const auto& [option, bound] : {std::pair{fromOption, &range.fromMs}, std::pair{toOption, &range.toMs}}) {
        if (!parser.isSet(option))
            continue;
        auto ms = parseTime(option, parser.value(option));
        if (!ms)
            return tl::unexpected(ms.error());
        *bound = *ms;
    }
    return range;
}

// The --data SYMBOL=FILE files; every symbol must be one of the strategy's, and every strategy symbol needs one.
namespace {

common::Result<std::vector<data::CandleData>> candlesFromFiles(const QStringList& values,
                                                               const strategy::StrategyDocument& document)
{
    std::vector<data::CandleData> candles;
    const auto& symbols = document.symbols();
    auto arguments = parseDataArguments(values);
    if (!arguments)
        return tl::unexpected(arguments.error());
    for (const auto& [symbol, file] : *arguments) {
        if (std::find(symbols.begin(), symbols.end(), symbol) == symbols.end())
            return common::fail(ErrorCode::Usage, "--data " + symbol + ": unknown symbol, not one of the strategy's");
        auto read = data::CandleReader::read(file, symbol, document.timeframe());
        if (!read)
            return tl::unexpected(read.error());
        candles.push_back(std::move(*read));
    }
    return candles;
}

} // namespace

common::Result<std::vector<data::CandleData>> candlesFromStore(const config::Config& config,
                                                               const strategy::StrategyDocument& document)
{
    auto store = data::CandleStore::open(config.data);
    if (!store)
        return tl::unexpected(store.error());
    std::vector<data::CandleData> candles;
    for (const auto& symbol : document.symbols()) {
        auto loaded = store->load(symbol, document.timeframe());
        if (!loaded)
            return tl::unexpected(loaded.error());
        candles.push_back(std::move(*loaded));
    }
    return candles;
}

common::Result<RunInputs> loadInputs(const CommandContext& context)
{
    const QCommandLineParser& parser = context.parser();
    if (!parser.isSet(strategyFileOption))
        return common::fail(ErrorCode::Usage, "--strategy-file FILE is required");
    const std::filesystem::path strategyPath = parser.value(strategyFileOption).toStdString();
    auto document = loadDocument(strategyPath);
    if (!document)
        return tl::unexpected(document.error());
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    return prepareInputs(context, strategyPath.string(), std::move(*document), std::move(*config));
}

common::Result<RunInputs> prepareInputs(const CommandContext& context, std::string strategyName,
                                        strategy::StrategyDocument document, config::Config config)
{
    const QCommandLineParser& parser = context.parser();
    auto range = parseRange(parser);
    if (!range)
        return tl::unexpected(range.error());
    const QStringList dataValues = parser.values(dataOption);
    auto candles = dataValues.isEmpty() ? candlesFromStore(config, document) : candlesFromFiles(dataValues, document);
    if (!candles)
        return tl::unexpected(candles.error());
    RunInputs inputs{std::move(strategyName), std::move(document), std::move(config), std::move(*candles), {}};
    auto prepared = app::prepareBacktest(*inputs.document, inputs.candles, *range, parser.isSet(allowGapsOption));
    if (!prepared)
        return tl::unexpected(prepared.error());
    inputs.prepared = std::move(*prepared);
    return inputs;
}

common::Result<void> writeRecord(const std::filesystem::path& path, const QJsonObject& record)
{
    QSaveFile file(QString::fromStdString(path.string()));
    const QByteArray json = backtest::recordText(record);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        return common::fail(ErrorCode::Input, path.string() + ": cannot write the JSON record (" +
                                                  file.errorString().toStdString() + ")");
    }
    return {};
}

std::string utcTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toStdString();
}

void printHeader(const RunInputs& inputs)
{
    const auto& data = inputs.prepared.data;
    for (const auto& note : inputs.prepared.notes)
        std::cout << note << '\n';
    std::cout << inputs.strategyName << ": " << data.bars() << " bars from " << utcTime(data.timestampMs().front())
              << " to " << utcTime(data.timestampMs().back()) << '\n';
}

void declareCandleOptions(QCommandLineParser& parser)
{
    parser.addOption({dataOption,
                      QStringLiteral("Read the candles of SYMBOL from FILE (repeatable; one per strategy symbol). "
                                     "Without it the configured candle store supplies every symbol."),
                      QStringLiteral("SYMBOL=FILE")});
    parser.addOption(
        {fromOption, QStringLiteral("First bar open time, inclusive (ISO 8601, UTC)."), QStringLiteral("ISO8601")});
    parser.addOption(
        {toOption, QStringLiteral("End of the range, exclusive (ISO 8601, UTC)."), QStringLiteral("ISO8601")});
    parser.addOption({allowGapsOption, QStringLiteral("Accept candle data with missing bars inside the range.")});
}

void declareCommonOptions(QCommandLineParser& parser)
{
    parser.addOption({strategyFileOption, QStringLiteral("The strategy document (YAML)."), QStringLiteral("FILE")});
    declareCandleOptions(parser);
    parser.addOption(
        {jsonOption, QStringLiteral("Also write the result record as JSON to OUT."), QStringLiteral("OUT")});
}

} // namespace sixbtc::cli
