// SPDX-License-Identifier: MIT
// Theme: the workbench's dark and light looks (Fusion style, palette, a small stylesheet, status colours).
#pragma once

#include <QColor>
#include <QString>

#include <optional>

#include "storage/api/strategystatus.h"

namespace sixbtc::gui {

enum class Theme { Dark, Light };

/// "dark" or "light".
QString themeName(Theme theme);
/// The theme named "dark" or "light"; empty for any other text.
std::optional<Theme> parseTheme(const QString& name);

/// Sets the Fusion style, the theme's palette and stylesheet on the running QApplication. \warning GUI thread only.
void applyTheme(Theme theme);
/// The theme applyTheme() set last (Dark before any call).
Theme currentTheme();

/// The colour a strategy status is shown in, readable on the theme's base colour.
QColor statusColour(Theme theme, storage::StrategyStatus status);

/// The stylesheet of the emergency-stop button: red in both themes (and a muted red while disabled).
QString emergencyStopStyle();

} // namespace sixbtc::gui
