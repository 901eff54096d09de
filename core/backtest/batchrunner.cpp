// SPDX-License-Identifier: MIT
// BatchRunner: units handed out through an atomic counter; each worker owns its engine and buffers.
#include "backtest/batchrunner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "backtest/engine.h"
#include "backtest/laneengine.h"

namespace sixbtc::backtest {

namespace {

/// State shared by the workers of one batch.
struct Shared
{
    Shared(const BacktestData& d, const EngineSettings& s, std::span<const StrategyParams> p, const BatchOptions& o,
           std::span<Metrics> result, std::size_t size)
        : data(d)
        , settings(s)
        , params(p)
        , options(o)
        , out(result)
        , unitSize(size)
        , units((p.size() + size - 1) / size)
    {
    }

    const BacktestData& data;
    const EngineSettings& settings;
    std::span<const StrategyParams> params;
    const BatchOptions& options;
    std::span<Metrics> out;
    std::size_t unitSize;
    std::size_t units;
    std::atomic<std::size_t> next{0};
    std::mutex progressMutex;
    std::size_t done = 0;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

void report(Shared& shared, std::size_t finished)
{
    std::lock_guard lock(shared.progressMutex);
    shared.done += finished;
    if (!shared.options.progress)
        return;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - shared.start;
    const double rate = elapsed.count() > 0.0 ? static_cast<double>(shared.done) / elapsed.count() : 0.0;
    shared.options.progress(BatchProgress{shared.done, shared.params.size(), rate});
}

void work(Shared& shared)
{
    std::optional<LaneEngine> lanes;
    std::optional<Engine> engine;
    if (shared.data.symbolCount() == 1)
        lanes.emplace(shared.data, shared.settings);
    else
        engine.emplace(shared.data, shared.settings);
    while (!shared.options.cancel.stopRequested()) {
        const std::size_t unit = shared.next.fetch_add(1, std::memory_order_relaxed);
        if (unit >= shared.units)
            return;
        const std::size_t first = unit * shared.unitSize;
        const std::size_t count = std::min(shared.unitSize, shared.params.size() - first);
        if (lanes)
            lanes->run(shared.params.subspan(first, count), shared.out.subspan(first, count));
        else
            shared.out[first] = engine->run(shared.params[first]);
        report(shared, count);
    }
}

} // namespace

int resolveThreadCount(int threads)
{
    if (threads > 0)
        return threads;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

common::Result<std::vector<Metrics>> runBatch(const BacktestData& data, const EngineSettings& settings,
                                              std::span<const StrategyParams> params, const BatchOptions& options)
{
    if (auto ok = checkEngineSettings(settings); !ok)
        return tl::unexpected(ok.error());
    for (const StrategyParams& p : params) {
        if (auto ok = checkStrategyParams(p); !ok)
            return tl::unexpected(ok.error());
    }
    std::vector<Metrics> out(params.size());
    const std::size_t unitSize = data.symbolCount() == 1 ? LaneEngine::kLanes : 1;
    Shared shared(data, settings, params, options, out, unitSize);
    const auto threads = static_cast<std::size_t>(
        std::min<std::size_t>(static_cast<std::size_t>(resolveThreadCount(options.threads)), shared.units));
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < threads; ++i)
        workers.emplace_back([&shared] { work(shared); });
    work(shared);
    for (std::thread& worker : workers)
        worker.join();
    if (options.cancel.stopRequested())
        return common::fail(common::ErrorCode::Cancelled, "the backtest batch was cancelled");
    return out;
}

} // namespace sixbtc::backtest
