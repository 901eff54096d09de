// SPDX-License-Identifier: MIT
// The detail page's tables: runs, lifecycle history and verdicts, each as tall as its rows.
#include "views/detailtables.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableWidget>

#include "models/strategylabels.h"

namespace sixbtc::gui {

QTableWidget* DetailTables::create(const QString& objectName, const QStringList& headers)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The page scrolls, not the table; long cells carry their full text as a tooltip.
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QStringList DetailTables::runHeaders()
{
    return {tr("Id"),     tr("Kind"),   tr("Data range (UTC)"), tr("Return"),
            tr("Sharpe"), tr("Trades"), tr("Final equity"),     tr("Score")};
}

QStringList DetailTables::historyHeaders()
{
    return {tr("Time (UTC)"), tr("From"), tr("To"), tr("Reason")};
}

QStringList DetailTables::verdictHeaders()
{
    return {tr("Check"), tr("Passed"), tr("Key figures"), tr("Time (UTC)")};
}

void DetailTables::showRuns(QTableWidget* table, const std::vector<storage::BacktestRun>& runs)
{
    std::vector<QStringList> rows;
    for (const auto& run : runs) {
        const auto& m = run.metrics;
        rows.push_back({QString::number(run.id), QString::fromStdString(run.kind),
                        tr("%1 to %2").arg(utcText(run.dataStartMs), utcText(run.dataEndMs)),
                        tr("%1 %").arg(m.totalReturn * 100.0, 0, 'f', 2), QString::number(m.sharpe, 'f', 2),
                        QString::number(m.nTrades), QString::number(m.finalEquity, 'f', 2),
                        run.score ? QString::number(*run.score, 'f', 1) : tr("none")});
    }
    setRows(table, rows);
}

void DetailTables::showHistory(QTableWidget* table, const std::vector<storage::StrategyEvent>& events)
{
    std::vector<QStringList> rows;
    for (const auto& event : events) {
        rows.push_back({utcText(event.atMs), event.from ? StrategyLabels::statusText(*event.from) : tr("(created)"),
                        StrategyLabels::statusText(event.to), QString::fromStdString(event.reason)});
    }
    setRows(table, rows);
    for (int row = 0; row < table->rowCount(); ++row)
        table->item(row, 2)->setForeground(StrategyLabels::statusColor(events[static_cast<std::size_t>(row)].to));
}

void DetailTables::showVerdicts(QTableWidget* table, const std::vector<storage::ValidationVerdict>& verdicts)
{
    std::vector<QStringList> rows;
    for (const auto& verdict : verdicts) {
        rows.push_back({QString::fromStdString(verdict.check), verdict.passed ? tr("yes") : tr("no"),
                        figuresText(verdict.figuresJson), utcText(verdict.atMs)});
    }
    setRows(table, rows);
    for (int row = 0; row < table->rowCount(); ++row) {
        const bool passed = verdicts[static_cast<std::size_t>(row)].passed;
        table->item(row, 1)->setForeground(
            StrategyLabels::statusColor(passed ? storage::StrategyStatus::Active : storage::StrategyStatus::Rejected));
    }
}

QString DetailTables::utcText(std::int64_t timestampMs)
{
    return QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString DetailTables::figuresText(const std::string& figuresJson)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(figuresJson));
    if (!document.isObject())
        return QString::fromStdString(figuresJson);
    QStringList pairs;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isDouble())
            text = QString::number(value.toDouble(), 'g', 6);
        else if (value.isString())
            text = value.toString();
        else if (value.isBool())
            text = value.toBool() ? tr("true") : tr("false");
        else if (value.isArray())
            text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        else if (value.isObject())
            text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        else
            text = tr("null");
        pairs << tr("%1 = %2").arg(it.key(), text);
    }
    return pairs.join(QStringLiteral(", "));
}

void DetailTables::setRows(QTableWidget* table, const std::vector<QStringList>& rows)
{
    table->setRowCount(static_cast<int>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (qsizetype c = 0; c < rows[r].size(); ++c) {
            auto* item = new QTableWidgetItem(rows[r][c]);
            item->setToolTip(rows[r][c]);
            table->setItem(static_cast<int>(r), static_cast<int>(c), item);
        }
    }
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + table->verticalHeader()->length() +
                          2 * table->frameWidth());
}

} // namespace sixbtc::gui
