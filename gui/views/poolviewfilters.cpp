// SPDX-License-Identifier: MIT
// PoolView's filter bar: status, timeframe, type and mode combos, a minimum score, a name filter, and the counts.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include "models/strategyfilterproxy.h"
#include "models/strategylabels.h"
#include "views/poolview.h"

namespace sixbtc::gui {

using storage::GenerationMode;
using storage::StrategyStatus;

namespace {

constexpr StrategyStatus kStatuses[] = {StrategyStatus::Generated, StrategyStatus::Validated, StrategyStatus::Active,
                                        StrategyStatus::Live,      StrategyStatus::Rejected,  StrategyStatus::Retired};
constexpr GenerationMode kModes[] = {GenerationMode::Pattern, GenerationMode::AiFree, GenerationMode::AiAssigned,
                                     GenerationMode::Optimized};

QComboBox* comboBox(QWidget* parent, const QString& name, const QString& allText)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->addItem(allText);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

// The selected item's data as a one-element list, or empty for the "all" item.
template <typename T>
QList<T> selection(const QComboBox* combo)
{
    if (combo->currentIndex() <= 0)
        return {};
    return {combo->currentData().value<T>()};
}

// Replaces the value items of `combo` by `values`, keeping the selection when it is still there.
void refill(QComboBox* combo, const QStringList& values)
{
    const QString selected = combo->currentIndex() > 0 ? combo->currentData().toString() : QString();
    const QSignalBlocker blocker(combo);
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString& value : values)
        combo->addItem(value, value);
    combo->setCurrentIndex(std::max(0, combo->findData(selected)));
}

} // namespace

QWidget* PoolView::createFilterBar()
{
    auto* bar = new QWidget(this);
    m_status = comboBox(bar, QStringLiteral("statusFilter"), tr("All statuses"));
    for (StrategyStatus status : kStatuses)
        m_status->addItem(StrategyLabels::statusText(status), static_cast<int>(status));
    m_timeframe = comboBox(bar, QStringLiteral("timeframeFilter"), tr("All timeframes"));
    m_type = comboBox(bar, QStringLiteral("typeFilter"), tr("All types"));
    m_mode = comboBox(bar, QStringLiteral("modeFilter"), tr("All modes"));
    for (GenerationMode mode : kModes)
        m_mode->addItem(StrategyLabels::modeText(mode), static_cast<int>(mode));

    // Scores are 0-100; the minimum (0) means no score filter, so strategies without a score stay visible.
    m_minimumScore = new QDoubleSpinBox(bar);
    m_minimumScore->setObjectName(QStringLiteral("minimumScoreFilter"));
    m_minimumScore->setRange(0.0, 100.0);
    m_minimumScore->setDecimals(1);
    m_minimumScore->setSingleStep(5.0);
    m_minimumScore->setPrefix(tr("Score \u2265 "));
    m_minimumScore->setSpecialValueText(tr("Any score"));

    m_name = new QLineEdit(bar);
    m_name->setObjectName(QStringLiteral("nameFilter"));
    m_name->setPlaceholderText(tr("Filter by name\u2026"));
    m_name->setClearButtonEnabled(true);

    m_counts = new QLabel(bar);
    m_counts->setObjectName(QStringLiteral("poolCounts"));
    m_loadAll = new QToolButton(bar);
    m_loadAll->setObjectName(QStringLiteral("loadAllButton"));
    m_loadAll->setText(tr("Load all"));
    m_loadAll->setToolTip(tr("Load every strategy, so that sorting and filtering cover the whole pool"));

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 4, 4, 4);
    for (QWidget* widget :
         {static_cast<QWidget*>(m_status), static_cast<QWidget*>(m_timeframe), static_cast<QWidget*>(m_type),
          static_cast<QWidget*>(m_mode), static_cast<QWidget*>(m_minimumScore)})
        layout->addWidget(widget);
    layout->addWidget(m_name, 1);
    layout->addWidget(m_counts);
    layout->addWidget(m_loadAll);

    for (QComboBox* combo : {m_status, m_timeframe, m_type, m_mode})
        connect(combo, &QComboBox::currentIndexChanged, this, &PoolView::applyFilters);
    connect(m_minimumScore, &QDoubleSpinBox::valueChanged, this, &PoolView::applyFilters);
    connect(m_name, &QLineEdit::textChanged, this, &PoolView::applyFilters);
    connect(m_loadAll, &QToolButton::clicked, m_model, &StrategyTableModel::fetchAll);
    return bar;
}

void PoolView::fillValueCombos()
{
    refill(m_timeframe, m_model->timeframes());
    refill(m_type, m_model->types());
}

void PoolView::applyFilters()
{
    StrategyFilterProxy::Criteria criteria;
    for (int status : selection<int>(m_status))
        criteria.statuses.push_back(static_cast<StrategyStatus>(status));
    for (int mode : selection<int>(m_mode))
        criteria.modes.push_back(static_cast<GenerationMode>(mode));
    criteria.timeframes = selection<QString>(m_timeframe);
    criteria.types = selection<QString>(m_type);
    if (m_minimumScore->value() > m_minimumScore->minimum())
        criteria.minimumScore = m_minimumScore->value();
    criteria.name = m_name->text().trimmed();
    m_proxy->setCriteria(criteria);
}

void PoolView::updateCounts()
{
    m_counts->setText(tr("%1 shown of %2 loaded").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    m_loadAll->setEnabled(m_model->canFetchMore({}));
}

} // namespace sixbtc::gui
