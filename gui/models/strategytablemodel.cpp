// SPDX-License-Identifier: MIT
// The pool table: lazily fetched pages, formatted cells, raw sortable roles and status colours.
#include "models/strategytablemodel.h"

#include <algorithm>
#include <limits>

#include <QLocale>

#include "common/require.h"
#include "common/timeframe.h"
#include "models/strategylabels.h"

namespace sixbtc::gui {

namespace {

QString percent(double fraction, int decimals)
{
    return QLocale().toString(fraction * 100.0, 'f', decimals) + QStringLiteral(" %");
}

QString fixed(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

StrategyTableModel::StrategyTableModel(Loader loader, int pageSize, QObject* parent)
    : QAbstractTableModel(parent)
    , m_loader(std::move(loader))
    , m_pageSize(pageSize)
{
    SIXBTC_REQUIRE(m_loader && pageSize > 0);
}

int StrategyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int StrategyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StrategyTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return display(entry, index.column());
    case SortRole: return raw(entry, index.column());
    case UuidRole: return entry.uuid;
    case NameRole: return entry.name;
    case StatusRole: return static_cast<int>(entry.row.status);
    case ModeRole: return static_cast<int>(entry.row.generationMode);
    case TimeframeRole: return entry.timeframe;
    case TypeRole: return entry.type;
    case ScoreRole: return entry.row.score ? QVariant(*entry.row.score) : QVariant();
    case Qt::ForegroundRole:
    case Qt::DecorationRole:
        if (index.column() == Status)
            return StrategyLabels::statusColor(entry.row.status);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= Score)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant StrategyTableModel::display(const Entry& entry, int column) const
{
    const std::optional<storage::BacktestMetrics>& m = entry.row.training;
    switch (column) {
    case Name: return entry.name;
    case Type: return entry.type;
    case Timeframe: return entry.timeframe;
    case Status: return StrategyLabels::statusText(entry.row.status);
    case Mode: return StrategyLabels::modeText(entry.row.generationMode);
    case Score: return entry.row.score ? fixed(*entry.row.score, 1) : QString();
    default: break;
    }
    if (!m)
        return QString();
    switch (column) {
    case Return: return percent(m->totalReturn, 2);
    case Sharpe: return fixed(m->sharpe, 2);
    case WinRate: return percent(m->winRate, 1);
    case Expectancy: return percent(m->expectancy, 3);
    case MaxDrawdown: return percent(m->maxDrawdown, 2);
    case Trades: return QLocale().toString(static_cast<qlonglong>(m->nTrades));
    case EdRatio: return fixed(m->edRatio, 3);
    case Consistency: return percent(m->consistency, 1);
    default: return {};
    }
}

QVariant StrategyTableModel::raw(const Entry& entry, int column) const
{
    const std::optional<storage::BacktestMetrics>& m = entry.row.training;
    switch (column) {
    case Name: return entry.name;
    case Type: return entry.type;
    case Timeframe: return entry.timeframeMs;
    case Status: return static_cast<int>(entry.row.status);
    case Mode: return static_cast<int>(entry.row.generationMode);
    case Score: return entry.row.score ? QVariant(*entry.row.score) : QVariant();
    default: break;
    }
    if (!m)
        return {};
    switch (column) {
    case Return: return m->totalReturn;
    case Sharpe: return m->sharpe;
    case WinRate: return m->winRate;
    case Expectancy: return m->expectancy;
    case MaxDrawdown: return m->maxDrawdown;
    case Trades: return static_cast<qlonglong>(m->nTrades);
    case EdRatio: return m->edRatio;
    case Consistency: return m->consistency;
    default: return {};
    }
}

QVariant StrategyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    // A first click on a figure shows the best first: high values, except the drawdown.
    if (role == Qt::InitialSortOrderRole)
        return section >= Score && section != MaxDrawdown ? Qt::DescendingOrder : Qt::AscendingOrder;
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString titles[ColumnCount] = {tr("Name"),   tr("Type"),   tr("TF"),       tr("Status"),     tr("Mode"),
                                         tr("Score"),  tr("Return"), tr("Sharpe"),   tr("Win rate"),   tr("Expectancy"),
                                         tr("Max DD"), tr("Trades"), tr("ED ratio"), tr("Consistency")};
    return titles[section];
}

bool StrategyTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void StrategyTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_loader(static_cast<std::int64_t>(m_entries.size()), m_pageSize);
    if (!page) {
        m_exhausted = true;
        emit loadFailed(QString::fromStdString(page.error().fullText()));
        return;
    }
    m_exhausted = page->size() < static_cast<std::size_t>(m_pageSize);
    if (page->empty())
        return;
    const int first = static_cast<int>(m_entries.size());
    bool newValues = false;
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    for (app::StrategyRow& row : *page) {
        m_entries.push_back(entryOf(std::move(row)));
        m_rowOfUuid.insert(m_entries.back().uuid, static_cast<int>(m_entries.size()) - 1);
        newValues = noteValues(m_entries.back()) || newValues;
    }
    endInsertRows();
    if (newValues)
        emit valuesChanged();
}

void StrategyTableModel::fetchAll()
{
    while (canFetchMore({}))
        fetchMore({});
}

bool StrategyTableModel::updateRow(const app::StrategyRow& row)
{
    const auto found = m_rowOfUuid.constFind(QString::fromStdString(row.uuid));
    if (found == m_rowOfUuid.constEnd())
        return false;
    Entry& entry = m_entries[static_cast<std::size_t>(*found)];
    entry = entryOf(row);
    const bool newValues = noteValues(entry);
    emit dataChanged(index(*found, 0), index(*found, ColumnCount - 1));
    if (newValues)
        emit valuesChanged();
    return true;
}

const app::StrategyRow& StrategyTableModel::rowAt(int row) const
{
    SIXBTC_REQUIRE(row >= 0 && row < rowCount());
    return m_entries[static_cast<std::size_t>(row)].row;
}

StrategyTableModel::Entry StrategyTableModel::entryOf(app::StrategyRow row)
{
    Entry entry{{},
                QString::fromStdString(row.uuid),
                QString::fromStdString(row.name),
                QString::fromStdString(row.type),
                QString::fromStdString(row.timeframe),
                0};
    auto timeframe = common::Timeframe::parse(row.timeframe);
    // An unknown stored timeframe is shown as stored and sorts after every known one.
    entry.timeframeMs = timeframe ? timeframe->durationMs() : std::numeric_limits<qint64>::max();
    entry.row = std::move(row);
    return entry;
}

bool StrategyTableModel::noteValues(const Entry& entry)
{
    bool added = false;
    if (!m_timeframes.contains(entry.timeframe)) {
        m_timeframes.insert(entry.timeframe, entry.timeframeMs);
        added = true;
    }
    if (!m_types.contains(entry.type)) {
        m_types.insert(std::lower_bound(m_types.begin(), m_types.end(), entry.type), entry.type);
        added = true;
    }
    return added;
}

QStringList StrategyTableModel::timeframes() const
{
    QStringList names = m_timeframes.keys();
    std::sort(names.begin(), names.end(), [this](const QString& a, const QString& b) {
        return std::pair(m_timeframes.value(a), a) < std::pair(m_timeframes.value(b), b);
    });
    return names;
}

QStringList StrategyTableModel::types() const
{
    return m_types;
}

} // namespace sixbtc::gui
