// SPDX-License-Identifier: MIT
// ProgressPrinter: the bar or plain-line rendering of a ProgressMeter, serialised by a mutex.
#include "cli/progressprinter.h"

#include <chrono>

#include <unistd.h>

#include "common/require.h"

namespace sixbtc::cli {

ProgressPrinter::ProgressPrinter(std::ostream& out, bool tty, std::function<std::int64_t()> nowMs)
    : m_out(out)
    , m_tty(tty)
    , m_meter(std::move(nowMs))
{
}

bool ProgressPrinter::stderrIsTty()
{
    return isatty(STDERR_FILENO) == 1;
}

std::int64_t ProgressPrinter::steadyNowMs()
{
    const auto sinceEpoch = std::chrono::steady_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(sinceEpoch).count();
}

void ProgressPrinter::start(std::string phase, std::size_t total)
{
    const std::lock_guard lock(m_mutex);
    SIXBTC_REQUIRE(!m_running);
    m_meter.start(std::move(phase), total);
    m_running = true;
    m_lastBarLength = 0;
    if (m_tty) {
        m_meter.shouldRedraw();
        drawBar();
    } else {
        m_out << m_meter.plainLine() << '\n' << std::flush;
    }
}

void ProgressPrinter::advance(std::size_t n)
{
    const std::lock_guard lock(m_mutex);
    SIXBTC_REQUIRE(m_running);
    m_meter.advance(n);
    if (m_tty) {
        if (m_meter.shouldRedraw())
            drawBar();
    } else if (m_meter.shouldPrintPlain()) {
        m_out << m_meter.plainLine() << '\n' << std::flush;
    }
}

void ProgressPrinter::finish()
{
    const std::lock_guard lock(m_mutex);
    SIXBTC_REQUIRE(m_running);
    m_meter.finish();
    m_running = false;
    const std::string line = m_meter.finishLine();
    if (m_tty) {
        // Blank out what is left of a longer bar before the final line takes its place.
        const std::size_t pad = m_lastBarLength > line.size() ? m_lastBarLength - line.size() : 0;
        m_out << '\r' << line << std::string(pad, ' ') << '\n' << std::flush;
        return;
    }
    m_out << line << '\n' << std::flush;
}

void ProgressPrinter::drawBar()
{
    const std::string line = m_meter.barLine(kBarWidth);
    const std::size_t pad = m_lastBarLength > line.size() ? m_lastBarLength - line.size() : 0;
    m_out << '\r' << line << std::string(pad, ' ') << std::flush;
    m_lastBarLength = line.size();
}

} // namespace sixbtc::cli
