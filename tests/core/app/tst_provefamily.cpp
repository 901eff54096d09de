// SPDX-License-Identifier: MIT
// proveFamily on real BTC 1h candles: the split by hand, metrics against direct Engine runs, decisions, determinism.
#include <QtTest>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

#include "app/familyrecord.h"
#include "app/provefamily.h"
#include "backtest/engine.h"
#include "backtest/resultjson.h"
#include "config/configloader.h"
#include "validation/deflatedsharpe.h"
#include "validation/returnstats.h"

using namespace sixbtc;

namespace {

/// An RSI(7) reversal on BTC 1h that trades every few days.
constexpr const char* kDocument = R"(type: REV
timeframe: 1h
symbols: [BTC]
signals:
  long_entry: "rsi(close, 7)[1] < 35 and rsi(close, 7) >= 35"
  short_entry: "rsi(close, 7)[1] > 65 and rsi(close, 7) <= 65"
risk: {sl_pct: 0.01, tp_pct: 0.02, leverage: 2, exit_after_bars: 0}
)";

std::int64_t utcMs(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

/// The decision recomputed from the proof's own figures, exactly as the issue orders the checks.
validation::RobustnessDecision expectedDecision(const app::StrategyProof& s, const app::FamilyProof& family,
                                                const config::Config& config)
{
    const common::Timeframe tf(common::Timeframe::Id::H1);
    validation::RobustnessFigures figures;
    figures.failedThresholds = validation::checkThresholds(s.training, config.scoring, tf);
    figures.score = validation::unifiedScore(s.training, config.scoring, tf);
    if (figures.failedThresholds.empty() && figures.score >= config.scoring.robustnessMinScore) {
        figures.shufflePassed = family.shuffle.passed;
        figures.shuffleReason = family.shuffle.reason;
        figures.walkForwardStable = family.familyWalkForward.stable && s.walkForward && s.walkForward->stable;
        figures.walkForwardReason = "(not compared)";
        figures.dsr = family.overfitting.dsr[s.gridIndex];
        figures.pbo = family.overfitting.pbo.pbo;
    }
    return validation::decideRobustness(figures, config.scoring, config.validation.overfitting);
}

} // namespace

class TstProveFamily : public QObject
{
    Q_OBJECT

private:
    config::Config m_config;
    std::vector<data::CandleData> m_candles;
    std::optional<strategy::StrategyDocument> m_document;
    std::optional<app::PreparedBacktest> m_prepared;
    backtest::ParamGrid m_grid;
    std::optional<app::FamilyProof> m_proof; ///< with m_config (the shipped thresholds)

    common::Result<app::FamilyProof> prove(const config::Config& config, const app::PreparedBacktest& prepared,
                                           common::CancelToken cancel = {}) const
    {
        return app::proveFamily(
            app::FamilyProofInput{&*m_document, &m_candles, &prepared, &m_grid, &config, std::move(cancel), {}});
    }

    common::Result<app::FamilyProof> prove(const config::Config& config) const { return prove(config, *m_prepared); }

    QByteArray recordOf(const app::FamilyProof& proof) const
    {
        auto outcome = app::runOptimize(m_prepared->data, backtest::engineSettingsFrom(m_config), m_grid, 1, false, {});
        if (!outcome)
            qFatal("%s", outcome.error().fullText().c_str());
        QJsonObject record = backtest::optimizeRecord(m_prepared->data, m_grid.params, outcome->metrics,
                                                      outcome->trades, backtest::BatchTiming{0.0});
        app::addProofToRecord(record, proof);
        return backtest::recordText(record);
    }

