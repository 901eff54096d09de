// SPDX-License-Identifier: MIT
// ActivePool: entry while there is room, entry by beating the weakest, ties, errors, and a reference model.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

#include "pool/activepool.h"

using sixbtc::pool::ActivePool;
using sixbtc::pool::PoolEntry;

namespace {

QStringList uuids(const ActivePool& pool)
{
    QStringList list;
    for (const PoolEntry& e : pool.entries())
        list << QString::fromStdString(e.uuid);
    return list;
}

ActivePool poolOf(int maxActive)
{
    return ActivePool(sixbtc::config::PoolSettings{maxActive});
}

} // namespace

class TstActivePool : public QObject
{
    Q_OBJECT

private slots:
    void newcomersEnterWhileThereIsRoom()
    {
        ActivePool pool = poolOf(3);
        for (const PoolEntry& e : {PoolEntry{"a", 50.0}, PoolEntry{"b", 60.0}, PoolEntry{"c", 40.0}}) {
            const auto admission = pool.offer(e);
            QVERIFY(admission.has_value());
            QVERIFY(admission->admitted);
            QVERIFY(!admission->evicted.has_value());
        }
        QCOMPARE(uuids(pool), (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
        QVERIFY(pool.full());
        QCOMPARE(pool.weakest()->uuid, std::string("c"));
    }

    void aFullPoolAdmitsOnlyByBeatingTheWeakest()
    {
        ActivePool pool = poolOf(3);
        for (const PoolEntry& e : {PoolEntry{"a", 50.0}, PoolEntry{"b", 60.0}, PoolEntry{"c", 40.0}})
            QVERIFY(pool.offer(e).has_value());

        const auto lower = pool.offer({"d", 39.0});
        QVERIFY(lower.has_value());
        QVERIFY(!lower->admitted);
        QVERIFY(!lower->evicted.has_value());
        QVERIFY2(QString::fromStdString(lower->reason).contains(QStringLiteral("pool.max_active = 3")),
                 lower->reason.c_str());

        const auto equal = pool.offer({"0-first-by-uuid", 40.0}); // equal score: the incumbent stays
        QVERIFY(equal.has_value());
        QVERIFY(!equal->admitted);

        const auto higher = pool.offer({"e", 45.0});
        QVERIFY(higher.has_value());
        QVERIFY(higher->admitted);
        QCOMPARE(higher->evicted, std::optional<PoolEntry>(PoolEntry{"c", 40.0}));
        QVERIFY(higher->reason.empty());
        QCOMPARE(uuids(pool), (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("e")}));
        QCOMPARE(pool.size(), std::size_t{3});
    }

    void equalScoresAreOrderedByUuid()
    {
        ActivePool pool = poolOf(3);
        QVERIFY(pool.offer({"bbb", 10.0}).has_value());
        QVERIFY(pool.offer({"ccc", 10.0}).has_value());
        QVERIFY(pool.offer({"aaa", 10.0}).has_value());
        QCOMPARE(uuids(pool), (QStringList{QStringLiteral("aaa"), QStringLiteral("bbb"), QStringLiteral("ccc")}));
        // Among equal lowest scores the greatest UUID is the weakest and leaves first.
        const auto admission = pool.offer({"zzz", 10.5});
        QVERIFY(admission.has_value() && admission->admitted);
        QCOMPARE(admission->evicted->uuid, std::string("ccc"));
        QCOMPARE(uuids(pool), (QStringList{QStringLiteral("zzz"), QStringLiteral("aaa"), QStringLiteral("bbb")}));
    }

    void invalidOffersAreInputErrors()
    {
        ActivePool pool = poolOf(2);
        QVERIFY(pool.offer({"a", 1.0}).has_value());
        const auto duplicate = pool.offer({"a", 99.0});
        QVERIFY(!duplicate.has_value());
        QCOMPARE(duplicate.error().code, sixbtc::common::ErrorCode::Input);
        const auto nan = pool.offer({"b", std::nan("")});
        QVERIFY(!nan.has_value());
        QCOMPARE(nan.error().code, sixbtc::common::ErrorCode::Input);
        QVERIFY(!pool.offer({"c", INFINITY}).has_value());
        QCOMPARE(pool.size(), std::size_t{1});
    }

    void removeMakesRoom()
    {
        ActivePool pool = poolOf(1);
        QVERIFY(pool.offer({"a", 70.0}).has_value());
        QVERIFY(!pool.offer({"b", 10.0})->admitted);
        QVERIFY(pool.remove("a"));
        QVERIFY(!pool.remove("a"));
        QVERIFY(!pool.contains("a"));
        QVERIFY(pool.offer({"b", 10.0})->admitted);
        QVERIFY(pool.contains("b"));
        QCOMPARE(pool.capacity(), std::size_t{1});
    }

    /// Many offers with heavy ties against a naive model: scan for the weakest, sort to compare.
    void matchesANaiveModel()
    {
        ActivePool pool = poolOf(7);
        std::vector<PoolEntry> model;
        std::mt19937_64 generator(7);
        for (int i = 0; i < 400; ++i) {
            const PoolEntry e{"s" + std::to_string(generator() % 1000 + 1000), static_cast<double>(generator() % 6)};
            const bool inModel =
                std::any_of(model.begin(), model.end(), [&](const auto& m) { return m.uuid == e.uuid; });
            const auto admission = pool.offer(e);
            QCOMPARE(admission.has_value(), !inModel);
            if (inModel)
                continue;
            std::optional<PoolEntry> evicted;
            bool admitted = true;
            if (model.size() == 7) {
                auto weakest = model.begin();
                for (auto it = model.begin(); it != model.end(); ++it)
                    if (it->score < weakest->score || (it->score == weakest->score && it->uuid > weakest->uuid))
                        weakest = it;
                admitted = e.score > weakest->score;
                if (admitted) {
                    evicted = *weakest;
                    model.erase(weakest);
                }
            }
            if (admitted)
                model.push_back(e);
            QCOMPARE(admission->admitted, admitted);
            QCOMPARE(admission->evicted, evicted);
            std::vector<PoolEntry> sorted = model;
            std::sort(sorted.begin(), sorted.end(), [](const PoolEntry& a, const PoolEntry& b) {
                return a.score > b.score || (a.score == b.score && a.uuid < b.uuid);
            });
            QCOMPARE(pool.entries(), sorted);
        }
    }
};

QTEST_GUILESS_MAIN(TstActivePool)
#include "tst_activepool.moc"
