// SPDX-License-Identifier: MIT
// The report page: the HTML text of index.html from the report data and the chart files beside it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QSize>

#include "app/reportdata.h"
#include "common/error.h"

namespace sixbtc::gui::report {

/// The chart images of one ACTIVE strategy, as file names beside the page.
struct ChartFiles
{
    std::string equity;
    std::string drawdown;
    QSize size;
};

/// The message shown in place of the charts of a strategy without a "full" run.
std::string missingCurveMessage(const std::string& strategyName);

/// The UTF-8 text of a self-contained page (inline CSS, no scripts, no outside address; every stored text escaped):
/// the pool table, then one section per ACTIVE strategy with its charts (`charts` runs parallel to data.active; an
/// empty entry shows why there are none), walk-forward windows and verdicts. An Input error names a strategy whose
/// stored figures or parameters are not JSON objects.
common::Result<std::string> reportPage(const app::ReportData& data,
                                       const std::vector<std::optional<ChartFiles>>& charts);

} // namespace sixbtc::gui::report
