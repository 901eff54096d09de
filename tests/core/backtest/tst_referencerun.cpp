// SPDX-License-Identifier: MIT
// Reproduces the independent reference run tests/data/backtest/reference-run-rsi.json to 1e-9 relative.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

#include "backtest/engine.h"
#include "backtestfixture.h"
#include "rsisignals.h"

using namespace sixbtc::backtest;
using namespace sixbtc::backtest::testing;

namespace {

bool near(double actual, double expected)
{
    return closeRel(actual, expected, 1e-9);
}

#define COMPARE_NEAR(actual, expected)                                                                                 \
    QVERIFY2(near((actual), (expected)), qPrintable(QStringLiteral("%1: %2 != %3")                                     \
                                                        .arg(QString::fromLatin1(#actual))                             \
                                                        .arg((actual), 0, 'g', 17)                                     \
                                                        .arg((expected), 0, 'g', 17)))

} // namespace

class TstReferenceRun : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_ref;
    std::optional<sixbtc::common::CandleSeries> m_series;
    std::optional<RsiSignals> m_signals;
    std::optional<BacktestData> m_data;

    EngineSettings settings() const
    {
        const QJsonObject s = m_ref.value(QStringLiteral("settings")).toObject();
        auto num = [&](const char* key) { return s.value(QString::fromLatin1(key)).toDouble(); };
        return EngineSettings{.initialEquity = num("backtest.initial_equity"),
                              .riskPct = num("risk.fixed_fractional.risk_per_trade_pct"),
                              .maxPositionSizePct = num("risk.fixed_fractional.max_position_size_pct"),
                              .maxOpenPositions =
                                  static_cast<int>(num("risk.limits.max_open_positions_per_subaccount")),
                              .minNotional = num("hyperliquid.min_notional"),
                              .feeRate = num("backtest.fee_rate"),
                              .slippage = num("backtest.slippage"),
                              .exitOnOpposite = s.value(QStringLiteral("backtest.exit_on_opposite")).toBool()};
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/backtest/reference-run-rsi.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_ref = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject d = m_ref.value(QStringLiteral("data")).toObject();
        const auto first = static_cast<std::int64_t>(d.value(QStringLiteral("first_timestamp_ms")).toDouble());
        const auto last = static_cast<std::int64_t>(d.value(QStringLiteral("last_timestamp_ms")).toDouble());
        m_series.emplace(loadBtc5m(first, last));
        QCOMPARE(static_cast<qint64>(m_series->size()), d.value(QStringLiteral("bars")).toInteger());
        m_signals.emplace(*m_series);
        const SymbolInput input = m_signals->input(*m_series);
        auto built = BacktestData::build(std::span(&input, 1));
        QVERIFY(built.has_value());
        m_data.emplace(std::move(*built));
        QCOMPARE(m_ref.value(QStringLiteral("settings")).toObject().size(), 8);
    }

    void signalsMatchTheReference()
    {
        const QJsonObject sig = m_ref.value(QStringLiteral("signals")).toObject();
        const SymbolTrack& track = m_data->track(0);
        QCOMPARE(entrySignalHash(track), sig.value(QStringLiteral("sha256_of_int8_array")).toString());
        std::vector<std::pair<int, int>> nonZero;
        int longs = 0;
        for (std::size_t t = 0; t < track.entry.size(); ++t) {
            if (track.entry[t] != 0)
                nonZero.emplace_back(static_cast<int>(t), track.entry[t]);
            longs += track.entry[t] > 0 ? 1 : 0;
        }
        QCOMPARE(longs, sig.value(QStringLiteral("n_long")).toInt());
        QCOMPARE(static_cast<int>(nonZero.size()) - longs, sig.value(QStringLiteral("n_short")).toInt());
        const QJsonArray first = sig.value(QStringLiteral("first_10")).toArray();
        const QJsonArray last = sig.value(QStringLiteral("last_10")).toArray();
        for (int i = 0; i < 10; ++i) {
            const auto& f = nonZero[static_cast<std::size_t>(i)];
            const auto& l = nonZero[nonZero.size() - 10 + static_cast<std::size_t>(i)];
            QCOMPARE(f.first, first[i].toArray()[0].toInt());
            QCOMPARE(f.second, first[i].toArray()[1].toInt());
            QCOMPARE(l.first, last[i].toArray()[0].toInt());
            QCOMPARE(l.second, last[i].toArray()[1].toInt());
        }
    }

    void metricsOfSixGridPoints()
    {
        Engine engine(*m_data, settings());
        const QJsonArray points = m_ref.value(QStringLiteral("metrics_by_grid_index")).toArray();
        QCOMPARE(points.size(), 6);
        for (const QJsonValue& value : points) {
            const QJsonObject p = value.toObject();
            auto num = [&](const char* key) { return p.value(QString::fromLatin1(key)).toDouble(); };
            const Metrics m = engine.run({num("sl"), num("tp"), num("leverage"), static_cast<int>(num("exit_bars"))});
            COMPARE_NEAR(m.totalReturn, num("total_return"));
            COMPARE_NEAR(m.sharpe, num("sharpe"));
            COMPARE_NEAR(m.winRate, num("win_rate"));
            COMPARE_NEAR(m.expectancy, num("expectancy"));
            COMPARE_NEAR(m.expectancyUsdc, num("expectancy_usdc"));
            COMPARE_NEAR(m.maxDrawdown, num("max_drawdown"));
            QCOMPARE(static_cast<double>(m.nTrades), num("n_trades"));
            COMPARE_NEAR(m.edRatio, num("ed_ratio"));
            COMPARE_NEAR(m.consistency, num("consistency"));
            COMPARE_NEAR(m.finalEquity, num("final_equity"));
        }
    }

    void everyTradeOfGridIndex0()
    {
        Engine engine(*m_data, settings());
        engine.run({0.005, 0.005, 1.0, 0});
        const QJsonArray trades = m_ref.value(QStringLiteral("trades_grid_index_0")).toArray();
        QCOMPARE(static_cast<qsizetype>(engine.trades().size()), trades.size());
        for (qsizetype i = 0; i < trades.size(); ++i) {
            const QJsonObject r = trades[i].toObject();
            const Trade& t = engine.trades()[static_cast<std::size_t>(i)];
            auto num = [&](const char* key) { return r.value(QString::fromLatin1(key)).toDouble(); };
            QCOMPARE(t.entryBar, r.value(QStringLiteral("entry_bar")).toInteger());
            QCOMPARE(t.exitBar, r.value(QStringLiteral("exit_bar")).toInteger());
            QCOMPARE(t.dir, r.value(QStringLiteral("dir")).toInt());
            QCOMPARE(QString::fromLatin1(exitReasonName(t.reason)), r.value(QStringLiteral("reason")).toString());
            COMPARE_NEAR(t.entryPx, num("entry_px"));
            COMPARE_NEAR(t.exitPx, num("exit_px"));
            COMPARE_NEAR(t.qty, num("qty"));
            COMPARE_NEAR(t.notional, num("notional"));
            COMPARE_NEAR(t.margin, num("margin"));
            COMPARE_NEAR(t.entryFee, num("entry_fee"));
            COMPARE_NEAR(t.exitFee, num("exit_fee"));
            COMPARE_NEAR(t.pnlNet, num("pnl_net"));
            COMPARE_NEAR(t.equityAtEntry, num("equity_at_entry"));
        }
        const QJsonObject samples = m_ref.value(QStringLiteral("equity_samples_grid_index_0")).toObject();
        QVERIFY(samples.size() >= 8);
        for (auto it = samples.begin(); it != samples.end(); ++it) {
            const auto bar = static_cast<std::size_t>(it.key().toLongLong());
            COMPARE_NEAR(engine.equity()[bar], it.value().toDouble());
        }
    }
};

QTEST_GUILESS_MAIN(TstReferenceRun)
#include "tst_referencerun.moc"
