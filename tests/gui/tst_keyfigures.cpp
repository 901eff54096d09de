// SPDX-License-Identifier: MIT
// The key figures of a verdict's stored figures JSON: scalars of the top level and one level down.
#include <QtTest>

#include "report/keyfigures.h"

using namespace sixbtc::gui::report;

class TstKeyFigures : public QObject
{
    Q_OBJECT

private slots:
    void scalarsOfTwoLevelsInKeyOrder()
    {
        auto figures = keyFigures(R"({"b":{"x":1,"deep":{"y":2},"list":[1]},"a":false,"s":"","t":"ok","n":null})");
        QVERIFY(figures.has_value());
        const std::vector<KeyFigure> expected{{"a", "false"}, {"b.x", "1"}, {"t", "ok"}};
        QCOMPARE(*figures, expected);
    }

    void numbersKeepSixSignificantDigits()
    {
        auto figures = keyFigures(R"({"dsr":0.973456789,"trials":1200,"tiny":1.5e-7})");
        QVERIFY(figures.has_value());
        const std::vector<KeyFigure> expected{{"dsr", "0.973457"}, {"tiny", "1.5e-07"}, {"trials", "1200"}};
        QCOMPARE(*figures, expected);
    }

    void anythingButAnObjectIsAnInputError_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("array") << QStringLiteral("[1, 2]");
        QTest::newRow("broken") << QStringLiteral("{broken");
        QTest::newRow("empty") << QString();
    }

    void anythingButAnObjectIsAnInputError()
    {
        QFETCH(QString, json);
        const auto figures = keyFigures(json.toStdString());
        QVERIFY(!figures.has_value());
        QCOMPARE(figures.error().code, sixbtc::common::ErrorCode::Input);
    }
};

QTEST_GUILESS_MAIN(TstKeyFigures)
#include "tst_keyfigures.moc"
