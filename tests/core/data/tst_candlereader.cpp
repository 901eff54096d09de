// SPDX-License-Identifier: MIT
// Tests of CandleReader: every CSV rule with a small bad file, gzip input, and gap reporting.
#include <QtTest>

#include "data/candlereader.h"

using sixbtc::common::ErrorCode;
using sixbtc::common::Timeframe;
using sixbtc::data::CandleGap;
using sixbtc::data::CandleReader;

namespace {

const Timeframe h1(Timeframe::Id::H1);
constexpr qint64 t0 = 1'704'067'200'000; // 2024-01-01 00:00 UTC
constexpr qint64 hourMs = 3'600'000;

std::string candlePath(const QString& relative)
{
    return std::string(SIXBTC_TEST_DATA_DIR) + "/candles/" + relative.toStdString();
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstCandleReader : public QObject
{
    Q_OBJECT

private slots:
    void rejectsBadFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const auto add = [](const char* file, int line, const char* reason) {
            QTest::newRow(file) << QString::fromUtf8(file) << line << QString::fromUtf8(reason);
        };
        add("empty.csv", 1, "empty file, expected the header 'timestamp_ms,open,high,low,close,volume'");
        add("header_only.csv", 1, "no candle rows after the header");
        add("header_wrong.csv", 1,
            "header must be 'timestamp_ms,open,high,low,close,volume', found 'time,open,high,low,close,volume'");
        add("header_extra_column.csv", 1,
            "header must be 'timestamp_ms,open,high,low,close,volume', "
            "found 'timestamp_ms,open,high,low,close,volume,trades'");
        add("fields_five.csv", 3, "expected 6 fields, found 5");
        add("fields_seven.csv", 2, "expected 6 fields, found 7");
        add("empty_line.csv", 3, "empty line");
        add("timestamp_decimal.csv", 4, "timestamp_ms '1704074400000.0' is not an integer");
        add("timestamp_empty.csv", 3, "timestamp_ms '' is not an integer");
        add("timestamp_unaligned.csv", 3, "timestamp_ms 1704070800001 is not aligned to the 1h timeframe");
        add("timestamp_duplicate.csv", 4, "duplicate timestamp_ms 1704070800000 (same as the previous row)");
        add("timestamp_descending.csv", 4,
            "timestamp_ms 1704070800000 is before the previous row's 1704074400000 (rows must be in ascending order)");
        add("open_not_number.csv", 3, "open '1OO' is not a number");
        add("close_leading_space.csv", 2, "close ' 105' is not a number");
        add("open_out_of_range.csv", 3, "open '1e400' is out of range");
        add("high_nan.csv", 5, "high 'nan' is not finite");
        add("low_inf.csv", 3, "low 'inf' is not finite");
        add("volume_nan.csv", 3, "volume 'nan' is not finite");
        add("close_zero.csv", 3, "close '0' is not positive");
        add("open_negative.csv", 2, "open '-100' is not positive");
        add("volume_negative.csv", 4, "volume '-1' is negative");
        add("high_below_close.csv", 3, "high 104 is below max(open, close) = 105");
        add("high_below_open.csv", 2, "high 105 is below max(open, close) = 106");
        add("low_above_open.csv", 4, "low 96 is above min(open, close) = 95");
        add("low_above_close.csv", 2, "low 99.5 is above min(open, close) = 99");
        add("row_error.csv.gz", 151, "duplicate timestamp_ms 1704600000000 (same as the previous row)");
    }
    void rejectsBadFile()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const std::string path = candlePath(QStringLiteral("bad/") + file);
        const auto data = CandleReader::read(path, "BTC", h1);
        QVERIFY(!data.has_value());
        QCOMPARE(data.error().code, ErrorCode::Data);
        QCOMPARE(qs(data.error().message),
                 qs(path) + QLatin1Char(':') + QString::number(line) + QStringLiteral(": ") + reason);
    }

