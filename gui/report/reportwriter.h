// SPDX-License-Identifier: MIT
// writeReport: the report folder of `sixbtc report` (index.html and the PNG charts of every ACTIVE strategy).
#pragma once

#include <filesystem>
#include <vector>

#include <QSize>

#include "app/reportdata.h"
#include "common/error.h"

namespace sixbtc::gui::report {

/// The pixel size of every chart image of the report.
inline constexpr QSize kChartSize{960, 360};

/// What writeReport wrote.
struct ReportFiles
{
    std::filesystem::path index;               ///< index.html
    std::vector<std::filesystem::path> images; ///< equity_<name>.png and drawdown_<name>.png, in page order
};

/// Creates `outDir` when needed and writes into it the charts of every ACTIVE strategy with a stored equity curve
/// and then index.html (see reportPage). Input errors name the path that could not be created or written.
/// \warning Needs a QApplication (the charts are drawn with Qt Charts).
common::Result<ReportFiles> writeReport(const app::ReportData& data, const std::filesystem::path& outDir);

} // namespace sixbtc::gui::report
