// SPDX-License-Identifier: MIT
// Test support for the storage conformance suite: backend choice, a fresh database per test, a manual clock.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <QStringList>
#include <QTemporaryDir>

#include "config/settings.h"
#include "storage/api/clock.h"
#include "storage/api/sqlconnection.h"
#include "storage/api/store.h"

namespace sixbtc::storage::testing {

/// The backend the suite runs against: SIXBTC_STORAGE_BACKEND=sqlite|postgres (sqlite when unset).
/// The postgres run reads the server of tests/fakes/postgres/pgserver.sh from the file in SIXBTC_PG_SERVER_ENV.
enum class Backend { Sqlite, Postgres };
Backend backendUnderTest();

/// A clock the test sets.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(std::int64_t nowMs)
        : m_nowMs(nowMs)
    {
    }
    std::int64_t nowMs() const override { return m_nowMs; }
    void set(std::int64_t nowMs) { m_nowMs = nowMs; }
    void advance(std::int64_t ms) { m_nowMs += ms; }

private:
    std::int64_t m_nowMs;
};

/// What a TestDatabase holds at the start.
enum class Start { Empty, Migrated };

/// A fresh database for one test: a file in a temporary folder, or the test process's own PostgreSQL database,
/// emptied (Start::Empty) or migrated with every table truncated (Start::Migrated, cheaper than new DDL).
class TestDatabase
{
public:
    TestDatabase(Backend backend, Start start);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    /// Empty when the database was created; otherwise why not.
    const std::string& setupError() const { return m_setupError; }
    Backend backend() const { return m_backend; }
    const config::DatabaseSettings& settings() const { return m_settings; }

    common::Result<std::unique_ptr<Store>> open(const Clock& clock) const;
    common::Result<std::unique_ptr<SqlConnection>> connect() const;
    /// Arguments that make the storage_writer helper open this database.
    QStringList writerArguments() const;

private:
    common::Result<void> preparePostgres(Start start);

    Backend m_backend;
    config::DatabaseSettings m_settings;
    QTemporaryDir m_dir;
    std::string m_setupError;
};

/// A freshly migrated store on the backend under test with a manual clock: open() in a test's init(), close() in
/// its cleanup(). The clock is reset to the start time on every open().
class MigratedStore
{
public:
    explicit MigratedStore(std::int64_t startMs);

    /// Empty when the store is open; otherwise why not.
    std::string open();
    void close();

    ManualClock& clock() { return m_clock; }
    /// \warning only between a successful open() and close().
    Store& store() { return *m_store; }

private:
    std::int64_t m_startMs;
    ManualClock m_clock;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
};

/// A valid new strategy; distinct (type, index) pairs give distinct UUIDs and names (Strategy_<type>_<index hex>).
NewStrategy sampleStrategy(const std::string& type, std::int64_t index);

} // namespace sixbtc::storage::testing

/// Fails the test with the error's text when `result` (an lvalue Result) holds an error.
#define SIXBTC_VERIFY_OK(result)                                                                                       \
    QVERIFY2((result).has_value(), (result).has_value() ? "" : (result).error().fullText().c_str())
