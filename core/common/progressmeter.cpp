// SPDX-License-Identifier: MIT
// ProgressMeter: progress arithmetic, its ASCII texts and the redraw and print cadence.
#include "common/progressmeter.h"

#include <cmath>
#include <cstdio>

#include "common/require.h"

namespace sixbtc::common {

namespace {

std::string oneDecimal(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string etaText(const std::optional<double>& eta)
{
    return eta ? formatClockDuration(*eta) : std::string("-:--");
}

} // namespace

ProgressMeter::ProgressMeter(std::function<std::int64_t()> nowMs)
    : m_nowMs(std::move(nowMs))
{
    SIXBTC_REQUIRE(m_nowMs);
}

void ProgressMeter::start(std::string phase, std::size_t total)
{
    m_phase = std::move(phase);
    m_total = total;
    m_done = 0;
    m_startMs = m_nowMs();
    m_finishMs.reset();
    m_lastDrawMs.reset();
    m_endDrawn = false;
    m_lastPlainMs = *m_startMs;
    m_lastPlainStep = 0;
}

void ProgressMeter::advance(std::size_t n)
{
    SIXBTC_REQUIRE(started() && !finished());
    SIXBTC_REQUIRE(n <= m_total - m_done);
    m_done += n;
}

void ProgressMeter::finish()
{
    SIXBTC_REQUIRE(started());
    if (!m_finishMs)
        m_finishMs = m_nowMs();
}

std::int64_t ProgressMeter::elapsedMs() const
{
    SIXBTC_REQUIRE(started());
    return (m_finishMs ? *m_finishMs : m_nowMs()) - *m_startMs;
}

double ProgressMeter::rate() const
{
    const std::int64_t elapsed = elapsedMs();
    if (elapsed <= 0)
        return 0.0;
    return static_cast<double>(m_done) * 1000.0 / static_cast<double>(elapsed);
}

std::optional<double> ProgressMeter::eta() const
{
    const double unitsPerSecond = rate();
    if (m_done == 0 || unitsPerSecond <= 0.0)
        return std::nullopt;
    return static_cast<double>(m_total - m_done) / unitsPerSecond;
}

std::string ProgressMeter::barLine(int width) const
{
    SIXBTC_REQUIRE(width > 0);
    const auto cells = static_cast<std::size_t>(width);
    const std::size_t filled = m_total == 0 ? cells : m_done * cells / m_total;
    return m_phase + " [" + std::string(filled, '#') + std::string(cells - filled, '-') + "] " +
           std::to_string(m_done) + "/" + std::to_string(m_total) + "  " + oneDecimal(rate()) + "/s  ETA " +
           etaText(eta());
}

std::string ProgressMeter::plainLine() const
{
    const std::size_t percent = m_total == 0 ? 100 : m_done * 100 / m_total;
    return m_phase + ": " + std::to_string(m_done) + "/" + std::to_string(m_total) + " (" + std::to_string(percent) +
           "%), " + oneDecimal(rate()) + "/s, ETA " + etaText(eta());
}

std::string ProgressMeter::finishLine() const
{
    const std::string count =
        m_done == m_total ? std::to_string(m_done) : std::to_string(m_done) + "/" + std::to_string(m_total);
    return m_phase + ": " + count + " in " + oneDecimal(static_cast<double>(elapsedMs()) / 1000.0) + " s (" +
           oneDecimal(rate()) + "/s)";
}

bool ProgressMeter::atEnd() const
{
    return finished() || m_done == m_total;
}

std::size_t ProgressMeter::plainStep() const
{
    return m_total == 0 ? 100 / kPlainStepPercent : m_done * 100 / (m_total * kPlainStepPercent);
}

bool ProgressMeter::shouldRedraw()
{
    SIXBTC_REQUIRE(started());
    const std::int64_t now = m_nowMs();
    const bool end = atEnd();
    const bool due = !m_lastDrawMs || now - *m_lastDrawMs >= kRedrawIntervalMs || (end && !m_endDrawn);
    if (due) {
        m_lastDrawMs = now;
        m_endDrawn = end;
    }
    return due;
}

bool ProgressMeter::shouldPrintPlain()
{
    SIXBTC_REQUIRE(started());
    if (atEnd())
        return false;
    const std::int64_t now = m_nowMs();
    const std::size_t step = plainStep();
    if (step <= m_lastPlainStep && now - m_lastPlainMs < kPlainIntervalMs)
        return false;
    m_lastPlainStep = step;
    m_lastPlainMs = now;
    return true;
}

std::string formatClockDuration(double seconds)
{
    SIXBTC_REQUIRE(seconds >= 0.0);
    const auto whole = static_cast<std::int64_t>(std::ceil(seconds));
    const std::int64_t hours = whole / 3600;
    const std::int64_t minutes = whole / 60 % 60;
    const std::int64_t secs = whole % 60;
    char buffer[64];
    if (hours > 0)
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", static_cast<long long>(hours),
                      static_cast<long long>(minutes), static_cast<long long>(secs));
    else
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld", static_cast<long long>(minutes),
                      static_cast<long long>(secs));
    return buffer;
}

} // namespace sixbtc::common
