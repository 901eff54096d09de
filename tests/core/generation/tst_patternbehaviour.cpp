// SPDX-License-Identifier: MIT
// Every built-in pattern on real candles: a plausible number of entries per year on 1h and a passed shuffle test.
#include <QtTest>

#include <map>
#include <memory>

#include "config/configloader.h"
#include "data/candlereader.h"
#include "generation/patternlibrary.h"
#include "strategy/documentstrategy.h"
#include "validation/shuffletest.h"

using sixbtc::common::CandleSeries;
using sixbtc::common::Timeframe;
using sixbtc::generation::Pattern;
using sixbtc::generation::PatternLibrary;
using sixbtc::strategy::RuleSlot;

namespace {

constexpr double msPerYear = 365.25 * 24 * 3600 * 1000;

CandleSeries loadBundled(const std::string& file, const std::string& symbol, Timeframe timeframe)
{
    auto data = sixbtc::data::CandleReader::read(std::string(SIXBTC_BUNDLED_DATA_DIR) + "/" + file, symbol, timeframe);
    if (!data)
        qFatal("%s", data.error().message.c_str());
    return std::move(data->series);
}

// The last `bars` bars of `series` (a month of 5m bars keeps the shuffle test fast in Debug builds).
CandleSeries lastBars(const CandleSeries& series, std::size_t bars)
{
    CandleSeries tail(series.symbol(), series.timeframe());
    const std::size_t begin = series.size() > bars ? series.size() - bars : 0;
    tail.reserve(series.size() - begin);
    for (std::size_t i = begin; i < series.size(); ++i) {
        tail.append(series.timestampMs()[i], series.open()[i], series.high()[i], series.low()[i], series.close()[i],
                    series.volume()[i]);
    }
    return tail;
}

std::size_t countTrue(std::span<const std::uint8_t> column)
{
    std::size_t n = 0;
    for (const auto value : column)
        n += value != 0 ? 1 : 0;
    return n;
}

} // namespace

class TstPatternBehaviour : public QObject
{
    Q_OBJECT

private:
    std::optional<PatternLibrary> m_library;
    std::optional<sixbtc::config::ShuffleSettings> m_shuffle;
    std::map<std::string, CandleSeries> m_hourly; // symbol -> 1h perpetual candles
    std::unique_ptr<CandleSeries> m_fiveMinutes;  // BTC spot 5m, the last 30 days

    std::unique_ptr<sixbtc::strategy::DocumentStrategy> compile(const QString& id, Timeframe timeframe,
                                                                const std::vector<std::string>& symbols) const
    {
        const Pattern* pattern = m_library->find(id.toStdString());
        if (pattern == nullptr)
            return nullptr;
        auto document = m_library->instantiate(*pattern, timeframe, symbols);
        if (!document)
            return nullptr;
        return std::make_unique<sixbtc::strategy::DocumentStrategy>(std::move(*document));
    }

private slots:
    void initTestCase()
    {
        auto library = PatternLibrary::loadEmbedded();
        QVERIFY2(library.has_value(), library ? "" : library.error().fullText().c_str());
        m_library = std::move(*library);
        auto config = sixbtc::config::loadConfig(std::string(SIXBTC_SOURCE_DIR) + "/config/config.yaml");
        QVERIFY2(config.has_value(), config ? "" : config.error().fullText().c_str());
        m_shuffle = config->validation.shuffle;
        const Timeframe h1(Timeframe::Id::H1);
        for (const std::string symbol : {"BTC", "ETH", "SOL"})
            m_hourly.emplace(symbol, loadBundled(symbol + "_USDT_USDT-1h.csv.gz", symbol, h1));
        m_fiveMinutes = std::make_unique<CandleSeries>(
            lastBars(loadBundled("BTC_USDT-5m.csv.gz", "BTC", Timeframe(Timeframe::Id::M5)), 30 * 288));
    }

    void entriesPerYearArePlausible_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("symbol");
        for (const auto& pattern : m_library->patterns()) {
            for (const char* symbol : {"BTC", "ETH", "SOL"}) {
                const std::string row = pattern.id + "/" + symbol;
                QTest::newRow(row.c_str()) << QString::fromStdString(pattern.id) << QString::fromLatin1(symbol);
            }
        }
    }
    void entriesPerYearArePlausible()
    {
        QFETCH(QString, id);
        QFETCH(QString, symbol);
        const auto core = compile(id, Timeframe(Timeframe::Id::H1), {symbol.toStdString()});
        QVERIFY(core != nullptr);
        const CandleSeries& series = m_hourly.at(symbol.toStdString());
        const auto columns = core->evaluate(sixbtc::strategy::CandleWindow(series));
        const std::size_t longs = countTrue(columns.rule(RuleSlot::LongEntry));
        const std::size_t shorts = countTrue(columns.rule(RuleSlot::ShortEntry));
        const auto times = series.timestampMs();
        const double years = static_cast<double>(times.back() - times.front() + 3'600'000) / msPerYear;
        const double perYear = static_cast<double>(longs + shorts) / years;
        qInfo("%s %s: %zu long + %zu short entries, %.0f per year", qPrintable(id), qPrintable(symbol), longs, shorts,
              perYear);
        // Both sides trade, and the pattern fires neither on almost every bar nor almost never.
        QVERIFY(longs > 0);
        QVERIFY(shorts > 0);
        QVERIFY2(perYear >= 10.0 && perYear <= 2000.0, qPrintable(QString::number(perYear)));
    }

    void passesTheShuffleTest_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto& pattern : m_library->patterns())
            QTest::newRow(pattern.id.c_str()) << QString::fromStdString(pattern.id);
    }
    void passesTheShuffleTest()
    {
        QFETCH(QString, id);
        const auto hourly = compile(id, Timeframe(Timeframe::Id::H1), {"BTC"});
        QVERIFY(hourly != nullptr);
        const CandleSeries* hourlySeries[] = {&m_hourly.at("BTC")};
        const auto verdict = sixbtc::validation::runShuffleTest(*hourly, hourlySeries, *m_shuffle);
        QVERIFY2(verdict.has_value(), verdict ? "" : verdict.error().fullText().c_str());
        QVERIFY2(verdict->passed, verdict->reason.c_str());
        QCOMPARE(verdict->cutBars.front().size(), std::size_t(m_shuffle->cuts));

        const auto fast = compile(id, Timeframe(Timeframe::Id::M5), {"BTC"});
        QVERIFY(fast != nullptr);
        const CandleSeries* fastSeries[] = {m_fiveMinutes.get()};
        const auto fastVerdict = sixbtc::validation::runShuffleTest(*fast, fastSeries, *m_shuffle);
        QVERIFY2(fastVerdict.has_value(), fastVerdict ? "" : fastVerdict.error().fullText().c_str());
        QVERIFY2(fastVerdict->passed, fastVerdict->reason.c_str());
    }
};

QTEST_GUILESS_MAIN(TstPatternBehaviour)
#include "tst_patternbehaviour.moc"
