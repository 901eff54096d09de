// SPDX-License-Identifier: MIT
// Bench: 10,000 strategies with their metrics stored in bulk, on SQLite and on a private PostgreSQL server.
//
// bench_storage [PGSERVER_SCRIPT PGSERVER_DIR]: with the script, starts the private test server for the PostgreSQL
// part (and stops it at the end); without it, or when the server does not start, that part is skipped.
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>

#include "storage/postgres/postgresconnection.h"
#include "storage/storefactory.h"

using namespace sixbtc;
using namespace sixbtc::storage;

namespace {

constexpr int kStrategies = 10'000;
constexpr double kSqliteTargetS = 2.0;
constexpr double kPostgresTargetS = 5.0;

std::vector<NewStrategy> makeStrategies()
{
    const QUuid ns(QStringLiteral("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"));
    std::vector<NewStrategy> strategies;
    strategies.reserve(kStrategies);
    for (int i = 0; i < kStrategies; ++i) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(i));
        const std::string uuid =
            QUuid::createUuidV5(ns, QString::number(i)).toString(QUuid::WithoutBraces).toStdString();
        StrategyRecord record{uuid,
                              std::string("Strategy_BNC_") + hex,
                              "BNC",
                              "1h",
                              {"BTC", "ETH", "SOL"},
                              "entry: rsi(14) < 30\nexit: rsi(14) > 70\n",
                              R"({"sl_pct":0.02,"tp_pct":0.04,"leverage":3})",
                              GenerationMode::Optimized,
                              std::nullopt,
                              0,
                              StrategyStatus::Generated,
                              std::nullopt};
        Lineage lineage{LineageSource::Expansion,
                        "",
                        "",
                        "",
                        "",
                        std::nullopt,
                        i,
                        "code-hash",
                        "dataset-hash",
                        1'600'000'000'000,
                        1'700'000'000'000,
                        "0.1.0"};
        strategies.push_back({std::move(record), std::move(lineage)});
    }
    return strategies;
}

std::vector<BacktestRun> makeRuns(const std::vector<NewStrategy>& strategies)
{
    std::vector<BacktestRun> runs;
    runs.reserve(strategies.size());
    for (std::size_t i = 0; i < strategies.size(); ++i) {
        const double x = static_cast<double>(i) / 7.0;
        runs.push_back({0,
                        strategies[i].record.uuid,
                        "full",
                        "1h",
                        {"BTC", "ETH", "SOL"},
                        "{}",
                        "dataset-hash",
                        1'600'000'000'000,
                        1'700'000'000'000,
                        "0.1.0",
                        0,
                        BacktestMetrics{x, x / 3, 0.5, x / 11, x * 2, 0.1, 120, x / 0.1, 0.6, 10'000 + x},
                        x / 5});
    }
    return runs;
}

// Stores every strategy and its run in one transaction; returns seconds, or a negative value on failure.
double measure(const config::DatabaseSettings& settings, const char* label)
{
    const SystemClock clock;
    auto store = openStore(settings, clock);
    if (!store || !(*store)->migrate()) {
        std::printf("%s: cannot open the store: %s\n", label,
                    store ? "migration failed" : store.error().fullText().c_str());
        return -1.0;
    }
    const auto strategies = makeStrategies();
    const auto runs = makeRuns(strategies);
    const auto start = std::chrono::steady_clock::now();
    auto stored = (*store)->inTransaction([&]() -> common::Result<void> {
        if (auto inserted = (*store)->strategies().insertMany(strategies); !inserted)
            return inserted;
        auto ids = (*store)->backtests().insertRuns(runs);
        if (!ids)
            return tl::unexpected(ids.error());
        return {};
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!stored) {
        std::printf("%s: failed: %s\n", label, stored.error().fullText().c_str());
        return -1.0;
    }
    return seconds;
}

void report(const char* label, double seconds, double target)
{
    if (seconds >= 0)
        std::printf("%s: %d strategies + metrics in %.3f s (target < %.0f s)%s\n", label, kStrategies, seconds, target,
                    seconds < target ? "" : "  OVER TARGET");
}

// Starts the private server and returns settings for a fresh `sixbtc_bench` database on it.
std::optional<config::PostgresSettings> startPostgres(const QString& script, const QString& dir)
{
    if (QProcess::execute(script, {QStringLiteral("start"), dir}) != 0)
        return std::nullopt;
    QFile env(dir + QStringLiteral("/server.env"));
    if (!env.open(QIODevice::ReadOnly))
        return std::nullopt;
    config::PostgresSettings settings{"127.0.0.1", 0, "sixbtc_test", "sixbtc", "disable", 5};
    for (const QByteArray& line : env.readAll().split('\n')) {
        if (line.startsWith("PGPORT="))
            settings.port = line.mid(7).toInt();
    }
    auto admin = postgres::PostgresConnection::open(settings);
    if (!admin || !(*admin)->executeScript("DROP DATABASE IF EXISTS sixbtc_bench WITH (FORCE)") ||
        !(*admin)->executeScript("CREATE DATABASE sixbtc_bench"))
        return std::nullopt;
    settings.dbname = "sixbtc_bench";
    return settings;
}

} // namespace

int main(int argc, char** argv)
{
    QTemporaryDir dir;
    config::DatabaseSettings sqlite{};
    sqlite.backend = config::DatabaseBackend::Sqlite;
    sqlite.sqlite = {std::filesystem::path(dir.path().toStdString()) / "bench.db", 5000};
    const double sqliteSeconds = measure(sqlite, "SQLite");
    report("SQLite", sqliteSeconds, kSqliteTargetS);

    if (argc != 3) {
        std::printf("PostgreSQL: skipped (no server script given)\n");
        return sqliteSeconds >= 0 ? 0 : 1;
    }
    const QString script = QString::fromLocal8Bit(argv[1]);
    const QString serverDir = QString::fromLocal8Bit(argv[2]);
    const auto settings = startPostgres(script, serverDir);
    double postgresSeconds = 0.0;
    if (settings) {
        config::DatabaseSettings postgres{};
        postgres.backend = config::DatabaseBackend::Postgres;
        postgres.postgres = *settings;
        postgresSeconds = measure(postgres, "PostgreSQL");
        report("PostgreSQL", postgresSeconds, kPostgresTargetS);
    } else {
        std::printf("PostgreSQL: skipped (the private server did not start)\n");
    }
    QProcess::execute(script, {QStringLiteral("stop"), serverDir});
    return sqliteSeconds >= 0 && postgresSeconds >= 0 ? 0 : 1;
}
