// SPDX-License-Identifier: MIT
// Timeframe parsing and duration arithmetic.
#include "common/timeframe.h"

#include <charconv>
#include <limits>

namespace sixbtc::common {

namespace {

constexpr std::int64_t minuteMs = 60'000;

struct TimeframeInfo
{
    std::string_view name;
    std::int64_t durationMs;
};

constexpr std::array<TimeframeInfo, 6> infos{{
    {"5m", 5 * minuteMs},
    {"15m", 15 * minuteMs},
    {"30m", 30 * minuteMs},
    {"1h", 60 * minuteMs},
    {"4h", 240 * minuteMs},
    {"1d", 1440 * minuteMs},
}};

const TimeframeInfo& info(Timeframe::Id id)
{
    return infos[static_cast<std::size_t>(id)];
}

} // namespace

Result<Timeframe> Timeframe::parse(std::string_view text)
{
    for (const auto& tf : all()) {
        if (tf.name() == text)
            return tf;
    }
    return fail(ErrorCode::Input,
                "unsupported timeframe '" + std::string(text) + "' (expected one of 5m 15m 30m 1h 4h 1d)");
}

const std::array<Timeframe, 6>& Timeframe::all()
{
    static const std::array<Timeframe, 6> timeframes{Timeframe(Id::M5),  Timeframe(Id::M15), Timeframe(Id::M30),
                                                     Timeframe(Id::H1),  Timeframe(Id::H4),  Timeframe(Id::D1)};
    return timeframes;
}

std::string_view Timeframe::name() const
{
    return info(m_id).name;
}

std::int64_t Timeframe::durationMs() const
{
    return info(m_id).durationMs;
}

Result<std::int64_t> Timeframe::barsInPeriod(std::string_view period) const
{
    auto ms = parseDurationMs(period);
    if (!ms)
        return tl::unexpected(ms.error());
    if (*ms % durationMs() != 0) {
        return fail(ErrorCode::Input, "duration '" + std::string(period) + "' is not a whole multiple of the " +
                                          std::string(name()) + " timeframe");
    }
    return *ms / durationMs();
}

Result<std::int64_t> parseDurationMs(std::string_view text)
{
    const auto malformed = [&] {
        return fail(ErrorCode::Input, "malformed duration '" + std::string(text) +
                                          "' (expected a positive integer followed by m, h or d, e.g. 24h)");
    };
    if (text.size() < 2)
        return malformed();
    std::int64_t unitMs = 0;
    switch (text.back()) {
    case 'm': unitMs = minuteMs; break;
    case 'h': unitMs = 60 * minuteMs; break;
    case 'd': unitMs = 1440 * minuteMs; break;
    default: return malformed();
    }
    const std::string_view digits = text.substr(0, text.size() - 1);
    std::int64_t count = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.front() == '+' || count <= 0)
        return malformed();
    if (count > std::numeric_limits<std::int64_t>::max() / unitMs)
        return malformed();
    return count * unitMs;
}

} // namespace sixbtc::common
