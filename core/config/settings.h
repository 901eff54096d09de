// SPDX-License-Identifier: MIT
// Typed, immutable settings: one struct per section of config/config.yaml (see config/README.md).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/logging.h"
#include "common/timeframe.h"

namespace sixbtc::config {

/// `trading`: what the pipeline trades.
struct TradingSettings
{
    std::vector<common::Timeframe> timeframes;
    std::vector<std::string> symbols; ///< base assets, e.g. BTC
};

enum class MarketPreference { Perpetual, Spot };

/// `data`: where candle files are.
struct DataSettings
{
    std::filesystem::path dir; ///< absolute once loaded
    MarketPreference prefer;
    std::vector<std::string> exclude; ///< sub-folders of dir the pipeline does not read
};

/// `backtest`: engine settings (spec/backtest-semantics.md).
struct BacktestSettings
{
    double initialEquity;
    double feeRate;
    double slippage;
    bool exitOnOpposite;
    int threads; ///< 0 = every core
    int trainingDays;
    int holdoutDays;
};

struct FixedFractionalSettings
{
    double riskPerTradePct;
    double maxPositionSizePct;
};

struct RiskLimitSettings
{
    int maxOpenPositionsPerSubaccount;
};

struct EmergencySettings
{
    double maxPortfolioDrawdown;
    double maxDailyLoss;
    double maxSubaccountDrawdown;
    int maxConsecutiveLosses;
    double maxStrategyDegradation;
};

/// `risk`: sizing, limits and emergency stops.
struct RiskSettings
{
    FixedFractionalSettings fixedFractional;
    RiskLimitSettings limits;
    EmergencySettings emergency;
};

enum class Network { Mainnet, Testnet };

struct RetrySettings
{
    int initialBackoffMs;
    int maxBackoffMs;
    int maxAttempts;
};

struct RateLimitSettings
{
    int ipWeightPerMin;
    double reservedForCancels;
};

struct WsReconnectSettings
{
    int initialMs;
    int maxMs;
    double jitter;
};

struct SubaccountSettings
{
    std::string name;
    std::string address; ///< 0x + 40 hex digits
    double capitalUsdc;
};

/// `hyperliquid`: the exchange client.
struct HyperliquidSettings
{
    Network network;
    std::string baseUrl;
    std::string wsUrl;
    double minNotional;
    int requestTimeoutMs;
    int expiresAfterMs;
    RetrySettings retry;
    RateLimitSettings rateLimit;
    int wsPingIntervalS;
    WsReconnectSettings wsReconnect;
    int maxSymbolsPerWs;
    int wsIdleTimeoutS;
    int maxClockSkewMs;
    std::vector<SubaccountSettings> subaccounts;
};

struct SourceSettings
{
    bool enabled;
};

/// `generation`: where new strategies come from.
struct GenerationSettings
{
    SourceSettings pattern;
    SourceSettings aiFree;
    SourceSettings aiAssigned;
    double aiFreeRatio;
    int strategiesPerTimeframe;
};

/// `optimization.grid`: the parametric expansion (spec section 4).
struct GridSettings
{
    std::vector<double> slPct;
    std::vector<double> tpPct;
    std::vector<double> leverage;
    std::vector<int> exitAfterBars;
};

struct OptimizationSettings
{
    GridSettings grid;
};

struct ShuffleSettings
{
    int cuts;
    std::uint64_t seed;
    int blockBars;
};

struct WalkForwardSettings
{
    int windows;
    double inSampleFraction;
    int minWindowsWithEdge;
    double maxSharpeDispersion;
};

struct OverfittingSettings
{
    int pboPartitions;
    double maxPbo;
    double minDsr;
};

/// `validation`: the robustness stage.
struct ValidationSettings
{
    ShuffleSettings shuffle;
    WalkForwardSettings walkForward;
    OverfittingSettings overfitting;
};

struct ScoringWeights
{
    double sharpe;
    double winRate;
    double expectancy;
    double maxDrawdown;
    double trades;
    double edRatio;
    double consistency;
};

/// `scoring`: thresholds on training metrics and the unified score's weights.
struct ScoringSettings
{
    double minSharpe;
    double minWinRate;
    double minExpectancy;
    double maxDrawdown;
    /// Minimum trades per timeframe, indexed by common::Timeframe::Id.
    std::array<int, 6> minTrades;
    int robustnessMinScore;
    ScoringWeights weights;

    int minTradesFor(common::Timeframe tf) const { return minTrades[static_cast<std::size_t>(tf.id())]; }
};

struct PoolSettings
{
    int maxActive;
};

struct RotationSettings
{
    int topN;
    int maxPerTimeframe;
    int maxSameType;
    double maxCorrelation;
};

enum class DatabaseBackend { Sqlite, Postgres };

struct SqliteSettings
{
    std::filesystem::path path; ///< absolute once loaded
    int busyTimeoutMs;
};

/// The password is never here: PGPASSWORD, ~/.pgpass or the keyring.
struct PostgresSettings
{
    std::string host;
    int port;
    std::string dbname;
    std::string user;
    std::string sslmode;
    int connectTimeoutS;
};

struct DatabaseSettings
{
    DatabaseBackend backend;
    SqliteSettings sqlite;
    PostgresSettings postgres;
};

/// The whole configuration. Built once by the loader, then shared read-only.
struct Config
{
    std::filesystem::path sourcePath; ///< the file it was loaded from (absolute)
    TradingSettings trading;
    DataSettings data;
    BacktestSettings backtest;
    RiskSettings risk;
    HyperliquidSettings hyperliquid;
    GenerationSettings generation;
    OptimizationSettings optimization;
    ValidationSettings validation;
    ScoringSettings scoring;
    PoolSettings pool;
    RotationSettings rotation;
    DatabaseSettings database;
    common::LogSettings logging;
};

} // namespace sixbtc::config
