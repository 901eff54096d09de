// SPDX-License-Identifier: MIT
// Test support for the storage conformance suite.
#include "storagetestenv.h"

#include <cstdio>

#include <QCoreApplication>
#include <QFile>
#include <QUuid>

#include "storage/api/migration.h"
#include "storage/postgres/postgresconnection.h"
#include "storage/sqlite/sqliteconnection.h"
#include "storage/storefactory.h"

namespace sixbtc::storage::testing {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kConnectTimeoutS = 5;

// Reads KEY=VALUE lines written by pgserver.sh.
std::string serverValue(const QByteArray& text, const char* key)
{
    for (const QByteArray& line : text.split('\n')) {
        const QByteArray prefix = QByteArray(key) + '=';
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().toStdString();
    }
    return {};
}

// One database per test process, so that test executables running in parallel never meet; each TestDatabase
// empties it again. Dropped when the process ends.
class ProcessDatabase
{
public:
    explicit ProcessDatabase(config::PostgresSettings admin)
        : m_admin(std::move(admin))
    {
        m_name = "t_" + std::to_string(QCoreApplication::applicationPid());
        // CREATE DATABASE cannot share a statement string (an implicit transaction) with another statement.
        auto connection = postgres::PostgresConnection::open(m_admin);
        auto created = connection ? (*connection)->executeScript("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)")
                                  : common::Result<void>(tl::unexpected(connection.error()));
        if (created)
            created = (*connection)->executeScript("CREATE DATABASE " + m_name);
        if (!created)
            m_error = created.error().message;
    }
    ~ProcessDatabase()
    {
        auto connection = postgres::PostgresConnection::open(m_admin);
        auto dropped = connection ? (*connection)->executeScript("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)")
                                  : common::Result<void>(tl::unexpected(connection.error()));
        if (!dropped)
            std::fprintf(stderr, "cannot drop test database %s: %s\n", m_name.c_str(), dropped.error().message.c_str());
    }
    common::Result<std::string> name() const
    {
        if (!m_error.empty())
            return common::fail(common::ErrorCode::Database, m_error);
        return m_name;
    }

private:
    config::PostgresSettings m_admin;
    std::string m_name;
    std::string m_error;
};

common::Result<std::string> processDatabase(const config::PostgresSettings& admin)
{
    static const ProcessDatabase database(admin);
    return database.name();
}

} // namespace

Backend backendUnderTest()
{
    return qgetenv("SIXBTC_STORAGE_BACKEND") == "postgres" ? Backend::Postgres : Backend::Sqlite;
}

TestDatabase::TestDatabase(Backend backend, Start start)
    : m_backend(backend)
{
    m_settings.backend =
        backend == Backend::Sqlite ? config::DatabaseBackend::Sqlite : config::DatabaseBackend::Postgres;
    m_settings.sqlite = {std::filesystem::path(m_dir.path().toStdString()) / "sixbtc.db", kBusyTimeoutMs};
    if (backend == Backend::Sqlite) {
        if (start == Start::Empty)
            return;
        auto connection = connect();
        if (!connection) {
            m_setupError = connection.error().fullText();
            return;
        }
        const SystemClock clock;
        Migrator migrator(**connection, schemaMigrations(Dialect::Sqlite), clock);
        auto migrated = migrator.migrateTo(migrator.targetVersion());
        if (!migrated)
            m_setupError = migrated.error().fullText();
        return;
    }
    const QString envPath = qEnvironmentVariable("SIXBTC_PG_SERVER_ENV");
    QFile file(envPath);
    if (envPath.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_setupError = "no PostgreSQL test server: SIXBTC_PG_SERVER_ENV='" + envPath.toStdString() +
                       "' is not a readable pgserver.sh env file";
        return;
    }
    const QByteArray text = file.readAll();
    m_settings.postgres = {serverValue(text, "PGHOST"),
                           std::stoi(serverValue(text, "PGPORT")),
                           serverValue(text, "PGDATABASE"),
                           serverValue(text, "PGUSER"),
                           "disable",
                           kConnectTimeoutS};
    auto database = processDatabase(m_settings.postgres);
    if (!database) {
        m_setupError = database.error().message;
        return;
    }
    m_settings.postgres.dbname = *database;
    if (auto prepared = preparePostgres(start); !prepared)
        m_setupError = prepared.error().fullText();
}

