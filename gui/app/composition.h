// SPDX-License-Identifier: MIT
// The GUI composition root's helpers: the dock panels and the theme switch wired to the running application.
#pragma once

#include "app/theme.h"
#include "windows/mainwindow.h"

namespace sixbtc::gui {

/// One labelled placeholder per dock, shown until the pool, detail and chart views are composed in.
MainWindowPanels placeholderPanels();

/// Applies `theme`, or else the theme checked in the window (the saved one), and makes View > Theme apply the
/// theme the user picks from then on.
void wireThemes(MainWindow& window, std::optional<Theme> theme);

} // namespace sixbtc::gui
