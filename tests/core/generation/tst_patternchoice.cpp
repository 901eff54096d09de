// SPDX-License-Identifier: MIT
// The choice of patterns per timeframe: interleaved type order, per-timeframe offsets, taken ones skipped.
#include <QtTest>

#include <set>

#include "generation/patternchoice.h"

using sixbtc::generation::choosePatterns;
using sixbtc::generation::interleavedOrder;
using sixbtc::generation::Pattern;
using sixbtc::generation::PatternLibrary;
using sixbtc::strategy::StrategyType;

namespace {

Pattern makePattern(const std::string& id, StrategyType type)
{
    return Pattern{id, type, "test idea", {"close > open", "close < open", {}, {}}};
}

/// 2 MOM, 1 REV, 2 TRN, given out of order: the interleaved order is m_a r_a t_a m_b t_b.
PatternLibrary smallLibrary()
{
    auto library = PatternLibrary::fromPatterns({
        makePattern("t_b", StrategyType::TRN),
        makePattern("m_b", StrategyType::MOM),
        makePattern("r_a", StrategyType::REV),
        makePattern("t_a", StrategyType::TRN),
        makePattern("m_a", StrategyType::MOM),
    });
    if (!library)
        qFatal("%s", library.error().message.c_str());
    return std::move(*library);
}

QStringList ids(const std::vector<const Pattern*>& patterns)
{
    QStringList out;
    for (const Pattern* p : patterns)
        out << QString::fromStdString(p->id);
    return out;
}

bool noneTaken(const Pattern&)
{
    return false;
}

} // namespace

class TstPatternChoice : public QObject
{
    Q_OBJECT

private slots:
    void typesAreInterleavedInTheFixedOrder()
    {
        QCOMPARE(ids(interleavedOrder(smallLibrary())),
                 (QStringList{QStringLiteral("m_a"), QStringLiteral("r_a"), QStringLiteral("t_a"),
                              QStringLiteral("m_b"), QStringLiteral("t_b")}));
        // VOL before BRE in id order, BRE before VOL in type order; a type with more patterns runs on alone.
        auto mixed = PatternLibrary::fromPatterns(
            {makePattern("a_vol", StrategyType::VOL), makePattern("b_bre", StrategyType::BRE),
             makePattern("c_rev", StrategyType::REV), makePattern("d_rev", StrategyType::REV),
             makePattern("e_rev", StrategyType::REV)});
        QVERIFY(mixed.has_value());
        QCOMPARE(ids(interleavedOrder(*mixed)),
                 (QStringList{QStringLiteral("c_rev"), QStringLiteral("b_bre"), QStringLiteral("a_vol"),
                              QStringLiteral("d_rev"), QStringLiteral("e_rev")}));
    }

    void eachTimeframeStartsAtItsOffset_data()
    {
        QTest::addColumn<int>("timeframeIndex");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("expected");
        // Order m_a r_a t_a m_b t_b (size 5); start = (index * count) mod 5.
        QTest::newRow("tf0 count2") << 0 << 2 << QStringList{QStringLiteral("m_a"), QStringLiteral("r_a")};
        QTest::newRow("tf1 count2") << 1 << 2 << QStringList{QStringLiteral("t_a"), QStringLiteral("m_b")};
        QTest::newRow("tf2 count2 wraps") << 2 << 2 << QStringList{QStringLiteral("t_b"), QStringLiteral("m_a")};
        QTest::newRow("tf3 count2") << 3 << 2 << QStringList{QStringLiteral("r_a"), QStringLiteral("t_a")};
        QTest::newRow("tf5 count2 = start 0") << 5 << 2 << QStringList{QStringLiteral("m_a"), QStringLiteral("r_a")};
        QTest::newRow("tf1 count3") << 1 << 3
                                    << QStringList{QStringLiteral("m_b"), QStringLiteral("t_b"), QStringLiteral("m_a")};
        QTest::newRow("tf4 count3 start 2")
            << 4 << 3 << QStringList{QStringLiteral("t_a"), QStringLiteral("m_b"), QStringLiteral("t_b")};
        QTest::newRow("count above size gives all once, start 8 mod 5")
            << 1 << 8
            << QStringList{QStringLiteral("m_b"), QStringLiteral("t_b"), QStringLiteral("m_a"), QStringLiteral("r_a"),
                           QStringLiteral("t_a")};
        QTest::newRow("count 0") << 3 << 0 << QStringList{};
    }
    void eachTimeframeStartsAtItsOffset()
    {
        QFETCH(int, timeframeIndex);
        QFETCH(int, count);
        QFETCH(QStringList, expected);
        const PatternLibrary library = smallLibrary();
        QCOMPARE(ids(choosePatterns(library, std::size_t(timeframeIndex), std::size_t(count), noneTaken)), expected);
    }

    void takenPatternsAreSkipped()
    {
        const PatternLibrary library = smallLibrary();
        const std::set<std::string> taken{"t_a", "m_a"};
        const auto isTaken = [&](const Pattern& p) { return taken.count(p.id) > 0; };
        // tf1, count 2: start 2 (t_a, taken) -> m_b, t_b.
        QCOMPARE(ids(choosePatterns(library, 1, 2, isTaken)),
                 (QStringList{QStringLiteral("m_b"), QStringLiteral("t_b")}));
        // tf2, count 2: start 4 -> t_b, (m_a taken), r_a.
        QCOMPARE(ids(choosePatterns(library, 2, 2, isTaken)),
                 (QStringList{QStringLiteral("t_b"), QStringLiteral("r_a")}));
    }

    void anExhaustedLibraryGivesFewer()
    {
        const PatternLibrary library = smallLibrary();
        const auto allButOne = [](const Pattern& p) { return p.id != "m_b"; };
        QCOMPARE(ids(choosePatterns(library, 0, 3, allButOne)), QStringList{QStringLiteral("m_b")});
        const auto all = [](const Pattern&) { return true; };
        QVERIFY(choosePatterns(library, 4, 3, all).empty());
    }

    void laterCyclesPickWhatIsLeft()
    {
        // One timeframe, count 2 per cycle, taking what was chosen: 5 patterns are covered in 3 cycles, then none.
        const PatternLibrary library = smallLibrary();
        std::set<std::string> taken;
        const auto isTaken = [&](const Pattern& p) { return taken.count(p.id) > 0; };
        QStringList cycles;
        for (int cycle = 0; cycle < 4; ++cycle) {
            const auto chosen = choosePatterns(library, 2, 2, isTaken);
            cycles << ids(chosen).join(QLatin1Char('+'));
            for (const Pattern* p : chosen)
                taken.insert(p->id);
        }
        QCOMPARE(cycles,
                 (QStringList{QStringLiteral("t_b+m_a"), QStringLiteral("r_a+t_a"), QStringLiteral("m_b"), QString()}));
    }
};

QTEST_GUILESS_MAIN(TstPatternChoice)
#include "tst_patternchoice.moc"
