// SPDX-License-Identifier: MIT
// LaneEngine gives bit-identical metrics to the reference Engine, on hand-written bars and on real data.
#include <QtTest>

#include <optional>

#include "backtest/engine.h"
#include "backtest/laneengine.h"
#include "backtest/paramgrid.h"
#include "backtestfixture.h"
#include "config/settings.h"
#include "rsisignals.h"

using namespace sixbtc::backtest;
using namespace sixbtc::backtest::testing;

namespace {

sixbtc::config::GridSettings specGrid()
{
    return {{0.005, 0.0075, 0.01, 0.015, 0.02}, {0.005, 0.01, 0.015, 0.02, 0.03}, {1, 2, 5, 10}, {0, 12, 48, 288}};
}

EngineSettings referenceSettings()
{
    EngineSettings s = exampleSettings();
    s.maxPositionSizePct = 0.25;
    return s;
}

QString describe(const Metrics& a, const Metrics& b)
{
    return QStringLiteral("lane %1/%2/%3 engine %4/%5/%6")
        .arg(a.finalEquity, 0, 'g', 17)
        .arg(a.sharpe, 0, 'g', 17)
        .arg(a.nTrades)
        .arg(b.finalEquity, 0, 'g', 17)
        .arg(b.sharpe, 0, 'g', 17)
        .arg(b.nTrades);
}

/// Runs every params set through both engines in blocks of `block` lanes and compares bit for bit.
void compareEngines(const BacktestData& data, const EngineSettings& settings, const std::vector<StrategyParams>& params,
                    std::size_t block)
{
    Engine engine(data, settings);
    LaneEngine lanes(data, settings);
    std::vector<Metrics> out(params.size());
    for (std::size_t i = 0; i < params.size(); i += block) {
        const std::size_t count = std::min(block, params.size() - i);
        lanes.run(std::span(params).subspan(i, count), std::span(out).subspan(i, count));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Metrics expected = engine.run(params[i]);
        QVERIFY2(std::memcmp(&out[i], &expected, sizeof(Metrics)) == 0,
                 qPrintable(QStringLiteral("strategy %1: ").arg(i) + describe(out[i], expected)));
    }
}

} // namespace

class TstLaneEngine : public QObject
{
    Q_OBJECT

private:
    std::optional<sixbtc::common::CandleSeries> m_series;

private slots:
    void initTestCase()
    {
        m_series.emplace(loadBtc5m(1739984400000, 1771520100000));
        QCOMPARE(m_series->size(), std::size_t(105120));
    }

    void handWrittenBarsInPartialBlocks()
    {
        const HandSymbol sym("X", {{100, 101, 99, 100, 1},
                                   {100, 102, 99.5, 101},
                                   {101, 105, 100.5, 104.5, -1},
                                   {104.5, 105, 104, 104.8},
                                   {104, 104.5, 96, 97, 2},
                                   {97, 99, 96.5, 98.5, 1},
                                   {98.5, 99, 80, 81},
                                   {81, 82, 80, 81.5, -1},
                                   {81.5, 82, 81, 81.2}});
        const BacktestData data = makeData({&sym});
        const std::vector<StrategyParams> params{{0.02, 0.04, 5, 0},   {0.01, 0.02, 3, 0}, {0.01, 0.03, 2, 3},
                                                 {0.002, 0.05, 10, 0}, {0.05, 0.01, 1, 1}, {0.03, 0.03, 1, 2}};
        for (std::size_t block = 1; block <= LaneEngine::kLanes; ++block)
            compareEngines(data, exampleSettings(), params, block);
    }

    void referenceGridOnRealData_data()
    {
        QTest::addColumn<bool>("exitSignals");
        QTest::addColumn<bool>("exitOnOpposite");
        QTest::newRow("entries only") << false << true;
        QTest::newRow("exit signals, no opposite exit") << true << false;
    }

    void referenceGridOnRealData()
    {
        QFETCH(bool, exitSignals);
        QFETCH(bool, exitOnOpposite);
        const RsiSignals rsi(*m_series);
        std::vector<double> values;
        std::vector<std::uint8_t> valid;
        wilderRsi(m_series->close(), 14, values, valid);
        std::vector<std::uint8_t> longExit(values.size(), 0);
        std::vector<std::uint8_t> shortExit(values.size(), 0);
        for (std::size_t t = 0; t < values.size(); ++t) {
            longExit[t] = valid[t] != 0 && values[t] >= 65.0 ? 1 : 0;
            shortExit[t] = valid[t] != 0 && values[t] <= 35.0 ? 1 : 0;
        }
        SymbolInput input = rsi.input(*m_series);
        if (exitSignals) {
            input.signalColumns.longExit = longExit;
            input.signalColumns.shortExit = shortExit;
        }
        const auto data = BacktestData::build(std::span(&input, 1));
        QVERIFY(data.has_value());
        EngineSettings settings = referenceSettings();
        settings.exitOnOpposite = exitOnOpposite;
        const auto grid = expandGrid(specGrid());
        QVERIFY(grid.has_value());
        compareEngines(*data, settings, grid->params, LaneEngine::kLanes);
    }
};

QTEST_GUILESS_MAIN(TstLaneEngine)
#include "tst_laneengine.moc"
