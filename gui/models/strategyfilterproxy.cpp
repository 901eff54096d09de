// SPDX-License-Identifier: MIT
// The pool table's filters (status, timeframe, type, mode, score, name) and raw-value sorting.
#include "models/strategyfilterproxy.h"

#include "models/strategytablemodel.h"

namespace sixbtc::gui {

namespace {

template <typename Enum>
QSet<int> intSet(const QList<Enum>& values)
{
    QSet<int> set;
    for (Enum value : values)
        set.insert(static_cast<int>(value));
    return set;
}

} // namespace

StrategyFilterProxy::StrategyFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(StrategyTableModel::SortRole);
}

void StrategyFilterProxy::setCriteria(const Criteria& criteria)
{
    m_statuses = intSet(criteria.statuses);
    m_timeframes = QSet<QString>(criteria.timeframes.begin(), criteria.timeframes.end());
    m_types = QSet<QString>(criteria.types.begin(), criteria.types.end());
    m_modes = intSet(criteria.modes);
    m_minimumScore = criteria.minimumScore;
    m_name = criteria.name;
    invalidateFilter();
}

void StrategyFilterProxy::setStatuses(const QList<storage::StrategyStatus>& statuses)
{
    m_statuses = intSet(statuses);
    invalidateFilter();
}

void StrategyFilterProxy::setTimeframes(const QStringList& timeframes)
{
    m_timeframes = QSet<QString>(timeframes.begin(), timeframes.end());
    invalidateFilter();
}

void StrategyFilterProxy::setTypes(const QStringList& types)
{
    m_types = QSet<QString>(types.begin(), types.end());
    invalidateFilter();
}

void StrategyFilterProxy::setModes(const QList<storage::GenerationMode>& modes)
{
    m_modes = intSet(modes);
    invalidateFilter();
}

void StrategyFilterProxy::setMinimumScore(std::optional<double> minimum)
{
    m_minimumScore = minimum;
    invalidateFilter();
}

void StrategyFilterProxy::setNameFilter(const QString& text)
{
    m_name = text;
    invalidateFilter();
}

bool StrategyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto value = [&index](int role) { return index.data(role); };
    if (!m_statuses.isEmpty() && !m_statuses.contains(value(StrategyTableModel::StatusRole).toInt()))
        return false;
    if (!m_modes.isEmpty() && !m_modes.contains(value(StrategyTableModel::ModeRole).toInt()))
        return false;
    if (!m_timeframes.isEmpty() && !m_timeframes.contains(value(StrategyTableModel::TimeframeRole).toString()))
        return false;
    if (!m_types.isEmpty() && !m_types.contains(value(StrategyTableModel::TypeRole).toString()))
        return false;
    if (m_minimumScore) {
        const QVariant score = value(StrategyTableModel::ScoreRole);
        if (!score.isValid() || score.toDouble() < *m_minimumScore)
            return false;
    }
    return m_name.isEmpty() || value(StrategyTableModel::NameRole).toString().contains(m_name, Qt::CaseInsensitive);
}

bool StrategyFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    // The view reverses the comparison for a descending sort: a missing figure is "greater" only when ascending.
    if (!l.isValid() || !r.isValid())
        return l.isValid() ? sortOrder() == Qt::AscendingOrder : r.isValid() && sortOrder() == Qt::DescendingOrder;
    if (l.userType() == QMetaType::QString)
        return l.toString().compare(r.toString(), sortCaseSensitivity()) < 0;
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}

} // namespace sixbtc::gui
