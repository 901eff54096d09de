// SPDX-License-Identifier: MIT
// Market summary of the configured candles.
#include "app/marketsummary.h"

#include <cmath>

#include <spdlog/spdlog.h>

#include "data/candlestore.h"

namespace sixbtc::app {

namespace {

void fillFigures(MarketSummaryRow& row, const common::CandleSeries& series)
{
    const auto close = series.close();
    row.lastClose = close.back();
    row.change = close.back() / close.front() - 1.0;

    // Two-pass population standard deviation of the log returns.
    const std::size_t n = close.size() - 1;
    double sum = 0.0;
    for (std::size_t i = 1; i < close.size(); ++i)
        sum += std::log(close[i] / close[i - 1]);
    const double mean = n > 0 ? sum / static_cast<double>(n) : 0.0;
    double squares = 0.0;
    for (std::size_t i = 1; i < close.size(); ++i) {
        const double deviation = std::log(close[i] / close[i - 1]) - mean;
        squares += deviation * deviation;
    }
    const double variance = n > 0 ? squares / static_cast<double>(n) : 0.0;
    row.annualisedVolatility = std::sqrt(variance) * std::sqrt(barsPerYear(series.timeframe()));

    double peak = close.front();
    double worst = 0.0;
    for (const double price : close) {
        peak = std::max(peak, price);
        worst = std::max(worst, 1.0 - price / peak);
    }
    row.maxDrawdown = worst;
}

} // namespace

double barsPerYear(common::Timeframe timeframe)
{
    return 525600.0 / static_cast<double>(timeframe.durationMs() / 60'000);
}

common::Result<std::vector<MarketSummaryRow>> summarizeMarkets(const config::Config& config,
                                                               const common::CancelToken& cancel)
{
    auto store = data::CandleStore::open(config.data);
    if (!store)
        return tl::unexpected(store.error());

    std::vector<MarketSummaryRow> rows;
    for (const auto& symbol : config.trading.symbols) {
        for (const auto timeframe : config.trading.timeframes) {
            if (cancel.stopRequested())
                return common::fail(common::ErrorCode::Cancelled, "stopped before " + symbol + " " +
                                                                      std::string(timeframe.name()));
            auto entry = store->find(symbol, timeframe);
            if (!entry)
                return tl::unexpected(entry.error());
            auto candles = data::CandleStore::load(*entry);
            if (!candles)
                return tl::unexpected(candles.error());
            const auto& series = candles->series;
            MarketSummaryRow row{symbol,
                                 timeframe,
                                 entry->relativePath.string(),
                                 std::string(data::marketName(entry->name.market)),
                                 series.size(),
                                 series.timestampMs().front(),
                                 series.timestampMs().back(),
                                 candles->gaps.size(),
                                 candles->missingBars(),
                                 0.0,
                                 0.0,
                                 0.0,
                                 0.0};
            fillFigures(row, series);
            spdlog::debug("summarised {} {} from {} ({} rows)", symbol, timeframe.name(), row.file, row.rows);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

} // namespace sixbtc::app
