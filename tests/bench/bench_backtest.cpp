// SPDX-License-Identifier: MIT
// Benchmark: the spec section 4 400-strategy grid over the last 105,120 bars of BTC_USDT_USDT-5m (RSI(14) 30/70).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "backtest/batchrunner.h"
#include "backtest/paramgrid.h"
#include "config/settings.h"
#include "data/candlereader.h"
#include "strategy/documentstrategy.h"
#include "strategy/strategydocument.h"

namespace {

using namespace sixbtc;

constexpr std::size_t kBars = 105'120;
constexpr int kRepeats = 5;

constexpr const char* kDocument = R"(type: REV
timeframe: 5m
symbols: [BTC]
signals:
  long_entry: "rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30"
  short_entry: "rsi(close, 14)[1] > 70 and rsi(close, 14) <= 70"
)";

/// The last kBars bars as their own series, so the indicators start at the first of them (as in the reference run).
common::Result<common::CandleSeries> lastBars()
{
    const auto file = data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT_USDT-5m.csv.gz", "BTC",
                                               common::Timeframe(common::Timeframe::Id::M5));
    if (!file)
        return tl::unexpected(file.error());
    const common::CandleSeries& all = file->series;
    common::CandleSeries out("BTC", all.timeframe());
    for (std::size_t i = all.size() - std::min(all.size(), kBars); i < all.size(); ++i)
        out.append(all.timestampMs()[i], all.open()[i], all.high()[i], all.low()[i], all.close()[i], all.volume()[i]);
    return out;
}

/// CPU seconds of this process: on a shared machine it shows the cost without the waiting.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

/// Wall and CPU seconds of one batch configuration (the best of kRepeats runs).
struct Timing
{
    double wall;
    double cpu;
};

/// Times kRepeats batches; the metrics of the last one go to `out`. wall < 0 on failure.
Timing timeBatch(const backtest::BacktestData& data, const backtest::EngineSettings& settings,
                 const std::vector<backtest::StrategyParams>& params, int threads, std::vector<backtest::Metrics>& out)
{
    Timing best{1e30, 1e30};
    for (int i = 0; i < kRepeats; ++i) {
        const double cpuStart = cpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        auto result = backtest::runBatch(data, settings, params, backtest::BatchOptions{threads, {}, {}});
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu = cpuSeconds() - cpuStart;
        if (!result) {
            std::fprintf(stderr, "%s\n", result.error().message.c_str());
            return {-1.0, -1.0};
        }
        out = std::move(*result);
        best.wall = std::min(best.wall, s);
        best.cpu = std::min(best.cpu, cpu);
    }
    return best;
}

void print(const char* label, Timing t, double steps)
{
    std::printf("%-10s wall %8.2f ms  %8.1f M steps/s  %6.3f ns/step | cpu %8.2f ms  %8.1f M steps/cpu-s\n", label,
                t.wall * 1e3, steps / t.wall / 1e6, t.wall / steps * 1e9, t.cpu * 1e3, steps / t.cpu / 1e6);
}

} // namespace

int main()
{
    const auto series = lastBars();
    if (!series) {
        std::fprintf(stderr, "%s\n", series.error().message.c_str());
        return 1;
    }
    auto parsed = strategy::parseStrategyDocument(kDocument, "rsi-30-70.yaml");
    if (!parsed.document) {
        std::fprintf(stderr, "the RSI document does not parse\n");
        return 1;
    }
    const strategy::DocumentStrategy core(std::move(*parsed.document));
    const strategy::SignalColumns signalColumns = core.evaluate(strategy::CandleWindow(*series));
    const backtest::SymbolInput input{&*series,
                                      {signalColumns.rule(strategy::RuleSlot::LongEntry),
                                       signalColumns.rule(strategy::RuleSlot::ShortEntry),
                                       {},
                                       {}}};
    const auto data = backtest::BacktestData::build(std::span(&input, 1));
    const config::GridSettings gridSettings{
        {0.005, 0.0075, 0.01, 0.015, 0.02}, {0.005, 0.01, 0.015, 0.02, 0.03}, {1, 2, 5, 10}, {0, 12, 48, 288}};
    const auto grid = backtest::expandGrid(gridSettings);
    if (!data || !grid) {
        std::fprintf(stderr, "cannot prepare the benchmark input\n");
        return 1;
    }
    const backtest::EngineSettings settings{10000.0, 0.01, 0.25, 3, 10.0, 0.0004, 0.0002, true};
    const double steps = double(data->bars()) * double(grid->params.size());
    std::printf("backtest: %zu strategies x %zu bars = %.1f M bar-strategy steps, best of %d\n", grid->params.size(),
                data->bars(), steps / 1e6, kRepeats);
    std::vector<backtest::Metrics> single;
    std::vector<backtest::Metrics> all;
    const Timing oneThread = timeBatch(*data, settings, grid->params, 1, single);
    const int cores = backtest::resolveThreadCount(0);
    const Timing allThreads = timeBatch(*data, settings, grid->params, 0, all);
    if (oneThread.wall < 0.0 || allThreads.wall < 0.0)
        return 1;
    print("1 thread", oneThread, steps);
    const std::string label = std::to_string(cores) + " threads";
    print(label.c_str(), allThreads, steps);
    const bool same = std::memcmp(single.data(), all.data(), single.size() * sizeof(backtest::Metrics)) == 0;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("metrics identical across thread counts: %s; grid index 0 final equity %.12g, trades %lld\n",
                same ? "yes" : "NO", single[0].finalEquity, static_cast<long long>(single[0].nTrades));
    std::printf("peak memory (max RSS): %.1f MB\n", double(usage.ru_maxrss) / 1024.0);
    return same ? 0 : 1;
}
