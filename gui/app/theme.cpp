// SPDX-License-Identifier: MIT
// Theme: Fusion with a dark or a light palette, a small stylesheet and the status colours of each.
#include "app/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace sixbtc::gui {

namespace {

using storage::StrategyStatus;

Theme g_current = Theme::Dark;

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabledText(0x7a, 0x7e, 0x85);
    const QColor highlight(0x35, 0x74, 0xf0);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Link, highlight.lighter(130));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Light, window.lighter(150));
    palette.setColor(QPalette::Midlight, window.lighter(125));
    palette.setColor(QPalette::Mid, window.darker(120));
    palette.setColor(QPalette::Dark, base.darker(130));
    palette.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(140));
    return palette;
}

/// Fusion's own light palette with a calmer window colour. \warning after the Fusion style is set.
QPalette lightPalette()
{
    QPalette palette = QApplication::style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    palette.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QString styleSheet(Theme theme)
{
    const QString border = theme == Theme::Dark ? QStringLiteral("#3c3f45") : QStringLiteral("#d0d4da");
    return QStringLiteral("QDockWidget::title { padding: 4px 6px; }\n"
                          "QToolBar { border-bottom: 1px solid %1; spacing: 6px; }\n"
                          "QStatusBar { border-top: 1px solid %1; }\n")
               .arg(border) +
           emergencyStopStyle();
}

} // namespace

QString themeName(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

std::optional<Theme> parseTheme(const QString& name)
{
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    if (name == QLatin1String("light"))
        return Theme::Light;
    return std::nullopt;
}

void applyTheme(Theme theme)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    qApp->setStyleSheet(styleSheet(theme));
    g_current = theme;
}

Theme currentTheme()
{
    return g_current;
}

QColor statusColour(Theme theme, StrategyStatus status)
{
    const bool dark = theme == Theme::Dark;
    switch (status) {
    case StrategyStatus::Generated: return dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x5f, 0x63, 0x68);
    case StrategyStatus::Validated: return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x56, 0xdb);
    case StrategyStatus::Active: return dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1e, 0x7e, 0x34);
    case StrategyStatus::Live: return dark ? QColor(0xfd, 0xd6, 0x63) : QColor(0xb0, 0x60, 0x00);
    case StrategyStatus::Rejected: return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xc5, 0x22, 0x1f);
    case StrategyStatus::Retired: return dark ? QColor(0x6f, 0x74, 0x7b) : QColor(0x8a, 0x8f, 0x96);
    }
    return {};
}

QString emergencyStopStyle()
{
    return QStringLiteral("QToolButton#emergencyStopButton { background: #c62828; color: #ffffff; font-weight: bold;"
                          " border: 1px solid #8e0000; border-radius: 3px; padding: 4px 10px; }\n"
                          "QToolButton#emergencyStopButton:hover { background: #e53935; }\n"
                          "QToolButton#emergencyStopButton:disabled { background: #9b3a3a; color: #f4dcdc;"
                          " border-color: #6d1f1f; }\n");
}

} // namespace sixbtc::gui
