// SPDX-License-Identifier: MIT
// Tests of `sixbtc optimize --holdout/--store` and `sixbtc walkforward` through the real binary on bundled candles.
#include <QtTest>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "clirunner.h"
#include "storage/api/clock.h"
#include "storage/storefactory.h"

namespace {

const QString strategies = QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/");
const QString smallGrid = QStringLiteral(SIXBTC_TEST_DATA_DIR "/backtest/small-grid.yaml");
const QString shippedConfig = QStringLiteral(SIXBTC_SOURCE_DIR "/config/config.yaml");

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject readJson(const QString& path)
{
    return QJsonDocument::fromJson(readBytes(path)).object();
}

qint64 utcMs(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

/// The record without its "timing" object, as compact JSON.
QByteArray withoutTiming(QJsonObject record)
{
    record.remove(QStringLiteral("timing"));
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

} // namespace

class TstOptimizeCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    QString m_config;
    QString m_stored; ///< the expanded strategy the walk-forward tests use

    QString temp(const QString& name) const { return m_home.filePath(name); }
    CliRun run(const QStringList& args) const
    {
        return runSixbtc(QStringList{QStringLiteral("--config"), m_config} + args, m_env);
    }
    /// 70 days of BTC 5m: 60 days of training and a 10-day holdout.
    static QStringList range()
    {
        return {QStringLiteral("--from"), QStringLiteral("2025-03-01"), QStringLiteral("--to"),
                QStringLiteral("2025-05-10")};
    }
    QStringList optimize(const QStringList& more) const
    {
        return QStringList{QStringLiteral("optimize"), QStringLiteral("--strategy-file"),
                           strategies + QStringLiteral("reference_rsi.yaml"), QStringLiteral("--grid"), smallGrid} +
               range() + more;
    }
    /// The runs of kind `kind` stored for the strategy `uuid`.
    int storedRuns(const std::string& uuid, const std::string& kind) const
    {
        sixbtc::config::DatabaseSettings settings{};
        settings.backend = sixbtc::config::DatabaseBackend::Sqlite;
        settings.sqlite = {temp(QStringLiteral("sixbtc.db")).toStdString(), 5000};
        const sixbtc::storage::SystemClock clock;
        auto store = sixbtc::storage::openStore(settings, clock);
        if (!store)
            return -1;
        auto runs = (*store)->backtests().runsOf(uuid);
        if (!runs)
            return -1;
        return static_cast<int>(
            std::count_if(runs->begin(), runs->end(), [&](const auto& r) { return r.kind == kind; }));
    }

private slots:
    void initTestCase()
    {
        m_env = isolatedEnvironment(m_home.path());
        QString config = QString::fromUtf8(readBytes(shippedConfig));
        const QList<std::pair<QString, QString>> edits{
            {QStringLiteral("dir: ../resources/data "),
             QStringLiteral("dir: ") + QStringLiteral(SIXBTC_SOURCE_DIR "/resources/data ")},
            {QStringLiteral("training_days: 365 "), QStringLiteral("training_days: 60 ")},
            {QStringLiteral("holdout_days: 30 "), QStringLiteral("holdout_days: 10 ")},
            {QStringLiteral("threads: 0 "), QStringLiteral("threads: 2 ")}};
        for (const auto& [from, to] : edits) {
            QVERIFY2(config.count(from) == 1, qPrintable(from));
            config.replace(from, to);
        }
        m_config = temp(QStringLiteral("config.yaml"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(config.toUtf8()) > 0);
    }

    void holdoutAddsTheProofToTheRecord()
    {
        const QString json = temp(QStringLiteral("holdout.json"));
        const CliRun r = run(optimize({QStringLiteral("--holdout"), QStringLiteral("--json"), json}));
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("shuffle test: passed")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("training 2025-03-01")), qPrintable(r.out));
        const QJsonObject record = readJson(json);
        // The engine's contract: every strategy over exactly --from/--to (70 days of 5m bars).
        QCOMPARE(record.value(QStringLiteral("timing")).toObject().value(QStringLiteral("bars")).toInteger(), 70 * 288);
        const QJsonArray all = record.value(QStringLiteral("strategies")).toArray();
        QCOMPARE(all.size(), 16);
        for (const QJsonValue& value : all) {
            const QJsonObject v = value.toObject().value(QStringLiteral("validation")).toObject();
            for (const char* key : {"training", "holdout", "return_moments"})
                QVERIFY2(v.value(QString::fromLatin1(key)).isObject(), key);
            for (const char* key : {"score", "dsr", "pbo"})
                QVERIFY2(v.value(QString::fromLatin1(key)).isDouble(), key);
            QVERIFY(v.value(QStringLiteral("shuffle_passed")).toBool());
            const QString status =
                v.value(QStringLiteral("decision")).toObject().value(QStringLiteral("status")).toString();
            QVERIFY2(status == QStringLiteral("ACTIVE") || status == QStringLiteral("REJECTED"), qPrintable(status));
            QCOMPARE(v.value(QStringLiteral("walk_forward")).isObject(),
                     v.value(QStringLiteral("decision")).toObject().value(QStringLiteral("stage")).toString() ==
                         QStringLiteral("robustness"));
        }
        const QJsonObject top = record.value(QStringLiteral("validation")).toObject();
        const QJsonObject split = top.value(QStringLiteral("split")).toObject();
        QCOMPARE(split.value(QStringLiteral("training")).toObject().value(QStringLiteral("from_ms")).toInteger(),
                 utcMs("2025-03-01T00:00:00Z"));
        QCOMPARE(split.value(QStringLiteral("holdout")).toObject().value(QStringLiteral("from_ms")).toInteger(),
                 utcMs("2025-04-30T00:00:00Z"));
        QCOMPARE(split.value(QStringLiteral("holdout")).toObject().value(QStringLiteral("to_ms")).toInteger(),
                 utcMs("2025-05-10T00:00:00Z"));
        QCOMPARE(top.value(QStringLiteral("walk_forward")).toObject().value(QStringLiteral("windows")).toArray().size(),
                 4);
        QCOMPARE(top.value(QStringLiteral("overfitting")).toObject().value(QStringLiteral("trials")).toInteger(), 16);
        QVERIFY(top.value(QStringLiteral("shuffle")).toObject().value(QStringLiteral("passed")).toBool());

        const QString again = temp(QStringLiteral("holdout-again.json"));
        const CliRun second = run(optimize({QStringLiteral("--holdout"), QStringLiteral("--json"), again}));
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(withoutTiming(readJson(again)), withoutTiming(record));
    }

