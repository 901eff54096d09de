// SPDX-License-Identifier: MIT
// Tests of the PostgreSQL password sources: PGPASSWORD, ~/.pgpass, then the keyring, asked only when needed.
#include <QtTest>

#include <QFile>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <map>
#include <thread>

#include "storage/postgres/postgresconnection.h"
#include "storagetestenv.h"

using namespace sixbtc;
using namespace sixbtc::storage::postgres;

namespace {

/// A keyring holding fixed entries, or unavailable; it counts the questions it gets.
class FakeKeyring final : public Keyring
{
public:
    std::map<std::pair<std::string, std::string>, std::string> entries;
    bool available = true;
    int reads = 0;

    common::Result<std::optional<std::string>> read(const std::string& service, const std::string& key) override
    {
        ++reads;
        if (!available)
            return common::fail(common::ErrorCode::Database, "no Secret Service on this bus");
        const auto found = entries.find({service, key});
        if (found == entries.end())
            return std::optional<std::string>();
        return std::optional<std::string>(found->second);
    }
};

bool readExactly(int fd, char* buffer, std::size_t size)
{
    for (std::size_t done = 0; done < size;) {
        const ssize_t got = ::read(fd, buffer + done, size - done);
        if (got <= 0)
            return false;
        done += static_cast<std::size_t>(got);
    }
    return true;
}

std::uint32_t bigEndian(const char* bytes)
{
    std::uint32_t value;
    std::memcpy(&value, bytes, 4);
    return ntohl(value);
}

/// A loopback server speaking just enough of the PostgreSQL protocol to ask for a cleartext password and record
/// what the client sends; it then refuses the login. Serves `connections` connections, then stops.
class PasswordServer
{
public:
    explicit PasswordServer(int connections)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(m_listen, reinterpret_cast<sockaddr*>(&address), length);
        ::listen(m_listen, 4);
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this, connections] {
            for (int i = 0; i < connections; ++i) {
                pollfd ready{m_listen, POLLIN, 0};
                if (::poll(&ready, 1, 10'000) <= 0)
                    return;
                const int client = ::accept(m_listen, nullptr, nullptr);
                serve(client);
                ::close(client);
            }
        });
    }
    ~PasswordServer()
    {
        m_thread.join();
        ::close(m_listen);
    }

    int port() const { return m_port; }
    /// The passwords received; read after the connection attempts are over.
    const std::vector<std::string>& passwords() const { return m_passwords; }

private:
    void serve(int client)
    {
        char header[8];
        for (;;) { // startup packet; SSL and GSS encryption requests are declined with 'N'
            if (!readExactly(client, header, 8))
                return;
            std::vector<char> rest(bigEndian(header) - 8);
            if (!readExactly(client, rest.data(), rest.size()))
                return;
            const std::uint32_t code = bigEndian(header + 4);
            if (code != 80877103 && code != 80877104)
                break;
            (void)::write(client, "N", 1);
        }
        const char askCleartext[] = {'R', 0, 0, 0, 8, 0, 0, 0, 3};
        (void)::write(client, askCleartext, sizeof askCleartext);
        if (!readExactly(client, header, 5) || header[0] != 'p')
            return;
        std::vector<char> body(bigEndian(header + 1) - 4);
        if (!readExactly(client, body.data(), body.size()))
            return;
        m_passwords.emplace_back(body.data());
        const std::string fields = std::string("SFATAL") + '\0' + "C28P01" + '\0' + "Mpassword refused by the test" +
                                   '\0' + '\0';
        const std::uint32_t length = htonl(static_cast<std::uint32_t>(fields.size() + 4));
        std::string error = "E";
        error.append(reinterpret_cast<const char*>(&length), 4);
        error += fields;
        (void)::write(client, error.data(), error.size());
    }

    int m_listen = -1;
    int m_port = 0;
    std::thread m_thread;
    std::vector<std::string> m_passwords;
};

config::PostgresSettings settingsFor(int port)
{
    return {"127.0.0.1", port, "sixbtc_db", "trader", "disable", 5};
}

} // namespace

