// SPDX-License-Identifier: MIT
// ProgressPrinter: a phase's progress on a stream, as a redrawn bar on a terminal or as plain lines otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

#include "common/progressmeter.h"

namespace sixbtc::cli {

/// Prints the progress of one phase at a time: on a terminal a bar redrawn in place with '\r' (at most every
/// 100 ms), otherwise a plain line at every 10 % step or every 10 s; a final line in both cases.
/// advance() may be called from several threads at once.
class ProgressPrinter
{
public:
    /// Cells of the bar between its brackets.
    static constexpr int kBarWidth = 30;

    /// `tty` chooses the bar (true) or plain lines (false); `nowMs` is a monotonic clock in milliseconds.
    ProgressPrinter(std::ostream& out, bool tty, std::function<std::int64_t()> nowMs);

    /// True when standard error is a terminal.
    static bool stderrIsTty();
    /// std::chrono::steady_clock in milliseconds, the clock for a real run.
    static std::int64_t steadyNowMs();

    /// Starts a phase of `total` units and shows it at 0. \warning the previous phase, if any, is finished.
    void start(std::string phase, std::size_t total);
    /// Counts `n` more units done; thread-safe. \warning never past the phase's total.
    void advance(std::size_t n = 1);
    /// Prints the final line of the phase (`validate: 240 in 7.7 s (31.2/s)`) and ends it.
    void finish();

private:
    void drawBar();

    std::mutex m_mutex;
    std::ostream& m_out;
    const bool m_tty;
    common::ProgressMeter m_meter;
    bool m_running = false;
    std::size_t m_lastBarLength = 0;
};

} // namespace sixbtc::cli
