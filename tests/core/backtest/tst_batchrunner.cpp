// SPDX-License-Identifier: MIT
// The batch runner on real data: thread-count independence, progress, cancellation, and trade invariants.
#include <QtTest>

#include <atomic>
#include <cstring>
#include <mutex>
#include <optional>

#include "backtest/batchrunner.h"
#include "backtest/engine.h"
#include "backtest/paramgrid.h"
#include "backtestfixture.h"
#include "config/settings.h"
#include "rsisignals.h"

using namespace sixbtc::backtest;
using namespace sixbtc::backtest::testing;
using sixbtc::common::CancelToken;
using sixbtc::common::ErrorCode;

namespace {

constexpr std::int64_t kFirstMs = 1739984400000;
constexpr std::int64_t kLastMs = 1771520100000;

EngineSettings referenceSettings()
{
    EngineSettings s = exampleSettings();
    s.maxPositionSizePct = 0.25;
    return s;
}

std::vector<StrategyParams> specGrid()
{
    const sixbtc::config::GridSettings g{
        {0.005, 0.0075, 0.01, 0.015, 0.02}, {0.005, 0.01, 0.015, 0.02, 0.03}, {1, 2, 5, 10}, {0, 12, 48, 288}};
    return expandGrid(g).value().params;
}

bool sameBits(const std::vector<Metrics>& a, const std::vector<Metrics>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(Metrics)) == 0;
}

} // namespace

class TstBatchRunner : public QObject
{
    Q_OBJECT

private:
    std::optional<sixbtc::common::CandleSeries> m_series;
    std::optional<RsiSignals> m_signals;
    std::optional<BacktestData> m_data;

private slots:
    void initTestCase()
    {
        m_series.emplace(loadBtc5m(kFirstMs, kLastMs));
        m_signals.emplace(*m_series);
        const SymbolInput input = m_signals->input(*m_series);
        m_data.emplace(BacktestData::build(std::span(&input, 1)).value());
    }

    void threadCountDoesNotChangeMetrics()
    {
        const std::vector<StrategyParams> grid = specGrid();
        const auto one = runBatch(*m_data, referenceSettings(), grid, BatchOptions{1, {}, {}});
        const auto two = runBatch(*m_data, referenceSettings(), grid, BatchOptions{2, {}, {}});
        const auto three = runBatch(*m_data, referenceSettings(), grid, BatchOptions{3, {}, {}});
        QVERIFY(one && two && three);
        QCOMPARE(one->size(), std::size_t(400));
        QVERIFY(sameBits(*one, *two));
        QVERIFY(sameBits(*one, *three));
        Engine engine(*m_data, referenceSettings());
        QVERIFY(engine.run(grid[399]) == (*one)[399]);
    }

    void severalSymbolsUseOneAccountPerStrategy()
    {
        const auto eth = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/ETH_USDT_USDT-5m.csv.gz", "ETH",
                                                          sixbtc::common::Timeframe(sixbtc::common::Timeframe::Id::M5));
        QVERIFY(eth.has_value());
        const RsiSignals ethSignals(eth->series);
        const SymbolInput inputs[] = {m_signals->input(*m_series), ethSignals.input(eth->series)};
        const auto data = BacktestData::build(inputs, TimeRange{kLastMs - 20'000LL * 300'000, kLastMs + 1});
        QVERIFY(data.has_value());
        QCOMPARE(data->symbolCount(), std::size_t(2));
        const std::vector<StrategyParams> full = specGrid();
        const std::vector<StrategyParams> grid(full.begin(), full.begin() + 24);
        const auto one = runBatch(*data, referenceSettings(), grid, BatchOptions{1, {}, {}});
        const auto two = runBatch(*data, referenceSettings(), grid, BatchOptions{2, {}, {}});
        QVERIFY(one && two);
        QVERIFY(sameBits(*one, *two));
        Engine engine(*data, referenceSettings());
        QVERIFY(engine.run(grid[5]) == (*one)[5]);
        bool bothSymbols[2] = {false, false};
        for (const Trade& t : engine.trades())
            bothSymbols[t.symbol] = true;
        QVERIFY(bothSymbols[0] && bothSymbols[1]);
    }

    void progressCountsEveryStrategy()
    {
        const std::vector<StrategyParams> grid = specGrid();
        std::mutex mutex;
        std::vector<std::size_t> done;
        BatchOptions options{2,
                             [&](const BatchProgress& p) {
                                 std::lock_guard lock(mutex);
                                 QCOMPARE(p.total, std::size_t(400));
                                 QVERIFY(p.strategiesPerSecond >= 0.0);
                                 done.push_back(p.done);
                             },
                             {}};
        QVERIFY(runBatch(*m_data, referenceSettings(), grid, options).has_value());
        QCOMPARE(done.size(), std::size_t(50));
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QCOMPARE(done.back(), std::size_t(400));
    }

    void cancellationStopsAfterTheCurrentUnit()
    {
        const std::vector<StrategyParams> grid = specGrid();
        CancelToken cancel;
        std::atomic<int> reports{0};
        BatchOptions options{2,
                             [&](const BatchProgress&) {
                                 ++reports;
                                 cancel.requestStop();
                             },
                             cancel};
        const auto result = runBatch(*m_data, referenceSettings(), grid, options);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QVERIFY(reports.load() >= 1 && reports.load() <= 2);
        CancelToken already;
        already.requestStop();
        const auto none = runBatch(*m_data, referenceSettings(), grid, BatchOptions{1, {}, already});
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().code, ErrorCode::Cancelled);
    }

    void invariantsHoldForEveryGridStrategy()
    {
        const std::vector<StrategyParams> grid = specGrid();
        const EngineSettings settings = referenceSettings();
        const auto batch = runBatch(*m_data, settings, grid, BatchOptions{0, {}, {}});
        QVERIFY(batch.has_value());
        Engine engine(*m_data, settings);
        const SymbolTrack& track = m_data->track(0);
        for (std::size_t i = 0; i < grid.size(); ++i) {
            const Metrics m = engine.run(grid[i]);
            QVERIFY(m == (*batch)[i]);
            double sumPnl = 0.0;
            for (const Trade& t : engine.trades()) {
                sumPnl += t.pnlNet;
                QVERIFY(t.entryBar >= 1);
                QCOMPARE(static_cast<int>(track.entry[static_cast<std::size_t>(t.entryBar - 1)]), t.dir);
                QVERIFY(t.exitBar >= t.entryBar);
                QVERIFY2(t.margin <= t.equityAtEntry, qPrintable(QStringLiteral("strategy %1").arg(i)));
            }
            // Every position is closed at the end, so the final cash is E0 plus the trades' results.
            QVERIFY2(std::abs(settings.initialEquity + sumPnl - m.finalEquity) <= 1e-6,
                     qPrintable(QStringLiteral("strategy %1: %2 vs %3")
                                    .arg(i)
                                    .arg(settings.initialEquity + sumPnl, 0, 'g', 17)
                                    .arg(m.finalEquity, 0, 'g', 17)));
            QCOMPARE(m.nTrades, static_cast<std::int64_t>(engine.trades().size()));
        }
    }
};

QTEST_GUILESS_MAIN(TstBatchRunner)
#include "tst_batchrunner.moc"
