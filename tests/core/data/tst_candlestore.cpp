// SPDX-License-Identifier: MIT
// Tests of CandleStore: the folder scan and the symbol + timeframe -> file lookup with data.prefer.
#include <QtTest>

#include "data/candlestore.h"

using sixbtc::common::ErrorCode;
using sixbtc::common::Timeframe;
using sixbtc::config::DataSettings;
using sixbtc::config::MarketPreference;
using sixbtc::data::CandleStore;
using sixbtc::data::Market;

namespace {

const Timeframe m5(Timeframe::Id::M5);
const Timeframe m15(Timeframe::Id::M15);
const Timeframe h1(Timeframe::Id::H1);
const Timeframe h4(Timeframe::Id::H4);
const Timeframe d1(Timeframe::Id::D1);

const std::filesystem::path fixtureDir = std::filesystem::path(SIXBTC_TEST_DATA_DIR) / "candles" / "store";
const std::filesystem::path bundledDir = std::filesystem::path(SIXBTC_BUNDLED_DATA_DIR);

CandleStore openStore(const std::filesystem::path& dir, MarketPreference prefer, std::vector<std::string> exclude)
{
    auto store = CandleStore::open(DataSettings{dir, prefer, std::move(exclude)});
    if (!store)
        qFatal("cannot open the candle store: %s", store.error().message.c_str());
    return std::move(*store);
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// The relative path of the file found for symbol + timeframe, or "error: <message>".
QString lookup(const CandleStore& store, const char* symbol, Timeframe timeframe)
{
    const auto entry = store.find(symbol, timeframe);
    return entry ? qs(entry->relativePath.generic_string()) : QStringLiteral("error: ") + qs(entry.error().message);
}

} // namespace

class TstCandleStore : public QObject
{
    Q_OBJECT

private slots:
    void listsEveryCandleFileIncludingSubFolders()
    {
        const auto store = openStore(fixtureDir, MarketPreference::Perpetual, {"archive"});
        QStringList listed;
        for (const auto& entry : store.files()) {
            listed << qs(entry.relativePath.generic_string()) + (entry.excluded ? QStringLiteral(" x") : QString());
            QCOMPARE(entry.path, fixtureDir / entry.relativePath);
        }
        const QStringList expected{
            QStringLiteral("BTC_USDT-1d.csv"),
            QStringLiteral("BTC_USDT-1h.csv"),
            QStringLiteral("BTC_USDT_USDT-1h.csv"),
            QStringLiteral("ETH_USDT-1h.csv"),
            QStringLiteral("SOL_USDT_USDT-1h.csv.gz"),
            QStringLiteral("archive/BTC_USDT-4h.csv x"),
            QStringLiteral("archive/XRP_USDT_USDT-1h.csv x"),
            QStringLiteral("other/BTC_USD-1d.csv"),
        };
        QCOMPARE(listed, expected);

        QCOMPARE(store.unrecognized().size(), std::size_t(2));
        QCOMPARE(qs(store.unrecognized()[0].relativePath.generic_string()), QStringLiteral("BTC-USDT-1h.csv"));
        QCOMPARE(qs(store.unrecognized()[1].relativePath.generic_string()),
                 QStringLiteral("ETH_USDT_USDT-1h-futures.csv"));
        QVERIFY(store.unrecognized()[1].reason.find("'1h-futures' is not a timeframe") != std::string::npos);
    }

    void lookupHonoursPreference_data()
    {
        QTest::addColumn<bool>("preferSpot");
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("timeframe");
        QTest::addColumn<QString>("expected");
        const auto add = [](const char* row, bool spot, const char* symbol, const char* tf, const char* expected) {
            QTest::newRow(row) << spot << QString::fromUtf8(symbol) << QString::fromUtf8(tf)
                               << QString::fromUtf8(expected);
        };
        add("both, prefer perpetual", false, "BTC", "1h", "BTC_USDT_USDT-1h.csv");
        add("both, prefer spot", true, "BTC", "1h", "BTC_USDT-1h.csv");
        add("spot only, prefer perpetual", false, "ETH", "1h", "ETH_USDT-1h.csv");
        add("perpetual only, prefer spot", true, "SOL", "1h", "SOL_USDT_USDT-1h.csv.gz");
        add("bundled both, prefer perpetual", false, "BTC", "5m", "BTC_USDT_USDT-5m.csv.gz");
        add("bundled both, prefer spot", true, "ETH", "5m", "ETH_USDT-5m.csv.gz");
        add("bundled spot only, prefer perpetual", false, "SOL", "15m", "SOL_USDT-15m.csv.gz");
        add("bundled 1d, prefer spot", true, "BTC", "1d", "BTC_USDT-1d.csv.gz");
    }
    void lookupHonoursPreference()
    {
        QFETCH(bool, preferSpot);
        QFETCH(QString, symbol);
        QFETCH(QString, timeframe);
        QFETCH(QString, expected);
        const bool bundled = QString::fromUtf8(QTest::currentDataTag()).startsWith(QStringLiteral("bundled"));
        const auto store =
            bundled ? openStore(bundledDir, preferSpot ? MarketPreference::Spot : MarketPreference::Perpetual,
                                {"coinbase_btcusd_cdd", "freqtrade_testdata"})
                    : openStore(fixtureDir, preferSpot ? MarketPreference::Spot : MarketPreference::Perpetual,
                                {"archive", "other"});
        const auto tf = Timeframe::parse(timeframe.toStdString());
        QVERIFY(tf.has_value());
        QCOMPARE(lookup(store, symbol.toStdString().c_str(), *tf), expected);
    }

