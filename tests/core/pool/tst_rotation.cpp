// SPDX-License-Identifier: MIT
// selectRotation and assignSubaccounts: each limit alone, ranking and ties, top_n, exact reasons, subaccounts.
#include <QtTest>

#include <algorithm>
#include <random>
#include <vector>

#include "pool/rotation.h"

using sixbtc::config::RotationSettings;
using sixbtc::config::SubaccountSettings;
using sixbtc::pool::assignSubaccounts;
using sixbtc::pool::DailyReturns;
using sixbtc::pool::RotationCandidate;
using sixbtc::pool::RotationSelection;
using sixbtc::pool::selectRotation;

namespace {

/// Returns 0.005 + 0.001 * d on days 1, 2, 3, ... Deviations from the mean are d (in 0.001) when d sums to zero,
/// so correlations are read off the integer vectors: (-3,-1,1,3) . (-3,3,-1,1) = 8 over |.|^2 = 20 gives 0.4.
DailyReturns deviations(std::initializer_list<int> d, std::int64_t firstDay = 1)
{
    DailyReturns returns;
    std::int64_t day = firstDay;
    for (const int v : d)
        returns[day++] = 0.005 + 0.001 * v;
    return returns;
}

RotationCandidate candidate(const char* uuid, const char* type, const char* timeframe, double score,
                            DailyReturns returns = {})
{
    return {uuid, std::string("S_") + uuid, type, timeframe, score, std::move(returns)};
}

RotationSettings settings(int topN, int maxPerTimeframe, int maxSameType, double maxCorrelation)
{
    return {topN, maxPerTimeframe, maxSameType, maxCorrelation};
}

/// "uuid: reason" of each pick.
QStringList picks(const RotationSelection& s)
{
    QStringList list;
    for (const auto& p : s.selected)
        list << QString::fromStdString(p.candidate->uuid + ": " + p.reason);
    return list;
}

/// "uuid: reason" of each skip.
QStringList skips(const RotationSelection& s)
{
    QStringList list;
    for (const auto& p : s.skipped)
        list << QString::fromStdString(p.candidate->uuid + ": " + p.reason);
    return list;
}

QString line(const char* text)
{
    return QString::fromUtf8(text);
}

/// A mixed set where every rule fires: three timeframes, three types, correlated and unmeasurable returns.
std::vector<RotationCandidate> mixedSet()
{
    return {candidate("u01", "MOM", "5m", 90.0, deviations({-3, -1, 1, 3})),
            candidate("u02", "MOM", "5m", 88.0, deviations({-3, 3, -1, 1})),
            candidate("u03", "MOM", "1h", 88.0, deviations({3, 1, -1, -3})),
            candidate("u04", "REV", "5m", 85.0, deviations({-3, -1, 3, 1})),
            candidate("u05", "REV", "5m", 80.0, deviations({1, 3, -3, -1})),
            candidate("u06", "REV", "1h", 80.0, deviations({-1, -3, 1, 3})),
            candidate("u07", "TRN", "1h", 75.0),
            candidate("u08", "TRN", "4h", 74.5, deviations({-3, -1, 1, 3}, 3)),
            candidate("u09", "TRN", "4h", 74.5, deviations({3, -3, 1, -1})),
            candidate("u10", "BRE", "4h", 70.0, deviations({-1, 1, -3, 3})),
            candidate("u11", "BRE", "1d", 60.0, deviations({0, 0, 0, 0})),
            candidate("u12", "VOL", "1d", 50.0, deviations({1, -1, 3, -3}))};
}

} // namespace

class TstRotation : public QObject
{
    Q_OBJECT

private slots:
    void theTimeframeLimitAloneSkips()
    {
        const std::vector<RotationCandidate> c = {candidate("a", "MOM", "5m", 90.0), candidate("b", "REV", "5m", 80.0),
                                                  candidate("c", "TRN", "5m", 70.0), candidate("d", "BRE", "1h", 60.0),
                                                  candidate("e", "VOL", "5m", 50.0)};
        const RotationSelection s = selectRotation(c, settings(10, 2, 10, 1.0));
        QCOMPARE(picks(s).size(), 3);
        QCOMPARE(s.selected[0].candidate, &c[0]);
        QCOMPARE(s.selected[1].candidate, &c[1]);
        QCOMPARE(s.selected[2].candidate, &c[3]);
        QCOMPARE(skips(s), (QStringList{line("c: timeframe 5m already has 2 picks: S_a, S_b"),
                                        line("e: timeframe 5m already has 2 picks: S_a, S_b")}));
    }

