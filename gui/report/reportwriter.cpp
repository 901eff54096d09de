// SPDX-License-Identifier: MIT
// Writing the report folder: the PNG charts first, then index.html.
#include "report/reportwriter.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <system_error>

#include <QApplication>

#include "common/require.h"
#include "report/chartrenderer.h"
#include "report/htmltext.h"
#include "report/reportpage.h"

namespace sixbtc::gui::report {

namespace {

using common::ErrorCode;

// A strategy name becomes part of a file name: only letters, digits, '_' and '-' (the name rule allows no more).
bool fileSafe(const std::string& name)
{
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

common::Result<std::optional<ChartFiles>> writeCharts(const app::ReportStrategy& s, const ChartRenderer& renderer,
                                                      const std::filesystem::path& outDir, ReportFiles& written)
{
    if (!s.curve || s.curve->equity.empty())
        return std::nullopt;
    if (!fileSafe(s.name))
        return common::fail(ErrorCode::Input, "the strategy name '" + s.name + "' cannot be part of a file name");
    const app::ReportCurve& curve = *s.curve;
    std::vector<ChartPoint> equity;
    std::vector<ChartPoint> drawdown;
    double deepest = 0.0;
    for (std::size_t i = 0; i < curve.equity.size(); ++i) {
        equity.push_back(ChartPoint{curve.equity[i].timeMs, curve.equity[i].equity});
        drawdown.push_back(ChartPoint{curve.equity[i].timeMs, curve.drawdown[i]});
        deepest = std::max(deepest, curve.drawdown[i]);
    }
    ChartFiles files{"equity_" + s.name + ".png", "drawdown_" + s.name + ".png", renderer.size()};
    const std::string span = utcText(curve.dataStartMs) + " .. " + utcText(curve.dataEndMs) + " UTC";
    const QImage equityImage = renderer.equityImage(equity, "Equity of " + s.name + ", " + span);
    if (auto saved = ChartRenderer::savePng(equityImage, outDir / files.equity); !saved)
        return tl::unexpected(saved.error());
    written.images.push_back(outDir / files.equity);
    const QImage drawdownImage =
        renderer.drawdownImage(drawdown, "Drawdown of " + s.name + ", deepest " + percentText(deepest, 2));
    if (auto saved = ChartRenderer::savePng(drawdownImage, outDir / files.drawdown); !saved)
        return tl::unexpected(saved.error());
    written.images.push_back(outDir / files.drawdown);
    return files;
}

common::Result<void> writeText(const std::filesystem::path& file, const std::string& content)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (out)
        out << content;
    out.close();
    if (!out)
        return common::fail(ErrorCode::Input, "cannot write " + file.string());
    return {};
}

} // namespace

common::Result<ReportFiles> writeReport(const app::ReportData& data, const std::filesystem::path& outDir)
{
    SIXBTC_REQUIRE(qobject_cast<QApplication*>(QCoreApplication::instance()) != nullptr);
    std::error_code error;
    std::filesystem::create_directories(outDir, error);
    if (error)
        return common::fail(ErrorCode::Input,
                            "cannot create the report folder " + outDir.string() + ": " + error.message());
    if (!std::filesystem::is_directory(outDir, error))
        return common::fail(ErrorCode::Input, "the report folder " + outDir.string() + " is not a folder");

    ReportFiles written;
    const ChartRenderer renderer(kChartSize);
    std::vector<std::optional<ChartFiles>> charts;
    for (const app::ReportStrategy& s : data.active) {
        auto files = writeCharts(s, renderer, outDir, written);
        if (!files)
            return tl::unexpected(files.error());
        charts.push_back(std::move(*files));
    }
    auto page = reportPage(data, charts);
    if (!page)
        return tl::unexpected(page.error());
    written.index = outDir / "index.html";
    if (auto ok = writeText(written.index, *page); !ok)
        return tl::unexpected(ok.error());
    return written;
}

} // namespace sixbtc::gui::report
