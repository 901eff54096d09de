// SPDX-License-Identifier: MIT
// Conformance tests of StrategyRepository::page and count (list order, offsets, the joined newest run of a kind).
#include <QtTest>

#include "storagetestenv.h"

using namespace sixbtc::storage;
using namespace sixbtc::storage::testing;

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;

BacktestMetrics metrics(double seed)
{
    return BacktestMetrics{
        seed / 3.0, seed / 7.0,     0.5, seed * 2.0, -seed, 0.25, static_cast<std::int64_t>(seed * 10), 1.5,
        2.0 / 3.0,  10'000.0 + seed};
}

BacktestRun run(const std::string& uuid, const std::string& kind, double seed)
{
    return BacktestRun{0, uuid, kind, "1h", {"BTC"}, "{}", "ds", 1, 2, "0.1.0", 0, metrics(seed), std::nullopt};
}

std::vector<std::string> uuidsOf(const std::vector<StrategyListing>& listings)
{
    std::vector<std::string> uuids;
    for (const StrategyListing& listing : listings)
        uuids.push_back(listing.record.uuid);
    return uuids;
}

} // namespace

class TstStrategyPaging : public QObject
{
    Q_OBJECT

private:
    MigratedStore m_fixture{kStartMs};
    ManualClock& m_clock = m_fixture.clock();

    Store& store() { return m_fixture.store(); }
    StrategyRepository& repo() { return m_fixture.store().strategies(); }

private slots:
    void init()
    {
        const std::string error = m_fixture.open();
        QVERIFY2(error.empty(), error.c_str());
    }
    void cleanup() { m_fixture.close(); }

    void emptyStoreHasNoPages()
    {
        auto count = repo().count();
        SIXBTC_VERIFY_OK(count);
        QCOMPARE(*count, std::int64_t(0));
        auto page = repo().page(0, 10, "training");
        SIXBTC_VERIFY_OK(page);
        QVERIFY(page->empty());
    }

    void pagesFollowListOrder()
    {
        // Created at three times, inserted out of order; equal times are ordered by name.
        const std::int64_t times[] = {3, 1, 2, 1, 3, 2, 1};
        for (std::int64_t i = 0; i < 7; ++i) {
            m_clock.set(kStartMs + times[i] * 1000);
            auto inserted = repo().insert(sampleStrategy("MOM", 7 - i));
            SIXBTC_VERIFY_OK(inserted);
        }
        auto count = repo().count();
        SIXBTC_VERIFY_OK(count);
        QCOMPARE(*count, std::int64_t(7));

        auto all = repo().list({});
        SIXBTC_VERIFY_OK(all);
        std::vector<std::string> expected;
        for (const StrategyRecord& record : *all)
            expected.push_back(record.uuid);
        // Independently of list(): time 1 holds 1, 4, 6; time 2 holds 2, 5; time 3 holds 3, 7.
        std::vector<std::string> names;
        for (const StrategyRecord& record : *all)
            names.push_back(record.name.substr(record.name.size() - 1));
        QCOMPARE(names, (std::vector<std::string>{"1", "4", "6", "2", "5", "3", "7"}));

        std::vector<std::string> paged;
        for (std::int64_t offset = 0; offset < 9; offset += 3) {
            auto page = repo().page(offset, 3, "training");
            SIXBTC_VERIFY_OK(page);
            QCOMPARE(page->size(), std::size_t(offset < 6 ? 3 : 1));
            const auto uuids = uuidsOf(*page);
            paged.insert(paged.end(), uuids.begin(), uuids.end());
        }
        QCOMPARE(paged, expected);
        auto beyond = repo().page(7, 3, "training");
        SIXBTC_VERIFY_OK(beyond);
        QVERIFY(beyond->empty());
        auto none = repo().page(0, 0, "training");
        SIXBTC_VERIFY_OK(none);
        QVERIFY(none->empty());
    }

    void pageCarriesTheWholeRecord()
    {
        NewStrategy s = sampleStrategy("REV", 3);
        s.record.score = 0.1 + 0.2;
        s.record.generationMode = GenerationMode::AiFree;
        auto inserted = repo().insert(s);
        SIXBTC_VERIFY_OK(inserted);
        auto transitioned = repo().transition(s.record.uuid, StrategyStatus::Validated, "");
        SIXBTC_VERIFY_OK(transitioned);
        auto page = repo().page(0, 10, "training");
        SIXBTC_VERIFY_OK(page);
        QCOMPARE(page->size(), std::size_t(1));
        const StrategyRecord& got = page->front().record;
        QCOMPARE(got.uuid, s.record.uuid);
        QCOMPARE(got.name, s.record.name);
        QCOMPARE(got.type, std::string("REV"));
        QCOMPARE(got.timeframe, std::string("1h"));
        QCOMPARE(got.symbols, (std::vector<std::string>{"BTC", "ETH"}));
        QCOMPARE(got.code, s.record.code);
        QCOMPARE(got.generationMode, GenerationMode::AiFree);
        QCOMPARE(got.createdAtMs, kStartMs);
        QCOMPARE(got.status, StrategyStatus::Validated);
        QCOMPARE(got.score, std::optional<double>(0.30000000000000004));
        QVERIFY(!page->front().run.has_value());
    }

    void pageJoinsTheNewestRunOfTheKind()
    {
        const NewStrategy a = sampleStrategy("MOM", 1);
        const NewStrategy b = sampleStrategy("MOM", 2);
        const NewStrategy c = sampleStrategy("MOM", 3);
        auto inserted = repo().insertMany({a, b, c});
        SIXBTC_VERIFY_OK(inserted);
        // a: training 1, holdout 2, training 3 (the newest training run wins); b: holdout 4 only; c: nothing.
        auto runs =
            store().backtests().insertRuns({run(a.record.uuid, "training", 1.0), run(a.record.uuid, "holdout", 2.0),
                                            run(a.record.uuid, "training", 3.0), run(b.record.uuid, "holdout", 4.0)});
        SIXBTC_VERIFY_OK(runs);

        auto training = repo().page(0, 10, "training");
        SIXBTC_VERIFY_OK(training);
        QCOMPARE(uuidsOf(*training), (std::vector<std::string>{a.record.uuid, b.record.uuid, c.record.uuid}));
        QVERIFY((*training)[0].run.has_value());
        QCOMPARE(*(*training)[0].run, metrics(3.0));
        QCOMPARE((*training)[0].run->nTrades, std::int64_t(30));
        QVERIFY(!(*training)[1].run.has_value());
        QVERIFY(!(*training)[2].run.has_value());

        auto holdout = repo().page(1, 10, "holdout");
        SIXBTC_VERIFY_OK(holdout);
        QCOMPARE(uuidsOf(*holdout), (std::vector<std::string>{b.record.uuid, c.record.uuid}));
        QVERIFY((*holdout)[0].run.has_value());
        QCOMPARE(*(*holdout)[0].run, metrics(4.0));
        QVERIFY(!(*holdout)[1].run.has_value());
    }
};

QTEST_GUILESS_MAIN(TstStrategyPaging)
#include "tst_strategypaging.moc"