    void loadReadsTheChosenFile()
    {
        // The fixture files differ in row count: spot BTC 1h has 2 rows, perpetual BTC 1h 3.
        const auto perpetual = openStore(fixtureDir, MarketPreference::Perpetual, {"archive", "other"});
        const auto spot = openStore(fixtureDir, MarketPreference::Spot, {"archive", "other"});
        const auto fromPerpetual = perpetual.load("BTC", h1);
        const auto fromSpot = spot.load("BTC", h1);
        QVERIFY(fromPerpetual && fromSpot);
        QCOMPARE(fromPerpetual->series.size(), std::size_t(3));
        QCOMPARE(fromPerpetual->series.open()[0], 200.0);
        QCOMPARE(fromSpot->series.size(), std::size_t(2));
        QCOMPARE(fromSpot->series.open()[0], 100.0);
        QCOMPARE(fromSpot->series.symbol(), std::string("BTC"));
    }

    void excludedFoldersAreSkippedByTheLookup()
    {
        const auto store = openStore(fixtureDir, MarketPreference::Perpetual, {"archive", "other"});
        QCOMPARE(lookup(store, "XRP", h1),
                 QStringLiteral("error: no candle file for XRP 1h in '") + qs(fixtureDir.string()) +
                     QStringLiteral("' (looked for XRP_<QUOTE>[_<SETTLE>]-1h.csv[.gz]; skipped because data.exclude "
                                    "lists their sub-folder: archive/XRP_USDT_USDT-1h.csv)"));
        QVERIFY(lookup(store, "BTC", h4).endsWith(QStringLiteral("lists their sub-folder: archive/BTC_USDT-4h.csv)")));
        QCOMPARE(lookup(store, "BTC", d1), QStringLiteral("BTC_USDT-1d.csv"));

        const auto bundled = openStore(bundledDir, MarketPreference::Perpetual, {"freqtrade_testdata"});
        QVERIFY(lookup(bundled, "XRP", h1).startsWith(QStringLiteral("error: no candle file for XRP 1h")));
        const auto everything = openStore(bundledDir, MarketPreference::Perpetual, {});
        QCOMPARE(lookup(everything, "XRP", h1), QStringLiteral("freqtrade_testdata/XRP_USDT_USDT-1h.csv.gz"));
        QCOMPARE(lookup(everything, "XRP", m5), QStringLiteral("freqtrade_testdata/XRP_USDT_USDT-5m.csv.gz"));
    }

    void severalFilesOfOneMarketAreAnError()
    {
        // Without the exclusion, other/BTC_USD-1d.csv competes with BTC_USDT-1d.csv (both spot).
        const auto store = openStore(fixtureDir, MarketPreference::Perpetual, {"archive"});
        QCOMPARE(lookup(store, "BTC", d1),
                 QStringLiteral("error: several spot candle files for BTC 1d in '") + qs(fixtureDir.string()) +
                     QStringLiteral("': BTC_USDT-1d.csv, other/BTC_USD-1d.csv (keep one, or list its sub-folder in "
                                    "data.exclude)"));
        // The perpetual of the bundled data wins over the two spot files when perpetual is preferred.
        const auto bundled = openStore(bundledDir, MarketPreference::Perpetual, {});
        QCOMPARE(lookup(bundled, "BTC", d1), QStringLiteral("BTC_USDT_USDT-1d.csv.gz"));
        const auto bundledSpot = openStore(bundledDir, MarketPreference::Spot, {});
        QVERIFY(
            lookup(bundledSpot, "BTC", d1).startsWith(QStringLiteral("error: several spot candle files for BTC 1d")));
    }

    void missingSymbolNamesSymbolTimeframeAndFolder()
    {
        const auto store = openStore(bundledDir, MarketPreference::Spot, {"coinbase_btcusd_cdd", "freqtrade_testdata"});
        const auto entry = store.find("DOGE", m15);
        QVERIFY(!entry.has_value());
        QCOMPARE(entry.error().code, ErrorCode::Input);
        QCOMPARE(qs(entry.error().message), QStringLiteral("no candle file for DOGE 15m in '") +
                                                qs(bundledDir.string()) +
                                                QStringLiteral("' (looked for DOGE_<QUOTE>[_<SETTLE>]-15m.csv[.gz])"));
        // The symbol is the base currency, matched exactly.
        QVERIFY(!store.find("btc", m15).has_value());
        QVERIFY(!store.find("BTC_USDT", m15).has_value());
        const auto loaded = store.load("DOGE", m15);
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().message, entry.error().message);
    }

    void missingFolderIsAConfigError()
    {
        const auto store = CandleStore::open(DataSettings{fixtureDir / "nope", MarketPreference::Spot, {}});
        QVERIFY(!store.has_value());
        QCOMPARE(store.error().code, ErrorCode::Config);
        QCOMPARE(qs(store.error().message), QStringLiteral("data.dir: '") + qs((fixtureDir / "nope").string()) +
                                                QStringLiteral("' is not a folder"));
    }

    void entriesCarryTheParsedName()
    {
        const auto store = openStore(bundledDir, MarketPreference::Perpetual, {"coinbase_btcusd_cdd"});
        const auto entry = store.find("BTC", m5);
        QVERIFY(entry.has_value());
        QCOMPARE(entry->name.market, Market::Perpetual);
        QCOMPARE(entry->name.quote, std::string("USDT"));
        QVERIFY(entry->name.compressed);
        QVERIFY(!entry->excluded);
        QVERIFY(entry->path.is_absolute());
    }
};

QTEST_GUILESS_MAIN(TstCandleStore)
#include "tst_candlestore.moc"
