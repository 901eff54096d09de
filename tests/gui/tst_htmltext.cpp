// SPDX-License-Identifier: MIT
// The report's text pieces: HTML escaping and the number and time formats of its tables.
#include <QtTest>

#include <cmath>
#include <limits>

#include "report/htmltext.h"

using namespace sixbtc::gui::report;

class TstHtmlText : public QObject
{
    Q_OBJECT

private slots:
    void escapingReplacesEveryMarkupCharacter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("markup") << QStringLiteral(R"(<a href="x">Tom & 'Jerry'</a>)")
                                << QStringLiteral("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        QTest::newRow("plain UTF-8 stays")
            << QString::fromUtf8("plain \xc3\xa9t\xc3\xa9") << QString::fromUtf8("plain \xc3\xa9t\xc3\xa9");
        QTest::newRow("a reference is escaped again") << QStringLiteral("&amp;") << QStringLiteral("&amp;amp;");
        QTest::newRow("script") << QStringLiteral("</td><script>x()</script>")
                                << QStringLiteral("&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;");
        QTest::newRow("empty") << QString() << QString();
    }

    void escapingReplacesEveryMarkupCharacter()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(QString::fromStdString(escapeHtml(text.toStdString())), escaped);
    }

    void numbersAreRoundedToTheirDecimals()
    {
        QCOMPARE(fixedText(1.5, 2), std::string("1.50"));
        QCOMPARE(fixedText(-0.304, 2), std::string("-0.30"));
        QCOMPARE(fixedText(72.125, 1), std::string("72.1"));
        QCOMPARE(fixedText(std::numeric_limits<double>::quiet_NaN(), 2), std::string("-"));
        QCOMPARE(percentText(0.125, 2), std::string("12.50%"));
        QCOMPARE(percentText(-0.0375, 2), std::string("-3.75%"));
        QCOMPARE(percentText(0.0001234, 3), std::string("0.012%"));
        QCOMPARE(percentText(std::numeric_limits<double>::infinity(), 2), std::string("-"));
    }

    void timesAreUtcMinutes()
    {
        QCOMPARE(utcText(0), std::string("1970-01-01 00:00"));
        // 2025-01-01T00:00:00Z plus 1 h 30 min 59 s: seconds are cut.
        QCOMPARE(utcText(1'735'689'600'000 + 5'459'000), std::string("2025-01-01 01:30"));
    }
};

QTEST_GUILESS_MAIN(TstHtmlText)
#include "tst_htmltext.moc"
