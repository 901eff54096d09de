// SPDX-License-Identifier: MIT
// Tests of ProgressPrinter on a fake clock: the exact bar and plain-line output, and advances from many threads.
#include <QtTest>

#include <sstream>
#include <thread>
#include <vector>

#include "cli/progressprinter.h"

using sixbtc::cli::ProgressPrinter;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TstProgressPrinter : public QObject
{
    Q_OBJECT

private:
    std::int64_t m_nowMs = 0;
    std::ostringstream m_out;

    std::function<std::int64_t()> clock()
    {
        return [this] { return m_nowMs; };
    }

private slots:
    void init()
    {
        m_nowMs = 1'000;
        m_out.str({});
    }

    void plainLinesAtStartStepsAndEnd()
    {
        ProgressPrinter printer(m_out, false, clock());
        printer.start("validate", 20);
        m_nowMs += 500;
        printer.advance();
        m_nowMs += 500;
        printer.advance(); // 10 % after 1 s: 2.0/s, 18 left take 9 s
        m_nowMs += 3'000;
        printer.advance(17); // 95 % after 4 s: 4.75/s, 1 left takes 0.21 s
        m_nowMs += 1'000;
        printer.advance();
        printer.finish();
        QCOMPARE(qs(m_out.str()), QStringLiteral("validate: 0/20 (0%), 0.0/s, ETA -:--\n"
                                                 "validate: 2/20 (10%), 2.0/s, ETA 0:09\n"
                                                 "validate: 19/20 (95%), 4.8/s, ETA 0:01\n"
                                                 "validate: 20 in 5.0 s (4.0/s)\n"));
    }

    void barRedrawnInPlace()
    {
        ProgressPrinter printer(m_out, true, clock());
        printer.start("bt", 4);
        m_nowMs += 50;
        printer.advance(); // inside 100 ms: not drawn
        m_nowMs += 50;
        printer.advance();  // 100 ms: drawn
        printer.advance(2); // the end: drawn at once
        m_nowMs += 10'000;
        printer.finish();
        const std::string empty = "[" + std::string(30, '-') + "]";
        const std::string half = "[" + std::string(15, '#') + std::string(15, '-') + "]";
        const std::string full = "[" + std::string(30, '#') + "]";
        // The final line is shorter than the bar, so the rest of the bar is blanked with spaces.
        const std::string last = "\rbt: 4 in 10.1 s (0.4/s)";
        const std::string bar = "bt " + full + " 4/4  40.0/s  ETA 0:00";
        QCOMPARE(qs(m_out.str()),
                 qs("\rbt " + empty + " 0/4  0.0/s  ETA -:--" + "\rbt " + half + " 2/4  20.0/s  ETA 0:01" + "\r" + bar +
                    last + std::string(bar.size() + 1 - last.size(), ' ') + "\n"));
    }

    void phasesFollowEachOther()
    {
        ProgressPrinter printer(m_out, false, clock());
        printer.start("one", 1);
        m_nowMs += 2'000;
        printer.advance();
        printer.finish();
        printer.start("two", 0);
        printer.finish();
        QCOMPARE(qs(m_out.str()), QStringLiteral("one: 0/1 (0%), 0.0/s, ETA -:--\n"
                                                 "one: 1 in 2.0 s (0.5/s)\n"
                                                 "two: 0/0 (100%), 0.0/s, ETA -:--\n"
                                                 "two: 0 in 0.0 s (0.0/s)\n"));
    }

    // Four threads advance one phase 10,000 times in all: no count is lost and every 10 % step prints one line.
    void advancesFromManyThreads()
    {
        ProgressPrinter printer(m_out, false, clock());
        printer.start("work", 10'000);
        std::vector<std::thread> workers;
        for (int t = 0; t < 4; ++t) {
            workers.emplace_back([&printer] {
                for (int i = 0; i < 2'500; ++i)
                    printer.advance();
            });
        }
        for (auto& worker : workers)
            worker.join();
        printer.finish();
        const QStringList lines = qs(m_out.str()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 11);
        for (int step = 1; step <= 9; ++step)
            QCOMPARE(lines.at(step),
                     QStringLiteral("work: %1/10000 (%2%), 0.0/s, ETA -:--").arg(step * 1'000).arg(step * 10));
        QCOMPARE(lines.last(), QStringLiteral("work: 10000 in 0.0 s (0.0/s)"));
    }
};

QTEST_GUILESS_MAIN(TstProgressPrinter)
#include "tst_progressprinter.moc"
