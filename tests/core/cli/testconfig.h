// SPDX-License-Identifier: MIT
// The shipped configuration rewritten for a CLI test: its database, the bundled candles and the test's own edits.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include "storagetestenv.h"

/// A replacement in the configuration text: every match of the regular expression `first` becomes `second`.
using ConfigEdit = QPair<QString, QString>;

/// Writes config.yaml beside the test database (the SQLite path stays the shipped relative `sixbtc.db`) from the
/// shipped one: database section pointed at `db` (PostgreSQL when that is the backend under test), data.dir the
/// absolute bundled data folder, then `edits`, each of which must match. Returns its path; empty after a failed
/// check (the QVERIFY already reported it).
QString writeTestConfig(const sixbtc::storage::testing::TestDatabase& db, const QList<ConfigEdit>& edits);
