// SPDX-License-Identifier: MIT
// Reading one strategy's detail from the store and checking its training metrics against scoring.*.
#include "app/strategydetail.h"

#include <algorithm>
#include <array>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/storedrecords.h"
#include "common/require.h"
#include "strategy/strategydocument.h"
#include "validation/unifiedscore.h"

namespace sixbtc::app {

namespace {

/// The engine's form of stored metrics (checkThresholds reads that form).
backtest::Metrics engineMetrics(const storage::BacktestMetrics& m)
{
    return backtest::Metrics{m.totalReturn, m.sharpe,  m.winRate, m.expectancy,  m.expectancyUsdc,
                             m.maxDrawdown, m.nTrades, m.edRatio, m.consistency, m.finalEquity};
}

/// One card before its value is checked: which metric it reads and where its limit comes from.
struct CardSpec
{
    const char* metric;
    const char* comparison;
    double (*value)(const storage::BacktestMetrics&);
};

/// The thresholds in the order checkThresholds reports them.
constexpr std::array<CardSpec, 5> kCardSpecs{{
    {"sharpe", ">=", [](const storage::BacktestMetrics& m) { return m.sharpe; }},
    {"win_rate", ">=", [](const storage::BacktestMetrics& m) { return m.winRate; }},
    {"expectancy", ">", [](const storage::BacktestMetrics& m) { return m.expectancy; }},
    {"max_drawdown", "<=", [](const storage::BacktestMetrics& m) { return m.maxDrawdown; }},
    {"n_trades", ">=", [](const storage::BacktestMetrics& m) { return static_cast<double>(m.nTrades); }},
}};

/// The configuration keys and limits of the five thresholds, in kCardSpecs order.
std::array<std::pair<std::string, double>, 5> limits(const config::ScoringSettings& s, common::Timeframe timeframe)
{
    return {{{"scoring.min_sharpe", s.minSharpe},
             {"scoring.min_win_rate", s.minWinRate},
             {"scoring.min_expectancy", s.minExpectancy},
             {"scoring.max_drawdown", s.maxDrawdown},
             {"scoring.min_trades." + std::string(timeframe.name()), static_cast<double>(s.minTradesFor(timeframe))}}};
}

/// True for the parameters of a base strategy, which has no risk block: an empty JSON object.
bool isBaseParameters(const std::string& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    return document.isObject() && document.object().isEmpty();
}

} // namespace

std::vector<MetricCard> metricCards(const std::optional<storage::BacktestMetrics>& training,
                                    std::optional<double> score, const config::ScoringSettings& scoring,
                                    common::Timeframe timeframe)
{
    const auto keyed = limits(scoring, timeframe);
    std::vector<validation::ThresholdFailure> failures;
    if (training)
        failures = validation::checkThresholds(engineMetrics(*training), scoring, timeframe);
    for (const auto& failure : failures) {
        const bool known = std::any_of(keyed.begin(), keyed.end(),
                                       [&failure](const auto& limit) { return limit.first == failure.key; });
        SIXBTC_REQUIRE(known);
    }
    std::vector<MetricCard> cards;
    for (std::size_t i = 0; i < kCardSpecs.size(); ++i) {
        MetricCard card{keyed[i].first,  kCardSpecs[i].metric,     std::nullopt,
                        keyed[i].second, kCardSpecs[i].comparison, std::nullopt};
        if (training) {
            card.value = kCardSpecs[i].value(*training);
            card.passed = std::none_of(failures.begin(), failures.end(),
                                       [&card](const auto& failure) { return failure.key == card.key; });
        }
        cards.push_back(std::move(card));
    }
    // The score gate of validation::decideRobustness: score >= scoring.robustness_min_score (a NaN fails).
    MetricCard scoreCard{"scoring.robustness_min_score",
                         "score",
                         score,
                         static_cast<double>(scoring.robustnessMinScore),
                         ">=",
                         std::nullopt};
    if (score)
        scoreCard.passed = *score >= scoring.robustnessMinScore;
    cards.push_back(std::move(scoreCard));
    return cards;
}

common::Result<StrategyDetail> loadStrategyDetail(storage::Store& store, const config::Config& config,
                                                  const std::string& uuid)
{
    auto& strategies = store.strategies();
    StrategyDetail detail;
    auto record = strategies.get(uuid);
    if (!record)
        return tl::unexpected(record.error());
    detail.record = std::move(*record);
    const auto timeframe = common::Timeframe::parse(detail.record.timeframe);
    if (!timeframe) {
        return common::fail(common::ErrorCode::Database, "strategy " + detail.record.name +
                                                             " has an unknown stored timeframe '" +
                                                             detail.record.timeframe + "'");
    }
    auto lineage = strategies.lineage(uuid);
    if (!lineage)
        return tl::unexpected(lineage.error());
    detail.lineage = std::move(*lineage);
    auto events = strategies.events(uuid);
    if (!events)
        return tl::unexpected(events.error());
    detail.events = std::move(*events);
    auto verdicts = strategies.verdicts(uuid);
    if (!verdicts)
        return tl::unexpected(verdicts.error());
    detail.verdicts = std::move(*verdicts);
    auto runs = store.backtests().runsOf(uuid);
    if (!runs)
        return tl::unexpected(runs.error());
    detail.runs = std::move(*runs);

    if (!isBaseParameters(detail.record.parametersJson)) {
        auto params = paramsFromText(detail.record.parametersJson);
        if (!params)
            return tl::unexpected(params.error());
        detail.risk = *params;
    }
    detail.diagnostics = strategy::parseStrategyDocument(detail.record.code, detail.record.name).diagnostics;

    std::optional<storage::BacktestMetrics> training;
    for (const auto& run : detail.runs) {
        if (run.kind == kTrainingRun && (!detail.trainingRunId || run.id > *detail.trainingRunId)) {
            detail.trainingRunId = run.id;
            training = run.metrics;
        }
    }
    detail.cards = metricCards(training, detail.record.score, config.scoring, *timeframe);
    return detail;
}

} // namespace sixbtc::app
