// SPDX-License-Identifier: MIT
// Benchmark: proving the 400-strategy RSI(14) 30/70 family on real BTC 5m candles (training year + 30-day holdout):
// family run with equity curves, DSR, PBO (16 partitions), holdout, shuffle test (5 cuts), 4-window walk-forward.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/provefamily.h"
#include "backtest/paramgrid.h"
#include "config/configloader.h"
#include "data/candlereader.h"
#include "strategy/strategydocument.h"

namespace {

using namespace sixbtc;

constexpr const char* kDocument = R"(type: REV
timeframe: 5m
symbols: [BTC]
signals:
  long_entry: "rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30"
  short_entry: "rsi(close, 14)[1] > 70 and rsi(close, 14) <= 70"
)";

int fail(const common::Error& error)
{
    std::fprintf(stderr, "bench_provefamily: %s\n", error.fullText().c_str());
    return 1;
}

} // namespace

int main()
{
    auto config = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
    if (!config)
        return fail(config.error());
    auto parsed = strategy::parseStrategyDocument(kDocument, "reference_rsi");
    if (!parsed.document)
        return 1;
    auto file = data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT_USDT-5m.csv.gz", "BTC",
                                         common::Timeframe(common::Timeframe::Id::M5));
    if (!file)
        return fail(file.error());
    const std::vector<data::CandleData> candles{std::move(*file)};
    auto prepared = app::prepareBacktest(*parsed.document, candles, backtest::TimeRange{}, false);
    if (!prepared)
        return fail(prepared.error());
    auto grid = backtest::expandGrid(config->optimization.grid);
    if (!grid)
        return fail(grid.error());

    const auto start = std::chrono::steady_clock::now();
    auto proof = app::proveFamily(
        app::FamilyProofInput{&*parsed.document, &candles, &*prepared, &*grid, &*config, common::CancelToken{}, {}});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!proof)
        return fail(proof.error());

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto& split = proof->split;
    const double trainingDays = double(split.training.toMs - split.training.fromMs) / 86'400'000.0;
    std::printf("prove family: %zu strategies, BTC 5m, training %.1f days + holdout %d days (%zu bars in all)\n",
                grid->params.size(), trainingDays, config->backtest.holdoutDays, prepared->data.bars());
    std::printf("  shuffle %d cuts, walk-forward %d windows, PBO %d partitions (%lld combinations), %d thread(s) "
                "setting\n",
                config->validation.shuffle.cuts, config->validation.walkForward.windows,
                config->validation.overfitting.pboPartitions,
                static_cast<long long>(proof->overfitting.pbo.combinations()), config->backtest.threads);
    std::printf("  whole stage: %.2f s, %.1f strategies/s (target < 10 s)\n", seconds,
                double(grid->params.size()) / seconds);
    std::printf("  PBO %.4f, shuffle %s, family walk-forward %s, peak RSS %.1f MB\n", proof->overfitting.pbo.pbo,
                proof->shuffle.passed ? "passed" : "failed", proof->familyWalkForward.stable ? "stable" : "not stable",
                double(usage.ru_maxrss) / 1024.0);
    return 0;
}