    void theTypeLimitAloneSkips()
    {
        const std::vector<RotationCandidate> c = {candidate("a", "MOM", "5m", 90.0), candidate("b", "MOM", "1h", 80.0),
                                                  candidate("c", "REV", "4h", 70.0), candidate("d", "MOM", "1d", 60.0)};
        const RotationSelection s = selectRotation(c, settings(10, 10, 1, 1.0));
        QCOMPARE(s.selected.size(), std::size_t(2));
        QCOMPARE(s.selected[0].candidate->uuid, std::string("a"));
        QCOMPARE(s.selected[1].candidate->uuid, std::string("c"));
        QCOMPARE(skips(s), (QStringList{line("b: type MOM already has 1 pick: S_a"),
                                        line("d: type MOM already has 1 pick: S_a")}));
    }

    void theCorrelationLimitAloneSkips()
    {
        // With a: b 0.4, c 0.8, d -1. With b: c 0.2, d -0.4. Only c exceeds 0.7; a negative value never conflicts.
        const std::vector<RotationCandidate> c = {candidate("a", "MOM", "5m", 90.0, deviations({-3, -1, 1, 3})),
                                                  candidate("b", "MOM", "5m", 80.0, deviations({-3, 3, -1, 1})),
                                                  candidate("c", "MOM", "5m", 70.0, deviations({-3, -1, 3, 1})),
                                                  candidate("d", "MOM", "5m", 60.0, deviations({3, 1, -1, -3}))};
        const RotationSelection s = selectRotation(c, settings(10, 10, 10, 0.7));
        QCOMPARE(picks(s),
                 (QStringList{line("a: rank 1, score 90.00, first pick"),
                              line("b: rank 2, score 80.00, highest daily-return correlation with an earlier pick: "
                                   "0.40 with S_a over 4 days"),
                              line("d: rank 4, score 60.00, highest daily-return correlation with an earlier pick: "
                                   "-0.40 with S_b over 4 days")}));
        QCOMPARE(skips(s), (QStringList{line("c: daily-return correlation 0.80 with S_a over 4 days > 0.70")}));
    }

    void aLimitCloseToTheValueIsPrintedWithMoreDecimals()
    {
        const std::vector<RotationCandidate> c = {candidate("a", "MOM", "5m", 90.0, deviations({-3, -1, 1, 3})),
                                                  candidate("c", "MOM", "5m", 70.0, deviations({-3, -1, 3, 1}))};
        const RotationSelection s = selectRotation(c, settings(10, 10, 10, 0.7999));
        QCOMPARE(skips(s), (QStringList{line("c: daily-return correlation 0.8000 with S_a over 4 days > 0.7999")}));
        QCOMPARE(selectRotation(c, settings(10, 10, 10, 0.8001)).selected.size(), std::size_t(2));
    }

    void anUnmeasurableCorrelationIsNotAConflict()
    {
        // d shares days 1-4 with a (0.4) and b (constant), and day 10 alone with c.
        DailyReturns dReturns = deviations({-3, 3, -1, 1});
        dReturns[10] = 0.012;
        const std::vector<RotationCandidate> c = {candidate("a", "MOM", "5m", 90.0, deviations({-3, -1, 1, 3})),
                                                  candidate("b", "MOM", "5m", 80.0, deviations({0, 0, 0, 0})),
                                                  candidate("c", "MOM", "5m", 70.0, deviations({-1, 0, 1}, 10)),
                                                  candidate("d", "MOM", "5m", 60.0, dReturns)};
        const RotationSelection s = selectRotation(c, settings(10, 10, 10, 0.5));
        QVERIFY(s.skipped.empty());
        QCOMPARE(picks(s),
                 (QStringList{line("a: rank 1, score 90.00, first pick"),
                              line("b: rank 2, score 80.00, no measurable daily-return correlation with earlier picks; "
                                   "correlation not measurable with S_a (zero variance over 4 days in common)"),
                              line("c: rank 3, score 70.00, no measurable daily-return correlation with earlier picks; "
                                   "correlation not measurable with S_a (0 days in common, 3 needed), "
                                   "S_b (0 days in common, 3 needed)"),
                              line("d: rank 4, score 60.00, highest daily-return correlation with an earlier pick: "
                                   "0.40 with S_a over 4 days; correlation not measurable with "
                                   "S_b (zero variance over 4 days in common), S_c (1 day in common, 3 needed)")}));
    }

