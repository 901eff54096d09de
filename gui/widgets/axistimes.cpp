// SPDX-License-Identifier: MIT
// Fast axis times: a constant shift between the system time zone's transitions, axisTime() itself near them.
#include "widgets/axistimes.h"

#include <optional>

#include <QDateTime>
#include <QTimeZone>

#include "report/chartrenderer.h"

namespace sixbtc::gui {

namespace {

// Farther than any UTC offset (at most 14 hours) from a transition, the local wall time of a point lies on the
// same side of it as the point itself, so the shift of the stretch applies.
constexpr std::int64_t kMarginMs = 2LL * 86'400'000;

std::vector<std::int64_t> transitionsAround(std::int64_t firstMs, std::int64_t lastMs)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    std::vector<std::int64_t> out;
    for (const QTimeZone::OffsetData& t : zone.transitions(QDateTime::fromMSecsSinceEpoch(firstMs - kMarginMs, Qt::UTC),
                                                           QDateTime::fromMSecsSinceEpoch(lastMs + kMarginMs, Qt::UTC)))
        out.push_back(t.atUtc.toMSecsSinceEpoch());
    return out;
}

} // namespace

std::vector<double> axisTimes(std::span<const std::int64_t> utcMs)
{
    std::vector<double> out;
    if (utcMs.empty())
        return out;
    out.reserve(utcMs.size());
    // A zone without transition data gets no shortcut: every point is converted exactly.
    const bool known = QTimeZone::systemTimeZone().hasTransitions() || !QTimeZone::systemTimeZone().hasDaylightTime();
    const std::vector<std::int64_t> transitions = transitionsAround(utcMs.front(), utcMs.back());
    std::size_t next = 0; // the first transition after the current point
    std::optional<double> shift;
    for (const std::int64_t t : utcMs) {
        while (next < transitions.size() && transitions[next] <= t) {
            ++next;
            shift.reset();
        }
        const bool nearTransition = (next < transitions.size() && transitions[next] - t < kMarginMs) ||
                                    (next > 0 && t - transitions[next - 1] < kMarginMs);
        if (!known || nearTransition) {
            out.push_back(report::axisTime(t));
            continue;
        }
        if (!shift)
            shift = report::axisTime(t) - static_cast<double>(t);
        out.push_back(static_cast<double>(t) + *shift);
    }
    return out;
}

} // namespace sixbtc::gui
