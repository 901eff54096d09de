// SPDX-License-Identifier: MIT
// DetailTables: the run, lifecycle-history and verdict tables of the strategy detail page.
#pragma once

#include <cstdint>
#include <vector>

#include <QCoreApplication>
#include <QStringList>

#include "storage/api/backtestrecords.h"
#include "storage/api/strategyrecord.h"

class QTableWidget;

namespace sixbtc::gui {

/// Fills read-only tables that grow to their rows (the page scrolls, not the table).
class DetailTables
{
    Q_DECLARE_TR_FUNCTIONS(DetailTables)

public:
    static QTableWidget* create(const QString& objectName, const QStringList& headers);
    static QStringList runHeaders();
    static QStringList historyHeaders();
    static QStringList verdictHeaders();

    /// Kind, data range, return, Sharpe, trades, final equity, score.
    static void showRuns(QTableWidget* table, const std::vector<storage::BacktestRun>& runs);
    /// Time (UTC), from, to, reason.
    static void showHistory(QTableWidget* table, const std::vector<storage::StrategyEvent>& events);
    /// Check, passed, key figures, time (UTC).
    static void showVerdicts(QTableWidget* table, const std::vector<storage::ValidationVerdict>& verdicts);

    /// "yyyy-MM-dd HH:mm:ss" in UTC.
    static QString utcText(std::int64_t timestampMs);
    /// A verdict's figures JSON object as "key = value" pairs joined by ", " (the text itself when not an object).
    static QString figuresText(const std::string& figuresJson);

private:
    static void setRows(QTableWidget* table, const std::vector<QStringList>& rows);
};

} // namespace sixbtc::gui
