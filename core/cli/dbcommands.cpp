// SPDX-License-Identifier: MIT
// `sixbtc db migrate`, `sixbtc db status` and `sixbtc strategies list`.
#include <filesystem>
#include <iostream>
#include <system_error>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/command.h"
#include "cli/storeaccess.h"
#include "cli/table.h"
#include "common/utctime.h"
#include "data/candlefilesummary.h"
#include "storage/api/migration.h"
#include "storage/storefactory.h"

namespace sixbtc::cli {

namespace {

using common::ErrorCode;

const QString statusOption = QStringLiteral("status");
const QString jsonOption = QStringLiteral("json");
constexpr int kScoreDecimals = 3;

std::string backendName(config::DatabaseBackend backend)
{
    return backend == config::DatabaseBackend::Sqlite ? "sqlite" : "postgres";
}

std::string migrateHint(const storage::SchemaStatus& status)
{
    if (status.current == status.target)
        return "up to date";
    return "run 'sixbtc db migrate'";
}

CommandResult dbStatus(CommandContext& context)
{
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const config::DatabaseSettings& settings = config->database;
    std::cout << "backend:  " << backendName(settings.backend) << '\n';
    if (sqliteFileMissing(settings)) {
        const auto target = static_cast<int>(storage::schemaMigrations(storage::Dialect::Sqlite).size());
        const storage::SchemaStatus status{0, target};
        std::cout << "database: SQLite file " << settings.sqlite.path.string() << " (does not exist yet)\n"
                  << "schema:   version 0 of " << status.target << " (" << migrateHint(status) << ")\n";
        return ExitCode::Success;
    }
    const storage::SystemClock clock;
    auto store = storage::openStore(settings, clock);
    if (!store)
        return tl::unexpected(store.error());
    auto status = (*store)->schemaStatus();
    if (!status)
        return tl::unexpected(status.error());
    std::cout << "database: " << (*store)->describe() << '\n'
              << "schema:   version " << status->current << " of " << status->target << " (" << migrateHint(*status)
              << ")\n";
    return ExitCode::Success;
}

CommandResult dbMigrate(CommandContext& context)
{
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const storage::SystemClock clock;
    auto store = storage::openStore(config->database, clock);
    if (!store)
        return tl::unexpected(store.error());
    auto before = (*store)->schemaStatus();
    if (!before)
        return tl::unexpected(before.error());
    auto after = (*store)->migrate();
    if (!after)
        return tl::unexpected(after.error());
    if (before->current == after->current)
        std::cout << (*store)->describe() << " is already at schema version " << after->current << '\n';
    else
        std::cout << "migrated " << (*store)->describe() << " from schema version " << before->current << " to "
                  << after->current << '\n';
    return ExitCode::Success;
}

// The --status value, case-insensitive (`active` or `ACTIVE`); empty when the option is absent.
common::Result<std::optional<storage::StrategyStatus>> statusFilter(const QCommandLineParser& parser)
{
    if (!parser.isSet(statusOption))
        return std::optional<storage::StrategyStatus>();
    const QString value = parser.value(statusOption);
    auto status = storage::parseStatus(value.toStdString());
    if (!status) {
        auto upper = storage::parseStatus(value.toUpper().toStdString());
        if (!upper)
            return common::fail(ErrorCode::Usage, "--status: " + status.error().message);
        status = upper;
    }
    return std::optional<storage::StrategyStatus>(*status);
}

QJsonObject strategyJson(const storage::StrategyRecord& record)
{
    QJsonArray symbols;
    for (const auto& symbol : record.symbols)
        symbols.append(QString::fromStdString(symbol));
    return QJsonObject{
        {QStringLiteral("uuid"), QString::fromStdString(record.uuid)},
        {QStringLiteral("name"), QString::fromStdString(record.name)},
        {QStringLiteral("status"), QString::fromUtf8(storage::statusName(record.status))},
        {QStringLiteral("type"), QString::fromStdString(record.type)},
        {QStringLiteral("timeframe"), QString::fromStdString(record.timeframe)},
        {QStringLiteral("symbols"), symbols},
        {QStringLiteral("generation_mode"), QString::fromUtf8(storage::generationModeName(record.generationMode))},
        {QStringLiteral("base_uuid"),
         record.baseUuid ? QJsonValue(QString::fromStdString(*record.baseUuid)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("created_at_ms"), static_cast<qint64>(record.createdAtMs)},
        {QStringLiteral("score"), record.score ? QJsonValue(*record.score) : QJsonValue(QJsonValue::Null)},
    };
}

void printTable(const std::vector<storage::StrategyRecord>& records)
{
    TextTable table({{"uuid", false},
                     {"name", false},
                     {"status", false},
                     {"type", false},
                     {"tf", false},
                     {"symbols", false},
                     {"mode", false},
                     {"score", true},
                     {"created (UTC)", false}});
    for (const auto& record : records) {
        std::string symbols;
        for (const auto& symbol : record.symbols)
            symbols += (symbols.empty() ? "" : ",") + symbol;
        table.addRow({record.uuid, record.name, std::string(storage::statusName(record.status)), record.type,
                      record.timeframe, symbols, std::string(storage::generationModeName(record.generationMode)),
                      record.score ? formatFixed(*record.score, kScoreDecimals) : "-",
                      common::formatUtcMinute(record.createdAtMs)});
    }
    table.print(std::cout);
    std::cout << records.size() << (records.size() == 1 ? " strategy\n" : " strategies\n");
}

CommandResult strategiesList(CommandContext& context)
{
    auto status = statusFilter(context.parser());
    if (!status)
        return tl::unexpected(status.error());
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    const storage::SystemClock clock;
    auto store = openExistingStore(config->database, clock);
    if (!store)
        return tl::unexpected(store.error());
    auto records = (*store)->strategies().list(storage::StrategyFilter{*status, std::nullopt});
    if (!records)
        return tl::unexpected(records.error());

    if (context.parser().isSet(jsonOption)) {
        QJsonArray array;
        for (const auto& record : *records)
            array.append(strategyJson(record));
        std::cout << QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString();
        return ExitCode::Success;
    }
    printTable(*records);
    return ExitCode::Success;
}

void declareListOptions(QCommandLineParser& parser)
{
    parser.addOption({statusOption,
                      QStringLiteral("Only strategies in status S (GENERATED, VALIDATED, ACTIVE, LIVE, REJECTED, "
                                     "RETIRED; any case)."),
                      QStringLiteral("S")});
    parser.addOption({jsonOption, QStringLiteral("Print a JSON array of objects instead of a table.")});
}

} // namespace

void addDbCommands(std::vector<Command>& commands)
{
    commands.push_back({{"db", "migrate"},
                        "create the database or bring its schema up to the version of this application",
                        {},
                        {},
                        dbMigrate});
    commands.push_back({{"db", "status"},
                        "print the database backend, its location and its schema version (changes nothing)",
                        {},
                        {},
                        dbStatus});
    commands.push_back({{"strategies", "list"},
                        "list the stored strategies as a table or JSON (needs a migrated database)",
                        {},
                        declareListOptions,
                        strategiesList});
}

} // namespace sixbtc::cli