common::Result<void> TestDatabase::preparePostgres(Start start)
{
    auto connection = postgres::PostgresConnection::open(m_settings.postgres);
    if (!connection)
        return tl::unexpected(connection.error());
    SqlConnection& sql = **connection;
    const SystemClock clock;
    Migrator migrator(sql, schemaMigrations(Dialect::Postgres), clock);
    auto status = migrator.status();
    if (!status)
        return tl::unexpected(status.error());
    if (start == Start::Migrated && status->current == status->target) {
        auto tables = sql.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                "AND table_name <> 'schema_version'",
                                {});
        if (!tables)
            return tl::unexpected(tables.error());
        std::string list;
        for (const SqlRow& row : *tables)
            list += (list.empty() ? "" : ", ") + row.text(0);
        return sql.executeScript("TRUNCATE " + list + " RESTART IDENTITY CASCADE");
    }
    if (auto emptied = sql.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public"); !emptied)
        return emptied;
    if (start == Start::Empty)
        return {};
    auto migrated = migrator.migrateTo(migrator.targetVersion());
    if (!migrated)
        return tl::unexpected(migrated.error());
    return {};
}

TestDatabase::~TestDatabase() = default;

common::Result<std::unique_ptr<Store>> TestDatabase::open(const Clock& clock) const
{
    return openStore(m_settings, clock);
}

common::Result<std::unique_ptr<SqlConnection>> TestDatabase::connect() const
{
    if (m_backend == Backend::Sqlite)
        return sqlite::SqliteConnection::open(m_settings.sqlite);
    return postgres::PostgresConnection::open(m_settings.postgres);
}

QStringList TestDatabase::writerArguments() const
{
    if (m_backend == Backend::Sqlite)
        return {QStringLiteral("sqlite"), QString::fromStdString(m_settings.sqlite.path.string()),
                QString::number(m_settings.sqlite.busyTimeoutMs)};
    const auto& pg = m_settings.postgres;
    return {QStringLiteral("postgres"), QString::fromStdString(pg.host), QString::number(pg.port),
            QString::fromStdString(pg.user), QString::fromStdString(pg.dbname)};
}

NewStrategy sampleStrategy(const std::string& type, std::int64_t index)
{
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08llx", static_cast<unsigned long long>(index));
    const QUuid ns(QStringLiteral("6f1c3d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f"));
    const QString key = QString::fromStdString(type) + QLatin1Char('/') + QString::number(index);
    const std::string uuid = QUuid::createUuidV5(ns, key).toString(QUuid::WithoutBraces).toStdString();
    StrategyRecord record{uuid,
                          "Strategy_" + type + "_" + hex,
                          type,
                          "1h",
                          {"BTC", "ETH"},
                          "entry: rsi(14) < 30\nexit: rsi(14) > 70\n",
                          R"({"sl_pct":0.02,"tp_pct":0.04,"leverage":3})",
                          GenerationMode::Pattern,
                          std::nullopt,
                          0,
                          StrategyStatus::Generated,
                          std::nullopt};
    Lineage lineage{LineageSource::Pattern,
                    "rsi_reversal",
                    "",
                    "",
                    "",
                    std::nullopt,
                    std::nullopt,
                    "code-" + uuid.substr(0, 8),
                    "ds-1h-btc-eth",
                    1'600'000'000'000,
                    1'700'000'000'000,
                    "0.1.0"};
    return NewStrategy{std::move(record), std::move(lineage)};
}

MigratedStore::MigratedStore(std::int64_t startMs)
    : m_startMs(startMs)
    , m_clock(startMs)
{
}

std::string MigratedStore::open()
{
    m_clock.set(m_startMs);
    m_db = std::make_unique<TestDatabase>(backendUnderTest(), Start::Migrated);
    if (!m_db->setupError().empty())
        return m_db->setupError();
    auto store = m_db->open(m_clock);
    if (!store)
        return store.error().fullText();
    m_store = std::move(*store);
    return {};
}

void MigratedStore::close()
{
    m_store.reset();
    m_db.reset();
}

} // namespace sixbtc::storage::testing