    void storeWritesBaseAndExpanded()
    {
        const CliRun r = run(optimize({QStringLiteral("--store")}));
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("stored base PatStrat_REV_")), qPrintable(r.out));
        const CliRun list = run({QStringLiteral("strategies"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(rows.size(), 17);
        QString baseUuid;
        int expanded = 0;
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            const QString name = row.value(QStringLiteral("name")).toString();
            if (name.startsWith(QStringLiteral("PatStrat_REV_"))) {
                QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("RETIRED"));
                baseUuid = row.value(QStringLiteral("uuid")).toString();
            }
        }
        QVERIFY(!baseUuid.isEmpty());
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            if (!row.value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Strategy_REV_")))
                continue;
            ++expanded;
            QCOMPARE(row.value(QStringLiteral("base_uuid")).toString(), baseUuid);
            QCOMPARE(row.value(QStringLiteral("generation_mode")).toString(), QStringLiteral("optimized"));
            const QString status = row.value(QStringLiteral("status")).toString();
            QVERIFY2(status == QStringLiteral("ACTIVE") || status == QStringLiteral("REJECTED"), qPrintable(status));
            if (m_stored.isEmpty())
                m_stored = row.value(QStringLiteral("name")).toString();
        }
        QCOMPARE(expanded, 16);

        const CliRun twice = run(optimize({QStringLiteral("--store")}));
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains(QStringLiteral("already stored")), qPrintable(twice.err));
        const CliRun after = run({QStringLiteral("strategies"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).array(), rows);
    }

    void walkForwardOfAStoredStrategy()
    {
        QVERIFY(!m_stored.isEmpty());
        const CliRun list = run({QStringLiteral("strategies"), QStringLiteral("list"), QStringLiteral("--json")});
        std::string uuid;
        for (const QJsonValue& value : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
            if (value.toObject().value(QStringLiteral("name")).toString() == m_stored)
                uuid = value.toObject().value(QStringLiteral("uuid")).toString().toStdString();
        }
        const int before = storedRuns(uuid, "walk_forward");
        QVERIFY(before >= 0);
        const QString json = temp(QStringLiteral("walkforward.json"));
        const QStringList args = QStringList{QStringLiteral("walkforward"), QStringLiteral("--strategy"), m_stored} +
                                 range() + QStringList{QStringLiteral("--json"), json};
        const CliRun r = run(args);
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(m_stored + QStringLiteral(" (")) &&
                     r.out.contains(QStringLiteral("walk-forward over the training range 2025-03-01")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("windows with edge")), qPrintable(r.out));
        const QJsonArray windows = readJson(json).value(QStringLiteral("windows")).toArray();
        QCOMPARE(windows.size(), 4);
        QCOMPARE(windows.first()
                     .toObject()
                     .value(QStringLiteral("in_sample"))
                     .toObject()
                     .value(QStringLiteral("from_ms"))
                     .toInteger(),
                 utcMs("2025-03-01T00:00:00Z"));
        QCOMPARE(windows.last()
                     .toObject()
                     .value(QStringLiteral("out_of_sample"))
                     .toObject()
                     .value(QStringLiteral("to_ms"))
                     .toInteger(),
                 utcMs("2025-04-30T00:00:00Z"));
        QCOMPARE(storedRuns(uuid, "walk_forward"), before + 1);
        const QByteArray first = readBytes(json);
        QCOMPARE(run(args).exitCode, 0);
        QCOMPARE(storedRuns(uuid, "walk_forward"), before + 2);
        QCOMPARE(readBytes(json), first);
    }

    void walkForwardRefusesBadNames()
    {
        const CliRun unknown =
            run({QStringLiteral("walkforward"), QStringLiteral("--strategy"), QStringLiteral("Strategy_REV_deadbeef")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no stored strategy is named Strategy_REV_deadbeef")),
                 qPrintable(unknown.err));
        const CliRun missing = run({QStringLiteral("walkforward")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("--strategy")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TstOptimizeCommands)
#include "tst_optimizecommands.moc"
