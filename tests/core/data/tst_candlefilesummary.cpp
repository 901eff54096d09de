// SPDX-License-Identifier: MIT
// Tests of CandleFileSummary over every bundled candle file, against the table of the data's README.
#include <QtTest>

#include "common/utctime.h"
#include "data/candlefilesummary.h"

using sixbtc::common::formatUtcMinute;
using sixbtc::config::DataSettings;
using sixbtc::config::MarketPreference;
using sixbtc::data::CandleFileSummary;
using sixbtc::data::CandleStore;

namespace {

struct Expected
{
    const char* file;
    const char* market;
    const char* first;
    const char* last;
    std::size_t rows;
    std::size_t gaps;
    std::int64_t missingBars;
};

// From /work/shared/data/ohlcv/README.md, "Files" (file names with .gz for the bundled copies).
const Expected bundledTable[] = {
    {"BTC_USDT-15m.csv.gz", "spot", "2025-01-01 00:00", "2026-02-11 05:30", 38999, 0, 0},
    {"BTC_USDT-1d.csv.gz", "spot", "2024-10-01 00:00", "2026-01-31 00:00", 488, 0, 0},
    {"BTC_USDT-1h.csv.gz", "spot", "2024-09-14 00:00", "2026-02-19 03:00", 12556, 0, 0},
    {"BTC_USDT-30m.csv.gz", "spot", "2025-01-01 00:00", "2026-02-20 10:00", 19941, 0, 0},
    {"BTC_USDT-4h.csv.gz", "spot", "2024-09-23 00:00", "2026-02-18 04:00", 3080, 0, 0},
    {"BTC_USDT-5m.csv.gz", "spot", "2024-12-31 00:00", "2026-02-19 21:55", 119784, 0, 0},
    {"BTC_USDT_USDT-1d.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-17 00:00", 414, 0, 0},
    {"BTC_USDT_USDT-1h.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-19 17:00", 9978, 0, 0},
    {"BTC_USDT_USDT-5m.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-19 16:55", 119724, 0, 0},
    {"ETH_USDT-15m.csv.gz", "spot", "2025-01-01 00:00", "2026-02-11 05:30", 38999, 0, 0},
    {"ETH_USDT-1d.csv.gz", "spot", "2024-10-01 00:00", "2026-01-29 00:00", 486, 0, 0},
    {"ETH_USDT-1h.csv.gz", "spot", "2024-09-14 00:00", "2026-02-19 01:00", 12554, 0, 0},
    {"ETH_USDT-30m.csv.gz", "spot", "2025-01-01 00:00", "2026-02-20 10:00", 19941, 0, 0},
    {"ETH_USDT-4h.csv.gz", "spot", "2024-09-23 00:00", "2026-02-18 04:00", 3080, 0, 0},
    {"ETH_USDT-5m.csv.gz", "spot", "2024-12-31 00:00", "2026-02-19 19:15", 119752, 0, 0},
    {"ETH_USDT_USDT-1d.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-17 00:00", 414, 0, 0},
    {"ETH_USDT_USDT-1h.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-19 17:00", 9978, 0, 0},
    {"ETH_USDT_USDT-5m.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-19 16:55", 119724, 0, 0},
    {"SOL_USDT-15m.csv.gz", "spot", "2025-01-01 00:00", "2026-02-11 05:30", 38999, 0, 0},
    {"SOL_USDT-1d.csv.gz", "spot", "2024-10-01 00:00", "2026-01-29 00:00", 486, 0, 0},
    {"SOL_USDT-1h.csv.gz", "spot", "2024-09-14 00:00", "2026-02-19 02:00", 12555, 0, 0},
    {"SOL_USDT-30m.csv.gz", "spot", "2025-01-01 00:00", "2026-02-20 10:00", 19941, 0, 0},
    {"SOL_USDT-4h.csv.gz", "spot", "2024-09-23 00:00", "2026-02-18 04:00", 3080, 0, 0},
    {"SOL_USDT-5m.csv.gz", "spot", "2024-12-31 00:00", "2026-02-19 22:50", 119795, 0, 0},
    {"SOL_USDT_USDT-1d.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-17 00:00", 414, 0, 0},
    {"SOL_USDT_USDT-1h.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-19 17:00", 9978, 0, 0},
    {"SOL_USDT_USDT-5m.csv.gz", "perpetual", "2024-12-31 00:00", "2026-02-19 16:55", 119724, 0, 0},
    {"coinbase_btcusd_cdd/BTC_USD-1d.csv.gz", "spot", "2014-12-01 00:00", "2019-10-17 00:00", 1770, 1, 12},
    {"coinbase_btcusd_cdd/BTC_USD-1h.csv.gz", "spot", "2017-07-01 11:00", "2019-10-17 09:00", 20111, 0, 0},
    {"freqtrade_testdata/XRP_USDT_USDT-1h.csv.gz", "perpetual", "2021-11-17 01:00", "2021-11-21 04:00", 100, 0, 0},
    {"freqtrade_testdata/XRP_USDT_USDT-5m.csv.gz", "perpetual", "2021-11-15 00:00", "2021-11-21 22:30", 1999, 0, 0},
};

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

class TstCandleFileSummary : public QObject
{
    Q_OBJECT

private slots:
    void formatsUtcMinutes_data()
    {
        QTest::addColumn<qint64>("timestampMs");
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01 00:00");
        QTest::newRow("2024-01-01") << qint64(1'704'067'200'000) << QStringLiteral("2024-01-01 00:00");
        QTest::newRow("leap day 23:55") << qint64(1'709'250'900'000) << QStringLiteral("2024-02-29 23:55");
        QTest::newRow("seconds dropped") << qint64(1'704'067'259'999) << QStringLiteral("2024-01-01 00:00");
        QTest::newRow("before epoch") << qint64(-60'000) << QStringLiteral("1969-12-31 23:59");
    }
    void formatsUtcMinutes()
    {
        QFETCH(qint64, timestampMs);
        QFETCH(QString, text);
        QCOMPARE(qs(formatUtcMinute(timestampMs)), text);
    }

    void summarisesEveryBundledFile()
    {
        const auto store = CandleStore::open(DataSettings{
            SIXBTC_BUNDLED_DATA_DIR, MarketPreference::Perpetual, {"coinbase_btcusd_cdd", "freqtrade_testdata"}});
        QVERIFY2(store.has_value(), store ? "" : store.error().message.c_str());
        QVERIFY(store->unrecognized().empty());
        const auto summaries = sixbtc::data::summarizeFiles(*store);
        QVERIFY2(summaries.has_value(), summaries ? "" : summaries.error().message.c_str());
        QCOMPARE(summaries->size(), std::size(bundledTable));
        for (std::size_t i = 0; i < summaries->size(); ++i) {
            const CandleFileSummary& summary = (*summaries)[i];
            const Expected& expected = bundledTable[i];
            const QString file = qs(summary.relativePath.generic_string());
            QCOMPARE(file, QString::fromUtf8(expected.file));
            QCOMPARE(qs(sixbtc::data::marketName(summary.name.market)), QString::fromUtf8(expected.market));
            QCOMPARE(qs(formatUtcMinute(summary.firstMs)), QString::fromUtf8(expected.first));
            QCOMPARE(qs(formatUtcMinute(summary.lastMs)), QString::fromUtf8(expected.last));
            QCOMPARE(summary.rows, expected.rows);
            QCOMPARE(summary.gapCount, expected.gaps);
            QCOMPARE(summary.missingBars, expected.missingBars);
            QCOMPARE(summary.excluded, file.contains(QLatin1Char('/')));
            // With no gap the span holds exactly rows - 1 bar lengths; each gap adds its missing bars.
            const std::int64_t bars = (summary.lastMs - summary.firstMs) / summary.name.timeframe.durationMs() + 1;
            QCOMPARE(bars, std::int64_t(summary.rows) + summary.missingBars);
        }
    }
};

QTEST_GUILESS_MAIN(TstCandleFileSummary)
#include "tst_candlefilesummary.moc"
