// SPDX-License-Identifier: MIT
// Versioned schema migrations and the Migrator that applies them, each in one transaction.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "storage/api/clock.h"
#include "storage/api/sqlconnection.h"
#include "storage/api/store.h"

namespace sixbtc::storage {

/// One schema step; `script` holds statements without parameters.
struct Migration
{
    int version;
    std::string description;
    std::string script;
};

/// The migrations of this application for one dialect, versions 1..n in order.
std::vector<Migration> schemaMigrations(Dialect dialect);

/// Reads and advances the version recorded in the `schema_version` table.
class Migrator
{
public:
    /// \warning `migrations` must be numbered 1..n in order.
    Migrator(SqlConnection& connection, std::vector<Migration> migrations, const Clock& clock);

    int targetVersion() const;
    common::Result<SchemaStatus> status();
    /// A Database error when the database is newer than this application.
    common::Result<void> refuseNewer();
    /// Applies the missing migrations up to `version`, each in one transaction recorded in schema_version.
    /// Safe against another process migrating at the same time.
    common::Result<SchemaStatus> migrateTo(int version);

private:
    common::Result<int> currentVersion();
    common::Result<void> apply(const Migration& migration);

    SqlConnection& m_connection;
    std::vector<Migration> m_migrations;
    const Clock& m_clock;
};

} // namespace sixbtc::storage
