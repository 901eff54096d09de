// SPDX-License-Identifier: MIT
// The strategy lifecycle rules.
#include "storage/api/lifecycle.h"

#include <algorithm>
#include <string>

namespace sixbtc::storage::lifecycle {

using common::ErrorCode;
using S = StrategyStatus;

const std::vector<std::pair<StrategyStatus, StrategyStatus>>& legalTransitions()
{
    static const std::vector<std::pair<StrategyStatus, StrategyStatus>> transitions{
        {S::Generated, S::Validated}, {S::Generated, S::Rejected}, {S::Validated, S::Rejected},
        {S::Active, S::Rejected},     {S::Validated, S::Active},   {S::Validated, S::Retired},
        {S::Active, S::Retired},      {S::Active, S::Live},        {S::Live, S::Retired},
    };
    return transitions;
}

common::Result<void> checkTransition(StrategyStatus from, StrategyStatus to, std::string_view reason)
{
    const auto& legal = legalTransitions();
    const std::string move = std::string(statusName(from)) + " -> " + std::string(statusName(to));
    if (std::find(legal.begin(), legal.end(), std::pair{from, to}) == legal.end())
        return common::fail(ErrorCode::Invalid, "illegal strategy status change " + move);
    // Appended piece by piece: GCC 12 -O3 warns falsely (-Wrestrict) about "'" + std::string + "'".
    std::string quoted(1, '\'');
    quoted.append(reason).push_back('\'');
    if ((to == S::Rejected || from == S::Live) && reason.empty())
        return common::fail(ErrorCode::Invalid, "strategy status change " + move + " needs a reason");
    if (from == S::Validated && to == S::Retired && reason != kExpanded)
        return common::fail(ErrorCode::Invalid,
                            "strategy status change " + move + " must have the reason 'expanded', not " + quoted);
    if (from == S::Active && to == S::Retired && reason != kEvicted && reason != kRetiredByUser)
        return common::fail(ErrorCode::Invalid, "strategy status change " + move +
                                                    " must have the reason 'evicted' or 'retired by user', not " +
                                                    quoted);
    return {};
}

} // namespace sixbtc::storage::lifecycle
