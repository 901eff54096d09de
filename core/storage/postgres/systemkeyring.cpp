// SPDX-License-Identifier: MIT
// The OS keyring through QtKeychain's asynchronous read job.
#include "storage/postgres/systemkeyring.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace sixbtc::storage::postgres {

common::Result<std::optional<std::string>> SystemKeyring::read(const std::string& service, const std::string& key)
{
    if (!QCoreApplication::instance())
        return common::fail(common::ErrorCode::Database, "the OS keyring needs a running Qt application");
    QKeychain::ReadPasswordJob job(QString::fromStdString(service));
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(QString::fromStdString(key));
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    job.start();
    if (!finished)
        loop.exec();
    switch (job.error()) {
    case QKeychain::NoError: return std::optional<std::string>(job.textData().toStdString());
    case QKeychain::EntryNotFound: return std::optional<std::string>();
    default:
        return common::fail(common::ErrorCode::Database,
                            "OS keyring not available: " + job.errorString().toStdString());
    }
}

} // namespace sixbtc::storage::postgres
