// SPDX-License-Identifier: MIT
// Thread guard: one process-wide forbidden thread id, checked at the engine's entry points.
#include "app/threadguard.h"

#include <atomic>
#include <thread>

#include "common/require.h"

namespace sixbtc::app {

namespace {

// A default-constructed id matches no running thread, so nothing is forbidden until a front end says so.
std::atomic<std::thread::id> g_forbidden{};

} // namespace

void forbidEngineOnThisThread()
{
    g_forbidden.store(std::this_thread::get_id());
}

void requireEngineThread()
{
    const bool engineAllowedHere = std::this_thread::get_id() != g_forbidden.load();
    SIXBTC_REQUIRE(engineAllowedHere);
}

} // namespace sixbtc::app
