// SPDX-License-Identifier: MIT
// decideRobustness: thresholds, then the score, then the four robustness checks, with every failure named.
#include <QtTest>

#include <cmath>

#include "validation/robustness.h"

using namespace sixbtc::validation;

namespace {

sixbtc::config::ScoringSettings scoring()
{
    sixbtc::config::ScoringSettings s{};
    s.minSharpe = 1.0;
    s.minWinRate = 0.55;
    s.minExpectancy = 0.0;
    s.maxDrawdown = 0.3;
    s.minTrades = {100, 60, 40, 30, 15, 8};
    s.robustnessMinScore = 40;
    s.weights = {0.25, 0.10, 0.15, 0.15, 0.05, 0.15, 0.15};
    return s;
}

const sixbtc::config::OverfittingSettings kOverfitting{.pboPartitions = 16, .maxPbo = 0.5, .minDsr = 0.95};

/// A strategy that passes everything at the exact limits.
RobustnessFigures passing()
{
    RobustnessFigures f;
    f.score = 40.0;
    f.shufflePassed = true;
    f.walkForwardStable = true;
    f.dsr = 0.95;
    f.pbo = 0.5;
    return f;
}

QStringList checks(const RobustnessDecision& d)
{
    QStringList list;
    for (const std::string& c : d.failedChecks)
        list << QString::fromStdString(c);
    return list;
}

} // namespace

class TstRobustness : public QObject
{
    Q_OBJECT

private slots:
    void passingAtTheLimitsIsActive()
    {
        const RobustnessDecision d = decideRobustness(passing(), scoring(), kOverfitting);
        QVERIFY(d.active);
        QCOMPARE(d.stage, DecisionStage::Robustness);
        QVERIFY(d.failedChecks.empty());
        QVERIFY(d.reason.empty());
    }

    void failedThresholdsRejectFirst()
    {
        RobustnessFigures f;
        f.score = 90.0; // a high score does not save a failed threshold; robustness figures are not needed
        f.failedThresholds = {{"scoring.min_sharpe", 0.4, 1.0, "sharpe 0.4 is below scoring.min_sharpe = 1"},
                              {"scoring.min_trades.5m", 12, 100, "12 trades, fewer than scoring.min_trades.5m = 100"}};
        const RobustnessDecision d = decideRobustness(f, scoring(), kOverfitting);
        QVERIFY(!d.active);
        QCOMPARE(d.stage, DecisionStage::Thresholds);
        QCOMPARE(checks(d),
                 (QStringList{QStringLiteral("scoring.min_sharpe"), QStringLiteral("scoring.min_trades.5m")}));
        QCOMPARE(d.reason, std::string("sharpe 0.4 is below scoring.min_sharpe = 1; "
                                       "12 trades, fewer than scoring.min_trades.5m = 100"));
        QCOMPARE(decisionStageName(d.stage), std::string_view("thresholds"));
    }

    void lowScoreRejectsBeforeRobustness_data()
    {
        QTest::addColumn<double>("score");
        QTest::newRow("just below") << 39.999;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("nan") << std::nan("");
    }

    void lowScoreRejectsBeforeRobustness()
    {
        QFETCH(double, score);
        RobustnessFigures f;
        f.score = score;
        const RobustnessDecision d = decideRobustness(f, scoring(), kOverfitting);
        QVERIFY(!d.active);
        QCOMPARE(d.stage, DecisionStage::Score);
        QCOMPARE(checks(d), QStringList{QStringLiteral("score")});
        QVERIFY2(QString::fromStdString(d.reason).contains(QStringLiteral("scoring.robustness_min_score = 40")),
                 d.reason.c_str());
    }

    void eachRobustnessCheckRejects_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("text");
        QTest::newRow("shuffle") << 0 << 0.0 << QStringLiteral("shuffle_test")
                                 << QStringLiteral("shuffle test failed: lookahead at bar 7");
        QTest::newRow("walk-forward") << 1 << 0.0 << QStringLiteral("walk_forward")
                                      << QStringLiteral("walk-forward not stable: edge in 1 of 4");
        QTest::newRow("dsr") << 2 << 0.9499 << QStringLiteral("dsr")
                             << QStringLiteral("deflated Sharpe ratio 0.9499 is below validation.overfitting.min_dsr");
        QTest::newRow("dsr nan") << 2 << std::nan("") << QStringLiteral("dsr") << QStringLiteral("ratio nan");
        QTest::newRow("pbo") << 3 << 0.5001 << QStringLiteral("pbo")
                             << QStringLiteral("overfitting 0.5001 exceeds validation.overfitting.max_pbo = 0.5");
    }

    void eachRobustnessCheckRejects()
    {
        QFETCH(int, which);
        QFETCH(double, value);
        QFETCH(QString, check);
        QFETCH(QString, text);
        RobustnessFigures f = passing();
        f.shuffleReason = "lookahead at bar 7";
        f.walkForwardReason = "edge in 1 of 4";
        if (which == 0)
            f.shufflePassed = false;
        if (which == 1)
            f.walkForwardStable = false;
        if (which == 2)
            f.dsr = value;
        if (which == 3)
            f.pbo = value;
        const RobustnessDecision d = decideRobustness(f, scoring(), kOverfitting);
        QVERIFY(!d.active);
        QCOMPARE(d.stage, DecisionStage::Robustness);
        QCOMPARE(checks(d), QStringList{check});
        QVERIFY2(QString::fromStdString(d.reason).contains(text), d.reason.c_str());
    }

    void everyFailedRobustnessCheckIsListed()
    {
        RobustnessFigures f = passing();
        f.score = 75.0;
        f.shufflePassed = false;
        f.walkForwardStable = false;
        f.dsr = 0.2;
        f.pbo = 0.8;
        const RobustnessDecision d = decideRobustness(f, scoring(), kOverfitting);
        QVERIFY(!d.active);
        QCOMPARE(checks(d), (QStringList{QStringLiteral("shuffle_test"), QStringLiteral("walk_forward"),
                                         QStringLiteral("dsr"), QStringLiteral("pbo")}));
        QCOMPARE(QString::fromStdString(d.reason).count(QStringLiteral("; ")), 3);
        QCOMPARE(decisionStageName(d.stage), std::string_view("robustness"));
    }
};

QTEST_GUILESS_MAIN(TstRobustness)
#include "tst_robustness.moc"
