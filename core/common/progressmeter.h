// SPDX-License-Identifier: MIT
// ProgressMeter: counts, rate and ETA of one long phase with its bar and plain-line texts, on an injected clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace sixbtc::common {

/// The progress of one phase at a time (restartable for the next phase). Reads time only through the injected
/// clock; formats ASCII text and decides when a bar or a plain line is due. Not thread-safe.
class ProgressMeter
{
public:
    /// A bar is redrawn at most this often (and always once at the end).
    static constexpr std::int64_t kRedrawIntervalMs = 100;
    /// A plain line is printed at every step of this many percent, or after this long, whichever comes first.
    static constexpr std::size_t kPlainStepPercent = 10;
    static constexpr std::int64_t kPlainIntervalMs = 10'000;

    /// `nowMs` is a monotonic clock in milliseconds.
    explicit ProgressMeter(std::function<std::int64_t()> nowMs);

    /// Starts `phase` with `total` units to do, forgetting the previous phase.
    void start(std::string phase, std::size_t total);
    /// Counts `n` more units done. \warning between start() and finish(), and never past the total.
    void advance(std::size_t n = 1);
    /// Ends the phase; the elapsed time and rate stop there. \warning after start().
    void finish();

    const std::string& phase() const { return m_phase; }
    std::size_t done() const { return m_done; }
    std::size_t total() const { return m_total; }
    bool started() const { return m_startMs.has_value(); }
    bool finished() const { return m_finishMs.has_value(); }

    /// Milliseconds since start() (until finish() once finished).
    std::int64_t elapsedMs() const;
    /// Units per second over the elapsed time; 0 while no time has elapsed.
    double rate() const;
    /// Seconds still needed at the current rate; empty before the first unit (or while the rate is 0).
    std::optional<double> eta() const;

    /// e.g. `validate [##########----------] 120/240  31.2/s  ETA 0:04` for a bar of `width` cells.
    std::string barLine(int width) const;
    /// e.g. `validate: 120/240 (50%), 31.2/s, ETA 0:04`.
    std::string plainLine() const;
    /// e.g. `validate: 240 in 7.7 s (31.2/s)`, or `validate: 100/240 in 3.2 s (31.2/s)` when stopped short.
    std::string finishLine() const;

    /// True when the bar is due: first draw, kRedrawIntervalMs since the last one, or the end not yet drawn.
    /// A true answer counts as drawn.
    bool shouldRedraw();
    /// True when a plain line is due: a new kPlainStepPercent step or kPlainIntervalMs since the last line (or
    /// the start). Never at the end, which finishLine() reports. A true answer counts as printed.
    bool shouldPrintPlain();

private:
    bool atEnd() const;
    std::size_t plainStep() const;

    std::function<std::int64_t()> m_nowMs;
    std::string m_phase;
    std::size_t m_total = 0;
    std::size_t m_done = 0;
    std::optional<std::int64_t> m_startMs;
    std::optional<std::int64_t> m_finishMs;
    std::optional<std::int64_t> m_lastDrawMs;
    bool m_endDrawn = false;
    std::int64_t m_lastPlainMs = 0;
    std::size_t m_lastPlainStep = 0;
};

/// `m:ss` below an hour, `h:mm:ss` from an hour on, for whole seconds (rounded up).
std::string formatClockDuration(double seconds);

} // namespace sixbtc::common
