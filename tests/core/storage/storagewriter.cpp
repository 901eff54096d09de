// SPDX-License-Identifier: MIT
// storage_writer: a second process writing to a test database, for the concurrency and crash tests.
//
// storage_writer sqlite PATH BUSY_MS MODE TYPE COUNT
// storage_writer postgres HOST PORT USER DBNAME MODE TYPE COUNT
// MODE insert: stores COUNT strategies of TYPE, one transaction each, then prints "done".
// MODE hold:   stores COUNT strategies of TYPE in one transaction, prints "inside" and waits to be killed.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "storage/storefactory.h"
#include "storagetestenv.h"

using namespace sixbtc;

namespace {

int failWith(const common::Error& error)
{
    std::fprintf(stderr, "storage_writer: %s\n", error.fullText().c_str());
    return 3;
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    config::DatabaseSettings settings{};
    std::size_t next = 0;
    if (args.size() == 6 && args[0] == "sqlite") {
        settings.backend = config::DatabaseBackend::Sqlite;
        settings.sqlite = {args[1], std::stoi(args[2])};
        next = 3;
    } else if (args.size() == 8 && args[0] == "postgres") {
        settings.backend = config::DatabaseBackend::Postgres;
        settings.postgres = {args[1], std::stoi(args[2]), args[4], args[3], "disable", 5};
        next = 5;
    } else {
        std::fprintf(stderr, "usage: storage_writer sqlite PATH BUSY_MS|postgres HOST PORT USER DBNAME "
                             "insert|hold TYPE COUNT\n");
        return 2;
    }
    const std::string mode = args[next];
    const std::string type = args[next + 1];
    const int count = std::stoi(args[next + 2]);

    const storage::SystemClock clock;
    auto store = storage::openStore(settings, clock);
    if (!store)
        return failWith(store.error());
    if (auto migrated = (*store)->migrate(); !migrated)
        return failWith(migrated.error());
    auto& strategies = (*store)->strategies();
    if (mode == "insert") {
        for (int i = 0; i < count; ++i) {
            if (auto inserted = strategies.insert(storage::testing::sampleStrategy(type, i)); !inserted)
                return failWith(inserted.error());
        }
        std::printf("done\n");
        return 0;
    }
    auto held = (*store)->inTransaction([&]() -> common::Result<void> {
        for (int i = 0; i < count; ++i) {
            if (auto inserted = strategies.insert(storage::testing::sampleStrategy(type, i)); !inserted)
                return inserted;
        }
        std::printf("inside\n");
        std::fflush(stdout);
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    });
    return failWith(held.error());
}
