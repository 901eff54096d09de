// SPDX-License-Identifier: MIT
// Tests of the market summary (the main job until the pipeline lands) on the bundled real candles.
#include <QtTest>

#include "app/marketsummary.h"
#include "config/configloader.h"

using namespace sixbtc;

class TstMarketSummary : public QObject
{
    Q_OBJECT

private:
    static config::Config shippedConfig()
    {
        auto config = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
        if (!config)
            qFatal("%s", config.error().fullText().c_str());
        return *config;
    }

private slots:
    void barsPerYearFollowTheSpec()
    {
        QCOMPARE(app::barsPerYear(common::Timeframe(common::Timeframe::Id::M5)), 105120.0);
        QCOMPARE(app::barsPerYear(common::Timeframe(common::Timeframe::Id::M15)), 35040.0);
        QCOMPARE(app::barsPerYear(common::Timeframe(common::Timeframe::Id::M30)), 17520.0);
        QCOMPARE(app::barsPerYear(common::Timeframe(common::Timeframe::Id::H1)), 8760.0);
        QCOMPARE(app::barsPerYear(common::Timeframe(common::Timeframe::Id::H4)), 2190.0);
        QCOMPARE(app::barsPerYear(common::Timeframe(common::Timeframe::Id::D1)), 365.0);
    }

    void summarisesEveryConfiguredSeriesOfTheBundledData()
    {
        const config::Config config = shippedConfig();
        const auto rows = app::summarizeMarkets(config, common::CancelToken());
        QVERIFY2(rows.has_value(), rows ? "" : rows.error().fullText().c_str());
        QCOMPARE(rows->size(), config.trading.symbols.size() * config.trading.timeframes.size());

        // BTC 1d: the perpetual file is preferred. Expected figures computed independently (Python, two-pass
        // population stdev of log returns) from /work/shared/data/ohlcv/BTC_USDT_USDT-1d.csv.
        const auto btcDaily = std::find_if(rows->begin(), rows->end(), [](const app::MarketSummaryRow& row) {
            return row.symbol == "BTC" && row.timeframe == common::Timeframe(common::Timeframe::Id::D1);
        });
        QVERIFY(btcDaily != rows->end());
        QCOMPARE(btcDaily->file, std::string("BTC_USDT_USDT-1d.csv.gz"));
        QCOMPARE(btcDaily->market, std::string("perpetual"));
        QCOMPARE(btcDaily->rows, std::size_t(414));
        QCOMPARE(btcDaily->firstMs, std::int64_t(1735603200000));
        QCOMPARE(btcDaily->lastMs, std::int64_t(1771286400000));
        QCOMPARE(btcDaily->gaps, std::size_t(0));
        QCOMPARE(btcDaily->lastClose, 67475.9);
        QVERIFY(qAbs(btcDaily->change - -0.2787098512115055) < 1e-12);
        QVERIFY(qAbs(btcDaily->annualisedVolatility - 0.45370815527379355) < 1e-12);
        QVERIFY(qAbs(btcDaily->maxDrawdown - 0.4955559924094408) < 1e-12);

        // 15m exists only as spot: the lookup falls back to the other market.
        const auto ethQuarter = std::find_if(rows->begin(), rows->end(), [](const app::MarketSummaryRow& row) {
            return row.symbol == "ETH" && row.timeframe == common::Timeframe(common::Timeframe::Id::M15);
        });
        QVERIFY(ethQuarter != rows->end());
        QCOMPARE(ethQuarter->market, std::string("spot"));
        QCOMPARE(ethQuarter->rows, std::size_t(38999));
    }

    void stopsWhenCancelled()
    {
        const common::CancelToken cancel;
        cancel.requestStop();
        const auto rows = app::summarizeMarkets(shippedConfig(), cancel);
        QVERIFY(!rows.has_value());
        QCOMPARE(rows.error().code, common::ErrorCode::Cancelled);
    }

    void anUnknownSymbolIsAnInputErrorNamingIt()
    {
        config::Config config = shippedConfig();
        config.trading.symbols = {"DOGE"};
        const auto rows = app::summarizeMarkets(config, common::CancelToken());
        QVERIFY(!rows.has_value());
        QCOMPARE(rows.error().code, common::ErrorCode::Input);
        QVERIFY2(rows.error().message.find("DOGE") != std::string::npos, rows.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TstMarketSummary)
#include "tst_marketsummary.moc"
