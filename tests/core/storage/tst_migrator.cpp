// SPDX-License-Identifier: MIT
// Conformance tests of schema migrations: from empty, from every earlier version, and a newer database refused.
#include <QtTest>

#include "storage/api/migration.h"
#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;
using sixbtc::common::ErrorCode;

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;

Dialect dialectUnderTest()
{
    return backendUnderTest() == Backend::Sqlite ? Dialect::Sqlite : Dialect::Postgres;
}

} // namespace

class TstMigrator : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kStartMs};
    const int m_target = static_cast<int>(schemaMigrations(Dialect::Sqlite).size());

private slots:
    void bothDialectsHaveTheSameVersions()
    {
        const auto sqlite = schemaMigrations(Dialect::Sqlite);
        const auto postgres = schemaMigrations(Dialect::Postgres);
        QCOMPARE(sqlite.size(), postgres.size());
        for (std::size_t i = 0; i < sqlite.size(); ++i) {
            QCOMPARE(sqlite[i].version, int(i) + 1);
            QCOMPARE(postgres[i].version, int(i) + 1);
            QCOMPARE(sqlite[i].description, postgres[i].description);
        }
    }

    void fromEmpty()
    {
        TestDatabase db(backendUnderTest(), Start::Empty);
        QVERIFY2(db.setupError().empty(), db.setupError().c_str());
        auto store = db.open(m_clock);
        SIXBTC_VERIFY_OK(store);
        QCOMPARE(*(*store)->schemaStatus(), (SchemaStatus{0, m_target}));
        QVERIFY(!(*store)->strategies().list({})); // no tables yet
        auto migrated = (*store)->migrate();
        SIXBTC_VERIFY_OK(migrated);
        QCOMPARE(*migrated, (SchemaStatus{m_target, m_target}));
        QCOMPARE(*(*store)->migrate(), (SchemaStatus{m_target, m_target})); // a second run changes nothing
        auto list = (*store)->strategies().list({});
        SIXBTC_VERIFY_OK(list);
        auto connection = db.connect();
        SIXBTC_VERIFY_OK(connection);
        auto rows = (*connection)->query("SELECT version, applied_at_ms FROM schema_version ORDER BY version", {});
        SIXBTC_VERIFY_OK(rows);
        QCOMPARE(rows->size(), std::size_t(m_target));
        QCOMPARE(rows->back().integer(0), std::int64_t(m_target));
        QCOMPARE(rows->back().integer(1), kStartMs);
    }

    void fromEveryEarlierVersion()
    {
        for (int from = 0; from < m_target; ++from) {
            TestDatabase db(backendUnderTest(), Start::Empty);
            QVERIFY2(db.setupError().empty(), db.setupError().c_str());
            auto connection = db.connect();
            SIXBTC_VERIFY_OK(connection);
            Migrator migrator(**connection, schemaMigrations(dialectUnderTest()), m_clock);
            auto partial = migrator.migrateTo(from);
            SIXBTC_VERIFY_OK(partial);
            QCOMPARE(partial->current, from);
            connection->reset();
            auto store = db.open(m_clock);
            SIXBTC_VERIFY_OK(store);
            auto migrated = (*store)->migrate();
            SIXBTC_VERIFY_OK(migrated);
            QCOMPARE(migrated->current, m_target);
            auto inserted = (*store)->strategies().insert(sampleStrategy("MOM", from));
            SIXBTC_VERIFY_OK(inserted);
        }
    }

    void newerDatabaseIsRefused()
    {
        TestDatabase db(backendUnderTest(), Start::Migrated);
        QVERIFY2(db.setupError().empty(), db.setupError().c_str());
        auto connection = db.connect();
        SIXBTC_VERIFY_OK(connection);
        auto future =
            (*connection)
                ->execute("INSERT INTO schema_version (version, description, applied_at_ms) VALUES ($1, $2, $3)",
                          {std::int64_t(m_target + 1), std::string("from a later release"), std::int64_t(0)});
        SIXBTC_VERIFY_OK(future);
        connection->reset();
        const auto store = db.open(m_clock);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::Database);
        const std::string expected =
            "has schema version " + std::to_string(m_target + 1) + ", newer than version " + std::to_string(m_target);
        QVERIFY2(store.error().message.find(expected) != std::string::npos, store.error().message.c_str());
        QVERIFY(store.error().message.find("upgrade SixBTC Workbench") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstMigrator)
#include "tst_migrator.moc"
