// SPDX-License-Identifier: MIT
// GUI tests of the strategy detail page (offscreen): shown values, highlighting, diagnostics, cards, no clipping.
#include <QtTest>

#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextLayout>

#include "views/strategydetailview.h"
#include "widgets/strategyhighlighter.h"

using namespace sixbtc;
using gui::StrategyDetailView;
using gui::StrategyHighlighter;
using Category = StrategyHighlighter::Category;

namespace {

constexpr std::int64_t kStartMs = 1'760'000'000'000; // 2025-10-09 08:53:20 UTC

// Line 5 (block 4): `  long_entry: "` is 15 characters, so the rule starts at index 15: `crosses_above` 15-27,
// `ema` 29-31, `close` 33-37, `12` 40-41, `and` 61-63, `foo` 65-67 (column 66).
const char* const kCode = "type: MOM\n"
                          "timeframe: 1h\n"
                          "symbols: [BTC, ETH]\n"
                          "signals:\n"
                          "  long_entry: \"crosses_above(ema(close, 12), ema(close, 48)) and foo(close) > 1\"\n"
                          "  short_entry: \"rsi(close, 14) > 70\"  # overbought\n"
                          "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 3, exit_after_bars: 48}\n";

storage::BacktestMetrics training()
{
    storage::BacktestMetrics m;
    m.sharpe = 1.5;       // >= 1: pass
    m.winRate = 0.45;     // < 0.5: fail
    m.expectancy = 0.001; // not > 0.001: fail
    m.maxDrawdown = 0.12; // <= 0.2: pass
    m.nTrades = 31;       // >= 30: pass
    m.finalEquity = 12'345.0;
    return m;
}

app::StrategyDetail sampleDetail()
{
    app::StrategyDetail d;
    d.record.uuid = "0f3c2a9e-1b2c-4d5e-8f90-123456789abc";
    d.record.name = "Strategy_MOM_0f3c2a9e";
    d.record.type = "MOM";
    d.record.timeframe = "1h";
    d.record.symbols = {"BTC", "ETH"};
    d.record.code = kCode;
    d.record.parametersJson = R"({"sl_pct":0.02,"tp_pct":0.04,"leverage":3,"exit_after_bars":48})";
    d.record.generationMode = storage::GenerationMode::Optimized;
    d.record.baseUuid = "11111111-2222-4333-8444-555555555555";
    d.record.createdAtMs = kStartMs;
    d.record.status = storage::StrategyStatus::Rejected;
    d.record.score = 38.26;
    d.lineage.source = storage::LineageSource::Expansion;
    d.lineage.gridIndex = 17;
    d.lineage.codeHash = std::string(64, 'a');
    d.lineage.datasetHash = std::string(64, 'b');
    d.lineage.dataStartMs = kStartMs - 365 * 86'400'000LL;
    d.lineage.dataEndMs = kStartMs;
    d.lineage.engineVersion = "sixbtc 0.3.0";
    d.events = {{1, d.record.uuid, kStartMs, std::nullopt, storage::StrategyStatus::Generated, ""},
                {2, d.record.uuid, kStartMs + 60'000, storage::StrategyStatus::Generated,
                 storage::StrategyStatus::Rejected, "win rate 0.45 below scoring.min_win_rate"}};
    d.verdicts = {
        {1, d.record.uuid, "score_threshold", false, R"({"score":38.25,"failed":"win_rate"})", 7, kStartMs + 30'000}};
    storage::BacktestRun run;
    run.id = 7;
    run.kind = "training";
    run.dataStartMs = d.lineage.dataStartMs;
    run.dataEndMs = kStartMs;
    run.metrics = training();
    run.score = 38.25;
    d.runs = {run};
    d.trainingRunId = 7;
    d.risk = backtest::StrategyParams{0.02, 0.04, 3.0, 48};
    d.diagnostics = {{5, 66, "unknown function 'foo' (did you mean 'roc'?)"}};
    const config::ScoringSettings scoring{1.0, 0.5, 0.001, 0.2, {100, 60, 40, 30, 15, 8}, 40, {1, 1, 1, 1, 1, 1, 1}};
    d.cards = app::metricCards(training(), d.record.score, scoring, *common::Timeframe::parse("1h"));
    return d;
}

/// The format the highlighter gave the character at `position` of `block` (a default format when none).
QTextCharFormat formatAt(const QTextBlock& block, int position)
{
    for (const auto& range : block.layout()->formats()) {
        if (range.start <= position && position < range.start + range.length)
            return range.format;
    }
    return {};
}

QString labelText(const QWidget& parent, const char* name)
{
    auto* label = parent.findChild<QLabel*>(QString::fromUtf8(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QString::fromUtf8(name));
}

} // namespace

class TstStrategyDetailView : public QObject
{
    Q_OBJECT

private:
    StrategyDetailView m_view;
    app::StrategyDetail m_detail = sampleDetail();

    QPlainTextEdit* editor() { return m_view.findChild<QPlainTextEdit*>(QStringLiteral("codeEdit")); }
    StrategyHighlighter* highlighter() { return editor()->document()->findChild<StrategyHighlighter*>(); }

private slots:
    void initTestCase()
    {
        m_view.resize(1280, 800);
        m_view.setDetail(m_detail);
        m_view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_view));
    }

    void headerShowsTheRecord()
    {
        QCOMPARE(labelText(m_view, "nameLabel"), QStringLiteral("Strategy_MOM_0f3c2a9e"));
        QCOMPARE(labelText(m_view, "typeLabel"), QStringLiteral("MOM"));
        QCOMPARE(labelText(m_view, "timeframeLabel"), QStringLiteral("1h"));
        QCOMPARE(labelText(m_view, "symbolsLabel"), QStringLiteral("BTC, ETH"));
        QCOMPARE(labelText(m_view, "statusLabel"), QStringLiteral("Rejected"));
        QCOMPARE(labelText(m_view, "scoreLabel"), QStringLiteral("38.3"));
        auto* status = m_view.findChild<QLabel*>(QStringLiteral("statusLabel"));
        const QColor statusColour = status->palette().color(QPalette::WindowText);
        QVERIFY(statusColour != m_view.palette().color(QPalette::WindowText));
    }

    void codeIsReadOnlyMonospaceAndComplete()
    {
        QCOMPARE(editor()->toPlainText(), QString::fromUtf8(kCode));
        QVERIFY(editor()->isReadOnly());
        QVERIFY(QFontInfo(editor()->font()).fixedPitch());
        QVERIFY(highlighter() != nullptr);
    }

    void highlighterFormatsTokensAtTheirPositions()
    {
        const QTextBlock rule = editor()->document()->findBlockByNumber(4);
        QCOMPARE(rule.text().mid(29, 3), QStringLiteral("ema"));
        const auto colour = [this](Category c) { return highlighter()->categoryFormat(c).foreground().color(); };
        QVERIFY(colour(Category::Builtin) != colour(Category::Number));
        QVERIFY(colour(Category::Builtin) != colour(Category::String));
        QCOMPARE(formatAt(rule, 2).foreground().color(), colour(Category::Key));      // long_entry
        QCOMPARE(formatAt(rule, 15).foreground().color(), colour(Category::Builtin)); // crosses_above
        for (int i = 29; i <= 31; ++i)
            QCOMPARE(formatAt(rule, i).foreground().color(), colour(Category::Builtin)); // ema
        QCOMPARE(formatAt(rule, 32).foreground().color(), colour(Category::String));     // (
        QCOMPARE(formatAt(rule, 33).foreground().color(), colour(Category::PriceField)); // close
        QCOMPARE(formatAt(rule, 40).foreground().color(), colour(Category::Number));     // 12
        QCOMPARE(formatAt(rule, 41).foreground().color(), colour(Category::Number));
        QCOMPARE(formatAt(rule, 39).foreground().color(), colour(Category::String)); // the space before 12
        QCOMPARE(formatAt(rule, 61).fontWeight(), int(QFont::Bold));                 // and
        QCOMPARE(formatAt(rule, 65).foreground().color(), colour(Category::String)); // foo is no builtin

        const QTextBlock shortEntry = editor()->document()->findBlockByNumber(5);
        const int comment = static_cast<int>(shortEntry.text().indexOf(QLatin1Char('#')));
        QCOMPARE(formatAt(shortEntry, comment + 2).foreground().color(), colour(Category::Comment));
        const QTextBlock risk = editor()->document()->findBlockByNumber(6);
        QCOMPARE(risk.text().mid(15, 4), QStringLiteral("0.02"));
        QCOMPARE(formatAt(risk, 7).foreground().color(), colour(Category::Key)); // sl_pct
        QCOMPARE(formatAt(risk, 16).foreground().color(), colour(Category::Number));
    }

    void diagnosticIsUnderlinedAtItsPositionAndListed()
    {
        const QTextBlock rule = editor()->document()->findBlockByNumber(4);
        QCOMPARE(rule.text().mid(65, 3), QStringLiteral("foo"));
        for (int i = 65; i <= 67; ++i) {
            const QTextCharFormat format = formatAt(rule, i);
            QCOMPARE(format.underlineStyle(), QTextCharFormat::WaveUnderline);
            QCOMPARE(format.underlineColor(), highlighter()->diagnosticColor());
        }
        QVERIFY(formatAt(rule, 64).underlineStyle() != QTextCharFormat::WaveUnderline);
        QVERIFY(formatAt(rule, 68).underlineStyle() != QTextCharFormat::WaveUnderline);
        auto* list = m_view.findChild<QListWidget*>(QStringLiteral("diagnosticsList"));
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(),
                 QStringLiteral("line 5, column 66: unknown function 'foo' (did you mean 'roc'?)"));
    }

