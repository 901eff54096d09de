// SPDX-License-Identifier: MIT
// Tests of the lexer, parser and canonical printer of the strategy language.
#include <QtTest>

#include "strategy/dsl/parser.h"
#include "strategy/dsl/printer.h"
#include "strategy/languagelimits.h"

using namespace sixbtc::strategy;
using namespace sixbtc::strategy::dsl;

namespace {

ExprPtr parseOk(const std::string& text)
{
    auto result = parseRule(SourceText(text));
    if (!result)
        qFatal("unexpected parse error in '%s': %s", text.c_str(), result.error().message.c_str());
    return *result;
}

Diagnostic parseError(const std::string& text)
{
    auto result = parseRule(SourceText(text));
    if (result)
        qFatal("'%s' parsed but should not", text.c_str());
    return result.error();
}

} // namespace

class TstParser : public QObject
{
    Q_OBJECT

private slots:
    void canonicalForm_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        const auto row = [](const char* in, const char* out) {
            QTest::newRow(in) << QString::fromUtf8(in) << QString::fromUtf8(out);
        };
        row("crosses_above(ema(close,12),ema(close, 48)) and rsi(close,14)<70",
            "crosses_above(ema(close, 12), ema(close, 48)) and rsi(close, 14) < 70");
        row("rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30", "rsi(close, 14)[1] < 30 and rsi(close, 14) >= 30");
        row("((close)) > (open)", "close > open");
        row("close - (open - low) > 0", "close - (open - low) > 0");
        row("(close - open) - low > 0", "close - open - low > 0");
        row("close * (open + low) / 2 > 1", "close * (open + low) / 2 > 1");
        row("-close[1] < -2", "-close[1] < -2");
        row("(-close)[1] < - - 2", "(-close)[1] < -(-2)");
        row("not not close > 1", "not not close > 1");
        row("not (close > 1 and open > 1)", "not (close > 1 and open > 1)");
        row("close > 1 and (open > 1 and low > 1)", "close > 1 and (open > 1 and low > 1)");
        row("close > 1 or open > 1 and low > 1", "close > 1 or open > 1 and low > 1");
        row("(close > 1 or open > 1) and low > 1", "(close > 1 or open > 1) and low > 1");
        row("(close > open)[2] == (low < high)[3]", "(close > open)[2] == (low < high)[3]");
        row("sma(close, 24h) > 0.0200 and volume != 1e3", "sma(close, 24h) > 0.02 and volume != 1000");
        row("close + 1e300 > 0.1", "close + 1e+300 > 0.1");
        row("obv( ) > 0", "obv() > 0");
        row("(close + open)[1] > 0", "(close + open)[1] > 0");
    }
    void canonicalForm()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        const ExprPtr first = parseOk(input.toStdString());
        const std::string printed = printExpr(*first);
        QCOMPARE(QString::fromStdString(printed), canonical);
        const ExprPtr second = parseOk(printed);
        QVERIFY(sameTree(*first, *second));
        QCOMPARE(QString::fromStdString(printExpr(*second)), canonical);
    }

    void precedenceShapesTheTree()
    {
        const ExprPtr e = parseOk("close > 1 or open > 1 and low > 1");
        QCOMPARE(int(e->kind), int(ExprKind::Binary));
        QCOMPARE(int(e->op), int(BinaryOp::Or));
        QCOMPARE(int(e->operands[1]->op), int(BinaryOp::And));
        const ExprPtr m = parseOk("close - open - low > 0");
        const Expr& sub = *m->operands[0];
        QCOMPARE(int(sub.op), int(BinaryOp::Sub));
        QCOMPARE(int(sub.operands[0]->op), int(BinaryOp::Sub)); // left-associative
        const ExprPtr n = parseOk("not close > 1");
        QCOMPARE(int(n->kind), int(ExprKind::Not));
        QCOMPARE(int(n->operands[0]->op), int(BinaryOp::Greater));
        const ExprPtr neg = parseOk("-close[1] < 0");
        QCOMPARE(int(neg->operands[0]->kind), int(ExprKind::Negate));
        QCOMPARE(int(neg->operands[0]->operands[0]->kind), int(ExprKind::Offset));
    }

    void numbersReadExactly()
    {
        const ExprPtr e = parseOk("close > 0.1");
        QCOMPARE(e->operands[1]->value, 0.1);
        const ExprPtr big = parseOk("close > 123456789012345678");
        QCOMPARE(big->operands[1]->value, 123456789012345678.0);
    }

    void syntaxErrorsArePositioned_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        const auto row = [](const char* text, int column, const char* fragment) {
            QTest::newRow(text) << QString::fromUtf8(text) << column << QString::fromUtf8(fragment);
        };
        row("close > > 1", 9, "unexpected '>'");
        row("ema(close, 12", 14, "unterminated");
        row("close > ", 9, "unterminated");
        row("(close > 1", 11, "expected ')'");
        row("close > 1)", 10, "after the end");
        row("close $ 1", 7, "unexpected character '$'");
        row("close = 1", 7, "use ==");
        row("close > 1 && open > 1", 11, "use and");
        row("1 < close < 2", 11, "cannot be chained");
        row("close > 5min", 9, "malformed number");
        row("close > .5", 9, "start with a digit");
        row("closee > 1", 1, "did you mean 'close'");
        row("ema > 1", 1, "is a function");
        row("close[] > 1", 7, "expected an offset");
        row("close > 1e999", 9, "out of range");
        row("", 1, "empty rule");
        row("   ", 4, "empty rule");
    }
    void syntaxErrorsArePositioned()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        const Diagnostic d = parseError(text.toStdString());
        QVERIFY2(QString::fromStdString(d.message).contains(fragment), d.message.c_str());
        QCOMPARE(d.line, 1);
        QCOMPARE(d.column, column);
    }

    void nestingAtTheLimitParses()
    {
        const auto nested = [](int depth) {
            return std::string(std::size_t(depth), '(') + "close" + std::string(std::size_t(depth), ')') + " > 1";
        };
        QVERIFY(parseRule(SourceText(nested(maxNestingDepth))).has_value());
        const Diagnostic d = parseError(nested(maxNestingDepth + 1));
        QCOMPARE(d.column, maxNestingDepth + 1);
    }

    void deepNestingIsADiagnostic_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("parentheses") << QStringLiteral("(") << QStringLiteral(")");
        QTest::newRow("not") << QStringLiteral("not ") << QString();
        QTest::newRow("minus") << QStringLiteral("-") << QString();
        QTest::newRow("calls") << QStringLiteral("abs(") << QStringLiteral(")");
        QTest::newRow("offsets") << QStringLiteral("close[") << QStringLiteral("]");
    }
    void deepNestingIsADiagnostic()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, suffix);
        std::string text;
        for (int i = 0; i < 10'000; ++i)
            text += prefix.toStdString();
        text += "close > 1";
        for (int i = 0; i < 10'000; ++i)
            text += suffix.toStdString();
        const Diagnostic d = parseError(text);
        QVERIFY2(QString::fromStdString(d.message).contains(QStringLiteral("nested deeper than 256")), d.message.c_str());
        QCOMPARE(d.line, 1);
        QVERIFY(d.column > 256 && d.column < int(text.size()));
    }

    void longOperatorChainsAreBounded()
    {
        // A flat chain builds a deep left spine; its height is bounded like explicit nesting.
        std::string text = "close";
        for (int i = 0; i < 20'000; ++i)
            text += " + 1";
        text += " > 0";
        const Diagnostic d = parseError(text);
        QVERIFY(QString::fromStdString(d.message).contains(QStringLiteral("nested deeper")));
        QCOMPARE(d.column, 7 + 4 * (maxNestingDepth - 1));
    }

    void binaryInputIsADiagnostic()
    {
        std::string text;
        std::mt19937 rng(7);
        for (int i = 0; i < 4096; ++i)
            text += char(rng() & 0xFF);
        const auto result = parseRule(SourceText(text));
        QVERIFY(!result.has_value());
        QVERIFY(result.error().column >= 1);
    }
};

QTEST_GUILESS_MAIN(TstParser)
#include "tst_parser.moc"
