// SPDX-License-Identifier: MIT
// PhaseObserver: how a long pipeline phase reports its progress to a front end (terminal bar, GUI).
#pragma once

#include <cstddef>
#include <string_view>

namespace sixbtc::app {

/// Told when a phase starts (with its number of units), after each finished unit, and when it ends. Called from
/// the thread that runs the phase.
class PhaseObserver
{
public:
    virtual ~PhaseObserver() = default;
    virtual void phaseStarted(std::string_view phase, std::size_t units) = 0;
    virtual void unitsDone(std::size_t units) = 0;
    virtual void phaseFinished() = 0;
};

} // namespace sixbtc::app