    /// Every decision equals decideRobustness on the proof's figures; walk-forward only where the stage was reached.
    void checkDecisions(const app::FamilyProof& proof, const config::Config& config, int& reached) const
    {
        reached = 0;
        QCOMPARE(proof.strategies.size(), m_grid.params.size());
        for (std::size_t i = 0; i < proof.strategies.size(); ++i) {
            const app::StrategyProof& s = proof.strategies[i];
            QCOMPARE(s.gridIndex, i);
            const auto expected = expectedDecision(s, proof, config);
            QCOMPARE(s.decision.active, expected.active);
            QCOMPARE(s.decision.stage, expected.stage);
            QCOMPARE(s.decision.failedChecks, expected.failedChecks);
            const bool atRobustness = expected.stage == validation::DecisionStage::Robustness;
            QCOMPARE(s.walkForward.has_value(), atRobustness);
            if (std::find(expected.failedChecks.begin(), expected.failedChecks.end(), "walk_forward") ==
                expected.failedChecks.end())
                QCOMPARE(s.decision.reason, expected.reason);
            reached += atRobustness ? 1 : 0;
        }
    }

private slots:
    void initTestCase()
    {
        auto config = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
        QVERIFY2(config, config ? "" : config.error().fullText().c_str());
        m_config = *config;
        m_config.backtest.trainingDays = 90;
        m_config.backtest.holdoutDays = 20;
        m_config.backtest.threads = 2;
        auto candles = data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT_USDT-1h.csv.gz", "BTC",
                                                common::Timeframe(common::Timeframe::Id::H1));
        QVERIFY2(candles, candles ? "" : candles.error().fullText().c_str());
        m_candles.push_back(std::move(*candles));
        auto parsed = strategy::parseStrategyDocument(kDocument, "rsi7.yaml");
        QVERIFY(parsed.document);
        m_document = std::move(*parsed.document);
        auto prepared = app::prepareBacktest(*m_document, m_candles,
                                             {utcMs("2025-03-01T00:00:00Z"), utcMs("2025-07-01T00:00:00Z")}, false);
        QVERIFY2(prepared, prepared ? "" : prepared.error().fullText().c_str());
        m_prepared = std::move(*prepared);
        auto grid = backtest::expandGrid(config::GridSettings{{0.01, 0.02}, {0.015, 0.04}, {1.0, 3.0}, {0, 24}});
        QVERIFY(grid);
        m_grid = std::move(*grid);
        auto proof = prove(m_config);
        QVERIFY2(proof, proof ? "" : proof.error().fullText().c_str());
        m_proof = std::move(*proof);
    }

    void splitIsCutFromTheEnd()
    {
        const auto times = m_prepared->data.timestampMs();
        QCOMPARE(times.front(), utcMs("2025-03-01T00:00:00Z"));
        QCOMPARE(times.back(), utcMs("2025-06-30T23:00:00Z"));
        // End = last bar + 1 h = 2025-07-01; the holdout is its last 20 days, the training the 90 days before.
        const validation::HoldoutSplit& split = m_proof->split;
        QCOMPARE(split.holdout.fromMs, utcMs("2025-06-11T00:00:00Z"));
        QCOMPARE(split.holdout.toMs, utcMs("2025-07-01T00:00:00Z"));
        QCOMPARE(split.training.fromMs, utcMs("2025-03-13T00:00:00Z"));
        QCOMPARE(split.training.toMs, utcMs("2025-06-11T00:00:00Z"));
        QVERIFY(!split.truncated && split.notes.empty());

        config::Config longer = m_config;
        longer.backtest.trainingDays = 200;
        auto cut = prove(longer);
        QVERIFY2(cut, cut ? "" : cut.error().fullText().c_str());
        QVERIFY(cut->split.truncated);
        QCOMPARE(cut->split.training.fromMs, utcMs("2025-03-01T00:00:00Z"));
        QCOMPARE(cut->split.training.toMs, utcMs("2025-06-11T00:00:00Z"));
        QCOMPARE(cut->split.holdout.fromMs, split.holdout.fromMs);
        QVERIFY(cut->split.notes.size() == 1 &&
                cut->split.notes[0].find("backtest.training_days") != std::string::npos);
    }

    void trainingAndHoldoutEqualDirectEngineRuns()
    {
        const auto settings = backtest::engineSettingsFrom(m_config);
        auto training = backtest::BacktestData::build(m_prepared->inputs,
                                                      {utcMs("2025-03-13T00:00:00Z"), utcMs("2025-06-11T00:00:00Z")});
        auto holdout = backtest::BacktestData::build(m_prepared->inputs,
                                                     {utcMs("2025-06-11T00:00:00Z"), utcMs("2025-07-01T00:00:00Z")});
        QVERIFY(training && holdout);
        QCOMPARE(training->bars(), std::size_t{90 * 24});
        QCOMPARE(holdout->bars(), std::size_t{20 * 24});
        backtest::Engine trainingEngine(*training, settings);
        backtest::Engine holdoutEngine(*holdout, settings);
        std::int64_t trainingTrades = 0;
        std::int64_t holdoutTrades = 0;
        for (std::size_t i = 0; i < m_grid.params.size(); ++i) {
            const app::StrategyProof& s = m_proof->strategies[i];
            const backtest::Metrics expected = trainingEngine.run(m_grid.params[i]);
            QVERIFY2(s.training == expected, qPrintable(QString::number(i)));
            QVERIFY(s.moments == validation::returnMoments(validation::barReturns(trainingEngine.equity())));
            QCOMPARE(s.moments.n, std::int64_t{90 * 24 - 1});
            QVERIFY2(s.holdout && *s.holdout == holdoutEngine.run(m_grid.params[i]), qPrintable(QString::number(i)));
            trainingTrades += s.training.nTrades;
            holdoutTrades += s.holdout->nTrades;
        }
        // The comparison means something only when the strategies trade in both ranges.
        QVERIFY(trainingTrades > 16 * 10);
        QVERIFY(holdoutTrades > 16);
    }

    void overfittingFiguresFollowThePapers()
    {
        const auto& o = m_proof->overfitting;
        const auto n = static_cast<std::int64_t>(m_grid.params.size());
        QCOMPARE(o.trials, n);
        double mean = 0.0;
        for (const auto& s : m_proof->strategies)
            mean += s.moments.sharpe / static_cast<double>(n);
        double variance = 0.0;
        for (const auto& s : m_proof->strategies)
            variance += (s.moments.sharpe - mean) * (s.moments.sharpe - mean) / static_cast<double>(n - 1);
        QVERIFY(std::abs(o.sharpeVariance - variance) <= 1e-12 * variance);
        QCOMPARE(o.expectedMaxSharpe, validation::expectedMaxSharpe(n, o.sharpeVariance));
        for (const auto& s : m_proof->strategies) {
            const auto& m = s.moments;
            const double z = (m.sharpe - o.expectedMaxSharpe) * std::sqrt(static_cast<double>(m.n - 1)) /
                             std::sqrt(1.0 - m.skewness * m.sharpe + (m.kurtosis - 1.0) / 4.0 * m.sharpe * m.sharpe);
            QVERIFY(std::abs(s.dsr - 0.5 * std::erfc(-z / std::sqrt(2.0))) <= 1e-12);
            QCOMPARE(s.dsr, o.dsr[s.gridIndex]);
        }
        QCOMPARE(o.pbo.combinations(), std::int64_t{12870}); // C(16, 8) with 16 partitions
        QVERIFY(m_proof->shuffle.passed);
        QVERIFY(m_proof->shuffle.cutBars.size() == 1 && m_proof->shuffle.cutBars[0].size() == 5);
    }

    void decisionsWithTheShippedThresholds()
    {
        int reached = -1;
        checkDecisions(*m_proof, m_config, reached);
        if (QTest::currentTestFailed())
            return;
        const auto& wf = m_proof->familyWalkForward;
        QCOMPARE(wf.windows.size(), std::size_t{4});
        for (const auto& w : wf.windows) {
            QVERIFY(w.gridIndex.has_value() && w.inSampleScore.has_value());
            QVERIFY(w.params == m_grid.params[*w.gridIndex]);
        }
        QCOMPARE(wf.windows.front().ranges.inSample.fromMs, m_proof->split.training.fromMs);
        QCOMPARE(wf.windows.back().ranges.outOfSample.toMs, m_proof->split.training.toMs);
    }

    void activePathAndOwnWalkForward()
    {
        // Thresholds relaxed except the Sharpe, set to the family's median: about half reach the robustness stage.
        std::vector<double> sharpes;
        for (const auto& s : m_proof->strategies)
            sharpes.push_back(s.training.sharpe);
        std::sort(sharpes.begin(), sharpes.end());
        config::Config relaxed = m_config;
        relaxed.scoring.minSharpe = sharpes[sharpes.size() / 2];
        relaxed.scoring.minWinRate = 0.0;
        relaxed.scoring.minExpectancy = -1.0;
        relaxed.scoring.maxDrawdown = 1.0;
        relaxed.scoring.minTrades.fill(0);
        relaxed.scoring.robustnessMinScore = 0;
        relaxed.validation.walkForward.minWindowsWithEdge = 0;
        relaxed.validation.walkForward.maxSharpeDispersion = 1e9;
        relaxed.validation.overfitting.maxPbo = 1.0;
        relaxed.validation.overfitting.minDsr = 0.0;
        auto proof = prove(relaxed);
        QVERIFY2(proof, proof ? "" : proof.error().fullText().c_str());
        int reached = 0;
        checkDecisions(*proof, relaxed, reached);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(reached >= 2 && reached < 16, qPrintable(QString::number(reached)));

        const auto settings = backtest::engineSettingsFrom(relaxed);
        std::vector<double> dsrs;
        double lowestOwnDispersion = 1e300;
        for (const auto& s : proof->strategies) {
            if (!s.walkForward)
                continue;
            QVERIFY(s.decision.active);
            auto own = validation::runFixedWalkForward(m_prepared->inputs, proof->split.training, settings,
                                                       m_grid.params[s.gridIndex], relaxed.validation.walkForward,
                                                       validation::WalkForwardOptions{1, {}});
            QVERIFY(own);
            QCOMPARE(s.walkForward->windows.size(), std::size_t{4});
            for (std::size_t w = 0; w < 4; ++w) {
                const auto& got = s.walkForward->windows[w];
                QVERIFY(!got.gridIndex.has_value());
                QVERIFY(got.params == m_grid.params[s.gridIndex]);
                QVERIFY(got.outOfSample == own->windows[w].outOfSample);
                QVERIFY(got.inSample == own->windows[w].inSample);
            }
            dsrs.push_back(s.dsr);
            lowestOwnDispersion = std::min(lowestOwnDispersion, s.walkForward->sharpeDispersion);
        }

        // robustness_min_score at the best score's integer part: the others stop at the score stage.
        config::Config scoreCut = relaxed;
        double best = 0.0;
        for (const auto& s : proof->strategies)
            best = s.walkForward ? std::max(best, s.score) : best;
        scoreCut.scoring.robustnessMinScore = static_cast<int>(std::floor(best));
        auto cut = prove(scoreCut);
        QVERIFY(cut);
        int pastScore = 0;
        checkDecisions(*cut, scoreCut, pastScore);
        if (QTest::currentTestFailed())
            return;
        const auto atScore = std::count_if(cut->strategies.begin(), cut->strategies.end(), [](const auto& s) {
            return s.decision.stage == validation::DecisionStage::Score;
        });
        QVERIFY2(pastScore >= 1 && atScore >= 1 && pastScore + atScore == reached,
                 qPrintable(QStringLiteral("%1 %2").arg(pastScore).arg(atScore)));

        // min_dsr between the two lowest DSRs, max_sharpe_dispersion between the family's dispersion and the lowest
        // own one (only the strategies' own walk-forwards fail): the robustness stage rejects, naming each failure.
        std::sort(dsrs.begin(), dsrs.end());
        QVERIFY(dsrs[0] < dsrs[1]);
        config::Config strict = relaxed;
        strict.validation.overfitting.minDsr = (dsrs[0] + dsrs[1]) / 2.0;
        QVERIFY(proof->familyWalkForward.sharpeDispersion < lowestOwnDispersion);
        strict.validation.walkForward.maxSharpeDispersion =
            (proof->familyWalkForward.sharpeDispersion + lowestOwnDispersion) / 2.0;
        auto rejected = prove(strict);
        QVERIFY(rejected);
        checkDecisions(*rejected, strict, reached);
        if (QTest::currentTestFailed())
            return;
        int lowDsr = 0;
        for (const auto& s : rejected->strategies) {
            if (!s.walkForward)
                continue;
            QVERIFY(!s.decision.active);
            const bool low = s.dsr < strict.validation.overfitting.minDsr;
            lowDsr += low ? 1 : 0;
            const std::vector<std::string> wanted =
                low ? std::vector<std::string>{"walk_forward", "dsr"} : std::vector<std::string>{"walk_forward"};
            QCOMPARE(s.decision.failedChecks, wanted);
            QVERIFY2(s.decision.reason.find("own parameters: ") != std::string::npos &&
                         s.decision.reason.find("family (") == std::string::npos,
                     s.decision.reason.c_str());
        }
        QCOMPARE(lowDsr, 1);
    }

    void recordsAreByteIdentical()
    {
        config::Config oneThread = m_config;
        oneThread.backtest.threads = 1;
        auto again = prove(oneThread);
        QVERIFY(again);
        const QByteArray first = recordOf(*m_proof);
        QCOMPARE(recordOf(*again), first);

        const QJsonObject record = QJsonDocument::fromJson(first).object();
        const QJsonArray strategies = record.value(QStringLiteral("strategies")).toArray();
        QCOMPARE(strategies.size(), 16);
        for (const QJsonValue& value : strategies) {
            const QJsonObject entry = value.toObject();
            const auto index = static_cast<std::size_t>(entry.value(QStringLiteral("index")).toInteger());
            const QJsonObject v = entry.value(QStringLiteral("validation")).toObject();
            const app::StrategyProof& s = m_proof->strategies[index];
            QCOMPARE(v.value(QStringLiteral("training")).toObject(), backtest::metricsJson(s.training));
            QCOMPARE(v.value(QStringLiteral("holdout")).toObject(), backtest::metricsJson(*s.holdout));
            QCOMPARE(v.value(QStringLiteral("score")).toDouble(), s.score);
            QCOMPARE(v.value(QStringLiteral("dsr")).toDouble(), s.dsr);
            QCOMPARE(v.value(QStringLiteral("pbo")).toDouble(), m_proof->overfitting.pbo.pbo);
            QCOMPARE(v.value(QStringLiteral("decision")).toObject().value(QStringLiteral("status")).toString(),
                     s.decision.active ? QStringLiteral("ACTIVE") : QStringLiteral("REJECTED"));
        }
        const QJsonObject top = record.value(QStringLiteral("validation")).toObject();
        for (const char* key : {"split", "shuffle", "walk_forward", "overfitting"})
            QVERIFY2(top.value(QString::fromLatin1(key)).isObject(), key);
    }

    void tooLittleDataIsAnInputError()
    {
        // Ten days of data and a 20-day holdout: no bar is left for training.
        auto shortRun = app::prepareBacktest(*m_document, m_candles,
                                             {utcMs("2025-06-15T00:00:00Z"), utcMs("2025-06-25T00:00:00Z")}, false);
        QVERIFY(shortRun);
        auto proof = prove(m_config, *shortRun);
        QVERIFY(!proof);
        QCOMPARE(proof.error().code, common::ErrorCode::Input);
        QVERIFY2(proof.error().message.find("backtest.holdout_days") != std::string::npos,
                 proof.error().message.c_str());

        // Three training bars: too few for the walk-forward windows and the PBO partitions.
        auto tiny = app::prepareBacktest(*m_document, m_candles,
                                         {utcMs("2025-06-05T21:00:00Z"), utcMs("2025-06-26T00:00:00Z")}, false);
        QVERIFY(tiny);
        auto tinyProof = prove(m_config, *tiny);
        QVERIFY(!tinyProof);
        QCOMPARE(tinyProof.error().code, common::ErrorCode::Input);
        QVERIFY2(tinyProof.error().message.find("has 3 bars") != std::string::npos &&
                     tinyProof.error().message.find("validation.overfitting.pbo_partitions") != std::string::npos,
                 tinyProof.error().message.c_str());
    }

    void cancellationStops()
    {
        common::CancelToken cancel;
        cancel.requestStop();
        auto proof = prove(m_config, *m_prepared, cancel);
        QVERIFY(!proof);
        QCOMPARE(proof.error().code, common::ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TstProveFamily)
#include "tst_provefamily.moc"
