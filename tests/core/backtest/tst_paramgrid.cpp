// SPDX-License-Identifier: MIT
// Parametric expansion (spec section 4), engine settings from the configuration, bars per year.
#include <QtTest>

#include "backtest/enginesettings.h"
#include "backtest/paramgrid.h"
#include "config/settings.h"

using namespace sixbtc::backtest;
using sixbtc::common::ErrorCode;
using sixbtc::common::Timeframe;
using sixbtc::config::GridSettings;

Q_DECLARE_METATYPE(GridSettings)

class TstParamGrid : public QObject
{
    Q_OBJECT

private slots:
    void specOrderAndIndexes()
    {
        const GridSettings g{
            {0.005, 0.0075, 0.01, 0.015, 0.02}, {0.005, 0.01, 0.015, 0.02, 0.03}, {1, 2, 5, 10}, {0, 12, 48, 288}};
        const auto grid = expandGrid(g);
        QVERIFY(grid.has_value());
        QCOMPARE(grid->params.size(), std::size_t(400));
        // The reference run's grid indexes (tests/data/backtest/reference-run-rsi.json).
        QCOMPARE(grid->params[0], (StrategyParams{0.005, 0.005, 1.0, 0}));
        QCOMPARE(grid->params[1], (StrategyParams{0.005, 0.005, 1.0, 12}));
        QCOMPARE(grid->params[7], (StrategyParams{0.005, 0.005, 2.0, 288}));
        QCOMPARE(grid->params[100], (StrategyParams{0.0075, 0.01, 2.0, 0}));
        QCOMPARE(grid->params[250], (StrategyParams{0.015, 0.005, 5.0, 48}));
        QCOMPARE(grid->params[399], (StrategyParams{0.02, 0.03, 10.0, 288}));
        for (std::size_t a = 0; a < 5; ++a)
            for (std::size_t b = 0; b < 5; ++b)
                for (std::size_t c = 0; c < 4; ++c)
                    for (std::size_t d = 0; d < 4; ++d) {
                        const std::size_t index = grid->index(a, b, c, d);
                        QCOMPARE(index, ((a * 5 + b) * 4 + c) * 4 + d);
                        QCOMPARE(grid->params[index],
                                 (StrategyParams{g.slPct[a], g.tpPct[b], g.leverage[c], g.exitAfterBars[d]}));
                    }
    }

    void duplicatesAreKept()
    {
        const auto grid = expandGrid(GridSettings{{0.01, 0.01}, {0.02}, {3}, {0}});
        QVERIFY(grid.has_value());
        QCOMPARE(grid->params.size(), std::size_t(2));
        QCOMPARE(grid->params[0], grid->params[1]);
    }

    void badGridsAreRefused_data()
    {
        QTest::addColumn<GridSettings>("grid");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty sl") << GridSettings{{}, {0.02}, {1}, {0}} << QStringLiteral("sl_pct is empty");
        QTest::newRow("empty exits") << GridSettings{{0.01}, {0.02}, {1}, {}}
                                     << QStringLiteral("exit_after_bars is empty");
        QTest::newRow("zero sl") << GridSettings{{0.0}, {0.02}, {1}, {0}} << QStringLiteral("sl_pct must be > 0");
        QTest::newRow("negative tp") << GridSettings{{0.01}, {-0.02}, {1}, {0}} << QStringLiteral("tp_pct must be > 0");
        QTest::newRow("leverage below 1")
            << GridSettings{{0.01}, {0.02}, {0.5}, {0}} << QStringLiteral("leverage must be >= 1");
        QTest::newRow("negative exit") << GridSettings{{0.01}, {0.02}, {1}, {-1}}
                                       << QStringLiteral("exit_after_bars must be >= 0");
    }

    void badGridsAreRefused()
    {
        QFETCH(GridSettings, grid);
        QFETCH(QString, message);
        const auto result = expandGrid(grid);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Input);
        QVERIFY2(QString::fromStdString(result.error().message).contains(message), result.error().message.c_str());
    }

    void settingsComeFromTheConfiguration()
    {
        sixbtc::config::Config c{};
        c.backtest.initialEquity = 5000.0;
        c.backtest.feeRate = 0.0005;
        c.backtest.slippage = 0.0001;
        c.backtest.exitOnOpposite = false;
        c.risk.fixedFractional.riskPerTradePct = 0.02;
        c.risk.fixedFractional.maxPositionSizePct = 0.2;
        c.risk.limits.maxOpenPositionsPerSubaccount = 10;
        c.hyperliquid.minNotional = 12.5;
        const EngineSettings s = engineSettingsFrom(c);
        QCOMPARE(s.initialEquity, 5000.0);
        QCOMPARE(s.feeRate, 0.0005);
        QCOMPARE(s.slippage, 0.0001);
        QCOMPARE(s.exitOnOpposite, false);
        QCOMPARE(s.riskPct, 0.02);
        QCOMPARE(s.maxPositionSizePct, 0.2);
        QCOMPARE(s.maxOpenPositions, 10);
        QCOMPARE(s.minNotional, 12.5);
        QVERIFY(checkEngineSettings(s).has_value());
        EngineSettings bad = s;
        bad.maxOpenPositions = 0;
        QVERIFY(!checkEngineSettings(bad).has_value());
    }

    void barsPerYearPerTimeframe()
    {
        const double expected[] = {105120, 35040, 17520, 8760, 2190, 365};
        for (std::size_t i = 0; i < Timeframe::all().size(); ++i)
            QCOMPARE(barsPerYear(Timeframe::all()[i]), expected[i]);
    }
};

QTEST_GUILESS_MAIN(TstParamGrid)
#include "tst_paramgrid.moc"
