// SPDX-License-Identifier: MIT
// Readers of the database and logging sections.
#include "config/sectionreaders.h"

namespace sixbtc::config {

namespace {

constexpr std::string_view kLogLevels[] = {"trace", "debug", "info", "warn", "error"};
constexpr common::LogLevel kLogLevelValues[] = {common::LogLevel::Trace, common::LogLevel::Debug,
                                                common::LogLevel::Info, common::LogLevel::Warn,
                                                common::LogLevel::Error};

SqliteSettings readSqlite(MappingReader& section, const std::filesystem::path& baseDir)
{
    MappingReader sqlite = section.mapping("sqlite");
    SqliteSettings settings;
    settings.path = readPath(sqlite, "path", baseDir);
    settings.busyTimeoutMs = sqlite.integer("busy_timeout_ms", integersBetween(1, 600'000));
    sqlite.finish();
    return settings;
}

PostgresSettings readPostgres(MappingReader& section)
{
    MappingReader postgres = section.mapping("postgres");
    PostgresSettings settings;
    settings.host = postgres.text("host");
    settings.port = postgres.integer("port", integersBetween(1, 65535));
    settings.dbname = postgres.text("dbname");
    settings.user = postgres.text("user");
    static constexpr std::string_view kSslModes[] = {"disable", "allow",     "prefer",
                                                     "require", "verify-ca", "verify-full"};
    settings.sslmode = std::string(kSslModes[postgres.choice("sslmode", kSslModes)]);
    settings.connectTimeoutS = postgres.integer("connect_timeout_s", integersBetween(1, 600));
    postgres.forbid("password", "not allowed here: the password comes from PGPASSWORD, ~/.pgpass or the keyring");
    postgres.finish();
    return settings;
}

} // namespace

DatabaseSettings readDatabase(MappingReader& root, const std::filesystem::path& baseDir)
{
    MappingReader section = root.mapping("database");
    DatabaseSettings settings;
    settings.backend =
        section.choice("backend", {"sqlite", "postgres"}) == 0 ? DatabaseBackend::Sqlite : DatabaseBackend::Postgres;
    settings.sqlite = readSqlite(section, baseDir);
    settings.postgres = readPostgres(section);
    section.finish();
    return settings;
}

common::LogSettings readLogging(MappingReader& root, const std::filesystem::path& baseDir)
{
    MappingReader section = root.mapping("logging");
    common::LogSettings settings;
    settings.consoleLevel = kLogLevelValues[section.choice("console_level", kLogLevels)];
    MappingReader file = section.mapping("file");
    settings.filePath = readPath(file, "path", baseDir);
    settings.fileLevel = kLogLevelValues[file.choice("level", kLogLevels)];
    settings.maxSizeMb = file.integer("max_size_mb", integersBetween(1, 1024));
    settings.maxFiles = file.integer("max_files", integersBetween(1, 1000));
    file.finish();
    section.finish();
    return settings;
}

} // namespace sixbtc::config
