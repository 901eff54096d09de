// SPDX-License-Identifier: MIT
// StrategyFilterProxy: filters the pool table by status, timeframe, type, mode, minimum score and name; sorts raw.
#pragma once

#include <optional>

#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>

#include "storage/api/strategystatus.h"

namespace sixbtc::gui {

/// Sorting and filtering over a StrategyTableModel. An empty set accepts every value; sorting uses the raw
/// StrategyTableModel::SortRole; strategies without the figure sort last in either order.
class StrategyFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    /// Every filter at once; empty lists accept every value.
    struct Criteria
    {
        QList<storage::StrategyStatus> statuses;
        QStringList timeframes;
        QStringList types;
        QList<storage::GenerationMode> modes;
        std::optional<double> minimumScore; ///< strategies without a score fail any minimum
        QString name;                       ///< case-insensitive substring of the name
    };

    explicit StrategyFilterProxy(QObject* parent = nullptr);

    /// Replaces every filter and filters the rows once (the single setters below filter once each).
    void setCriteria(const Criteria& criteria);

    void setStatuses(const QList<storage::StrategyStatus>& statuses);
    void setTimeframes(const QStringList& timeframes);
    void setTypes(const QStringList& types);
    void setModes(const QList<storage::GenerationMode>& modes);
    /// Strategies without a score fail any minimum; nullopt turns the filter off.
    void setMinimumScore(std::optional<double> minimum);
    /// Case-insensitive substring of the name; empty turns the filter off.
    void setNameFilter(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QSet<int> m_statuses;
    QSet<QString> m_timeframes;
    QSet<QString> m_types;
    QSet<int> m_modes;
    std::optional<double> m_minimumScore;
    QString m_name;
};

} // namespace sixbtc::gui
