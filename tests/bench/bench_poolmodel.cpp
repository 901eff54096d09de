// SPDX-License-Identifier: MIT
// The pool browser's model over 100,000 generated rows: fetching every page, sorting and filtering in the proxy.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <QApplication>
#include <QScrollBar>
#include <QTableView>

#include "gui/fakestrategyrows.h"
#include "models/strategyfilterproxy.h"
#include "models/strategytablemodel.h"

using namespace sixbtc;
using gui::StrategyFilterProxy;
using gui::StrategyTableModel;
using M = StrategyTableModel;

namespace {

constexpr int kRows = 100'000;
constexpr int kPageSize = 500;

template <typename Work>
double millisecondsOf(Work&& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);

    M model(gui::testing::GeneratedLoader{kRows}, kPageSize);
    StrategyFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView table;
    table.setModel(&proxy);
    table.resize(1400, 800);

    const double fetchMs = millisecondsOf([&] { model.fetchAll(); });
    const double scoreMs = millisecondsOf([&] { proxy.sort(M::Score, Qt::DescendingOrder); });
    const double nameMs = millisecondsOf([&] { proxy.sort(M::Name, Qt::AscendingOrder); });
    const double sharpeMs = millisecondsOf([&] { proxy.sort(M::Sharpe, Qt::DescendingOrder); });
    StrategyFilterProxy::Criteria criteria;
    criteria.statuses = {storage::StrategyStatus::Active};
    criteria.name = QStringLiteral("mom");
    const double filterMs = millisecondsOf([&] { proxy.setCriteria(criteria); });
    const int filtered = proxy.rowCount();
    const double clearMs = millisecondsOf([&] { proxy.setCriteria({}); });
    const double paintMs = millisecondsOf([&] {
        table.verticalScrollBar()->setValue(table.verticalScrollBar()->maximum() / 2);
        table.grab();
    });

    if (model.rowCount() != kRows || proxy.rowCount() != kRows || filtered == 0) {
        std::fprintf(stderr, "bench_poolmodel: unexpected row counts (%d loaded, %d shown, %d filtered)\n",
                     model.rowCount(), proxy.rowCount(), filtered);
        return EXIT_FAILURE;
    }
    std::printf("bench_poolmodel: %d rows in pages of %d: fetch all %.1f ms (proxy attached); sort by score %.1f ms, "
                "by name %.1f ms, by sharpe %.1f ms; filter status ACTIVE + name \"mom\" %.1f ms (%d rows), "
                "clear filters %.1f ms; paint the table mid-pool %.1f ms\n",
                kRows, kPageSize, fetchMs, scoreMs, nameMs, sharpeMs, filterMs, filtered, clearMs, paintMs);
    return EXIT_SUCCESS;
}
