// SPDX-License-Identifier: MIT
// Test support of the chart data and chart view tests: store, configuration and candle cache.
#include "core/app/chartfixture.h"

#include "config/configloader.h"

namespace sixbtc::testing {

namespace {

constexpr std::int64_t kClockStartMs = 1'780'000'000'000;

} // namespace

std::string rsiDocument(const std::string& symbols)
{
    return "type: REV\ntimeframe: 5m\nsymbols: " + symbols +
           "\nsignals:\n"
           "  long_entry: \"rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30\"\n"
           "  short_entry: \"rsi(close, 14)[1] > 70 and rsi(close, 14) <= 70\"\n"
           "risk: {sl_pct: 0.01, tp_pct: 0.02, leverage: 2, exit_after_bars: 0}\n";
}

ChartFixture::ChartFixture()
    : m_clock(kClockStartMs)
{
}

ChartFixture::~ChartFixture() = default;

std::string ChartFixture::open()
{
    m_db = std::make_unique<storage::testing::TestDatabase>(storage::testing::Backend::Sqlite,
                                                            storage::testing::Start::Migrated);
    if (!m_db->setupError().empty())
        return m_db->setupError();
    auto opened = m_db->open(m_clock);
    if (!opened)
        return opened.error().fullText();
    m_store = std::move(*opened);
    auto loaded = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
    if (!loaded)
        return loaded.error().fullText();
    m_config = std::move(*loaded);
    m_config.data.dir = SIXBTC_BUNDLED_DATA_DIR;
    m_config.backtest.trainingDays = 60;
    m_config.backtest.holdoutDays = 10;
    auto cache = app::CandleCache::open(m_config.data);
    if (!cache)
        return cache.error().fullText();
    m_cache.emplace(std::move(*cache));
    return {};
}

common::Result<storage::StrategyRecord> ChartFixture::addStrategy(std::int64_t index, const std::string& document,
                                                                  const std::vector<std::string>& symbols)
{
    storage::NewStrategy strategy = storage::testing::sampleStrategy("REV", index);
    strategy.record.timeframe = "5m";
    strategy.record.symbols = symbols;
    strategy.record.code = document;
    if (auto ok = m_store->strategies().insert(strategy); !ok)
        return tl::unexpected(ok.error());
    m_clock.advance(1000);
    return m_store->strategies().get(strategy.record.uuid);
}

common::Result<app::FullRun> ChartFixture::fullRun(const storage::StrategyRecord& strategy)
{
    auto run = app::storeFullRun(*m_store, *m_cache, m_config, strategy);
    m_clock.advance(1000);
    return run;
}

} // namespace sixbtc::testing
