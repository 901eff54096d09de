// SPDX-License-Identifier: MIT
// StrategyDetailView: one stored strategy: header, code, risk, metric cards, lineage, runs, history and verdicts.
#pragma once

#include <QWidget>

#include "app/strategydetail.h"

class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;

namespace sixbtc::gui {

class MetricCardGrid;
class StrategyHighlighter;

/// A scrollable page showing an app::StrategyDetail; setDetail() replaces everything it shows.
class StrategyDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit StrategyDetailView(QWidget* parent = nullptr);

    void setDetail(const app::StrategyDetail& detail);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createHeader();
    QWidget* createCode();
    QWidget* createRisk();
    QWidget* createLineage();
    QWidget* createTables();

    void showHeader(const app::StrategyDetail& detail);
    void showCode(const app::StrategyDetail& detail);
    void showRisk(const std::optional<backtest::StrategyParams>& risk);
    void showLineage(const app::StrategyDetail& detail);

    QLabel* m_name = nullptr;
    QLabel* m_type = nullptr;
    QLabel* m_timeframe = nullptr;
    QLabel* m_symbols = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_score = nullptr;
    QLabel* m_mode = nullptr;
    QPlainTextEdit* m_code = nullptr;
    StrategyHighlighter* m_highlighter = nullptr;
    QListWidget* m_diagnostics = nullptr;
    MetricCardGrid* m_cards = nullptr;
    QFormLayout* m_risk = nullptr;
    QFormLayout* m_lineage = nullptr;
    QTableWidget* m_runs = nullptr;
    QTableWidget* m_history = nullptr;
    QTableWidget* m_verdicts = nullptr;
};

} // namespace sixbtc::gui
