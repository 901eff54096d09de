// SPDX-License-Identifier: MIT
// AboutDialog: version, build type and library versions.
#include "windows/aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

#include "app/versions.h"

namespace sixbtc::gui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_versions(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About SixBTC Workbench"));

    auto* title = new QLabel(tr("<h2>SixBTC Workbench</h2><p>Generate, prove and trade strategies on Hyperliquid "
                                "under hard risk limits.</p>"),
                             this);
    title->setWordWrap(true);

    QString rows;
    for (const auto& [name, version] : app::buildAndLibraryVersions()) {
        rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(QString::fromStdString(name).toHtmlEscaped(), QString::fromStdString(version).toHtmlEscaped());
    }
    m_versions->setObjectName(QStringLiteral("versionsLabel"));
    m_versions->setText(QStringLiteral("<table>") + rows + QStringLiteral("</table>"));
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_versions);
    layout->addWidget(buttons);
}

QString AboutDialog::versionsText() const
{
    return m_versions->text();
}

} // namespace sixbtc::gui
