// SPDX-License-Identifier: MIT
// Tests of ColumnPool: a column handed back is the one the next fitting take() returns.
#include <QtTest>

#include "strategy/columnpool.h"

using namespace sixbtc::strategy;

class TstColumnPool : public QObject
{
    Q_OBJECT

private slots:
    void aGivenColumnIsReused()
    {
        ColumnPool pool;
        std::vector<double> numbers = pool.takeNumbers(1000);
        QCOMPARE(numbers.size(), std::size_t(1000));
        const double* buffer = numbers.data();
        pool.give(std::move(numbers));
        QCOMPARE(pool.idleColumns(), std::size_t(1));
        const std::vector<double> again = pool.takeNumbers(800); // a shorter column fits in the same buffer
        QCOMPARE(again.data(), buffer);
        QCOMPARE(again.size(), std::size_t(800));
        QCOMPARE(pool.idleColumns(), std::size_t(0));
    }

    void aTooSmallColumnIsNotUsed()
    {
        ColumnPool pool;
        std::vector<std::uint8_t> small = pool.takeConditions(10);
        const std::uint8_t* smallBuffer = small.data();
        pool.give(std::move(small));
        const std::vector<std::uint8_t> large = pool.takeConditions(100'000);
        QCOMPARE(large.size(), std::size_t(100'000));
        QVERIFY(large.data() != smallBuffer);
        QCOMPARE(pool.idleColumns(), std::size_t(1)); // the small one still waits
    }

    void theWarmestFittingColumnComesFirst()
    {
        ColumnPool pool;
        std::vector<double> a = pool.takeNumbers(100);
        std::vector<double> b = pool.takeNumbers(100);
        const double* bBuffer = b.data();
        pool.give(std::move(a));
        pool.give(std::move(b));
        QCOMPARE(pool.takeNumbers(100).data(), bBuffer);
    }

    void emptyColumnsAreDropped()
    {
        ColumnPool pool;
        pool.give(std::vector<double>());
        pool.give(std::vector<std::uint8_t>());
        QCOMPARE(pool.idleColumns(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TstColumnPool)
#include "tst_columnpool.moc"
