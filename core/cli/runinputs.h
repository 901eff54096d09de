// SPDX-License-Identifier: MIT
// What `backtest`, `optimize` and `walkforward` load the same way: document, configuration, candles, prepared run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <QCommandLineParser>
#include <QJsonObject>

#include "app/backtestusecase.h"
#include "cli/command.h"

namespace sixbtc::cli {

inline const QString strategyFileOption = QStringLiteral("strategy-file");
inline const QString dataOption = QStringLiteral("data");
inline const QString fromOption = QStringLiteral("from");
inline const QString toOption = QStringLiteral("to");
inline const QString jsonOption = QStringLiteral("json");
inline const QString allowGapsOption = QStringLiteral("allow-gaps");

/// Everything a run needs, loaded from the arguments and the configuration. `prepared` views `candles`: keep them
/// together (moving the struct keeps the views valid).
struct RunInputs
{
    std::string strategyName;
    std::optional<strategy::StrategyDocument> document;
    config::Config config;
    std::vector<data::CandleData> candles;
    app::PreparedBacktest prepared;
};

/// Parses and checks a strategy document file; every diagnostic becomes a detail of the Input error.
common::Result<strategy::StrategyDocument> loadDocument(const std::filesystem::path& path);

/// The candles of each of the document's symbols from the configured candle store.
common::Result<std::vector<data::CandleData>> candlesFromStore(const config::Config& config,
                                                               const strategy::StrategyDocument& document);

/// --from / --to as a range (ISO 8601, UTC without an offset); unset bounds stay open.
common::Result<backtest::TimeRange> parseRange(const QCommandLineParser& parser);

/// Loads --strategy-file, the configuration, the candles (--data files or the store) and prepares the run over
/// --from/--to.
common::Result<RunInputs> loadInputs(const CommandContext& context);

/// Prepares a run of an already loaded document and configuration over --from/--to (candles from --data or the
/// store).
common::Result<RunInputs> prepareInputs(const CommandContext& context, std::string strategyName,
                                        strategy::StrategyDocument document, config::Config config);

/// Writes a record atomically (QSaveFile); an Input error names the path.
common::Result<void> writeRecord(const std::filesystem::path& path, const QJsonObject& record);

/// ISO 8601 UTC text of a millisecond time.
std::string utcTime(std::int64_t ms);

/// The notes of the preparation and "<name>: N bars from .. to ..".
void printHeader(const RunInputs& inputs);

/// --strategy-file, --data, --from, --to, --json, --allow-gaps.
void declareCommonOptions(QCommandLineParser& parser);

/// --data, --from, --to, --allow-gaps (the candle options, for commands that take the strategy elsewhere).
void declareCandleOptions(QCommandLineParser& parser);

} // namespace sixbtc::cli
