// SPDX-License-Identifier: MIT
// The shipped configuration rewritten for a CLI test.
#include "testconfig.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace sixbtc::storage::testing;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

bool replaceAll(QString& text, const QString& pattern, const QString& replacement)
{
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    if (!expression.match(text).hasMatch())
        return false;
    text.replace(expression, replacement);
    return true;
}

} // namespace

QString writeTestConfig(const TestDatabase& db, const QList<ConfigEdit>& edits)
{
    QFile shipped(QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml"));
    if (!shipped.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(shipped.readAll());
    QList<ConfigEdit> all{
        {QStringLiteral("dir: \\.\\./resources/data"), QStringLiteral("dir: " SIXBTC_BUNDLED_DATA_DIR)}};
    if (db.backend() == Backend::Postgres) {
        const auto& pg = db.settings().postgres;
        all.append({QStringLiteral("backend: sqlite\\b"), QStringLiteral("backend: postgres")});
        all.append({QStringLiteral("postgres: \\{host:[^}]*\\}"),
                    QStringLiteral("postgres: {host: %1, port: %2, dbname: %3, user: %4, sslmode: disable, "
                                   "connect_timeout_s: 5}")
                        .arg(qs(pg.host))
                        .arg(pg.port)
                        .arg(qs(pg.dbname), qs(pg.user))});
    }
    all.append(edits);
    for (const auto& [pattern, replacement] : all) {
        if (!replaceAll(text, pattern, replacement)) {
            QTest::qFail(qPrintable(QStringLiteral("the configuration has no match for ") + pattern), __FILE__,
                         __LINE__);
            return {};
        }
    }
    const QString path = qs(db.settings().sqlite.path.parent_path().string()) + QStringLiteral("/config.yaml");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        return {};
    return path;
}
