// SPDX-License-Identifier: MIT
// Conformance tests of Store as a shared resource: two writer processes, a writer killed mid-transaction,
// a locked SQLite file and an unreachable PostgreSQL server.
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "storage/postgres/postgresstore.h"
#include "storage/sqlite/sqliteconnection.h"
#include "storage/sqlite/sqlitestore.h"
#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;
using sixbtc::common::ErrorCode;

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;
constexpr int kProcessWaitMs = 120'000;

QString writerPath()
{
    return QStringLiteral(SIXBTC_STORAGE_WRITER);
}

} // namespace

class TstStore : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kStartMs};

    void startWriter(QProcess& process, const TestDatabase& db, const QStringList& task)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(writerPath(), db.writerArguments() + task);
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    }

private slots:
    void factoryChoosesTheBackend()
    {
        TestDatabase db(backendUnderTest(), Start::Migrated);
        QVERIFY2(db.setupError().empty(), db.setupError().c_str());
        auto store = db.open(m_clock);
        SIXBTC_VERIFY_OK(store);
        const std::string prefix = backendUnderTest() == Backend::Sqlite ? "SQLite file " : "PostgreSQL sixbtc@";
        QCOMPARE((*store)->describe().substr(0, prefix.size()), prefix);
    }

    // Both writers start on an empty database, so they also race to migrate it.
    void twoWriterProcesses()
    {
        TestDatabase db(backendUnderTest(), Start::Empty);
        QVERIFY2(db.setupError().empty(), db.setupError().c_str());
        QProcess first;
        QProcess second;
        startWriter(first, db, {QStringLiteral("insert"), QStringLiteral("MOM"), QStringLiteral("150")});
        startWriter(second, db, {QStringLiteral("insert"), QStringLiteral("REV"), QStringLiteral("150")});
        for (QProcess* process : {&first, &second}) {
            QVERIFY(process->waitForFinished(kProcessWaitMs));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
            QCOMPARE(process->readAllStandardOutput(), QByteArray("done\n"));
        }
        auto store = db.open(m_clock);
        SIXBTC_VERIFY_OK(store);
        auto all = (*store)->strategies().list({});
        SIXBTC_VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(300));
        QCOMPARE((*store)->strategies().events(sampleStrategy("REV", 149).record.uuid)->size(), std::size_t(1));
    }

    void killedWriterLeavesTheDatabaseConsistent()
    {
        TestDatabase db(backendUnderTest(), Start::Migrated);
        QVERIFY2(db.setupError().empty(), db.setupError().c_str());
        {
            auto store = db.open(m_clock);
            SIXBTC_VERIFY_OK(store);
            for (int i = 0; i < 3; ++i) {
                auto inserted = (*store)->strategies().insert(sampleStrategy("BRK", i));
                SIXBTC_VERIFY_OK(inserted);
            }
        }
        QProcess writer;
        startWriter(writer, db, {QStringLiteral("hold"), QStringLiteral("MOM"), QStringLiteral("50")});
        while (!writer.canReadLine())
            QVERIFY2(writer.waitForReadyRead(kProcessWaitMs), writer.readAllStandardError().constData());
        QCOMPARE(writer.readLine(), QByteArray("inside\n"));
        writer.kill(); // SIGKILL in the middle of the open transaction
        QVERIFY(writer.waitForFinished(kProcessWaitMs));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        auto store = db.open(m_clock);
        SIXBTC_VERIFY_OK(store);
        auto all = (*store)->strategies().list({});
        SIXBTC_VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(3));
        auto inserted = (*store)->strategies().insert(sampleStrategy("MOM", 0)); // the lock is gone
        SIXBTC_VERIFY_OK(inserted);
        if (backendUnderTest() == Backend::Sqlite) {
            auto connection = db.connect();
            SIXBTC_VERIFY_OK(connection);
            auto check = (*connection)->query("PRAGMA integrity_check", {});
            SIXBTC_VERIFY_OK(check);
            QCOMPARE(check->front().text(0), std::string("ok"));
        }
    }

    void lockedSqliteFileFailsWithinTheBusyTimeout()
    {
        if (backendUnderTest() != Backend::Sqlite)
            QSKIP("SQLite only");
        TestDatabase db(Backend::Sqlite, Start::Migrated);
        QVERIFY2(db.setupError().empty(), db.setupError().c_str());
        auto settings = db.settings().sqlite;
        settings.busyTimeoutMs = 300;
        auto holder = sqlite::SqliteConnection::open(settings);
        SIXBTC_VERIFY_OK(holder);
        auto locked = (*holder)->begin();
        SIXBTC_VERIFY_OK(locked);
        auto store = sqlite::openSqliteStore(settings, m_clock);
        SIXBTC_VERIFY_OK(store);
        QElapsedTimer timer;
        timer.start();
        const auto inserted = (*store)->strategies().insert(sampleStrategy("MOM", 1));
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!inserted);
        QCOMPARE(inserted.error().code, ErrorCode::Database);
        QVERIFY2(inserted.error().message.find("is locked by another connection (gave up after busy_timeout_ms = "
                                               "300)") != std::string::npos,
                 inserted.error().message.c_str());
        QVERIFY2(elapsed >= 250 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        auto released = (*holder)->rollback();
        SIXBTC_VERIFY_OK(released);
        auto retried = (*store)->strategies().insert(sampleStrategy("MOM", 1));
        SIXBTC_VERIFY_OK(retried);
    }

    // A listening socket that never answers: libpq must give up after connect_timeout.
    void unreachableServerFailsWithinTheConnectTimeout()
    {
        if (backendUnderTest() != Backend::Postgres)
            QSKIP("PostgreSQL only");
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QVERIFY(::bind(listener, reinterpret_cast<sockaddr*>(&address), length) == 0);
        QVERIFY(::listen(listener, 4) == 0);
        QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        const sixbtc::config::PostgresSettings settings{
            "127.0.0.1", ntohs(address.sin_port), "sixbtc", "sixbtc", "disable", 2};
        QElapsedTimer timer;
        timer.start();
        const auto store = postgres::openPostgresStore(settings, m_clock);
        const qint64 elapsed = timer.elapsed();
        ::close(listener);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::Database);
        const std::string& message = store.error().message;
        QVERIFY2(message.find("cannot connect to PostgreSQL sixbtc@127.0.0.1:") != std::string::npos, message.c_str());
        QVERIFY2(message.find("connect_timeout_s = 2") != std::string::npos, message.c_str());
        QVERIFY2(elapsed >= 1500 && elapsed < 4500, qPrintable(QString::number(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TstStore)
#include "tst_store.moc"
