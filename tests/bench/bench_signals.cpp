// SPDX-License-Identifier: MIT
// Benchmark: evaluating every signal of DESIGN.md's example strategy over 105,000 bars of real 5m candles.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <time.h>

#include "data/candlereader.h"
#include "strategy/signalplan.h"

using namespace sixbtc;

namespace {

constexpr std::size_t benchBars = 105'000;
constexpr int repetitions = 20;

// DESIGN.md's example document, on the 5m timeframe of the data.
const char* exampleDocument = R"yaml(type: MOM
timeframe: 5m
symbols: [BTC]
signals:
  long_entry:  "crosses_above(ema(close, 12), ema(close, 48)) and rsi(close, 14) < 70"
  short_entry: "crosses_below(ema(close, 12), ema(close, 48))"
  long_exit:   "rsi(close, 14) > 80"
  short_exit:  "rsi(close, 14) < 20"
risk: { sl_pct: 0.02, tp_pct: 0.04, leverage: 3, exit_after_bars: 48 }
)yaml";

// CPU time of this thread: on a machine shared with other jobs, wall time would count their time slices too.
double threadCpuNanoseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e9 + double(now.tv_nsec);
}

/// Thread CPU nanoseconds of the first evaluation (fresh memory, page faults included) and the best of the others.
struct Timing
{
    double first = 0.0;
    double steady = 1e300;
    std::size_t fired = 0;
};

// Evaluates `plan` `repetitions` times on one cache and one output, as a batch runner or the live path does:
// reset() drops every indicator (each evaluation recomputes them all) but keeps the column buffers.
Timing measure(const strategy::SignalPlan& plan, const strategy::CandleWindow& window)
{
    Timing timing;
    strategy::IndicatorCache cache(window);
    std::vector<strategy::SignalColumns> columns;
    for (int r = 0; r < repetitions; ++r) {
        const double start = threadCpuNanoseconds();
        cache.reset(window);
        plan.evaluateInto(cache, columns);
        const double elapsed = threadCpuNanoseconds() - start;
        if (r == 0)
            timing.first = elapsed;
        else
            timing.steady = std::min(timing.steady, elapsed);
    }
    for (const auto& rule : columns.front().rules)
        timing.fired += static_cast<std::size_t>(std::count(rule.begin(), rule.end(), 1));
    return timing;
}

} // namespace

int main()
{
    const std::string path = std::string(SIXBTC_BUNDLED_DATA_DIR) + "/BTC_USDT_USDT-5m.csv.gz";
    auto candles = data::CandleReader::read(path, "BTC", *common::Timeframe::parse("5m"));
    if (!candles) {
        std::fprintf(stderr, "bench_signals: %s\n", candles.error().fullText().c_str());
        return 1;
    }
    const common::CandleSeries& series = candles->series;
    if (series.size() < benchBars) {
        std::fprintf(stderr, "bench_signals: %s has %zu bars, %zu needed\n", path.c_str(), series.size(), benchBars);
        return 1;
    }
    const strategy::CandleWindow window(series, series.size() - benchBars, series.size());
    const auto parsed = strategy::parseStrategyDocument(exampleDocument, "example");
    if (!parsed.document) {
        std::fprintf(stderr, "bench_signals: example document does not parse\n");
        return 1;
    }
    const auto& document = *parsed.document;
    std::printf("bench_signals: %zu bars, DESIGN.md example strategy, thread CPU time; steady = best of %d "
                "evaluations on a kept cache (indicators recomputed, buffers reused), first = the cold one\n",
                benchBars, repetitions - 1);
    const Timing all = measure(strategy::SignalPlan::compile(document), window);
    std::printf("  all 4 rules together: steady %.2f ns/bar (%.2f ns/bar per rule), first %.2f ns/bar, %zu signals\n",
                all.steady / benchBars, all.steady / benchBars / 4.0, all.first / benchBars, all.fired);
    for (strategy::RuleSlot slot : strategy::allRuleSlots) {
        const strategy::StrategyDocument alone(document.type(), document.timeframe(), document.symbols(),
                                               {document.rule(slot), nullptr, nullptr, nullptr}, document.risk());
        const Timing one = measure(strategy::SignalPlan::compile(alone), window);
        std::printf("  %-11s alone: steady %.2f ns/bar, first %.2f ns/bar (%zu signals)\n",
                    std::string(strategy::ruleSlotName(slot)).c_str(), one.steady / benchBars, one.first / benchBars,
                    one.fired);
    }
    return 0;
}
