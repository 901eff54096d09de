// SPDX-License-Identifier: MIT
// What the pipeline commands share: the opened store, the candle cache, the progress display and the printouts.
#pragma once

#include <memory>

#include "app/pipeline.h"
#include "app/rotationpreview.h"
#include "cli/command.h"
#include "cli/progressprinter.h"
#include "storage/api/clock.h"

namespace sixbtc::cli {

/// Shows a phase's progress with a ProgressPrinter on standard error.
class PrinterObserver final : public app::PhaseObserver
{
public:
    explicit PrinterObserver(ProgressPrinter& printer)
        : m_printer(printer)
    {
    }
    void phaseStarted(std::string_view phase, std::size_t units) override;
    void unitsDone(std::size_t units) override { m_printer.advance(units); }
    void phaseFinished() override { m_printer.finish(); }

private:
    ProgressPrinter& m_printer;
};

/// The configuration, the store opened for writing (migrated), the candles and the progress display of one command.
class PipelineSession
{
public:
    static common::Result<std::unique_ptr<PipelineSession>> open(const CommandContext& context);

    const config::Config& config() const { return m_config; }
    storage::Store& store() { return *m_store; }
    app::PhaseContext phaseContext();

private:
    PipelineSession(config::Config config, app::CandleCache candles, common::CancelToken cancel);

    config::Config m_config;
    storage::SystemClock m_clock;
    std::unique_ptr<storage::Store> m_store;
    app::CandleCache m_candles;
    ProgressPrinter m_printer;
    PrinterObserver m_observer;
    common::CancelToken m_cancel;
};

/// The figures of each phase: units, passed, rejected, seconds, units per second; then the notes and the total.
void printPhaseFigures(const std::vector<app::PhaseFigure>& phases, double totalSeconds);

/// The ACTIVE pool, best first (`rows` of them), with training metrics; says so when it is empty.
common::Result<void> printPool(storage::Store& store, std::size_t rows);

/// The rotation preview: each pick with its reason and its subaccount (or why none), then the skipped ones.
void printRotation(const app::RotationPreview& preview, const config::Config& config);

/// `backtest --strategy NAME|UUID` and `backtest --all` (the stored strategies; see backtestcommands.cpp).
CommandResult runStoredBacktest(CommandContext& context);

} // namespace sixbtc::cli
