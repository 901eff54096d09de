// SPDX-License-Identifier: MIT
// The pool browser: table, header sorting, double-click, context menu and copy code (the filter bar is in
// poolviewfilters.cpp).
#include "views/poolview.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QVBoxLayout>

#include "common/require.h"
#include "models/strategyfilterproxy.h"

namespace sixbtc::gui {

using storage::StrategyStatus;

PoolView::PoolView(StrategyTableModel::Loader loader, int pageSize, CodeLookup codeLookup, QWidget* parent)
    : QWidget(parent)
    , m_model(new StrategyTableModel(std::move(loader), pageSize, this))
    , m_proxy(new StrategyFilterProxy(this))
    , m_codeLookup(std::move(codeLookup))
{
    SIXBTC_REQUIRE(m_codeLookup != nullptr);
    m_proxy->setSourceModel(m_model);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("poolTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep scrolling through many rows cheap (no per-row size hints).
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_table, 1);

    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit strategyOpened(index.data(StrategyTableModel::UuidRole).toString());
    });
    connect(m_table, &QTableView::customContextMenuRequested, this, &PoolView::showContextMenu);
    // Columns fit the first page; later pages keep them, so the table does not jump while scrolling.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int) {
        if (first == 0)
            m_table->resizeColumnsToContents();
    });
    connect(m_model, &StrategyTableModel::loadFailed, this, &PoolView::failed);
    connect(m_model, &StrategyTableModel::valuesChanged, this, &PoolView::fillValueCombos);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &PoolView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PoolView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PoolView::updateCounts);
    updateCounts();
}

bool PoolView::applies(PoolAction action, StrategyStatus status)
{
    switch (action) {
    case PoolAction::BacktestAgain: return true;
    case PoolAction::Optimise: return status == StrategyStatus::Validated;
    case PoolAction::Validate: return status == StrategyStatus::Generated;
    case PoolAction::Retire: return status == StrategyStatus::Active;
    }
    return false;
}

void PoolView::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    const QString uuid = index.data(StrategyTableModel::UuidRole).toString();
    const auto status = static_cast<StrategyStatus>(index.data(StrategyTableModel::StatusRole).toInt());

    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("poolContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const struct
    {
        PoolAction action;
        QString text;
        const char* name;
    } entries[] = {{PoolAction::BacktestAgain, tr("Backtest again"), "backtestAgainAction"},
                   {PoolAction::Optimise, tr("Optimise"), "optimiseAction"},
                   {PoolAction::Validate, tr("Validate"), "validateAction"},
                   {PoolAction::Retire, tr("Retire"), "retireAction"}};
    for (const auto& entry : entries) {
        QAction* action = menu->addAction(entry.text);
        action->setObjectName(QString::fromLatin1(entry.name));
        action->setEnabled(applies(entry.action, status));
        const PoolAction requested = entry.action;
        connect(action, &QAction::triggered, this, [this, requested, uuid] { emit actionRequested(requested, uuid); });
    }
    menu->addSeparator();
    QAction* copy = menu->addAction(tr("Copy code"));
    copy->setObjectName(QStringLiteral("copyCodeAction"));
    connect(copy, &QAction::triggered, this, [this, uuid] { copyCode(uuid); });
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

void PoolView::copyCode(const QString& uuid)
{
    auto code = m_codeLookup(uuid.toStdString());
    if (!code) {
        emit failed(
            tr("Cannot copy the code of strategy %1: %2").arg(uuid, QString::fromStdString(code.error().fullText())));
        return;
    }
    QGuiApplication::clipboard()->setText(QString::fromStdString(*code));
}

} // namespace sixbtc::gui
