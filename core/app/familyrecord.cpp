// SPDX-License-Identifier: MIT
// JSON of the family proof, in the style of the spec section 13 records (UTC ms, shortest round-trip numbers).
#include "app/familyrecord.h"

#include <QJsonArray>

#include "backtest/resultjson.h"

namespace sixbtc::app {

namespace {

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonValue optionalMetrics(const std::optional<backtest::Metrics>& metrics)
{
    return metrics ? QJsonValue(backtest::metricsJson(*metrics)) : QJsonValue(QJsonValue::Null);
}

QJsonObject windowJson(const validation::WalkForwardWindow& w)
{
    QJsonObject out{{QStringLiteral("index"), static_cast<qint64>(w.index)},
                    {QStringLiteral("in_sample"), rangeJson(w.ranges.inSample)},
                    {QStringLiteral("out_of_sample"), rangeJson(w.ranges.outOfSample)},
                    {QStringLiteral("params"), backtest::paramsJson(w.params)},
                    {QStringLiteral("in_sample_metrics"), backtest::metricsJson(w.inSample)},
                    {QStringLiteral("out_of_sample_metrics"), backtest::metricsJson(w.outOfSample)},
                    {QStringLiteral("edge"), w.edge}};
    if (w.gridIndex)
        out.insert(QStringLiteral("grid_index"), static_cast<qint64>(*w.gridIndex));
    if (w.inSampleScore)
        out.insert(QStringLiteral("in_sample_score"), *w.inSampleScore);
    return out;
}

QJsonObject decisionJson(const validation::RobustnessDecision& d)
{
    QJsonArray failed;
    for (const auto& check : d.failedChecks)
        failed.append(QString::fromStdString(check));
    return QJsonObject{{QStringLiteral("status"), d.active ? QStringLiteral("ACTIVE") : QStringLiteral("REJECTED")},
                       {QStringLiteral("stage"), text(validation::decisionStageName(d.stage))},
                       {QStringLiteral("failed_checks"), failed},
                       {QStringLiteral("reason"), QString::fromStdString(d.reason)}};
}

QJsonArray thresholdsJson(const std::vector<validation::ThresholdFailure>& failures)
{
    QJsonArray out;
    for (const auto& f : failures) {
        out.append(QJsonObject{{QStringLiteral("key"), QString::fromStdString(f.key)},
                               {QStringLiteral("actual"), f.actual},
                               {QStringLiteral("limit"), f.limit},
                               {QStringLiteral("message"), QString::fromStdString(f.message)}});
    }
    return out;
}

QJsonObject momentsJson(const validation::ReturnMoments& m)
{
    return QJsonObject{{QStringLiteral("n"), static_cast<qint64>(m.n)}, {QStringLiteral("mean"), m.mean},
                       {QStringLiteral("std_dev"), m.stdDev},           {QStringLiteral("sharpe"), m.sharpe},
                       {QStringLiteral("skewness"), m.skewness},        {QStringLiteral("kurtosis"), m.kurtosis}};
}

QJsonObject overfittingJson(const validation::FamilyOverfitting& o)
{
    return QJsonObject{{QStringLiteral("trials"), static_cast<qint64>(o.trials)},
                       {QStringLiteral("sharpe_variance"), o.sharpeVariance},
                       {QStringLiteral("expected_max_sharpe"), o.expectedMaxSharpe},
                       {QStringLiteral("pbo"), o.pbo.pbo},
                       {QStringLiteral("combinations"), static_cast<qint64>(o.pbo.combinations())},
                       {QStringLiteral("degradation_slope"), o.pbo.degradationSlope},
                       {QStringLiteral("degradation_intercept"), o.pbo.degradationIntercept}};
}

QJsonObject splitJson(const validation::HoldoutSplit& split)
{
    QJsonArray notes;
    for (const auto& note : split.notes)
        notes.append(QString::fromStdString(note));
    return QJsonObject{{QStringLiteral("training"), rangeJson(split.training)},
                       {QStringLiteral("holdout"), rangeJson(split.holdout)},
                       {QStringLiteral("truncated"), split.truncated},
                       {QStringLiteral("notes"), notes}};
}

} // namespace

QJsonObject rangeJson(const backtest::TimeRange& range)
{
    return QJsonObject{{QStringLiteral("from_ms"), static_cast<qint64>(range.fromMs)},
                       {QStringLiteral("to_ms"), static_cast<qint64>(range.toMs)}};
}

QJsonObject walkForwardJson(const validation::WalkForwardResult& result)
{
    QJsonArray windows;
    for (const auto& w : result.windows)
        windows.append(windowJson(w));
    return QJsonObject{{QStringLiteral("windows"), windows},
                       {QStringLiteral("edge_windows"), result.edgeWindows},
                       {QStringLiteral("sharpe_dispersion"), result.sharpeDispersion},
                       {QStringLiteral("stable"), result.stable},
                       {QStringLiteral("reason"), QString::fromStdString(result.reason)}};
}

QJsonObject shuffleJson(const validation::ShuffleVerdict& verdict)
{
    QJsonArray cuts;
    for (const auto& symbolCuts : verdict.cutBars) {
        QJsonArray bars;
        for (std::size_t bar : symbolCuts)
            bars.append(static_cast<qint64>(bar));
        cuts.append(bars);
    }
    QJsonObject out{{QStringLiteral("passed"), verdict.passed},
                    {QStringLiteral("cut_bars"), cuts},
                    {QStringLiteral("reason"), QString::fromStdString(verdict.reason)}};
    if (const auto& d = verdict.difference) {
        out.insert(QStringLiteral("first_difference"),
                   QJsonObject{{QStringLiteral("symbol"), QString::fromStdString(d->symbol)},
                               {QStringLiteral("cut_index"), static_cast<qint64>(d->cutIndex)},
                               {QStringLiteral("cut_bar"), static_cast<qint64>(d->cutBar)},
                               {QStringLiteral("cut_time_ms"), static_cast<qint64>(d->cutTimeMs)},
                               {QStringLiteral("bar"), static_cast<qint64>(d->bar)},
                               {QStringLiteral("bar_time_ms"), static_cast<qint64>(d->barTimeMs)},
                               {QStringLiteral("rule"), text(strategy::ruleSlotName(d->rule))}});
    }
    return out;
}

QJsonObject strategyProofJson(const StrategyProof& proof, const FamilyProof& family)
{
    return QJsonObject{{QStringLiteral("training"), backtest::metricsJson(proof.training)},
                       {QStringLiteral("holdout"), optionalMetrics(proof.holdout)},
                       {QStringLiteral("score"), proof.score},
                       {QStringLiteral("failed_thresholds"), thresholdsJson(proof.failedThresholds)},
                       {QStringLiteral("return_moments"), momentsJson(proof.moments)},
                       {QStringLiteral("dsr"), proof.dsr},
                       {QStringLiteral("pbo"), family.overfitting.pbo.pbo},
                       {QStringLiteral("shuffle_passed"), family.shuffle.passed},
                       {QStringLiteral("walk_forward"), proof.walkForward
                                                            ? QJsonValue(walkForwardJson(*proof.walkForward))
                                                            : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("decision"), decisionJson(proof.decision)}};
}

void addProofToRecord(QJsonObject& record, const FamilyProof& proof)
{
    QJsonArray strategies = record.value(QStringLiteral("strategies")).toArray();
    for (qsizetype i = 0; i < strategies.size(); ++i) {
        QJsonObject entry = strategies[i].toObject();
        const auto index = static_cast<std::size_t>(entry.value(QStringLiteral("index")).toInteger());
        entry.insert(QStringLiteral("validation"), strategyProofJson(proof.strategies.at(index), proof));
        strategies[i] = entry;
    }
    record.insert(QStringLiteral("strategies"), strategies);
    record.insert(QStringLiteral("validation"),
                  QJsonObject{{QStringLiteral("split"), splitJson(proof.split)},
                              {QStringLiteral("shuffle"), shuffleJson(proof.shuffle)},
                              {QStringLiteral("walk_forward"), walkForwardJson(proof.familyWalkForward)},
                              {QStringLiteral("overfitting"), overfittingJson(proof.overfitting)}});
}

} // namespace sixbtc::app
