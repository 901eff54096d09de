// SPDX-License-Identifier: MIT
// Test support of tst_familystore: the proven family, expected rows and the SQLite dump.
#include "familystorefixture.h"

#include <QDateTime>
#include <QString>

#include <algorithm>
#include <utility>

#include "common/digest.h"
#include "config/configloader.h"

namespace sixbtc::testing {

std::string ProvenFamily::load()
{
    auto loaded = config::loadConfig(SIXBTC_SOURCE_DIR "/config/config.yaml");
    if (!loaded)
        return loaded.error().fullText();
    config = *loaded;
    config.backtest.trainingDays = 60;
    config.backtest.holdoutDays = 10;
    config.backtest.threads = 2;
    auto read = data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT_USDT-1h.csv.gz", "BTC",
                                         common::Timeframe(common::Timeframe::Id::H1));
    if (!read)
        return read.error().fullText();
    candles.push_back(std::move(*read));
    auto parsed = strategy::parseStrategyDocument(kFamilyDocument, "rsi7.yaml");
    if (!parsed.document)
        return "the family document does not parse";
    document = std::move(*parsed.document);
    codeHash = common::sha256Hex(strategy::printStrategyDocument(*document));
    auto run =
        app::prepareBacktest(*document, candles, {utcMs("2025-03-01T00:00:00Z"), utcMs("2025-05-15T00:00:00Z")}, false);
    if (!run)
        return run.error().fullText();
    prepared = std::move(*run);
    auto expanded = backtest::expandGrid(config::GridSettings{{0.01, 0.02}, {0.02}, {1.0, 3.0}, {0, 24}});
    if (!expanded)
        return expanded.error().fullText();
    grid = std::move(*expanded);

    auto& s = config.scoring;
    s.minWinRate = 0.0;
    s.minExpectancy = -1.0;
    s.maxDrawdown = 1.0;
    s.minTrades.fill(0);
    s.robustnessMinScore = 0;
    s.minSharpe = -1e9;
    config.validation.walkForward.minWindowsWithEdge = 0;
    config.validation.walkForward.maxSharpeDispersion = 1e9;
    config.validation.overfitting.maxPbo = 1.0;
    config.validation.overfitting.minDsr = 0.0;
    // Pass 1 finds the family's median training Sharpe, pass 2 proves with it as scoring.min_sharpe (training
    // metrics do not depend on thresholds, so the median stays the same and `config` matches `proof`).
    for (int pass = 0; pass < 2; ++pass) {
        auto proven = app::proveFamily(app::FamilyProofInput{&*document, &candles, &*prepared, &grid, &config, {}, {}});
        if (!proven)
            return proven.error().fullText();
        proof = std::move(*proven);
        std::vector<double> sharpes;
        for (const auto& p : proof->strategies)
            sharpes.push_back(p.training.sharpe);
        std::sort(sharpes.begin(), sharpes.end());
        s.minSharpe = sharpes[sharpes.size() / 2];
    }
    return {};
}

std::int64_t utcMs(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

std::string expandedCode(const backtest::StrategyParams& p)
{
    const auto number = [](double x) { return QString::number(x, 'g', 17).toStdString(); };
    const std::string text = std::string(kFamilyDocument) + "risk: {sl_pct: " + number(p.slPct) +
                             ", tp_pct: " + number(p.tpPct) + ", leverage: " + number(p.leverage) +
                             ", exit_after_bars: " + std::to_string(p.exitAfterBars) + "}\n";
    auto parsed = strategy::parseStrategyDocument(text, "expanded.yaml");
    return parsed.document ? strategy::printStrategyDocument(*parsed.document) : std::string("unparsable");
}

QString statusText(storage::StrategyStatus status)
{
    const std::string_view name = storage::statusName(status);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

bool sameMetrics(const storage::BacktestMetrics& s, const backtest::Metrics& m)
{
    return s.totalReturn == m.totalReturn && s.sharpe == m.sharpe && s.winRate == m.winRate &&
           s.expectancy == m.expectancy && s.expectancyUsdc == m.expectancyUsdc && s.maxDrawdown == m.maxDrawdown &&
           s.nTrades == m.nTrades && s.edRatio == m.edRatio && s.consistency == m.consistency &&
           s.finalEquity == m.finalEquity;
}

std::string dumpSqlite(storage::SqlConnection& sql)
{
    std::string out;
    auto tables = sql.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", {});
    if (!tables)
        return "error: " + tables.error().message;
    for (const storage::SqlRow& table : *tables) {
        const std::string name = table.text(0);
        auto columns = sql.query("SELECT name, pk FROM pragma_table_info('" + name + "') ORDER BY cid", {});
        if (!columns)
            return "error: " + columns.error().message;
        std::string select;
        std::vector<std::pair<std::int64_t, std::string>> keys;
        for (const storage::SqlRow& column : *columns) {
            select += (select.empty() ? "" : ", ") + column.text(0) + ", typeof(" + column.text(0) + ")";
            if (column.integer(1) > 0)
                keys.emplace_back(column.integer(1), column.text(0));
        }
        std::sort(keys.begin(), keys.end());
        std::string order = keys.empty() ? "rowid" : "";
        for (const auto& key : keys)
            order += (order.empty() ? "" : ", ") + key.second;
        auto rows = sql.query("SELECT " + select + " FROM " + name + " ORDER BY " + order, {});
        if (!rows)
            return "error: " + rows.error().message;
        out += "table " + name + " (" + std::to_string(rows->size()) + " rows)\n";
        for (const storage::SqlRow& row : *rows) {
            for (std::size_t c = 0; c < row.size(); c += 2)
                out += (row.isNull(c) ? std::string("NULL") : row.text(c)) + ":" + row.text(c + 1) + "|";
            out += '\n';
        }
    }
    return out;
}

} // namespace sixbtc::testing
