// SPDX-License-Identifier: MIT
// The HTML text of the report page.
#include "report/reportpage.h"

#include <algorithm>
#include <string_view>

#include "common/require.h"
#include "report/htmltext.h"
#include "report/keyfigures.h"

namespace sixbtc::gui::report {

namespace {

using storage::BacktestMetrics;

constexpr int kDecimals = 2;           // of ratios, percentages and scores in the tables
constexpr int kExpectancyDecimals = 3; // of the per-trade expectancy in percent, a small number

constexpr std::string_view kStyle = R"(body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
th { background: #eef1f6; }
td.text, th.text { text-align: left; }
td.pass { color: #1a7f37; font-weight: bold; }
td.fail { color: #b42318; font-weight: bold; }
p.missing { color: #b42318; font-style: italic; }
section { border-top: 2px solid #ccd; margin-top: 2em; }
img { display: block; margin: 0.5em 0; }
)";

// Every stored text goes through this on its way into the page.
std::string text(std::string_view value)
{
    return escapeHtml(value);
}

std::string cell(const std::string& content, bool isText = false)
{
    return std::string(isText ? "<td class=\"text\">" : "<td>") + content + "</td>";
}

std::string headerRow(const std::vector<std::string_view>& titles, std::size_t textColumns)
{
    std::string row = "<tr>";
    for (std::size_t i = 0; i < titles.size(); ++i)
        row += std::string(i < textColumns ? "<th class=\"text\">" : "<th>") + text(titles[i]) + "</th>";
    return row + "</tr>\n";
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const auto& part : parts)
        out += (out.empty() ? "" : std::string(separator)) + part;
    return out;
}

std::string poolTable(const std::vector<app::ReportPoolRow>& pool)
{
    std::string out = "<table class=\"pool\">\n";
    out +=
        headerRow({"rank", "strategy", "status", "type", "tf", "symbols", "score", "training Sharpe", "training return",
                   "training max DD", "training trades", "training win rate", "holdout return", "holdout Sharpe"},
                  6);
    for (std::size_t i = 0; i < pool.size(); ++i) {
        const app::ReportPoolRow& row = pool[i];
        const BacktestMetrics& t = row.training;
        out += "<tr class=\"pool-row\">" + cell(std::to_string(i + 1), true) +
               cell("<a href=\"#" + text(row.name) + "\">" + text(row.name) + "</a>", true) +
               cell(text(storage::statusName(row.status)), true) + cell(text(row.type), true) +
               cell(text(row.timeframe), true) + cell(text(joined(row.symbols, ", ")), true) +
               cell(row.score ? fixedText(*row.score, kDecimals) : "-") + cell(fixedText(t.sharpe, kDecimals)) +
               cell(percentText(t.totalReturn, kDecimals)) + cell(percentText(t.maxDrawdown, kDecimals)) +
               cell(std::to_string(t.nTrades)) + cell(percentText(t.winRate, kDecimals)) +
               cell(row.holdout ? percentText(row.holdout->totalReturn, kDecimals) : "-") +
               cell(row.holdout ? fixedText(row.holdout->sharpe, kDecimals) : "-") + "</tr>\n";
    }
    return out + "</table>\n";
}

common::Result<std::string> figuresText(const std::string& json)
{
    auto figures = keyFigures(json);
    if (!figures)
        return tl::unexpected(figures.error());
    std::vector<std::string> parts;
    for (const auto& [name, value] : *figures)
        parts.push_back(text(name) + " = " + text(value));
    return joined(parts, "; ");
}

common::Result<std::string> windowTable(const std::vector<storage::WalkForwardWindow>& windows)
{
    if (windows.empty())
        return std::string("<p class=\"missing\">no walk-forward run stored</p>\n");
    std::string out = "<table class=\"windows\">\n";
    out += headerRow({"window", "in-sample", "out-of-sample", "parameters", "IS Sharpe", "OOS Sharpe", "OOS expectancy",
                      "OOS trades", "edge"},
                     4);
    for (const auto& w : windows) {
        auto params = figuresText(w.parametersJson);
        if (!params)
            return common::fail(params.error().code, "walk-forward window " + std::to_string(w.index) +
                                                         ": the parameters are not a JSON object");
        // DESIGN.md "Walk-forward": the edge holds when the out-of-sample expectancy and Sharpe are both positive.
        const bool edge = w.outOfSample.expectancy > 0.0 && w.outOfSample.sharpe > 0.0;
        out += "<tr class=\"window-row\">" + cell(std::to_string(w.index), true) +
               cell(text(utcText(w.trainStartMs)) + " .. " + text(utcText(w.trainEndMs)), true) +
               cell(text(utcText(w.testStartMs)) + " .. " + text(utcText(w.testEndMs)), true) + cell(*params, true) +
               cell(fixedText(w.inSample.sharpe, kDecimals)) + cell(fixedText(w.outOfSample.sharpe, kDecimals)) +
               cell(percentText(w.outOfSample.expectancy, kExpectancyDecimals)) +
               cell(std::to_string(w.outOfSample.nTrades)) + cell(edge ? "yes" : "no") + "</tr>\n";
    }
    return out + "</table>\n";
}

common::Result<std::string> verdictTable(const std::vector<storage::ValidationVerdict>& verdicts)
{
    if (verdicts.empty())
        return std::string("<p class=\"missing\">no verdict stored</p>\n");
    std::string out = "<table class=\"verdicts\">\n" + headerRow({"check", "result", "key figures"}, 3);
    for (const auto& v : verdicts) {
        auto figures = figuresText(v.figuresJson);
        if (!figures)
            return common::fail(figures.error().code, "verdict " + v.check + ": " + figures.error().message);
        out += "<tr class=\"verdict-row\">" + cell(text(v.check), true) + "<td class=\"text " +
               (v.passed ? "pass\">pass" : "fail\">fail") + "</td>" + cell(*figures, true) + "</tr>\n";
    }
    return out + "</table>\n";
}

std::string chartsBlock(const app::ReportStrategy& s, const std::optional<ChartFiles>& files)
{
    if (!s.curve)
        return "<p class=\"missing\">" + text(missingCurveMessage(s.name)) + "</p>\n";
    const app::ReportCurve& c = *s.curve;
    std::string out = "<p>Full run " + std::to_string(c.runId) + " over " + text(utcText(c.dataStartMs)) + " .. " +
                      text(utcText(c.dataEndMs)) + " UTC: " + std::to_string(c.tradeCount) + " trades";
    if (!c.equity.empty())
        out += ", final equity " + fixedText(c.equity.back().equity, kDecimals);
    out += ".</p>\n";
    if (!files)
        return out + "<p class=\"missing\">the full run stores no equity points</p>\n";
    const std::string size = " width=\"" + std::to_string(files->size.width()) + "\" height=\"" +
                             std::to_string(files->size.height()) + "\"";
    out += "<img src=\"" + text(files->equity) + "\" alt=\"equity of " + text(s.name) + "\"" + size + ">\n";
    out += "<img src=\"" + text(files->drawdown) + "\" alt=\"drawdown of " + text(s.name) + "\"" + size + ">\n";
    return out;
}

common::Result<std::string> strategySection(const app::ReportStrategy& s, const app::ReportPoolRow& row,
                                            const std::optional<ChartFiles>& files)
{
    auto windows = windowTable(s.windows);
    if (!windows)
        return common::fail(windows.error().code, s.name + ": " + windows.error().message);
    auto verdicts = verdictTable(s.verdicts);
    if (!verdicts)
        return common::fail(verdicts.error().code, s.name + ": " + verdicts.error().message);
    std::string out = "<section id=\"" + text(s.name) + "\">\n<h2>" + text(s.name) + "</h2>\n";
    out += "<p>" + text(s.uuid) + " &middot; " + text(row.type) + " &middot; " + text(row.timeframe) + " &middot; " +
           text(joined(row.symbols, ", ")) + " &middot; score " + (row.score ? fixedText(*row.score, kDecimals) : "-") +
           "</p>\n";
    out += chartsBlock(s, files);
    out += "<h3>Walk-forward windows</h3>\n" + *windows;
    out += "<h3>Robustness</h3>\n" + *verdicts;
    return out + "</section>\n";
}

const app::ReportPoolRow& poolRowOf(const app::ReportData& data, const std::string& uuid)
{
    const auto it = std::find_if(data.pool.begin(), data.pool.end(),
                                 [&](const app::ReportPoolRow& row) { return row.uuid == uuid; });
    SIXBTC_REQUIRE(it != data.pool.end());
    return *it;
}

} // namespace

std::string missingCurveMessage(const std::string& strategyName)
{
    return "no equity curve stored: run sixbtc backtest --strategy " + strategyName;
}

common::Result<std::string> reportPage(const app::ReportData& data,
                                       const std::vector<std::optional<ChartFiles>>& charts)
{
    SIXBTC_REQUIRE(charts.size() == data.active.size());
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>SixBTC strategy pool</title>\n<style>\n" +
                       std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>SixBTC strategy pool</h1>\n";
    if (data.pool.empty())
        return page + "<p class=\"empty\">The pool is empty: no ACTIVE or LIVE strategy is stored.</p>\n</body>\n"
                      "</html>\n";
    const auto live = data.pool.size() - data.active.size();
    page += "<p>" + std::to_string(data.pool.size()) + " strategies in the pool (" +
            std::to_string(data.active.size()) + " ACTIVE, " + std::to_string(live) +
            " LIVE), by descending score.</p>\n";
    page += poolTable(data.pool);
    for (std::size_t i = 0; i < data.active.size(); ++i) {
        auto section = strategySection(data.active[i], poolRowOf(data, data.active[i].uuid), charts[i]);
        if (!section)
            return section;
        page += *section;
    }
    return page + "</body>\n</html>\n";
}

} // namespace sixbtc::gui::report
