// SPDX-License-Identifier: MIT
// The rotation preview: the ACTIVE pool's selection under the rotation limits and its subaccount assignment.
#pragma once

#include <vector>

#include "config/settings.h"
#include "pool/rotation.h"
#include "storage/api/store.h"

namespace sixbtc::app {

/// The selection and where each pick would go. `selection` and `assignments` point into `candidates`, which a
/// move of the struct keeps valid (a moved vector keeps its elements where they are).
struct RotationPreview
{
    std::vector<pool::RotationCandidate> candidates;
    pool::RotationSelection selection;
    std::vector<pool::SubaccountAssignment> assignments;
};

/// Every ACTIVE strategy with the daily returns of its newest "full" run's equity curve, selected by
/// pool::selectRotation (rotation.*) and assigned by pool::assignSubaccounts (hyperliquid.subaccounts). An Input
/// error names an ACTIVE strategy without a full run (`sixbtc backtest --strategy NAME` stores one).
common::Result<RotationPreview> previewRotation(storage::Store& store, const config::Config& config);

} // namespace sixbtc::app
