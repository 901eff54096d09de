// SPDX-License-Identifier: MIT
// Tests of `sixbtc db migrate`, `sixbtc db status` and `sixbtc strategies list` on SQLite or PostgreSQL.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

#include "clirunner.h"
#include "storage/api/migration.h"
#include "storagetestenv.h"
#include "testconfig.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;

namespace {

constexpr std::int64_t kFirstCreatedMs = 1'700'000'000'000; // 2023-11-14 22:13:20 UTC

// The line of `text` that contains `needle`; empty when none does.
QString lineWith(const QString& text, const QString& needle)
{
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.contains(needle))
            return line;
    }
    return {};
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstDbCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<TestDatabase> m_db;
    QString m_config;
    int m_target = 0;

    Dialect dialect() const { return m_db->backend() == Backend::Sqlite ? Dialect::Sqlite : Dialect::Postgres; }

    CliRun sixbtc(QStringList args) const
    {
        args.prepend(m_config);
        args.prepend(QStringLiteral("--config"));
        return runSixbtc(args, m_env);
    }

    void writeConfig()
    {
        m_config = writeTestConfig(*m_db, {});
        QVERIFY(!m_config.isEmpty());
    }

    void migrate() const
    {
        const CliRun run = sixbtc({QStringLiteral("db"), QStringLiteral("migrate")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    // Where the store puts this test's database, as `db status` prints it.
    QString where() const
    {
        if (m_db->backend() == Backend::Sqlite)
            return QStringLiteral("SQLite file ") + qs(m_db->settings().sqlite.path.string());
        const auto& pg = m_db->settings().postgres;
        return QStringLiteral("PostgreSQL %1@%2:%3/%4").arg(qs(pg.user), qs(pg.host)).arg(pg.port).arg(qs(pg.dbname));
    }

    // Two strategies through the library: MOM (validated, score 1.25) and REV (generated, no score), a minute apart.
    std::pair<NewStrategy, NewStrategy> insertTwo() const
    {
        ManualClock clock(kFirstCreatedMs);
        auto store = m_db->open(clock);
        if (!store)
            qFatal("cannot open the test store: %s", store.error().fullText().c_str());
        const NewStrategy mom = sampleStrategy("MOM", 1);
        const NewStrategy rev = sampleStrategy("REV", 2);
        auto done = (*store)->strategies().insert(mom);
        clock.advance(60'000);
        if (done)
            done = (*store)->strategies().insert(rev);
        if (done)
            done = (*store)->strategies().transition(mom.record.uuid, StrategyStatus::Validated, "all checks passed");
        if (done)
            done = (*store)->strategies().setScore(mom.record.uuid, 1.25);
        if (!done)
            qFatal("cannot insert the test strategies: %s", done.error().fullText().c_str());
        return {mom, rev};
    }

    QJsonArray listJson(const QStringList& extra) const
    {
        const CliRun run =
            sixbtc(QStringList{QStringLiteral("strategies"), QStringLiteral("list"), QStringLiteral("--json")} + extra);
        if (run.exitCode != 0)
            qFatal("strategies list --json failed: %s", qPrintable(run.err));
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isArray())
            qFatal("strategies list --json printed no JSON array: %s", qPrintable(run.out));
        return document.array();
    }

private slots:
    void initTestCase() { m_env = isolatedEnvironment(m_home.path()); }

    void init()
    {
        m_db = std::make_unique<TestDatabase>(backendUnderTest(), Start::Empty);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        m_target = static_cast<int>(schemaMigrations(dialect()).size());
        QVERIFY(m_target >= 1);
        writeConfig();
    }

    void statusOfEmptyDatabaseChangesNothing()
    {
        const CliRun run = sixbtc({QStringLiteral("db"), QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("version 0 of %1").arg(m_target)), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("sixbtc db migrate")), qPrintable(run.out));
        if (m_db->backend() == Backend::Sqlite) {
            QVERIFY2(run.out.contains(QStringLiteral("backend:  sqlite")), qPrintable(run.out));
            QVERIFY2(run.out.contains(qs(m_db->settings().sqlite.path.string())), qPrintable(run.out));
            QVERIFY(!QFile::exists(qs(m_db->settings().sqlite.path.string())));
            return;
        }
        QVERIFY2(run.out.contains(QStringLiteral("backend:  postgres")), qPrintable(run.out));
        QVERIFY2(run.out.contains(where()), qPrintable(run.out));
        auto connection = m_db->connect();
        SIXBTC_VERIFY_OK(connection);
        auto tables = (*connection)
                          ->query("SELECT table_name FROM information_schema.tables "
                                  "WHERE table_schema = 'public'",
                                  {});
        SIXBTC_VERIFY_OK(tables);
        QCOMPARE(tables->size(), std::size_t(0));
    }

    void migrateBringsTheSchemaUpToDate()
    {
        CliRun run = sixbtc({QStringLiteral("db"), QStringLiteral("migrate")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("from schema version 0 to %1").arg(m_target)), qPrintable(run.out));

        run = sixbtc({QStringLiteral("db"), QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("database: ") + where()), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("version %1 of %1 (up to date)").arg(m_target)), qPrintable(run.out));

        run = sixbtc({QStringLiteral("db"), QStringLiteral("migrate")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("already at schema version %1").arg(m_target)), qPrintable(run.out));
    }

    void listRefusesAnUnmigratedDatabase()
    {
        const CliRun run = sixbtc({QStringLiteral("strategies"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("sixbtc db migrate")), qPrintable(run.err));
        const CliRun status = sixbtc({QStringLiteral("db"), QStringLiteral("status")});
        QVERIFY2(status.out.contains(QStringLiteral("version 0 of")), qPrintable(status.out));
    }

    void listOfAnEmptyStore()
    {
        migrate();
        const CliRun run = sixbtc({QStringLiteral("strategies"), QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("0 strategies")), qPrintable(run.out));
        QVERIFY2(lineWith(run.out, QStringLiteral("uuid")).contains(QStringLiteral("status")), qPrintable(run.out));
        QCOMPARE(listJson({}).size(), 0);
    }

    void tableListsTheStoredStrategies()
    {
        migrate();
        const auto [mom, rev] = insertTwo();
        const CliRun run = sixbtc({QStringLiteral("strategies"), QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("2 strategies")), qPrintable(run.out));
        const QString momLine = lineWith(run.out, qs(mom.record.name));
        QVERIFY2(momLine.contains(qs(mom.record.uuid)), qPrintable(run.out));
        QVERIFY2(momLine.contains(QStringLiteral(" VALIDATED ")), qPrintable(momLine));
        QVERIFY2(momLine.contains(QStringLiteral(" 1.250 ")), qPrintable(momLine));
        QVERIFY2(momLine.contains(QStringLiteral("2023-11-14 22:13")), qPrintable(momLine));
        QVERIFY2(momLine.contains(QStringLiteral("BTC,ETH")), qPrintable(momLine));
        const QString revLine = lineWith(run.out, qs(rev.record.name));
        QVERIFY2(revLine.contains(QStringLiteral(" GENERATED ")), qPrintable(revLine));
        QVERIFY2(revLine.contains(QStringLiteral("2023-11-14 22:14")), qPrintable(revLine));
        QVERIFY2(run.out.indexOf(qs(mom.record.name)) < run.out.indexOf(qs(rev.record.name)), qPrintable(run.out));

        const QStringList listGenerated{QStringLiteral("strategies"), QStringLiteral("list"),
                                        QStringLiteral("--status"), QStringLiteral("generated")};
        const CliRun generated = sixbtc(listGenerated);
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        QVERIFY(generated.out.contains(qs(rev.record.name)));
        QVERIFY(!generated.out.contains(qs(mom.record.name)));
        QVERIFY2(generated.out.contains(QStringLiteral("1 strategy")), qPrintable(generated.out));
    }

    void jsonListsTheStoredStrategies()
    {
        migrate();
        const auto [mom, rev] = insertTwo();
        const QJsonArray all = listJson({});
        QCOMPARE(all.size(), 2);
        const QJsonObject first = all.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("uuid")).toString(), qs(mom.record.uuid));
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Strategy_MOM_00000001"));
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("VALIDATED"));
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("MOM"));
        QCOMPARE(first.value(QStringLiteral("timeframe")).toString(), QStringLiteral("1h"));
        QCOMPARE(first.value(QStringLiteral("generation_mode")).toString(), QStringLiteral("pattern"));
        QCOMPARE(first.value(QStringLiteral("score")).toDouble(), 1.25);
        QCOMPARE(first.value(QStringLiteral("created_at_ms")).toInteger(), kFirstCreatedMs);
        QCOMPARE(first.value(QStringLiteral("symbols")).toArray(),
                 (QJsonArray{QStringLiteral("BTC"), QStringLiteral("ETH")}));
        const QJsonObject second = all.at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("name")).toString(), QStringLiteral("Strategy_REV_00000002"));
        QCOMPARE(second.value(QStringLiteral("status")).toString(), QStringLiteral("GENERATED"));
        QVERIFY(second.contains(QStringLiteral("score")));
        QVERIFY(second.value(QStringLiteral("score")).isNull());
        QVERIFY(second.value(QStringLiteral("base_uuid")).isNull());

        const QJsonArray validated = listJson({QStringLiteral("--status"), QStringLiteral("VALIDATED")});
        QCOMPARE(validated.size(), 1);
        QCOMPARE(validated.at(0).toObject().value(QStringLiteral("uuid")).toString(), qs(mom.record.uuid));
        QCOMPARE(listJson({QStringLiteral("--status"), QStringLiteral("ACTIVE")}).size(), 0);
    }

    void malformedStatusIsAUsageError()
    {
        migrate();
        const CliRun run = sixbtc({QStringLiteral("strategies"), QStringLiteral("list"), QStringLiteral("--status"),
                                   QStringLiteral("bogus")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("'bogus'")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("VALIDATED")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void newerDatabaseIsRefused()
    {
        migrate();
        {
            auto connection = m_db->connect();
            SIXBTC_VERIFY_OK(connection);
            auto future = (*connection)
                              ->execute("INSERT INTO schema_version (version, description, applied_at_ms) "
                                        "VALUES ($1, $2, $3)",
                                        {std::int64_t(99), std::string("from the future"), std::int64_t(0)});
            SIXBTC_VERIFY_OK(future);
        }
        const QList<QStringList> commands{{QStringLiteral("db"), QStringLiteral("status")},
                                          {QStringLiteral("db"), QStringLiteral("migrate")},
                                          {QStringLiteral("strategies"), QStringLiteral("list")}};
        for (const QStringList& command : commands) {
            const CliRun run = sixbtc(command);
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains(QStringLiteral("schema version 99, newer than version %1").arg(m_target)),
                     qPrintable(run.err));
            QVERIFY(!run.crashed);
        }
    }

    void cleanup() { m_db.reset(); }
};

QTEST_GUILESS_MAIN(TstDbCommands)
#include "tst_dbcommands.moc"
