// SPDX-License-Identifier: MIT
// PoolView: the strategy pool browser: a filter bar over a sortable, lazily fetched table with a context menu.
#pragma once

#include <functional>
#include <string>

#include <QWidget>

#include "common/error.h"
#include "models/strategytablemodel.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QToolButton;

namespace sixbtc::gui {

class StrategyFilterProxy;

/// Browses the pool: filters, header-click sorting, double-click to open, and a context menu whose actions are
/// requested from the owner (who runs them off the GUI thread) except "Copy code", which the view does itself.
class PoolView : public QWidget
{
    Q_OBJECT

public:
    enum class PoolAction { BacktestAgain, Optimise, Validate, Retire };
    Q_ENUM(PoolAction)

    /// The canonical code of the strategy with this UUID.
    using CodeLookup = std::function<common::Result<std::string>(const std::string& uuid)>;

    /// \warning pageSize > 0 and codeLookup set.
    PoolView(StrategyTableModel::Loader loader, int pageSize, CodeLookup codeLookup, QWidget* parent = nullptr);

    /// The rows; refresh one with model()->updateRow() after an action finished.
    StrategyTableModel* model() const { return m_model; }
    StrategyFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }

    /// Whether `action` applies to a strategy in `status` (e.g. Retire only ACTIVE ones).
    static bool applies(PoolAction action, storage::StrategyStatus status);

signals:
    void strategyOpened(const QString& uuid);
    void actionRequested(sixbtc::gui::PoolView::PoolAction action, const QString& uuid);
    /// A page could not be loaded or the code could not be copied.
    void failed(const QString& message);

private:
    QWidget* createFilterBar();
    void fillValueCombos();
    void applyFilters();
    void updateCounts();
    void showContextMenu(const QPoint& position);
    void copyCode(const QString& uuid);

    StrategyTableModel* m_model;
    StrategyFilterProxy* m_proxy;
    CodeLookup m_codeLookup;
    QTableView* m_table = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_timeframe = nullptr;
    QComboBox* m_type = nullptr;
    QComboBox* m_mode = nullptr;
    QDoubleSpinBox* m_minimumScore = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_counts = nullptr;
    QToolButton* m_loadAll = nullptr;
};

} // namespace sixbtc::gui