    void everyCardShowsItsVerdict()
    {
        // sharpe, win rate, expectancy, drawdown, trades, score (38.26 < 40).
        const QStringList expected{QStringLiteral("PASS"), QStringLiteral("FAIL"), QStringLiteral("FAIL"),
                                   QStringLiteral("PASS"), QStringLiteral("PASS"), QStringLiteral("FAIL")};
        QCOMPARE(m_detail.cards.size(), std::size_t(6));
        for (std::size_t i = 0; i < m_detail.cards.size(); ++i) {
            const QString name = QStringLiteral("card_") + QString::fromStdString(m_detail.cards[i].metric);
            auto* card = m_view.findChild<QFrame*>(name);
            QVERIFY2(card != nullptr, qPrintable(name));
            QCOMPARE(labelText(*card, "cardStatus"), expected[static_cast<qsizetype>(i)]);
        }
        auto* winRate = m_view.findChild<QFrame*>(QStringLiteral("card_win_rate"));
        QCOMPARE(labelText(*winRate, "cardValue"), QStringLiteral("45.0 %"));
        QCOMPARE(labelText(*winRate, "cardThreshold"), QStringLiteral("\u2265 50.0 % (scoring.min_win_rate)"));
        auto* score = m_view.findChild<QFrame*>(QStringLiteral("card_score"));
        QCOMPARE(labelText(*score, "cardValue"), QStringLiteral("38.3"));
        QCOMPARE(labelText(*score, "cardThreshold"), QStringLiteral("\u2265 40.0 (scoring.robustness_min_score)"));
    }

