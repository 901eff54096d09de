// SPDX-License-Identifier: MIT
// Readers of the generation, optimization, validation, scoring, pool and rotation sections.
#include <cmath>

#include "config/sectionreaders.h"

namespace sixbtc::config {

namespace {

const NumberRange kUnit = between(Bound::Closed, 0.0, 1.0, Bound::Closed);
const NumberRange kPositiveFraction = between(Bound::Open, 0.0, 1.0, Bound::Closed);
constexpr double kWeightSumTolerance = 1e-9;

SourceSettings readSource(MappingReader& sources, std::string_view key, bool available)
{
    MappingReader source = sources.mapping(key);
    SourceSettings settings;
    settings.enabled = source.boolean("enabled");
    if (!available && source.valid("enabled") && settings.enabled)
        source.problem("enabled",
                       "expected false: AI sources are not available yet (wave 2)" + source.gotOf("enabled"));
    source.finish();
    return settings;
}

ScoringWeights readWeights(MappingReader& section)
{
    MappingReader weights = section.mapping("weights");
    ScoringWeights settings;
    settings.sharpe = weights.number("sharpe", kUnit);
    settings.winRate = weights.number("win_rate", kUnit);
    settings.expectancy = weights.number("expectancy", kUnit);
    settings.maxDrawdown = weights.number("max_drawdown", kUnit);
    settings.trades = weights.number("trades", kUnit);
    settings.edRatio = weights.number("ed_ratio", kUnit);
    settings.consistency = weights.number("consistency", kUnit);
    weights.finish();
    bool allValid = weights.present();
    for (const auto* key : {"sharpe", "win_rate", "expectancy", "max_drawdown", "trades", "ed_ratio", "consistency"})
        allValid = allValid && weights.valid(key);
    const double sum = settings.sharpe + settings.winRate + settings.expectancy + settings.maxDrawdown +
                       settings.trades + settings.edRatio + settings.consistency;
    if (allValid && std::abs(sum - 1.0) > kWeightSumTolerance)
        section.problem("weights", "expected weights that sum to 1, got a sum of " + formatNumber(sum));
    return settings;
}

} // namespace

GenerationSettings readGeneration(MappingReader& root)
{
    MappingReader section = root.mapping("generation");
    GenerationSettings settings;
    MappingReader sources = section.mapping("strategy_sources");
    settings.pattern = readSource(sources, "pattern", true);
    settings.aiFree = readSource(sources, "ai_free", false);
    settings.aiAssigned = readSource(sources, "ai_assigned", false);
    sources.finish();
    settings.aiFreeRatio = section.number("ai_free_ratio", kUnit);
    settings.strategiesPerTimeframe = section.integer("strategies_per_timeframe", integersBetween(1, 1000));
    section.finish();
    return settings;
}

OptimizationSettings readOptimization(MappingReader& root)
{
    MappingReader section = root.mapping("optimization");
    OptimizationSettings settings;
    MappingReader grid = section.mapping("grid");
    settings.grid.slPct = grid.numberList("sl_pct", above(0.0));
    settings.grid.tpPct = grid.numberList("tp_pct", above(0.0));
    settings.grid.leverage = grid.numberList("leverage", atLeast(1.0));
    settings.grid.exitAfterBars = grid.integerList("exit_after_bars", integersFrom(0));
    grid.finish();
    section.finish();
    return settings;
}

ValidationSettings readValidation(MappingReader& root)
{
    MappingReader section = root.mapping("validation");
    ValidationSettings settings;

    MappingReader shuffle = section.mapping("shuffle");
    settings.shuffle.cuts = shuffle.integer("cuts", integersFrom(1));
    settings.shuffle.seed = shuffle.unsignedInteger("seed");
    settings.shuffle.blockBars = shuffle.integer("block_bars", integersFrom(1));
    shuffle.finish();

    MappingReader walk = section.mapping("walk_forward");
    settings.walkForward.windows = walk.integer("windows", integersFrom(2));
    settings.walkForward.inSampleFraction =
        walk.number("in_sample_fraction", between(Bound::Open, 0.0, 1.0, Bound::Open));
    settings.walkForward.minWindowsWithEdge = walk.integer("min_windows_with_edge", integersFrom(1));
    if (walk.valid("windows") && walk.valid("min_windows_with_edge") &&
        settings.walkForward.minWindowsWithEdge > settings.walkForward.windows) {
        walk.problem("min_windows_with_edge", "expected a value <= windows (" +
                                                  std::to_string(settings.walkForward.windows) + ")" +
                                                  walk.gotOf("min_windows_with_edge"));
    }
    settings.walkForward.maxSharpeDispersion = walk.number("max_sharpe_dispersion", above(0.0));
    walk.finish();

    MappingReader overfitting = section.mapping("overfitting");
    settings.overfitting.pboPartitions = overfitting.integer("pbo_partitions", integersFrom(4));
    if (overfitting.valid("pbo_partitions") && settings.overfitting.pboPartitions % 2 != 0)
        overfitting.problem("pbo_partitions", "expected an even integer >= 4" + overfitting.gotOf("pbo_partitions"));
    settings.overfitting.maxPbo = overfitting.number("max_pbo", kPositiveFraction);
    settings.overfitting.minDsr = overfitting.number("min_dsr", kUnit);
    overfitting.finish();

    section.finish();
    return settings;
}

ScoringSettings readScoring(MappingReader& root)
{
    MappingReader section = root.mapping("scoring");
    ScoringSettings settings;
    settings.minSharpe = section.number("min_sharpe", between(Bound::Closed, 0.0, 10.0, Bound::Closed));
    settings.minWinRate = section.number("min_win_rate", kUnit);
    settings.minExpectancy = section.number("min_expectancy", between(Bound::Closed, 0.0, 1.0, Bound::Open));
    settings.maxDrawdown = section.number("max_drawdown", kPositiveFraction);

    MappingReader minTrades = section.mapping("min_trades");
    for (const auto& tf : common::Timeframe::all())
        settings.minTrades[static_cast<std::size_t>(tf.id())] = minTrades.integer(tf.name(), integersFrom(1));
    minTrades.finish();

    settings.robustnessMinScore = section.integer("robustness_min_score", integersBetween(0, 100));
    settings.weights = readWeights(section);
    section.finish();
    return settings;
}

PoolSettings readPool(MappingReader& root)
{
    MappingReader section = root.mapping("pool");
    PoolSettings settings;
    settings.maxActive = section.integer("max_active", integersFrom(1));
    section.finish();
    return settings;
}

RotationSettings readRotation(MappingReader& root)
{
    MappingReader section = root.mapping("rotation");
    RotationSettings settings;
    settings.topN = section.integer("top_n", integersFrom(1));
    settings.maxPerTimeframe = section.integer("max_per_timeframe", integersFrom(1));
    settings.maxSameType = section.integer("max_same_type", integersFrom(1));
    settings.maxCorrelation = section.number("max_correlation", kPositiveFraction);
    section.finish();
    return settings;
}

} // namespace sixbtc::config
