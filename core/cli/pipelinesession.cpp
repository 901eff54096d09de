// SPDX-License-Identifier: MIT
// The pipeline commands' session and printouts.
#include "cli/pipelinesession.h"

#include <algorithm>
#include <iostream>

#include "app/statusreport.h"
#include "cli/storeaccess.h"
#include "cli/table.h"

namespace sixbtc::cli {

void PrinterObserver::phaseStarted(std::string_view phase, std::size_t units)
{
    m_printer.start(std::string(phase), units);
}

PipelineSession::PipelineSession(config::Config config, app::CandleCache candles, common::CancelToken cancel)
    : m_config(std::move(config))
    , m_candles(std::move(candles))
    , m_printer(std::cerr, ProgressPrinter::stderrIsTty(), &ProgressPrinter::steadyNowMs)
    , m_observer(m_printer)
    , m_cancel(std::move(cancel))
{
}

common::Result<std::unique_ptr<PipelineSession>> PipelineSession::open(const CommandContext& context)
{
    auto config = context.loadConfig();
    if (!config)
        return tl::unexpected(config.error());
    auto candles = app::CandleCache::open(config->data);
    if (!candles)
        return tl::unexpected(candles.error());
    std::unique_ptr<PipelineSession> session(
        new PipelineSession(std::move(*config), std::move(*candles), context.cancel()));
    auto store = openStoreForWriting(session->m_config.database, session->m_clock);
    if (!store)
        return tl::unexpected(store.error());
    session->m_store = std::move(*store);
    return session;
}

app::PhaseContext PipelineSession::phaseContext()
{
    return app::PhaseContext{*m_store, m_candles, m_config, m_observer, m_cancel};
}

void printPhaseFigures(const std::vector<app::PhaseFigure>& phases, double totalSeconds)
{
    TextTable table({{"phase", false},
                     {"strategies", true},
                     {"passed", true},
                     {"rejected", true},
                     {"seconds", true},
                     {"per_second", true}});
    for (const auto& p : phases) {
        const double rate = p.seconds > 0 ? static_cast<double>(p.outcome.units) / p.seconds : 0.0;
        table.addRow({p.phase, std::to_string(p.outcome.units), std::to_string(p.outcome.passed),
                      std::to_string(p.outcome.rejected), formatFixed(p.seconds, 2), formatFixed(rate, 1)});
    }
    table.print(std::cout);
    for (const auto& p : phases) {
        for (const auto& note : p.outcome.notes)
            std::cout << p.phase << ": " << note << '\n';
    }
    std::cout << "total wall time " << formatFixed(totalSeconds, 2) << " s\n";
}

namespace {

/// With an empty pool: the best-scored REJECTED strategies and why each was refused.
common::Result<void> printClosest(storage::Store& store, std::size_t rows)
{
    auto rejected = store.strategies().list(storage::StrategyFilter{storage::StrategyStatus::Rejected, std::nullopt});
    if (!rejected)
        return tl::unexpected(rejected.error());
    std::vector<storage::StrategyRecord> scored;
    for (auto& row : *rejected) {
        if (row.score)
            scored.push_back(std::move(row));
    }
    const auto count = std::min(rows, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(count), scored.end(),
                      [](const storage::StrategyRecord& a, const storage::StrategyRecord& b) {
                          return *a.score != *b.score ? *a.score > *b.score : a.name < b.name;
                      });
    std::cout << "the pool is empty: no strategy passed the thresholds and the robustness stage";
    if (count == 0) {
        std::cout << '\n';
        return {};
    }
    std::cout << "; the " << count << " best-scored were rejected because:\n";
    TextTable table({{"name", false}, {"tf", false}, {"score", true}, {"why", false}});
    for (std::size_t i = 0; i < count; ++i) {
        auto events = store.strategies().events(scored[i].uuid);
        if (!events)
            return tl::unexpected(events.error());
        table.addRow({scored[i].name, scored[i].timeframe, formatFixed(*scored[i].score, 2), events->back().reason});
    }
    table.print(std::cout);
    return {};
}

} // namespace

common::Result<void> printPool(storage::Store& store, std::size_t rows)
{
    auto status = app::loadStatus(store, rows, 0);
    if (!status)
        return tl::unexpected(status.error());
    const auto active = status->all.count(storage::StrategyStatus::Active);
    if (status->best.empty())
        return printClosest(store, rows);
    std::cout << "pool: " << active << " ACTIVE; best " << status->best.size() << " by score:\n";
    TextTable table({{"rank", true},
                     {"name", false},
                     {"type", false},
                     {"tf", false},
                     {"score", true},
                     {"sharpe", true},
                     {"return", true},
                     {"max_dd", true},
                     {"trades", true}});
    std::size_t rank = 0;
    for (const auto& b : status->best) {
        const auto& t = b.training;
        table.addRow({std::to_string(++rank), b.name, b.type, b.timeframe, b.score ? formatFixed(*b.score, 2) : "-",
                      t ? formatFixed(t->sharpe, 3) : "-", t ? formatFixed(t->totalReturn, 4) : "-",
                      t ? formatFixed(t->maxDrawdown, 4) : "-", t ? std::to_string(t->nTrades) : "-"});
    }
    table.print(std::cout);
    return {};
}

void printRotation(const app::RotationPreview& preview, const config::Config& config)
{
    const auto& subaccounts = config.hyperliquid.subaccounts;
    std::cout << "rotation preview (dry run): " << preview.selection.selected.size() << " of "
              << preview.candidates.size() << " ACTIVE selected (rotation.top_n " << config.rotation.topN << ")\n";
    if (subaccounts.empty())
        std::cout << "no subaccount is configured (hyperliquid.subaccounts): the selection only\n";
    TextTable table({{"rank", true}, {"strategy", false}, {"subaccount", false}, {"why", false}});
    for (std::size_t i = 0; i < preview.selection.selected.size(); ++i) {
        const auto& pick = preview.selection.selected[i];
        std::string target = subaccounts.empty() ? "-" : "no free subaccount";
        if (i < preview.assignments.size()) {
            const auto& a = preview.assignments[i];
            target = a.subaccount + " (" + a.address + ", " + formatFixed(a.capitalUsdc, 2) + " USDC)";
        }
        table.addRow({std::to_string(i + 1), pick.candidate->name, target, pick.reason});
    }
    table.print(std::cout);
    for (const auto& skip : preview.selection.skipped)
        std::cout << "skipped " << skip.candidate->name << ": " << skip.reason << '\n';
}

} // namespace sixbtc::cli
