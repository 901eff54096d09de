// SPDX-License-Identifier: MIT
// StrategyLabels: translated names and colours of strategy statuses and generation modes.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include "storage/api/strategystatus.h"

namespace sixbtc::gui {

/// How the GUI names and colours a strategy's status and generation mode, the same in every view.
class StrategyLabels
{
    Q_DECLARE_TR_FUNCTIONS(StrategyLabels)

public:
    static QString statusText(storage::StrategyStatus status);
    static QString modeText(storage::GenerationMode mode);
    /// A mid-tone colour per status, readable as text on both the dark and the light theme.
    static QColor statusColor(storage::StrategyStatus status);
};

} // namespace sixbtc::gui