    void rejectsBrokenGzip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("crc") << QStringLiteral("crc_mismatch.csv.gz")
                             << QStringLiteral("corrupt gzip data (incorrect data check)");
        QTest::newRow("not gzip") << QStringLiteral("not_gzip.csv.gz")
                                  << QStringLiteral("corrupt gzip data (incorrect header check)");
        QTest::newRow("truncated") << QStringLiteral("truncated.csv.gz")
                                   << QStringLiteral("truncated gzip data (the compressed stream ends early)");
        QTest::newRow("empty") << QStringLiteral("empty.csv.gz")
                               << QStringLiteral("truncated gzip data (the file is empty)");
    }
    void rejectsBrokenGzip()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const std::string path = candlePath(QStringLiteral("bad/") + file);
        const auto data = CandleReader::read(path, "BTC", h1);
        QVERIFY(!data.has_value());
        QCOMPARE(data.error().code, ErrorCode::Data);
        QCOMPARE(qs(data.error().message), qs(path) + QStringLiteral(": ") + reason);
    }

    void missingFileIsAnInputError()
    {
        const std::string path = candlePath(QStringLiteral("good/no_such_file.csv"));
        const auto data = CandleReader::read(path, "BTC", h1);
        QVERIFY(!data.has_value());
        QCOMPARE(data.error().code, ErrorCode::Input);
        QCOMPARE(qs(data.error().message),
                 qs(path) + QStringLiteral(": cannot read the file (No such file or directory)"));
    }

    void readsEveryColumn_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("LF") << QStringLiteral("plain.csv");
        QTest::newRow("CRLF, no final newline") << QStringLiteral("crlf_no_final_newline.csv");
    }
    void readsEveryColumn()
    {
        QFETCH(QString, file);
        const auto data = CandleReader::read(candlePath(QStringLiteral("good/") + file), "ETH", h1);
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        const auto& series = data->series;
        QCOMPARE(series.symbol(), std::string("ETH"));
        QVERIFY(series.timeframe() == h1);
        QCOMPARE(series.size(), std::size_t(3));
        const std::vector<std::int64_t> times(series.timestampMs().begin(), series.timestampMs().end());
        QCOMPARE(times, (std::vector<std::int64_t>{t0, t0 + hourMs, t0 + 2 * hourMs}));
        QCOMPARE(series.open()[1], 105.0);
        QCOMPARE(series.high()[1], 112.0);
        QCOMPARE(series.low()[1], 101.0);
        QCOMPARE(series.close()[1], 108.0);
        QCOMPARE(series.volume()[0], 12.5);
        QCOMPARE(series.volume()[1], 3.25);
        QCOMPARE(series.volume()[2], 0.0);
        QCOMPARE(series.close()[2], 96.0);
        QVERIFY(data->gaps.empty());
    }

    void readsGzipFile()
    {
        const auto data = CandleReader::read(candlePath(QStringLiteral("good/BTC_USDT-1h.csv.gz")), "BTC", h1);
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        const auto& series = data->series;
        QCOMPARE(series.size(), std::size_t(200));
        // Row i holds t0 + i h, 100 + i, 110 + i, 90 + i, 105 + i, i / 2.
        for (const std::size_t i : {std::size_t(0), std::size_t(137), std::size_t(199)}) {
            QCOMPARE(series.timestampMs()[i], t0 + qint64(i) * hourMs);
            QCOMPARE(series.open()[i], 100.0 + double(i));
            QCOMPARE(series.high()[i], 110.0 + double(i));
            QCOMPARE(series.low()[i], 90.0 + double(i));
            QCOMPARE(series.close()[i], 105.0 + double(i));
            QCOMPARE(series.volume()[i], double(i) * 0.5);
        }
        QVERIFY(data->gaps.empty());
    }

    void reportsGapsInConstructedFile()
    {
        // Bars at hours 0 1 2 5 6 10: two gaps, of 2 and 3 missing bars.
        const auto data = CandleReader::read(candlePath(QStringLiteral("good/gaps.csv")), "BTC", h1);
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        QCOMPARE(data->series.size(), std::size_t(6));
        const std::vector<CandleGap> expected{{3, t0 + 2 * hourMs, t0 + 5 * hourMs, 2},
                                              {5, t0 + 6 * hourMs, t0 + 10 * hourMs, 3}};
        QVERIFY(data->gaps == expected);
        QCOMPARE(data->missingBars(), std::int64_t(5));
    }

    void sameFileOnAnotherTimeframeIsMisaligned()
    {
        // Hourly bars are not aligned to 4h: the second row (01:00) is the first misaligned one.
        const std::string path = candlePath(QStringLiteral("good/plain.csv"));
        const auto data = CandleReader::read(path, "BTC", Timeframe(Timeframe::Id::H4));
        QVERIFY(!data.has_value());
        QCOMPARE(qs(data.error().message),
                 qs(path) + QStringLiteral(":3: timestamp_ms 1704070800000 is not aligned to the 4h timeframe"));
    }

    void reportsGapInRealCoinbaseDaily()
    {
        // README of the bundled data: 1770 rows from 2014-12-01, one gap of 12 bars,
        // 2019-03-19 00:00 -> 2019-04-01 00:00. 2019-03-19 is day 1569 after 2014-12-01.
        const std::string path = std::string(SIXBTC_BUNDLED_DATA_DIR) + "/coinbase_btcusd_cdd/BTC_USD-1d.csv.gz";
        const auto data = CandleReader::read(path, "BTC", Timeframe(Timeframe::Id::D1));
        QVERIFY2(data.has_value(), data ? "" : data.error().message.c_str());
        QCOMPARE(data->series.size(), std::size_t(1770));
        const std::vector<CandleGap> expected{{1570, 1'552'953'600'000, 1'554'076'800'000, 12}};
        QVERIFY(data->gaps == expected);
        QCOMPARE(data->series.timestampMs()[1569], qint64(1'552'953'600'000));
    }

    void parsesTextInMemory()
    {
        const std::string text = "timestamp_ms,open,high,low,close,volume\n"
                                 "0,1.5,2,1,1.75,0\n"
                                 "900000,1.75,1.75,1.25,1.5,2e3\n"
                                 "1800000,1.5,1.5,1.5,1.5,1\n"
                                 "2700000,1,1,1,1,x\n";
        const auto data = CandleReader::parse(text, "memory", "SOL", Timeframe(Timeframe::Id::M15));
        QVERIFY(!data.has_value());
        QCOMPARE(qs(data.error().message), QStringLiteral("memory:5: volume 'x' is not a number"));

        const auto good =
            CandleReader::parse(text.substr(0, text.rfind("2700000")), "memory", "SOL", Timeframe(Timeframe::Id::M15));
        QVERIFY(good.has_value());
        QCOMPARE(good->series.size(), std::size_t(3));
        QCOMPARE(good->series.volume()[1], 2000.0);
    }
};

QTEST_GUILESS_MAIN(TstCandleReader)
#include "tst_candlereader.moc"
