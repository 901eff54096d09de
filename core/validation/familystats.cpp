// SPDX-License-Identifier: MIT
// FamilyStats: the batch runner's pool shape with an Engine per worker, so each strategy's equity curve is read.
#include "validation/familystats.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "backtest/engine.h"
#include "common/require.h"
#include "validation/deflatedsharpe.h"

namespace sixbtc::validation {

namespace {

/// State shared by the workers of one family run.
struct Shared
{
    Shared(const backtest::BacktestData& d, const backtest::EngineSettings& s,
           std::span<const backtest::StrategyParams> p, const FamilyOptions& o, std::span<StrategyStats> result)
        : data(d)
        , settings(s)
        , params(p)
        , options(o)
        , out(result)
    {
    }

    const backtest::BacktestData& data;
    const backtest::EngineSettings& settings;
    std::span<const backtest::StrategyParams> params;
    const FamilyOptions& options;
    std::span<StrategyStats> out;
    std::atomic<std::size_t> next{0};
    std::mutex progressMutex;
    std::size_t done = 0;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

void report(Shared& shared)
{
    std::lock_guard lock(shared.progressMutex);
    ++shared.done;
    if (!shared.options.progress)
        return;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - shared.start;
    const double rate = elapsed.count() > 0.0 ? static_cast<double>(shared.done) / elapsed.count() : 0.0;
    shared.options.progress(backtest::BatchProgress{shared.done, shared.params.size(), rate});
}

void work(Shared& shared)
{
    backtest::Engine engine(shared.data, shared.settings);
    std::vector<double> scratch;
    while (!shared.options.cancel.stopRequested()) {
        const std::size_t i = shared.next.fetch_add(1, std::memory_order_relaxed);
        if (i >= shared.params.size())
            return;
        const backtest::Metrics metrics = engine.run(shared.params[i]);
        shared.out[i] = statsFromEquity(metrics, engine.equity(), shared.options.partitions, scratch);
        report(shared);
    }
}

} // namespace

StrategyStats statsFromEquity(const backtest::Metrics& metrics, std::span<const double> equity, int partitions,
                              std::vector<double>& scratch)
{
    SIXBTC_REQUIRE(partitions >= 0);
    barReturnsInto(equity, scratch);
    StrategyStats stats{metrics, returnMoments(scratch), {}};
    if (partitions > 0)
        stats.blocks = blockSums(scratch, partitions);
    return stats;
}

common::Result<std::vector<StrategyStats>> runFamily(const backtest::BacktestData& data,
                                                     const backtest::EngineSettings& settings,
                                                     std::span<const backtest::StrategyParams> params,
                                                     const FamilyOptions& options)
{
    if (auto ok = backtest::checkEngineSettings(settings); !ok)
        return tl::unexpected(ok.error());
    for (const backtest::StrategyParams& p : params) {
        if (auto ok = backtest::checkStrategyParams(p); !ok)
            return tl::unexpected(ok.error());
    }
    const std::size_t returns = data.bars() < 2 ? 0 : data.bars() - 1;
    if (options.partitions < 0 || static_cast<std::size_t>(options.partitions) > returns)
        return common::fail(common::ErrorCode::Input, "cannot split " + std::to_string(returns) + " bar returns into " +
                                                          std::to_string(options.partitions) + " partitions");
    std::vector<StrategyStats> out(params.size());
    Shared shared(data, settings, params, options, out);
    const std::size_t threads =
        std::min(static_cast<std::size_t>(backtest::resolveThreadCount(options.threads)), params.size());
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < threads; ++i)
        workers.emplace_back([&shared] { work(shared); });
    if (!params.empty())
        work(shared);
    for (std::thread& worker : workers)
        worker.join();
    if (options.cancel.stopRequested())
        return common::fail(common::ErrorCode::Cancelled, "the family run was cancelled");
    return out;
}

common::Result<FamilyOverfitting> familyOverfitting(std::span<const StrategyStats> family)
{
    if (family.empty())
        return common::fail(common::ErrorCode::Input, "the overfitting control needs at least one strategy");
    FamilyOverfitting result;
    result.trials = static_cast<std::int64_t>(family.size());
    double sum = 0.0;
    for (const StrategyStats& s : family)
        sum = sum + s.moments.sharpe;
    const double mean = sum / static_cast<double>(family.size());
    if (family.size() > 1) {
        double squares = 0.0;
        for (const StrategyStats& s : family)
            squares = squares + (s.moments.sharpe - mean) * (s.moments.sharpe - mean);
        result.sharpeVariance = squares / static_cast<double>(family.size() - 1);
    }
    result.expectedMaxSharpe = expectedMaxSharpe(result.trials, result.sharpeVariance);
    result.dsr.reserve(family.size());
    for (const StrategyStats& s : family)
        result.dsr.push_back(probabilisticSharpe(s.moments.sharpe, result.expectedMaxSharpe, s.moments.n,
                                                 s.moments.skewness, s.moments.kurtosis));
    BlockMatrix matrix;
    matrix.strategies = family.size();
    matrix.partitions = static_cast<int>(family.front().blocks.size());
    matrix.cells.reserve(family.size() * family.front().blocks.size());
    for (std::size_t i = 0; i < family.size(); ++i) {
        if (family[i].blocks.size() != family.front().blocks.size())
            return common::fail(common::ErrorCode::Input,
                                "strategy " + std::to_string(i) + " has " + std::to_string(family[i].blocks.size()) +
                                    " blocks, strategy 0 has " + std::to_string(family.front().blocks.size()));
        matrix.cells.insert(matrix.cells.end(), family[i].blocks.begin(), family[i].blocks.end());
    }
    auto pbo = probabilityOfBacktestOverfitting(matrix);
    if (!pbo)
        return tl::unexpected(pbo.error());
    result.pbo = std::move(*pbo);
    return result;
}

} // namespace sixbtc::validation
