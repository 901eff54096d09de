// SPDX-License-Identifier: MIT
// MetricCardGrid: a small grid of cards, one per threshold: metric, value, limit and PASS/FAIL.
#pragma once

#include <vector>

#include <QWidget>

#include "app/strategydetail.h"

class QGridLayout;

namespace sixbtc::gui {

/// Shows app::MetricCard values as cards (object name "card_<metric>"; the verdict label is "cardStatus").
class MetricCardGrid : public QWidget
{
    Q_OBJECT

public:
    explicit MetricCardGrid(QWidget* parent = nullptr);

    void setCards(const std::vector<app::MetricCard>& cards);

    /// The card's verdict text: PASS, FAIL, or n/a when there is no value.
    static QString verdictText(const app::MetricCard& card);
    /// A metric's value in its unit: percent for rates, drawdown and expectancy, an integer for trades, one decimal
    /// for the score, two for the Sharpe ratio.
    static QString valueText(const std::string& metric, double value);

private:
    QWidget* createCard(const app::MetricCard& card);

    QGridLayout* m_grid = nullptr;
};

} // namespace sixbtc::gui
