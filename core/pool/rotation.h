// SPDX-License-Identifier: MIT
// Rotation: the top rotation.top_n ACTIVE strategies under the timeframe, type and correlation limits; subaccounts.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "config/settings.h"
#include "pool/dailyreturns.h"

namespace sixbtc::pool {

/// An ACTIVE strategy offered to the rotation: identity, grouping keys, unified score and daily equity returns.
struct RotationCandidate
{
    std::string uuid;
    std::string name;
    std::string type;
    std::string timeframe;
    double score;
    DailyReturns returns;
};

/// A selected candidate and why: its rank, score and highest measured correlation with earlier picks.
struct RotationPick
{
    const RotationCandidate* candidate; ///< into the span given to selectRotation
    std::string reason;
};

/// A candidate passed over and the rule that excluded it.
struct RotationSkip
{
    const RotationCandidate* candidate; ///< into the span given to selectRotation
    std::string reason;
};

/// The outcome of selectRotation: picks in rank order and the candidates skipped before the last pick.
struct RotationSelection
{
    std::vector<RotationPick> selected;
    std::vector<RotationSkip> skipped;
};

/// Greedy selection. Candidates are ranked by descending score, equal scores by uuid ascending, whatever the input
/// order. Each in turn is skipped when, counting the picks so far, its timeframe already has max_per_timeframe picks,
/// else when its type already has max_same_type picks, else when its daily-return correlation with some pick is
/// greater than max_correlation (the reason names the pick with the highest such correlation, the earlier pick on a
/// tie); otherwise it is picked. A correlation that cannot be measured (see correlation()) is not a conflict; the
/// pick's reason names it. Selection stops once top_n candidates are picked: the candidates ranked after the last
/// pick are neither selected nor listed as skipped. Reasons are ASCII.
/// \warning settings.topN, maxPerTimeframe and maxSameType >= 1; 0 < maxCorrelation <= 1; scores finite; uuids
/// unique. The result points into `candidates`, which must outlive it.
RotationSelection selectRotation(std::span<const RotationCandidate> candidates,
                                 const config::RotationSettings& settings);

/// One pick bound to one configured subaccount.
struct SubaccountAssignment
{
    std::string subaccount; ///< configured name
    std::string address;
    double capitalUsdc;
    const RotationPick* pick; ///< into the selection given to assignSubaccounts
};

/// The picks in rank order, each to the next subaccount in configured order, one strategy per subaccount. Picks
/// beyond the last subaccount get no assignment; no subaccounts give an empty result. The result points into
/// `selection`, which must outlive it.
std::vector<SubaccountAssignment> assignSubaccounts(const RotationSelection& selection,
                                                    const std::vector<config::SubaccountSettings>& subaccounts);

} // namespace sixbtc::pool
