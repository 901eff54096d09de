// SPDX-License-Identifier: MIT
// Every diagnostic kind of strategy documents, each with the line and column of its offending token.
#include <QtTest>

#include "strategy/languagelimits.h"
#include "strategy/strategydocument.h"

using namespace sixbtc::strategy;

namespace {

// The long_entry value sits on line 5; its opening quote is at column 15, its first character at column 16.
std::string documentWithRule(const std::string& rule, const std::string& timeframe = "15m")
{
    return "type: MOM\ntimeframe: " + timeframe + "\nsymbols: [BTC]\nsignals:\n  long_entry: \"" + rule +
           "\"\nrisk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 3, exit_after_bars: 48}\n";
}

QString dump(const Diagnostics& diagnostics)
{
    QString out;
    for (const auto& d : diagnostics)
        out += QStringLiteral("%1:%2: %3\n").arg(d.line).arg(d.column).arg(QString::fromStdString(d.message));
    return out;
}

} // namespace

class TstDiagnostics : public QObject
{
    Q_OBJECT

private slots:
    void ruleDiagnostics_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("timeframe");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        const auto row = [](const char* name, const char* rule, const char* tf, int column, const char* fragment) {
            QTest::newRow(name) << QString::fromUtf8(rule) << QString::fromUtf8(tf) << column
                                << QString::fromUtf8(fragment);
        };
        row("unknown function", "close > emaa(close, 12)", "15m", 24, "unknown function 'emaa' (did you mean 'ema'?)");
        row("unknown function near", "close > 1 and crosses_abov(close, open)", "15m", 30, "did you mean 'crosses_above'?");
        row("price called", "close() > 1", "15m", 16, "'close' is a price series, not a function");
        row("wrong arity", "close > ema(close)", "15m", 24, "ema takes 2 arguments (ema(x, n)), found 1");
        row("wrong arity obv", "obv(close) > 1", "15m", 16, "obv takes 0 arguments");
        row("boolean for number", "(close > 1) + 2 > 0", "15m", 17, "expected a number for '+', found a condition");
        row("boolean argument", "sma(close > 1, 3) > 0", "15m", 20, "expected a number for argument 1 of sma(x, n)");
        row("number for boolean", "close and open > 1", "15m", 16, "expected a condition (true/false) for 'and'");
        row("number for not", "not close", "15m", 20, "expected a condition (true/false) for 'not'");
        row("rule is a number", "close + 1", "15m", 16, "a rule must be a condition");
        row("negative offset", "close[-1] > 1", "15m", 22, "negative offset");
        row("non-literal offset", "close[open] > 1", "15m", 22, "offset must be a non-negative integer literal");
        row("fractional offset", "close[1.5] > 1", "15m", 22, "whole number of bars");
        row("duration offset off grid", "close[20m] > 1", "15m", 22, "not a whole multiple of the 15m timeframe");
        row("duration not multiple", "sma(close, 20m) > 1", "15m", 27, "not a whole multiple of the 15m timeframe");
        row("period not literal", "sma(close, open) > 1", "15m", 27, "is a period");
        row("period zero", "sma(close, 0) > 1", "15m", 27, "at least 1 bar");
        row("period too large", "sma(close, 2000000) > 1", "15m", 27, "exceeds the limit");
        row("duration as value", "close > 24h", "15m", 24, "can only stand for a period");
        row("bb k not literal", "close > bb_upper(close, 20, open)", "15m", 44, "must be a number literal");
        row("unexpected token", "close > > 1", "15m", 24, "unexpected '>'");
        row("unterminated", "ema(close, 12", "15m", 29, "unterminated");
        row("bad character", "close # 1", "15m", 22, "unexpected character '#'");
    }
    void ruleDiagnostics()
    {
        QFETCH(QString, rule);
        QFETCH(QString, timeframe);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        const auto result = parseStrategyDocument(documentWithRule(rule.toStdString(), timeframe.toStdString()), "t");
        QVERIFY(!result.document.has_value());
        QVERIFY2(result.diagnostics.size() == 1, qPrintable(dump(result.diagnostics)));
        const Diagnostic& d = result.diagnostics.front();
        QVERIFY2(QString::fromStdString(d.message).contains(fragment), qPrintable(dump(result.diagnostics)));
        QCOMPARE(d.line, 5);
        QCOMPARE(d.column, column);
    }

    void documentDiagnostics_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        const std::string risk = "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 3, exit_after_bars: 48}\n";
        const auto row = [](const char* name, const std::string& text, int line, int column, const char* fragment) {
            QTest::newRow(name) << QString::fromStdString(text) << line << column << QString::fromUtf8(fragment);
        };
        row("empty rule", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: \"\"\n" + risk, 5, 16,
            "empty rule 'long_entry'");
        row("blank rule", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: '   '\n" + risk, 5, 16,
            "empty rule 'long_entry'");
        row("no entry rule", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_exit: close > 1\n" + risk, 5, 3,
            "no entry rule");
        row("unknown field", "type: MOM\ntimeframe: 1h\nsymbol: [BTC]\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n" +
                                 risk, 3, 1, "unknown field 'symbol'");
        row("unknown signal", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n  exit: close < 1\n" +
                                  risk, 6, 3, "unknown field 'signals.exit'");
        row("unknown risk field", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n"
                                  "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 3, exit_after_bars: 48, trail: 1}\n",
            6, 70, "unknown field 'risk.trail'");
        row("missing field", "type: MOM\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n" + risk, 1, 1,
            "missing field 'timeframe'");
        row("missing risk field", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n"
                                  "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 3}\n",
            6, 7, "missing field 'risk.exit_after_bars'");
        row("duplicate field", "type: MOM\ntype: REV\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n" +
                                   risk, 2, 1, "duplicate field 'type'");
        row("unsupported timeframe", "type: MOM\ntimeframe: 2h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n" + risk,
            2, 12, "unsupported timeframe '2h'");
        row("unsupported type", "type: \"XYZ\"\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n" + risk,
            1, 8, "unsupported strategy type 'XYZ'");
        row("bad symbol", "type: MOM\ntimeframe: 1h\nsymbols: [BTC, ETH/USD]\nsignals:\n  long_entry: close > 1\n" + risk,
            3, 16, "symbol 'ETH/USD'");
        row("bad leverage", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n"
                            "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 0.5, exit_after_bars: 48}\n",
            6, 46, "at least 1");
        row("bad exit bars", "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: close > 1\n"
                             "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 2, exit_after_bars: 1.5}\n",
            6, 66, "exit_after_bars");
        row("malformed yaml", "type: MOM\ntimeframe: [1h\nsymbols: [BTC]\n", 3, 8, "malformed YAML");
        row("not a mapping", "- a\n- b\n", 1, 1, "YAML mapping");
    }
    void documentDiagnostics()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        const auto result = parseStrategyDocument(text.toStdString(), "t");
        QVERIFY(!result.document.has_value());
        QVERIFY2(result.diagnostics.size() == 1, qPrintable(dump(result.diagnostics)));
        const Diagnostic& d = result.diagnostics.front();
        QVERIFY2(QString::fromStdString(d.message).contains(fragment), qPrintable(dump(result.diagnostics)));
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
    }

    void formatting()
    {
        QCOMPARE(formatDiagnostic("s.yaml", Diagnostic{5, 16, "boom"}), std::string("s.yaml:5:16: boom"));
        QCOMPARE(formatDiagnostic("s.yaml", Diagnostic{0, 0, "no data"}), std::string("s.yaml: no data"));
    }

    void everyRuleIsReported()
    {
        const std::string text = "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n  long_entry: emaa(close, 3) > 1\n"
                                 "  short_entry: close >\n";
        const auto result = parseStrategyDocument(text, "t");
        QCOMPARE(result.diagnostics.size(), std::size_t(2));
        QCOMPARE(result.diagnostics[0].line, 5);
        QCOMPARE(result.diagnostics[0].column, 15);
        QCOMPARE(result.diagnostics[1].line, 6);
        QCOMPARE(result.diagnostics[1].column, 23);
    }

    void scalarStylesMapToTheFile_data()
    {
        QTest::addColumn<QString>("signalBlock");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("plain") << QStringLiteral("  long_entry: close > emaa(close, 3)\n") << 5 << 23;
        QTest::newRow("single quoted") << QStringLiteral("  long_entry: 'close > emaa(close, 3)'\n") << 5 << 24;
        QTest::newRow("double quoted") << QStringLiteral("  long_entry: \"close > emaa(close, 3)\"\n") << 5 << 24;
        QTest::newRow("flow mapping") << QStringLiteral("  {long_entry: \"close > emaa(close, 3)\"}\n") << 5 << 25;
        QTest::newRow("plain multi-line") << QStringLiteral("  long_entry: close > 1 and\n    emaa(close, 3) > 2\n") << 6 << 5;
        QTest::newRow("quoted multi-line") << QStringLiteral("  long_entry: \"close > 1 and\n    emaa(close, 3) > 2\"\n") << 6
                                           << 5;
        QTest::newRow("literal block") << QStringLiteral("  long_entry: |\n    close > 1 and\n      emaa(close, 3) > 2\n") << 7
                                       << 7;
        QTest::newRow("folded block") << QStringLiteral("  long_entry: >-  # folded\n    close > 1 and\n    emaa(close, 3) > 2\n")
                                      << 7 << 5;
        QTest::newRow("escape before") << QStringLiteral("  long_entry: \"close\\t> emaa(close, 3)\"\n") << 5 << 25;
    }
    void scalarStylesMapToTheFile()
    {
        QFETCH(QString, signalBlock);
        QFETCH(int, line);
        QFETCH(int, column);
        const std::string text = "type: MOM\ntimeframe: 1h\nsymbols: [BTC]\nsignals:\n" + signalBlock.toStdString();
        const auto result = parseStrategyDocument(text, "t");
        QVERIFY2(result.diagnostics.size() == 1, qPrintable(dump(result.diagnostics)));
        QVERIFY(QString::fromStdString(result.diagnostics[0].message).contains(QStringLiteral("emaa")));
        QCOMPARE(result.diagnostics[0].line, line);
        QCOMPARE(result.diagnostics[0].column, column);
    }

    void documentSizeLimit()
    {
        std::string text = documentWithRule("close > 1") + "# " + std::string(maxDocumentBytes, 'x') + "\n";
        QVERIFY(text.size() > maxDocumentBytes);
        const auto result = parseStrategyDocument(text, "t");
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(result.diagnostics[0].message).contains(QStringLiteral("at most 65536 bytes")));
        QCOMPARE(result.diagnostics[0].line, 7);
        QCOMPARE(result.diagnostics[0].column, int(maxDocumentBytes - documentWithRule("close > 1").size()) + 1);
    }

    void nestingLimitInAFile()
    {
        const std::string rule = std::string(300, '(') + "close > 1" + std::string(300, ')');
        const auto result = parseStrategyDocument(documentWithRule(rule), "t");
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(result.diagnostics[0].message).contains(QStringLiteral("nested deeper than 256")));
        QCOMPARE(result.diagnostics[0].line, 5);
        QCOMPARE(result.diagnostics[0].column, 16 + 256);
    }
};

QTEST_GUILESS_MAIN(TstDiagnostics)
#include "tst_diagnostics.moc"
