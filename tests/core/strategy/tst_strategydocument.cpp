// SPDX-License-Identifier: MIT
// Tests of reading strategy documents and of their canonical printed form.
#include <QtTest>

#include <random>

#include "strategy/dsl/printer.h"
#include "strategy/strategydocument.h"

using namespace sixbtc::strategy;

namespace {

std::string readFile(const QString& name)
{
    QFile file(QStringLiteral(SIXBTC_TEST_DATA_DIR "/strategies/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll().toStdString();
}

QString dump(const Diagnostics& diagnostics)
{
    QString out;
    for (const auto& d : diagnostics)
        out += QStringLiteral("%1:%2: %3\n").arg(d.line).arg(d.column).arg(QString::fromStdString(d.message));
    return out;
}

} // namespace

class TstStrategyDocument : public QObject
{
    Q_OBJECT

private slots:
    void readsTheDesignExample()
    {
        const auto result = parseStrategyDocument(readFile(QStringLiteral("design_example.yaml")), "design_example.yaml");
        QVERIFY2(result.diagnostics.empty(), qPrintable(dump(result.diagnostics)));
        QCOMPARE(result.sourceName, std::string("design_example.yaml"));
        const StrategyDocument& d = *result.document;
        QCOMPARE(d.type(), StrategyType::MOM);
        QCOMPARE(d.timeframe().name(), std::string_view("15m"));
        QCOMPARE(d.symbols(), (std::vector<std::string>{"BTC", "ETH"}));
        QVERIFY(d.risk().has_value());
        QCOMPARE(*d.risk(), (RiskSettings{0.02, 0.04, 3.0, 48}));
        QCOMPARE(QString::fromStdString(sixbtc::strategy::dsl::printExpr(*d.rule(RuleSlot::LongEntry))),
                 QStringLiteral("crosses_above(ema(close, 12), ema(close, 48)) and rsi(close, 14) < 70"));
        QCOMPARE(QString::fromStdString(sixbtc::strategy::dsl::printExpr(*d.rule(RuleSlot::ShortExit))),
                 QStringLiteral("rsi(close, 14) < 20"));
    }

    void canonicalPrintRoundTrips_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("design example") << QStringLiteral("design_example.yaml");
        QTest::newRow("reference rsi") << QStringLiteral("reference_rsi.yaml");
        QTest::newRow("every built-in") << QStringLiteral("every_builtin.yaml");
    }
    void canonicalPrintRoundTrips()
    {
        QFETCH(QString, file);
        const auto first = parseStrategyDocument(readFile(file), file.toStdString());
        QVERIFY2(first.document.has_value(), qPrintable(dump(first.diagnostics)));
        const std::string printed = printStrategyDocument(*first.document);
        const auto second = parseStrategyDocument(printed, "printed");
        QVERIFY2(second.document.has_value(), qPrintable(dump(second.diagnostics) + QString::fromStdString(printed)));
        QVERIFY(first.document->sameContent(*second.document));
        // The canonical form is a fixed point.
        QCOMPARE(QString::fromStdString(printStrategyDocument(*second.document)), QString::fromStdString(printed));
    }

    void canonicalTextIsExact()
    {
        const auto result = parseStrategyDocument(readFile(QStringLiteral("design_example.yaml")), "d");
        QVERIFY(result.document.has_value());
        QCOMPARE(QString::fromStdString(printStrategyDocument(*result.document)),
                 QStringLiteral("type: MOM\ntimeframe: 15m\nsymbols: [BTC, ETH]\nsignals:\n"
                                "  long_entry: \"crosses_above(ema(close, 12), ema(close, 48)) and rsi(close, 14) < 70\"\n"
                                "  short_entry: \"crosses_below(ema(close, 12), ema(close, 48))\"\n"
                                "  long_exit: \"rsi(close, 14) > 80\"\n"
                                "  short_exit: \"rsi(close, 14) < 20\"\n"
                                "risk: {sl_pct: 0.02, tp_pct: 0.04, leverage: 3, exit_after_bars: 48}\n"));
    }

    void differentContentIsNotSame()
    {
        const auto a = parseStrategyDocument(readFile(QStringLiteral("design_example.yaml")), "a");
        std::string text = readFile(QStringLiteral("design_example.yaml"));
        text.replace(text.find("< 70"), 4, "< 71");
        const auto b = parseStrategyDocument(text, "b");
        QVERIFY(a.document && b.document);
        QVERIFY(!a.document->sameContent(*b.document));
    }

    void riskIsOptional()
    {
        const auto result = parseStrategyDocument("type: BRE\ntimeframe: 4h\nsymbols: [SOL]\nsignals:\n"
                                                  "  short_entry: close < lowest(low, 1d)[1]\n",
                                                  "r");
        QVERIFY2(result.document.has_value(), qPrintable(dump(result.diagnostics)));
        QVERIFY(!result.document->risk().has_value());
        QVERIFY(result.document->rule(RuleSlot::LongEntry) == nullptr);
    }

    void hostileInputsGiveDiagnostics_data()
    {
        QTest::addColumn<QByteArray>("input");
        std::mt19937 rng(42);
        QByteArray binary;
        for (int i = 0; i < 8192; ++i)
            binary.append(char(rng() & 0xFF));
        QTest::newRow("binary") << binary;
        QTest::newRow("NUL byte") << QByteArray("type: MOM\n\0\n", 12);
        QTest::newRow("huge") << QByteArray(1024 * 1024, 'a');
        QTest::newRow("truncated") << QByteArray("type: MOM\ntimeframe: 15m\nsymbols: [BTC\nsignals:\n  long_entry: \"cro");
        QTest::newRow("truncated rule") << QByteArray("type: MOM\ntimeframe: 15m\nsymbols: [BTC]\nsignals:\n  long_entry: ema(");
        QTest::newRow("deep flow yaml") << (QByteArray(10'000, '[') + QByteArray(10'000, ']'));
        QTest::newRow("deep rule") << (QByteArray("type: MOM\ntimeframe: 15m\nsymbols: [BTC]\nsignals:\n  long_entry: ") +
                                       QByteArray(10'000, '(') + "close > 1" + QByteArray(10'000, ')'));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("only comment") << QByteArray("# nothing\n");
        QTest::newRow("alias bomb") << QByteArray("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n");
    }
    void hostileInputsGiveDiagnostics()
    {
        QFETCH(QByteArray, input);
        const auto result = parseStrategyDocument(std::string_view(input.constData(), std::size_t(input.size())), "x");
        QVERIFY(!result.document.has_value());
        QVERIFY(!result.diagnostics.empty());
        for (const auto& d : result.diagnostics) {
            QVERIFY(d.line >= 1);
            QVERIFY(d.column >= 1);
            QVERIFY(!d.message.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TstStrategyDocument)
#include "tst_strategydocument.moc"
