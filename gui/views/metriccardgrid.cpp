// SPDX-License-Identifier: MIT
// The metric cards: one framed cell per threshold, coloured by its verdict.
#include "views/metriccardgrid.h"

#include <map>

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "models/strategylabels.h"

namespace sixbtc::gui {

namespace {

constexpr int kColumns = 3;

QString comparisonText(const std::string& comparison)
{
    if (comparison == ">=")
        return QStringLiteral("\u2265");
    if (comparison == "<=")
        return QStringLiteral("\u2264");
    return QString::fromStdString(comparison);
}

} // namespace

MetricCardGrid::MetricCardGrid(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    for (int column = 0; column < kColumns; ++column)
        m_grid->setColumnStretch(column, 1);
}

QString MetricCardGrid::verdictText(const app::MetricCard& card)
{
    if (!card.passed)
        return tr("n/a");
    return *card.passed ? tr("PASS") : tr("FAIL");
}

QString MetricCardGrid::valueText(const std::string& metric, double value)
{
    if (metric == "n_trades")
        return QString::number(value, 'f', 0);
    if (metric == "win_rate" || metric == "max_drawdown")
        return tr("%1 %").arg(value * 100.0, 0, 'f', 1);
    if (metric == "expectancy")
        return tr("%1 %").arg(value * 100.0, 0, 'f', 3);
    if (metric == "score")
        return QString::number(value, 'f', 1);
    return QString::number(value, 'f', 2);
}

void MetricCardGrid::setCards(const std::vector<app::MetricCard>& cards)
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const int index = static_cast<int>(i);
        m_grid->addWidget(createCard(cards[i]), index / kColumns, index % kColumns);
    }
}

QWidget* MetricCardGrid::createCard(const app::MetricCard& card)
{
    const std::map<std::string, QString> titles{{"sharpe", tr("Sharpe ratio")},   {"win_rate", tr("Win rate")},
                                                {"expectancy", tr("Expectancy")}, {"max_drawdown", tr("Max drawdown")},
                                                {"n_trades", tr("Trades")},       {"score", tr("Unified score")}};
    auto* frame = new QFrame;
    frame->setObjectName(QStringLiteral("card_") + QString::fromStdString(card.metric));
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);

    const auto title = titles.find(card.metric);
    auto* name = new QLabel(title != titles.end() ? title->second : QString::fromStdString(card.metric));
    name->setObjectName(QStringLiteral("cardTitle"));
    auto* value = new QLabel(card.value ? valueText(card.metric, *card.value) : tr("no training run"));
    value->setObjectName(QStringLiteral("cardValue"));
    QFont large = value->font();
    large.setPointSizeF(large.pointSizeF() * 1.4);
    large.setBold(true);
    value->setFont(large);
    auto* limit = new QLabel(tr("%1 %2 (%3)")
                                 .arg(comparisonText(card.comparison), valueText(card.metric, card.threshold),
                                      QString::fromStdString(card.key)));
    limit->setObjectName(QStringLiteral("cardThreshold"));
    limit->setWordWrap(true);
    auto* verdict = new QLabel(verdictText(card));
    verdict->setObjectName(QStringLiteral("cardStatus"));
    QFont bold = verdict->font();
    bold.setBold(true);
    verdict->setFont(bold);
    if (card.passed) {
        // The pool's status colours: a pass reads like ACTIVE, a failure like REJECTED, in every view.
        QPalette palette = verdict->palette();
        palette.setColor(QPalette::WindowText,
                         StrategyLabels::statusColor(*card.passed ? storage::StrategyStatus::Active
                                                                  : storage::StrategyStatus::Rejected));
        verdict->setPalette(palette);
    }
    for (QLabel* label : {name, value, limit, verdict})
        layout->addWidget(label);
    return frame;
}

} // namespace sixbtc::gui
