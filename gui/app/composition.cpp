// SPDX-License-Identifier: MIT
// The GUI composition root's helpers: placeholder panels and the theme switch.
#include "app/composition.h"

#include <QCoreApplication>
#include <QLabel>

namespace sixbtc::gui {

namespace {

QWidget* placeholder(const QString& objectName, const QString& text)
{
    auto* label = new QLabel(text);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    return label;
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Composition)
};

} // namespace

MainWindowPanels placeholderPanels()
{
    return {placeholder(QStringLiteral("poolPlaceholder"), Tr::tr("The strategy pool appears here.")),
            placeholder(QStringLiteral("detailPlaceholder"), Tr::tr("The selected strategy appears here.")),
            placeholder(QStringLiteral("chartPlaceholder"), Tr::tr("The selected strategy's charts appear here."))};
}

void wireThemes(MainWindow& window, std::optional<Theme> theme)
{
    const Theme chosen = theme ? *theme : parseTheme(window.themeName()).value_or(Theme::Dark);
    window.setThemeName(themeName(chosen));
    applyTheme(chosen);
    QObject::connect(&window, &MainWindow::themeRequested, &window, [](const QString& name) {
        if (const auto picked = parseTheme(name))
            applyTheme(*picked);
    });
}

} // namespace sixbtc::gui
