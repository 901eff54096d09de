// SPDX-License-Identifier: MIT
// Renders one view of the workbench to a PNG file (sixbtc-gui --screenshot OUT --view VIEW [--theme THEME]).
#pragma once

#include <QString>

#include <tl/expected.hpp>

#include "app/theme.h"

namespace sixbtc::gui {

/// Renders `view` (main | about) offscreen in `theme` into `outPath`; an error message when the view is unknown
/// or the file cannot be written. The main window uses fresh settings (default layout), never the user's.
tl::expected<void, QString> renderScreenshot(const QString& view, const QString& outPath, Theme theme);

} // namespace sixbtc::gui