    void equalScoresRankByUuid()
    {
        const std::vector<RotationCandidate> c = {candidate("b", "MOM", "5m", 80.0), candidate("c", "MOM", "1h", 80.0),
                                                  candidate("a", "MOM", "4h", 80.0)};
        const RotationSelection s = selectRotation(c, settings(10, 10, 1, 1.0));
        QCOMPARE(picks(s), (QStringList{line("a: rank 1, score 80.00, first pick")}));
        QCOMPARE(skips(s), (QStringList{line("b: type MOM already has 1 pick: S_a"),
                                        line("c: type MOM already has 1 pick: S_a")}));
    }

    void selectionStopsAtTopN()
    {
        const std::vector<RotationCandidate> c = {candidate("a", "MOM", "5m", 90.0), candidate("b", "REV", "5m", 80.0),
                                                  candidate("c", "TRN", "1h", 70.0), candidate("d", "BRE", "5m", 60.0),
                                                  candidate("e", "VOL", "4h", 50.0)};
        const RotationSelection s = selectRotation(c, settings(2, 1, 10, 1.0));
        QCOMPARE(s.selected.size(), std::size_t(2));
        QCOMPARE(s.selected[0].candidate->uuid, std::string("a"));
        QCOMPARE(s.selected[1].candidate->uuid, std::string("c"));
        // d would be skipped and e picked, but neither is reached.
        QCOMPARE(skips(s), (QStringList{line("b: timeframe 5m already has 1 pick: S_a")}));

        const RotationSelection all = selectRotation(c, settings(5, 10, 10, 1.0));
        QCOMPARE(all.selected.size(), std::size_t(5));
        QVERIFY(all.skipped.empty());
        QVERIFY(selectRotation({}, settings(5, 1, 1, 0.5)).selected.empty());
    }

    void theInputOrderDoesNotMatter()
    {
        const std::vector<RotationCandidate> reference = mixedSet();
        const RotationSelection expected = selectRotation(reference, settings(6, 2, 2, 0.7));
        // Every rule fired at least once in the reference run.
        const QString skipped = skips(expected).join(QLatin1Char('\n'));
        QVERIFY2(skipped.contains(QStringLiteral("timeframe")) && skipped.contains(QStringLiteral("type")) &&
                     skipped.contains(QStringLiteral("correlation")),
                 qPrintable(skipped));
        QCOMPARE(expected.selected.size(), std::size_t(6));

        std::mt19937 rng(20240917);
        for (int round = 0; round < 20; ++round) {
            std::vector<RotationCandidate> shuffled = reference;
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
            const RotationSelection s = selectRotation(shuffled, settings(6, 2, 2, 0.7));
            QCOMPARE(picks(s), picks(expected));
            QCOMPARE(skips(s), skips(expected));
        }
    }

    void picksGoToSubaccountsInConfiguredOrder()
    {
        const std::vector<RotationCandidate> c = {candidate("a", "MOM", "5m", 90.0), candidate("b", "REV", "1h", 80.0),
                                                  candidate("c", "TRN", "4h", 70.0)};
        const RotationSelection s = selectRotation(c, settings(10, 10, 10, 1.0));
        const std::vector<SubaccountSettings> two = {{"sub-one", "0x" + std::string(40, '1'), 1000.0},
                                                     {"sub-two", "0x" + std::string(40, '2'), 250.5}};

        const auto fewer = assignSubaccounts(s, two);
        QCOMPARE(fewer.size(), std::size_t(2));
        QCOMPARE(fewer[0].subaccount, std::string("sub-one"));
        QCOMPARE(fewer[0].address, two[0].address);
        QCOMPARE(fewer[0].capitalUsdc, 1000.0);
        QCOMPARE(fewer[0].pick, &s.selected[0]);
        QCOMPARE(fewer[1].subaccount, std::string("sub-two"));
        QCOMPARE(fewer[1].capitalUsdc, 250.5);
        QCOMPARE(fewer[1].pick->candidate->uuid, std::string("b"));

        std::vector<SubaccountSettings> five = two;
        for (const char* name : {"sub-three", "sub-four", "sub-five"})
            five.push_back({name, "0x" + std::string(40, 'a'), 10.0});
        const auto more = assignSubaccounts(s, five);
        QCOMPARE(more.size(), std::size_t(3));
        for (std::size_t i = 0; i < more.size(); ++i) {
            QCOMPARE(more[i].subaccount, five[i].name);
            QCOMPARE(more[i].pick, &s.selected[i]);
        }

        QVERIFY(assignSubaccounts(s, {}).empty());
        QVERIFY(assignSubaccounts(RotationSelection{}, five).empty());
    }
};

QTEST_GUILESS_MAIN(TstRotation)
#include "tst_rotation.moc"
