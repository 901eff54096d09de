// SPDX-License-Identifier: MIT
// StrategyTableModel: the strategy pool as a lazily fetched table of app::StrategyRow.
#pragma once

#include <functional>
#include <vector>

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include "app/strategytable.h"
#include "common/error.h"

namespace sixbtc::gui {

/// The pool browser's rows, fetched a page at a time through an injected loader (the store, or a fake in tests).
class StrategyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Loads at most `limit` rows from position `offset` in the store's list order.
    using Loader =
        std::function<common::Result<std::vector<app::StrategyRow>>(std::int64_t offset, std::int64_t limit)>;

    enum Column {
        Name,
        Type,
        Timeframe,
        Status,
        Mode,
        Score,
        Return,
        Sharpe,
        WinRate,
        Expectancy,
        MaxDrawdown,
        Trades,
        EdRatio,
        Consistency,
        ColumnCount
    };

    /// Raw values, the same for every column of a row except SortRole (the cell's own raw value; invalid when the
    /// strategy has no such figure).
    enum Role {
        SortRole = Qt::UserRole,
        UuidRole,      ///< QString
        NameRole,      ///< QString
        StatusRole,    ///< int of storage::StrategyStatus
        ModeRole,      ///< int of storage::GenerationMode
        TimeframeRole, ///< QString, e.g. 1h
        TypeRole,      ///< QString, e.g. MOM
        ScoreRole      ///< double, invalid without a score
    };

    /// \warning pageSize > 0.
    StrategyTableModel(Loader loader, int pageSize, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Fetches pages until the loader has no more rows (or fails).
    void fetchAll();
    /// Replaces the loaded row with the same UUID; false when that strategy is not loaded (nothing to refresh).
    bool updateRow(const app::StrategyRow& row);
    /// \warning 0 <= row < rowCount().
    const app::StrategyRow& rowAt(int row) const;

    /// The distinct timeframes of the loaded rows, shortest first, and their distinct types, sorted.
    QStringList timeframes() const;
    QStringList types() const;

signals:
    /// A page could not be loaded; fetching stops.
    void loadFailed(const QString& message);
    /// New timeframes or types appeared in the loaded rows.
    void valuesChanged();

private:
    struct Entry
    {
        app::StrategyRow row;
        QString uuid;
        QString name;
        QString type;
        QString timeframe;
        qint64 timeframeMs = 0;
    };

    static Entry entryOf(app::StrategyRow row);
    QVariant display(const Entry& entry, int column) const;
    QVariant raw(const Entry& entry, int column) const;
    bool noteValues(const Entry& entry);

    Loader m_loader;
    int m_pageSize;
    bool m_exhausted = false;
    std::vector<Entry> m_entries;
    QHash<QString, int> m_rowOfUuid;
    QHash<QString, qint64> m_timeframes; ///< timeframe -> duration, for the shortest-first order
    QStringList m_types;
};

} // namespace sixbtc::gui
