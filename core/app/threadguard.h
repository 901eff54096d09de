// SPDX-License-Identifier: MIT
// Thread guard: the engine entry points never run on the thread a front end reserves for itself (the GUI thread).
#pragma once

namespace sixbtc::app {

/// Marks the calling thread as one the engine must never run on (the GUI calls it once, on its thread, in main).
/// The CLI never calls it, so every thread may run the engine there.
void forbidEngineOnThisThread();

/// Aborts (SIXBTC_REQUIRE) when called on the thread forbidEngineOnThisThread() marked. Called at the entry of the
/// engine use cases (runBacktest, runOptimize, proveFamily, storeFullRun and the pipeline phases).
void requireEngineThread();

} // namespace sixbtc::app