    void riskLineageAndTablesShowTheirValues()
    {
        QCOMPARE(labelText(m_view, "riskSl"), QStringLiteral("2.00 %"));
        QCOMPARE(labelText(m_view, "riskExitBars"), QStringLiteral("48"));
        QCOMPARE(labelText(m_view, "lineageGridIndex"), QStringLiteral("17"));
        QCOMPARE(labelText(m_view, "lineageBase"), QStringLiteral("11111111-2222-4333-8444-555555555555"));
        QCOMPARE(labelText(m_view, "lineageCodeHash"), QString(64, QLatin1Char('a')));
        QCOMPARE(labelText(m_view, "lineageRange"), QStringLiteral("2024-10-09 08:53:20 to 2025-10-09 08:53:20"));
        auto* history = m_view.findChild<QTableWidget*>(QStringLiteral("historyTable"));
        QCOMPARE(history->rowCount(), 2);
        QCOMPARE(history->item(1, 0)->text(), QStringLiteral("2025-10-09 08:54:20"));
        QCOMPARE(history->item(1, 1)->text(), QStringLiteral("Generated"));
        QCOMPARE(history->item(1, 2)->text(), QStringLiteral("Rejected"));
        QCOMPARE(history->item(1, 3)->text(), QStringLiteral("win rate 0.45 below scoring.min_win_rate"));
        auto* verdicts = m_view.findChild<QTableWidget*>(QStringLiteral("verdictsTable"));
        QCOMPARE(verdicts->item(0, 1)->text(), QStringLiteral("no"));
        QCOMPARE(verdicts->item(0, 2)->text(), QStringLiteral("failed = win_rate, score = 38.25"));
        auto* runs = m_view.findChild<QTableWidget*>(QStringLiteral("runsTable"));
        QCOMPARE(runs->item(0, 1)->text(), QStringLiteral("training"));
        QCOMPARE(runs->item(0, 5)->text(), QStringLiteral("31"));
    }

