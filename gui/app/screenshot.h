// SPDX-License-Identifier: MIT
// Renders one view of the workbench to a PNG file (sixbtc-gui --screenshot OUT --view VIEW).
#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace sixbtc::gui {

/// Renders `view` (main | about) offscreen into `outPath`; an error message when the view is unknown
/// or the file cannot be written.
tl::expected<void, QString> renderScreenshot(const QString& view, const QString& outPath);

} // namespace sixbtc::gui
