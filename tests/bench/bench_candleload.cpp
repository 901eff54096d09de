// SPDX-License-Identifier: MIT
// Benchmark: load the bundled 5m perpetual BTC candles from .csv.gz and from plain .csv.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "data/candlereader.h"
#include "data/filecontent.h"

namespace {

using sixbtc::common::Timeframe;
using sixbtc::data::CandleReader;

constexpr int loads = 10;
constexpr double referenceRows = 105'000.0;

/// CPU time of this process in milliseconds: on a shared machine it shows the cost without the waiting.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

/// Loads `path` `loads` times; prints the figures and returns false when a load fails.
bool measure(const char* label, const std::filesystem::path& path)
{
    double totalMs = 0.0;
    double bestMs = 0.0;
    double totalCpuMs = 0.0;
    std::size_t rows = 0;
    for (int i = 0; i < loads; ++i) {
        const double cpuStart = cpuMs();
        const auto start = std::chrono::steady_clock::now();
        const auto data = CandleReader::read(path, "BTC", Timeframe(Timeframe::Id::M5));
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        totalCpuMs += cpuMs() - cpuStart;
        if (!data) {
            std::fprintf(stderr, "%s\n", data.error().message.c_str());
            return false;
        }
        rows = data->series.size();
        totalMs += ms;
        bestMs = i == 0 ? ms : std::min(bestMs, ms);
    }
    const double meanMs = totalMs / loads;
    const double meanCpuMs = totalCpuMs / loads;
    const double per105k = referenceRows / double(rows);
    std::printf("%-7s %zu rows: wall %.1f ms/load (best %.1f), cpu %.1f ms/load; per 105,000 rows: wall %.1f ms, "
                "cpu %.1f ms\n",
                label, rows, meanMs, bestMs, meanCpuMs, meanMs * per105k, meanCpuMs * per105k);
    return true;
}

} // namespace

int main()
{
    const std::filesystem::path gzPath = std::filesystem::path(SIXBTC_BUNDLED_DATA_DIR) / "BTC_USDT_USDT-5m.csv.gz";
    const auto content = sixbtc::data::readFileContent(gzPath);
    if (!content) {
        std::fprintf(stderr, "%s\n", content.error().message.c_str());
        return 1;
    }
    const std::filesystem::path csvPath = std::filesystem::temp_directory_path() /
                                          ("sixbtc-bench-" + std::to_string(::getpid()) + "-BTC_USDT_USDT-5m.csv");
    {
        std::ofstream out(csvPath, std::ios::binary);
        out.write(content->data(), std::streamsize(content->size()));
        if (!out) {
            std::fprintf(stderr, "cannot write %s\n", csvPath.c_str());
            return 1;
        }
    }
    std::printf("bench_candleload: %d loads each of %s\n", loads, gzPath.c_str());
    const bool ok = measure(".csv.gz", gzPath) && measure(".csv", csvPath);
    std::error_code ec;
    std::filesystem::remove(csvPath, ec);

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS %.1f MiB\n", double(usage.ru_maxrss) / 1024.0);
    return ok ? 0 : 1;
}