    void nothingIsClippedAt1280x800()
    {
        auto* scroll = m_view.findChild<QScrollArea*>(QStringLiteral("detailScroll"));
        QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0); // the page scrolls rather than squeezing
        for (QTableWidget* table : m_view.findChildren<QTableWidget*>()) {
            QVERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(),
                     qPrintable(table->objectName()));
            QVERIFY2(table->verticalHeader()->length() <= table->viewport()->height(), qPrintable(table->objectName()));
        }
        for (QLabel* label : m_view.findChildren<QLabel*>()) {
            if (!label->isVisibleTo(&m_view) || label->text().isEmpty())
                continue;
            const QString what = label->objectName() + QLatin1Char(' ') + label->text();
            if (label->wordWrap())
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(what));
            else
                QVERIFY2(label->width() >= label->minimumSizeHint().width(), qPrintable(what));
        }
    }

    void aDarkPaletteGivesLighterColours()
    {
        QPalette light = m_view.palette();
        light.setColor(QPalette::Base, QColor(250, 250, 250));
        m_view.setPalette(light);
        const QColor onLight = highlighter()->categoryFormat(Category::Builtin).foreground().color();
        QPalette dark = m_view.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        m_view.setPalette(dark);
        const QColor onDark = highlighter()->categoryFormat(Category::Builtin).foreground().color();
        QVERIFY(onDark.lightness() > onLight.lightness());
        const QTextBlock rule = editor()->document()->findBlockByNumber(4);
        QCOMPARE(formatAt(rule, 29).foreground().color(), onDark);
    }

    void aBaseWithoutDiagnosticsHidesTheList()
    {
        app::StrategyDetail base = m_detail;
        base.risk.reset();
        base.diagnostics.clear();
        m_view.setDetail(base);
        QVERIFY(!m_view.findChild<QListWidget*>(QStringLiteral("diagnosticsList"))->isVisible());
        QVERIFY(m_view.findChild<QLabel*>(QStringLiteral("riskNone")) != nullptr);
        QVERIFY(m_view.findChild<QLabel*>(QStringLiteral("riskSl")) == nullptr);
        const QTextBlock rule = editor()->document()->findBlockByNumber(4);
        QVERIFY(formatAt(rule, 65).underlineStyle() != QTextCharFormat::WaveUnderline);
    }
};

QTEST_MAIN(TstStrategyDetailView)
#include "tst_strategydetailview.moc"
