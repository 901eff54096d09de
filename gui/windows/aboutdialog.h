// SPDX-License-Identifier: MIT
// AboutDialog: version, build type and library versions.
#pragma once

#include <QDialog>

class QLabel;

namespace sixbtc::gui {

/// Shows what this build is: SixBTC's version, its build type and compiler, and every library's version.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    /// The text of the versions table, for tests and for copying into bug reports.
    QString versionsText() const;

private:
    QLabel* m_versions;
};

} // namespace sixbtc::gui
