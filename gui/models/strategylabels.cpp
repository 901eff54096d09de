// SPDX-License-Identifier: MIT
// Status and generation-mode texts (translated) and status colours.
#include "models/strategylabels.h"

namespace sixbtc::gui {

using storage::GenerationMode;
using storage::StrategyStatus;

QString StrategyLabels::statusText(StrategyStatus status)
{
    switch (status) {
    case StrategyStatus::Generated: return tr("Generated");
    case StrategyStatus::Validated: return tr("Validated");
    case StrategyStatus::Active: return tr("Active");
    case StrategyStatus::Live: return tr("Live");
    case StrategyStatus::Rejected: return tr("Rejected");
    case StrategyStatus::Retired: return tr("Retired");
    }
    return {};
}

QString StrategyLabels::modeText(GenerationMode mode)
{
    switch (mode) {
    case GenerationMode::Pattern: return tr("Pattern");
    case GenerationMode::AiFree: return tr("AI free");
    case GenerationMode::AiAssigned: return tr("AI assigned");
    case GenerationMode::Optimized: return tr("Optimised");
    }
    return {};
}

QColor StrategyLabels::statusColor(StrategyStatus status)
{
    // Luminance between the light theme's white and the dark theme's near-black backgrounds keeps each readable.
    switch (status) {
    case StrategyStatus::Generated: return QColor(0x8a, 0x8f, 0x98);
    case StrategyStatus::Validated: return QColor(0x3d, 0x85, 0xe0);
    case StrategyStatus::Active: return QColor(0x2e, 0xa0, 0x43);
    case StrategyStatus::Live: return QColor(0x1c, 0xa3, 0xb8);
    case StrategyStatus::Rejected: return QColor(0xd9, 0x4a, 0x42);
    case StrategyStatus::Retired: return QColor(0xc0, 0x86, 0x1a);
    }
    return {};
}

} // namespace sixbtc::gui
