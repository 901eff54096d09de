// SPDX-License-Identifier: MIT
// The strategy detail page: sections built once, filled by setDetail().
#include "views/strategydetailview.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "models/strategylabels.h"
#include "views/detailtables.h"
#include "views/metriccardgrid.h"
#include "widgets/strategyhighlighter.h"

namespace sixbtc::gui {

namespace {

QLabel* valueLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QGroupBox* section(const QString& title, QWidget* content)
{
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

void clearForm(QFormLayout* form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

void addFormRow(QFormLayout* form, const QString& label, const QString& value, const QString& objectName)
{
    QLabel* field = valueLabel(objectName);
    field->setText(value);
    field->setWordWrap(true);
    form->addRow(label, field);
}

} // namespace

StrategyDetailView::StrategyDetailView(QWidget* parent)
    : QWidget(parent)
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(createHeader());
    m_cards = new MetricCardGrid;
    m_cards->setObjectName(QStringLiteral("metricCards"));
    layout->addWidget(section(tr("Thresholds (newest training run)"), m_cards));
    layout->addWidget(createCode());
    auto* columns = new QHBoxLayout;
    columns->addWidget(createRisk(), 1);
    columns->addWidget(createLineage(), 2);
    layout->addLayout(columns);
    layout->addWidget(createTables());
    layout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("detailScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

QWidget* StrategyDetailView::createHeader()
{
    auto* header = new QWidget;
    auto* layout = new QVBoxLayout(header);
    m_name = valueLabel(QStringLiteral("nameLabel"));
    QFont title = m_name->font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    m_name->setFont(title);
    layout->addWidget(m_name);

    auto* facts = new QHBoxLayout;
    m_type = valueLabel(QStringLiteral("typeLabel"));
    m_timeframe = valueLabel(QStringLiteral("timeframeLabel"));
    m_symbols = valueLabel(QStringLiteral("symbolsLabel"));
    m_status = valueLabel(QStringLiteral("statusLabel"));
    m_score = valueLabel(QStringLiteral("scoreLabel"));
    m_mode = valueLabel(QStringLiteral("modeLabel"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    const std::pair<QString, QLabel*> fields[] = {{tr("Type:"), m_type},       {tr("Timeframe:"), m_timeframe},
                                                  {tr("Symbols:"), m_symbols}, {tr("Status:"), m_status},
                                                  {tr("Score:"), m_score},     {tr("Mode:"), m_mode}};
    for (const auto& [caption, label] : fields) {
        facts->addWidget(new QLabel(caption));
        facts->addWidget(label);
        facts->addSpacing(12);
    }
    facts->addStretch(1);
    layout->addLayout(facts);
    return header;
}

QWidget* StrategyDetailView::createCode()
{
    auto* box = new QGroupBox(tr("Code"));
    auto* layout = new QVBoxLayout(box);
    m_code = new QPlainTextEdit;
    m_code->setObjectName(QStringLiteral("codeEdit"));
    m_code->setReadOnly(true);
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new StrategyHighlighter(m_code->document(), palette());
    m_diagnostics = new QListWidget;
    m_diagnostics->setObjectName(QStringLiteral("diagnosticsList"));
    layout->addWidget(m_code);
    layout->addWidget(m_diagnostics);
    return box;
}

QWidget* StrategyDetailView::createRisk()
{
    auto* content = new QWidget;
    m_risk = new QFormLayout(content);
    return section(tr("Risk parameters"), content);
}

QWidget* StrategyDetailView::createLineage()
{
    auto* content = new QWidget;
    m_lineage = new QFormLayout(content);
    return section(tr("Lineage"), content);
}

QWidget* StrategyDetailView::createTables()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_runs = DetailTables::create(QStringLiteral("runsTable"), DetailTables::runHeaders());
    m_history = DetailTables::create(QStringLiteral("historyTable"), DetailTables::historyHeaders());
    m_verdicts = DetailTables::create(QStringLiteral("verdictsTable"), DetailTables::verdictHeaders());
    layout->addWidget(section(tr("Backtest runs"), m_runs));
    layout->addWidget(section(tr("Lifecycle history"), m_history));
    layout->addWidget(section(tr("Validation verdicts"), m_verdicts));
    return content;
}

void StrategyDetailView::setDetail(const app::StrategyDetail& detail)
{
    showHeader(detail);
    showCode(detail);
    m_cards->setCards(detail.cards);
    showRisk(detail.risk);
    showLineage(detail);
    DetailTables::showRuns(m_runs, detail.runs);
    DetailTables::showHistory(m_history, detail.events);
    DetailTables::showVerdicts(m_verdicts, detail.verdicts);
}

void StrategyDetailView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && m_highlighter != nullptr)
        m_highlighter->setPalette(palette());
    QWidget::changeEvent(event);
}

void StrategyDetailView::showHeader(const app::StrategyDetail& detail)
{
    const storage::StrategyRecord& r = detail.record;
    m_name->setText(QString::fromStdString(r.name));
    m_type->setText(QString::fromStdString(r.type));
    m_timeframe->setText(QString::fromStdString(r.timeframe));
    QStringList symbols;
    for (const auto& symbol : r.symbols)
        symbols << QString::fromStdString(symbol);
    m_symbols->setText(symbols.join(QStringLiteral(", ")));
    m_status->setText(StrategyLabels::statusText(r.status));
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, StrategyLabels::statusColor(r.status));
    m_status->setPalette(statusPalette);
    m_score->setText(r.score ? QString::number(*r.score, 'f', 1) : tr("not scored"));
    m_mode->setText(StrategyLabels::modeText(r.generationMode));
}

void StrategyDetailView::showCode(const app::StrategyDetail& detail)
{
    m_code->setPlainText(QString::fromStdString(detail.record.code));
    m_highlighter->setDiagnostics(detail.diagnostics);
    // Tall enough for the whole document: the page scrolls, not the editor.
    const int lines = m_code->document()->blockCount();
    const int margins = static_cast<int>(2 * m_code->document()->documentMargin()) + 2 * m_code->frameWidth();
    m_code->setFixedHeight((lines + 1) * m_code->fontMetrics().lineSpacing() + margins);

    m_diagnostics->clear();
    for (const auto& d : detail.diagnostics) {
        m_diagnostics->addItem(
            d.line > 0 ? tr("line %1, column %2: %3").arg(d.line).arg(d.column).arg(QString::fromStdString(d.message))
                       : QString::fromStdString(d.message));
    }
    m_diagnostics->setVisible(!detail.diagnostics.empty());
    m_diagnostics->setFixedHeight(m_diagnostics->sizeHintForRow(0) * (m_diagnostics->count() + 1) +
                                  2 * m_diagnostics->frameWidth());
}

void StrategyDetailView::showRisk(const std::optional<backtest::StrategyParams>& risk)
{
    clearForm(m_risk);
    if (!risk) {
        addFormRow(m_risk, tr("Risk block:"), tr("none (a base strategy; its expansions carry one)"),
                   QStringLiteral("riskNone"));
        return;
    }
    addFormRow(m_risk, tr("Stop loss:"), tr("%1 %").arg(risk->slPct * 100.0, 0, 'f', 2), QStringLiteral("riskSl"));
    addFormRow(m_risk, tr("Take profit:"), tr("%1 %").arg(risk->tpPct * 100.0, 0, 'f', 2), QStringLiteral("riskTp"));
    addFormRow(m_risk, tr("Leverage:"), QString::number(risk->leverage, 'g', 6), QStringLiteral("riskLeverage"));
    addFormRow(m_risk, tr("Exit after bars:"),
               risk->exitAfterBars > 0 ? QString::number(risk->exitAfterBars) : tr("none"),
               QStringLiteral("riskExitBars"));
}

void StrategyDetailView::showLineage(const app::StrategyDetail& detail)
{
    const storage::Lineage& l = detail.lineage;
    clearForm(m_lineage);
    const auto text = [](const std::string& s) { return QString::fromStdString(s); };
    switch (l.source) {
    case storage::LineageSource::Pattern:
        addFormRow(m_lineage, tr("Source:"), tr("pattern"), QStringLiteral("lineageSource"));
        addFormRow(m_lineage, tr("Pattern id:"), text(l.patternId), QStringLiteral("lineagePattern"));
        break;
    case storage::LineageSource::Llm:
        addFormRow(m_lineage, tr("Source:"), tr("language model"), QStringLiteral("lineageSource"));
        addFormRow(m_lineage, tr("Provider / model:"), text(l.llmProvider + " / " + l.llmModel),
                   QStringLiteral("lineageModel"));
        addFormRow(m_lineage, tr("Prompt template hash:"), text(l.promptTemplateHash), QStringLiteral("lineagePrompt"));
        addFormRow(m_lineage, tr("Seed:"), l.seed ? QString::number(*l.seed) : tr("none"),
                   QStringLiteral("lineageSeed"));
        break;
    case storage::LineageSource::Expansion:
        addFormRow(m_lineage, tr("Source:"), tr("parametric expansion"), QStringLiteral("lineageSource"));
        addFormRow(m_lineage, tr("Base:"), text(detail.record.baseUuid.value_or(std::string())),
                   QStringLiteral("lineageBase"));
        addFormRow(m_lineage, tr("Grid index:"), l.gridIndex ? QString::number(*l.gridIndex) : tr("none"),
                   QStringLiteral("lineageGridIndex"));
        break;
    }
    addFormRow(m_lineage, tr("Code hash:"), text(l.codeHash), QStringLiteral("lineageCodeHash"));
    addFormRow(m_lineage, tr("Dataset hash:"), text(l.datasetHash), QStringLiteral("lineageDatasetHash"));
    addFormRow(m_lineage, tr("Data range (UTC):"),
               tr("%1 to %2").arg(DetailTables::utcText(l.dataStartMs), DetailTables::utcText(l.dataEndMs)),
               QStringLiteral("lineageRange"));
    addFormRow(m_lineage, tr("Engine version:"), text(l.engineVersion), QStringLiteral("lineageEngine"));
    addFormRow(m_lineage, tr("Created (UTC):"), DetailTables::utcText(detail.record.createdAtMs),
               QStringLiteral("lineageCreated"));
}

} // namespace sixbtc::gui
