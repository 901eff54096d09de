// SPDX-License-Identifier: MIT
// Generated pool rows and a loader over them: the pool model's tests and bench run without a database.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "app/strategytable.h"
#include "models/strategytablemodel.h"

namespace sixbtc::gui::testing {

/// Row i: type MOM/REV/TRN/BRK by i % 4, timeframe 5m/1h/15m by i % 3, status by i % 6 (enumeration order),
/// mode by i % 4, a score in [0, 100) unless i % 5 == 0, training metrics unless i % 7 == 0.
inline app::StrategyRow generatedRow(int i)
{
    static const char* const types[] = {"MOM", "REV", "TRN", "BRK"};
    static const char* const timeframes[] = {"5m", "1h", "15m"};
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", i);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(i));
    const std::string type = types[i % 4];
    app::StrategyRow row;
    row.uuid = uuid;
    row.name = "Strategy_" + type + "_" + hex;
    row.type = type;
    row.timeframe = timeframes[i % 3];
    row.status = static_cast<storage::StrategyStatus>(i % 6);
    row.generationMode = static_cast<storage::GenerationMode>(i % 4);
    if (i % 5 != 0)
        row.score = static_cast<double>((i * 7919) % 1000) / 10.0;
    row.createdAtMs = 1'700'000'000'000 + i;
    row.symbols = {"BTC"};
    if (i % 7 != 0) {
        storage::BacktestMetrics m;
        m.totalReturn = static_cast<double>((i * 31) % 200 - 100) / 100.0;
        m.sharpe = static_cast<double>((i * 17) % 300) / 100.0;
        m.winRate = static_cast<double>((i * 13) % 100) / 100.0;
        m.expectancy = static_cast<double>((i * 11) % 50) / 10'000.0;
        m.maxDrawdown = static_cast<double>((i * 7) % 40) / 100.0;
        m.nTrades = (i * 3) % 500;
        m.edRatio = m.maxDrawdown > 0 ? m.expectancy / m.maxDrawdown : 0.0;
        m.consistency = static_cast<double>((i * 19) % 100) / 100.0;
        row.training = m;
    }
    return row;
}

/// A loader over generated rows 0..count-1 that records the offsets it was asked for.
struct GeneratedLoader
{
    int count = 0;
    std::shared_ptr<std::vector<std::int64_t>> offsets = std::make_shared<std::vector<std::int64_t>>();

    common::Result<std::vector<app::StrategyRow>> operator()(std::int64_t offset, std::int64_t limit) const
    {
        offsets->push_back(offset);
        std::vector<app::StrategyRow> rows;
        for (std::int64_t i = offset; i < count && i < offset + limit; ++i)
            rows.push_back(generatedRow(static_cast<int>(i)));
        return rows;
    }
};

} // namespace sixbtc::gui::testing
