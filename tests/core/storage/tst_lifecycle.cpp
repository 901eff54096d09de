// SPDX-License-Identifier: MIT
// Tests of the strategy lifecycle rules: every (from, to) pair and the reasons each legal move needs.
#include <QtTest>

#include "storage/api/lifecycle.h"

using sixbtc::storage::StrategyStatus;
using sixbtc::storage::lifecycle::checkTransition;

Q_DECLARE_METATYPE(StrategyStatus)

namespace {

const StrategyStatus kAll[] = {StrategyStatus::Generated, StrategyStatus::Validated, StrategyStatus::Active,
                               StrategyStatus::Live,      StrategyStatus::Rejected,  StrategyStatus::Retired};

QString name(StrategyStatus status)
{
    const auto text = sixbtc::storage::statusName(status);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

} // namespace

class TstLifecycle : public QObject
{
    Q_OBJECT

private slots:
    // The list, written out independently of lifecycle.cpp, with a reason each move accepts.
    void everyPair_data()
    {
        QTest::addColumn<StrategyStatus>("from");
        QTest::addColumn<StrategyStatus>("to");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("legal");
        using S = StrategyStatus;
        const QMap<QPair<S, S>, QString> legal{
            {{S::Generated, S::Validated}, QString()},
            {{S::Generated, S::Rejected}, QStringLiteral("failed shuffle test")},
            {{S::Validated, S::Rejected}, QStringLiteral("score below threshold")},
            {{S::Active, S::Rejected}, QStringLiteral("overfit")},
            {{S::Validated, S::Active}, QString()},
            {{S::Validated, S::Retired}, QStringLiteral("expanded")},
            {{S::Active, S::Retired}, QStringLiteral("evicted")},
            {{S::Active, S::Live}, QString()},
            {{S::Live, S::Retired}, QStringLiteral("stopped by user")},
        };
        for (const S from : kAll) {
            for (const S to : kAll) {
                const bool isLegal = legal.contains({from, to});
                const QString row = name(from) + QStringLiteral("->") + name(to);
                QTest::newRow(qPrintable(row))
                    << from << to << (isLegal ? legal.value({from, to}) : QStringLiteral("any")) << isLegal;
            }
        }
    }
    void everyPair()
    {
        QFETCH(StrategyStatus, from);
        QFETCH(StrategyStatus, to);
        QFETCH(QString, reason);
        QFETCH(bool, legal);
        const auto result = checkTransition(from, to, reason.toStdString());
        QCOMPARE(result.has_value(), legal);
        if (!legal) {
            QCOMPARE(result.error().code, sixbtc::common::ErrorCode::Invalid);
            QVERIFY(result.error().message.find("illegal strategy status change") != std::string::npos);
        }
    }

    void reasonsAreChecked_data()
    {
        QTest::addColumn<StrategyStatus>("from");
        QTest::addColumn<StrategyStatus>("to");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("accepted");
        using S = StrategyStatus;
        QTest::newRow("reject without reason") << S::Generated << S::Rejected << QString() << false;
        QTest::newRow("expand needs 'expanded'") << S::Validated << S::Retired << QStringLiteral("evicted") << false;
        QTest::newRow("expand empty") << S::Validated << S::Retired << QString() << false;
        QTest::newRow("evicted") << S::Active << S::Retired << QStringLiteral("evicted") << true;
        QTest::newRow("retired by user") << S::Active << S::Retired << QStringLiteral("retired by user") << true;
        QTest::newRow("active retired other") << S::Active << S::Retired << QStringLiteral("expanded") << false;
        QTest::newRow("live retired empty") << S::Live << S::Retired << QString() << false;
        QTest::newRow("validate with note") << S::Generated << S::Validated << QStringLiteral("all checks") << true;
    }
    void reasonsAreChecked()
    {
        QFETCH(StrategyStatus, from);
        QFETCH(StrategyStatus, to);
        QFETCH(QString, reason);
        QFETCH(bool, accepted);
        const auto result = checkTransition(from, to, reason.toStdString());
        QCOMPARE(result.has_value(), accepted);
        if (!accepted)
            QVERIFY(result.error().message.find("reason") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstLifecycle)
#include "tst_lifecycle.moc"
