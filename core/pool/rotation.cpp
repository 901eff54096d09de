// SPDX-License-Identifier: MIT
// Rotation: rank the candidates, apply the limits greedily with a reason per decision, then bind subaccounts.
#include "pool/rotation.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "common/require.h"

namespace sixbtc::pool {
namespace {

/// Fixed-point text with `decimals` digits, independent of the C locale (a Qt application sets it from the system).
std::string fixedText(double value, int decimals)
{
    std::array<char, 64> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, decimals);
    return std::string(buffer.data(), result.ptr);
}

/// The correlation and its limit as text, two decimals, more when two would print them equal (0.7004 vs 0.70).
std::pair<std::string, std::string> exceedsTexts(double value, double limit)
{
    int decimals = 2;
    while (decimals < 6 && fixedText(value, decimals) == fixedText(limit, decimals))
        ++decimals;
    return {fixedText(value, decimals), fixedText(limit, decimals)};
}

std::string dayCountText(std::size_t days)
{
    return std::to_string(days) + (days == 1 ? " day" : " days");
}

/// "3 picks: A, B, C".
std::string picksText(const std::vector<const RotationCandidate*>& picks)
{
    std::string text = std::to_string(picks.size()) + (picks.size() == 1 ? " pick: " : " picks: ");
    for (std::size_t i = 0; i < picks.size(); ++i)
        text += (i == 0 ? "" : ", ") + picks[i]->name;
    return text;
}

/// Why a correlation could not be measured: too few common days or a constant side.
std::string unmeasurableText(const RotationCandidate& pick, const Correlation& c)
{
    if (c.commonDays < kMinCorrelationDays)
        return pick.name + " (" + dayCountText(c.commonDays) + " in common, " + std::to_string(kMinCorrelationDays) +
               " needed)";
    return pick.name + " (zero variance over " + dayCountText(c.commonDays) + " in common)";
}

/// The measured correlations of one candidate with the picks so far.
struct CorrelationScan
{
    const RotationCandidate* highestWith = nullptr; ///< the pick of the highest value; the earliest on a tie
    Correlation highest{std::nullopt, 0};
    std::vector<std::string> unmeasurable; ///< unmeasurableText of each pick without a value
};

CorrelationScan scanCorrelations(const RotationCandidate& candidate, const std::vector<RotationPick>& picks)
{
    CorrelationScan scan;
    for (const RotationPick& pick : picks) {
        const Correlation c = correlation(candidate.returns, pick.candidate->returns);
        if (!c.value) {
            scan.unmeasurable.push_back(unmeasurableText(*pick.candidate, c));
        } else if (!scan.highest.value || *c.value > *scan.highest.value) {
            scan.highest = c;
            scan.highestWith = pick.candidate;
        }
    }
    return scan;
}

std::string pickReason(std::size_t rank, const RotationCandidate& candidate, const CorrelationScan& scan,
                       bool firstPick)
{
    std::string reason = "rank " + std::to_string(rank) + ", score " + fixedText(candidate.score, 2) + ", ";
    if (firstPick)
        return reason + "first pick";
    if (scan.highest.value)
        reason += "highest daily-return correlation with an earlier pick: " + fixedText(*scan.highest.value, 2) +
                  " with " + scan.highestWith->name + " over " + dayCountText(scan.highest.commonDays);
    else
        reason += "no measurable daily-return correlation with earlier picks";
    if (!scan.unmeasurable.empty()) {
        reason += "; correlation not measurable with ";
        for (std::size_t i = 0; i < scan.unmeasurable.size(); ++i)
            reason += (i == 0 ? "" : ", ") + scan.unmeasurable[i];
    }
    return reason;
}

bool ranksBefore(const RotationCandidate* a, const RotationCandidate* b)
{
    if (a->score != b->score)
        return a->score > b->score;
    return a->uuid < b->uuid;
}

} // namespace

RotationSelection selectRotation(std::span<const RotationCandidate> candidates,
                                 const config::RotationSettings& settings)
{
    SIXBTC_REQUIRE(settings.topN >= 1 && settings.maxPerTimeframe >= 1 && settings.maxSameType >= 1);
    SIXBTC_REQUIRE(settings.maxCorrelation > 0.0 && settings.maxCorrelation <= 1.0);

    std::vector<const RotationCandidate*> ranked;
    ranked.reserve(candidates.size());
    std::set<std::string_view> uuids;
    for (const RotationCandidate& candidate : candidates) {
        SIXBTC_REQUIRE(std::isfinite(candidate.score));
        const bool unique = uuids.insert(candidate.uuid).second;
        SIXBTC_REQUIRE(unique);
        ranked.push_back(&candidate);
    }
    std::sort(ranked.begin(), ranked.end(), ranksBefore);

    const auto topN = static_cast<std::size_t>(settings.topN);
    const auto maxPerTimeframe = static_cast<std::size_t>(settings.maxPerTimeframe);
    const auto maxSameType = static_cast<std::size_t>(settings.maxSameType);
    std::map<std::string, std::vector<const RotationCandidate*>> byTimeframe;
    std::map<std::string, std::vector<const RotationCandidate*>> byType;
    RotationSelection selection;
    for (std::size_t i = 0; i < ranked.size() && selection.selected.size() < topN; ++i) {
        const RotationCandidate& candidate = *ranked[i];
        auto& sameTimeframe = byTimeframe[candidate.timeframe];
        auto& sameType = byType[candidate.type];
        if (sameTimeframe.size() >= maxPerTimeframe) {
            selection.skipped.push_back(
                {&candidate, "timeframe " + candidate.timeframe + " already has " + picksText(sameTimeframe)});
            continue;
        }
        if (sameType.size() >= maxSameType) {
            selection.skipped.push_back({&candidate, "type " + candidate.type + " already has " + picksText(sameType)});
            continue;
        }
        const CorrelationScan scan = scanCorrelations(candidate, selection.selected);
        if (scan.highest.value && *scan.highest.value > settings.maxCorrelation) {
            const auto [valueText, limitText] = exceedsTexts(*scan.highest.value, settings.maxCorrelation);
            selection.skipped.push_back({&candidate, "daily-return correlation " + valueText + " with " +
                                                         scan.highestWith->name + " over " +
                                                         dayCountText(scan.highest.commonDays) + " > " + limitText});
            continue;
        }
        selection.selected.push_back({&candidate, pickReason(i + 1, candidate, scan, selection.selected.empty())});
        sameTimeframe.push_back(&candidate);
        sameType.push_back(&candidate);
    }
    return selection;
}

std::vector<SubaccountAssignment> assignSubaccounts(const RotationSelection& selection,
                                                    const std::vector<config::SubaccountSettings>& subaccounts)
{
    std::vector<SubaccountAssignment> assignments;
    const std::size_t count = std::min(selection.selected.size(), subaccounts.size());
    assignments.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const config::SubaccountSettings& subaccount = subaccounts[i];
        assignments.push_back({subaccount.name, subaccount.address, subaccount.capitalUsdc, &selection.selected[i]});
    }
    return assignments;
}

} // namespace sixbtc::pool