class TstKeyring : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void writePgpass(const QString& line)
    {
        const QString path = m_dir.filePath(QStringLiteral("pgpass"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(line.toUtf8() + '\n');
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        qputenv("PGPASSFILE", path.toUtf8());
    }

private slots:
    void init()
    {
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", m_dir.filePath(QStringLiteral("no-such-pgpass")).toUtf8());
    }

    void keyNamesUserHostPortAndDatabase()
    {
        QCOMPARE(keyringKey(settingsFor(6543)), std::string("postgres:trader@127.0.0.1:6543/sixbtc_db"));
    }

    void lookupAsksTheSixbtcService()
    {
        FakeKeyring keyring;
        keyring.entries[{"sixbtc", "postgres:trader@127.0.0.1:6543/sixbtc_db"}] = "s3cret";
        auto password = passwordFromKeyring(settingsFor(6543), keyring);
        SIXBTC_VERIFY_OK(password);
        QCOMPARE(*password, std::string("s3cret"));

        auto other = passwordFromKeyring(settingsFor(6544), keyring);
        QVERIFY(!other);
        QCOMPARE(other.error().code, common::ErrorCode::Database);
        QVERIFY2(other.error().message.find("postgres:trader@127.0.0.1:6544/sixbtc_db") != std::string::npos,
                 other.error().message.c_str());
        QVERIFY(other.error().message.find("s3cret") == std::string::npos);

        keyring.available = false;
        auto unavailable = passwordFromKeyring(settingsFor(6543), keyring);
        QVERIFY(!unavailable);
        QVERIFY2(unavailable.error().message.find("no Secret Service on this bus") != std::string::npos,
                 unavailable.error().message.c_str());
    }

    void keyringPasswordGoesToTheServer()
    {
        std::vector<std::string> received;
        FakeKeyring keyring;
        {
            PasswordServer server(2); // one attempt without a password, one with the keyring's
            keyring.entries[{"sixbtc", keyringKey(settingsFor(server.port()))}] = "from keyring";
            auto connection = PostgresConnection::open(settingsFor(server.port()), keyring);
            QVERIFY(!connection);
            QVERIFY2(connection.error().message.find("password refused by the test") != std::string::npos,
                     connection.error().message.c_str());
            QVERIFY(connection.error().message.find("from keyring") == std::string::npos);
            received = server.passwords();
        }
        QCOMPARE(received, std::vector<std::string>{"from keyring"});
        QCOMPARE(keyring.reads, 1);
    }

    void pgpasswordComesFirst()
    {
        qputenv("PGPASSWORD", "from env");
        std::vector<std::string> received;
        FakeKeyring keyring;
        {
            PasswordServer server(1);
            keyring.entries[{"sixbtc", keyringKey(settingsFor(server.port()))}] = "from keyring";
            auto connection = PostgresConnection::open(settingsFor(server.port()), keyring);
            QVERIFY(!connection);
            QVERIFY2(connection.error().message.find("password refused") != std::string::npos,
                     connection.error().message.c_str());
            received = server.passwords();
        }
        QCOMPARE(received, std::vector<std::string>{"from env"});
        QCOMPARE(keyring.reads, 0);
    }

    void pgpassComesBeforeTheKeyring()
    {
        std::vector<std::string> received;
        FakeKeyring keyring;
        {
            PasswordServer server(1);
            writePgpass(QStringLiteral("127.0.0.1:%1:sixbtc_db:trader:from pgpass").arg(server.port()));
            keyring.entries[{"sixbtc", keyringKey(settingsFor(server.port()))}] = "from keyring";
            auto connection = PostgresConnection::open(settingsFor(server.port()), keyring);
            QVERIFY(!connection);
            received = server.passwords();
        }
        QCOMPARE(received, std::vector<std::string>{"from pgpass"});
        QCOMPARE(keyring.reads, 0);
    }

    void missingPasswordNamesTheKeyringEntry()
    {
        FakeKeyring keyring;
        std::vector<std::string> received;
        std::string message;
        {
            PasswordServer server(1);
            auto connection = PostgresConnection::open(settingsFor(server.port()), keyring);
            QVERIFY(!connection);
            message = connection.error().message;
            received = server.passwords();
        }
        QVERIFY(received.empty());
        QCOMPARE(keyring.reads, 1);
        QVERIFY2(message.find("service 'sixbtc'") != std::string::npos, message.c_str());
    }

    void unreachableServerNeverAsksTheKeyring()
    {
        FakeKeyring keyring;
        keyring.available = false;
        int port = 0;
        {
            const PasswordServer closed(0); // a port that was free a moment ago and is closed again
            port = closed.port();
        }
        auto connection = PostgresConnection::open(settingsFor(port), keyring);
        QVERIFY(!connection);
        QVERIFY2(connection.error().message.find("cannot connect") != std::string::npos,
                 connection.error().message.c_str());
        QCOMPARE(keyring.reads, 0);
    }

    void serverWithoutPasswordNeverAsksTheKeyring()
    {
        using namespace sixbtc::storage::testing;
        if (backendUnderTest() != Backend::Postgres)
            QSKIP("needs the private PostgreSQL server (the _postgres run)");
        const TestDatabase database(Backend::Postgres, Start::Empty);
        QVERIFY2(database.setupError().empty(), database.setupError().c_str());
        FakeKeyring keyring;
        keyring.available = false; // a headless machine: no keyring at all
        auto connection = PostgresConnection::open(database.settings().postgres, keyring);
        SIXBTC_VERIFY_OK(connection);
        QCOMPARE(keyring.reads, 0);
    }
};

QTEST_GUILESS_MAIN(TstKeyring)
#include "tst_keyring.moc"
