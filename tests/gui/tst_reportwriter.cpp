// SPDX-License-Identifier: MIT
// The report folder written offscreen from a SQLite store: pool rows, sections, charts checked pixel by pixel.
#include <QtTest>

#include <QImage>
#include <QRegularExpression>
#include <QSet>

#include <fstream>

#include "app/reportdata.h"
#include "chartpixels.h"
#include "data/candlereader.h"
#include "report/chartrenderer.h"
#include "report/reportpage.h"
#include "report/reportwriter.h"
#include "storagetestenv.h"

using namespace sixbtc;
using storage::BacktestMetrics;
using storage::StrategyStatus;
using storage::testing::Backend;
using storage::testing::ManualClock;
using storage::testing::sampleStrategy;
using storage::testing::Start;
using storage::testing::TestDatabase;
using testing::bluish;
using testing::curveRows;
using testing::extremeColumns;
using testing::reddish;

namespace {

constexpr std::int64_t kClockMs = 1'760'000'000'000;

BacktestMetrics metrics(double totalReturn, double sharpe, double maxDrawdown, std::int64_t trades, double winRate)
{
    BacktestMetrics m;
    m.totalReturn = totalReturn;
    m.sharpe = sharpe;
    m.maxDrawdown = maxDrawdown;
    m.nTrades = trades;
    m.winRate = winRate;
    return m;
}

std::int64_t utcMs(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// The closes of a bundled candle file scaled so that the first one is 10000: a real-looking equity curve.
std::vector<storage::EquityPoint> scaledCloses(const char* file, common::Timeframe::Id timeframe)
{
    auto read =
        data::CandleReader::read(std::string(SIXBTC_BUNDLED_DATA_DIR "/") + file, "BTC", common::Timeframe(timeframe));
    if (!read)
        qFatal("cannot read %s: %s", file, read.error().message.c_str());
    const auto times = read->series.timestampMs();
    const auto closes = read->series.close();
    std::vector<storage::EquityPoint> points;
    for (std::size_t i = 0; i < closes.size(); ++i)
        points.push_back(storage::EquityPoint{times[i], closes[i] / closes[0] * 10'000.0});
    return points;
}

// The <td> texts of every row of class `rowClass`.
QList<QStringList> tableRows(const QString& html, const QString& rowClass)
{
    QList<QStringList> rows;
    const QRegularExpression row(QStringLiteral("<tr class=\"") + rowClass + QStringLiteral("\">(.*?)</tr>"));
    const QRegularExpression cell(QStringLiteral("<td[^>]*>(.*?)</td>"));
    for (auto it = row.globalMatch(html); it.hasNext();) {
        QStringList cells;
        const QString content = it.next().captured(1);
        for (auto c = cell.globalMatch(content); c.hasNext();)
            cells << c.next().captured(1);
        rows << cells;
    }
    return rows;
}

} // namespace

class TstReportWriter : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kClockMs};
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<storage::Store> m_store;
    QTemporaryDir m_out;
    std::vector<storage::EquityPoint> m_daily;  ///< BTC 1d closes, scaled
    std::vector<storage::EquityPoint> m_hourly; ///< BTC 1h closes, scaled: more points than pixels
    std::string m_nameA, m_nameB, m_nameC, m_nameRejected;
    gui::report::ReportFiles m_files;
    QString m_html;

    std::string addStrategy(const std::string& type, std::int64_t index, bool active, double score,
                            const BacktestMetrics& training)
    {
        const storage::NewStrategy s = sampleStrategy(type, index);
        auto& strategies = m_store->strategies();
        bool ok = strategies.insert(s).has_value();
        if (active) {
            ok = ok && strategies.transition(s.record.uuid, StrategyStatus::Validated, "").has_value();
            ok = ok && strategies.transition(s.record.uuid, StrategyStatus::Active, "").has_value();
        } else {
            ok = ok && strategies.transition(s.record.uuid, StrategyStatus::Rejected, "pbo too high").has_value();
        }
        ok = ok && strategies.setScore(s.record.uuid, score).has_value();
        ok = ok && addRun(s.record.uuid, "training", training) > 0;
        if (!ok)
            qFatal("cannot store %s", s.record.name.c_str());
        return s.record.name;
    }

    std::int64_t addRun(const std::string& uuid, const std::string& kind, const BacktestMetrics& m,
                        std::int64_t fromMs = 0, std::int64_t toMs = 0)
    {
        storage::BacktestRun run{0, uuid, kind, "1h", {"BTC"}, "{}", "ds", fromMs, toMs, "test", 0, m, std::nullopt};
        auto id = m_store->backtests().insertRun(run);
        if (!id)
            qFatal("cannot store a run: %s", id.error().message.c_str());
        return *id;
    }

    void addFullRun(const std::string& uuid, const std::vector<storage::EquityPoint>& curve, std::size_t trades)
    {
        const std::int64_t id = addRun(uuid, "full", {}, curve.front().timeMs, curve.back().timeMs);
        const bool ok = m_store->backtests().addEquityCurve(id, curve).has_value() &&
                        m_store->backtests().addTrades(id, std::vector<storage::TradeRecord>(trades)).has_value();
        if (!ok)
            qFatal("cannot store the full run");
    }

    void addVerdict(const std::string& uuid, const std::string& check, bool passed, const std::string& figures)
    {
        storage::ValidationVerdict v{0, uuid, check, passed, figures, std::nullopt, 0};
        if (!m_store->strategies().addVerdict(v))
            qFatal("cannot store a verdict");
    }

    void addWindows(const std::string& uuid)
    {
        const std::int64_t id = addRun(uuid, "walk_forward", {});
        const std::string params = R"({"sl_pct":0.02,"tp_pct":0.04,"leverage":3,"exit_after_bars":0})";
        std::vector<storage::WalkForwardWindow> windows{
            {0, utcMs("2024-10-01T00:00:00Z"), utcMs("2025-01-01T00:00:00Z"), utcMs("2025-01-01T00:00:00Z"),
             utcMs("2025-02-01T00:00:00Z"), params, metrics(0, 1.1, 0, 30, 0), metrics(0, 0.7, 0, 9, 0)},
            {1, utcMs("2025-02-01T00:00:00Z"), utcMs("2025-05-01T00:00:00Z"), utcMs("2025-05-01T00:00:00Z"),
             utcMs("2025-06-01T00:00:00Z"), params, metrics(0, 0.9, 0, 25, 0), metrics(0, -0.3, 0, 7, 0)}};
        windows[0].outOfSample.expectancy = 0.0125;
        windows[1].outOfSample.expectancy = 0.002;
        if (!m_store->backtests().addWalkForwardWindows(id, windows))
            qFatal("cannot store the windows");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        m_daily = scaledCloses("BTC_USDT-1d.csv.gz", common::Timeframe::Id::D1);
        m_hourly = scaledCloses("BTC_USDT-1h.csv.gz", common::Timeframe::Id::H1);
        QVERIFY(m_hourly.size() > 4 * static_cast<std::size_t>(gui::report::kChartSize.width()));
        m_db = std::make_unique<TestDatabase>(Backend::Sqlite, Start::Migrated);
        QVERIFY2(m_db->setupError().empty(), m_db->setupError().c_str());
        auto opened = m_db->open(m_clock);
        SIXBTC_VERIFY_OK(opened);
        m_store = std::move(*opened);

        m_nameA = addStrategy("MOM", 1, true, 72.5, metrics(0.125, 1.5, 0.2, 42, 0.55));
        m_nameB = addStrategy("REV", 2, true, 64.25, metrics(-0.0375, 0.25, 0.3125, 17, 0.5));
        m_nameC = addStrategy("TRN", 3, true, 50.0, metrics(0.01, 0.125, 0.05, 8, 0.375));
        m_nameRejected = addStrategy("BRE", 4, false, 90.0, metrics(0.5, 3.0, 0.1, 60, 0.7));
        const std::string a = sampleStrategy("MOM", 1).record.uuid;
        const std::string b = sampleStrategy("REV", 2).record.uuid;
        addRun(a, "holdout", metrics(0.031, 0.8, 0.01, 3, 0.66));
        addFullRun(a, m_daily, 5);
        addFullRun(b, m_hourly, 12);
        addWindows(a);
        addVerdict(a, "score_threshold", true,
                   R"({"score":72.5,"robustness_min_score":40,"validation":{"dsr":0.97,"failed_thresholds":[]}})");
        addVerdict(a, "shuffle_test", true, R"({"passed":true,"cut_bars":[100,200],"reason":""})");
        addVerdict(a, "pbo", false, R"({"pbo":0.35,"max_pbo":0.3,"combinations":70})");

        auto data = app::loadReportData(*m_store);
        SIXBTC_VERIFY_OK(data);
        auto files = gui::report::writeReport(*data, std::filesystem::path(m_out.path().toStdString()) / "report");
        SIXBTC_VERIFY_OK(files);
        m_files = *files;
        QFile index(QString::fromStdString(m_files.index.string()));
        QVERIFY(index.open(QIODevice::ReadOnly));
        m_html = QString::fromUtf8(index.readAll());
    }

    void poolTableListsTheActiveStrategiesByScoreWithTheirFigures()
    {
        const QList<QStringList> rows = tableRows(m_html, QStringLiteral("pool-row"));
        QCOMPARE(rows.size(), 3);
        const auto link = [](const std::string& name) -> QString {
            const QString n = QString::fromStdString(name);
            return QStringLiteral("<a href=\"#") + n + QStringLiteral("\">") + n + QStringLiteral("</a>");
        };
        QCOMPARE(rows[0], (QStringList{QStringLiteral("1"), link(m_nameA), QStringLiteral("ACTIVE"),
                                       QStringLiteral("MOM"), QStringLiteral("1h"), QStringLiteral("BTC, ETH"),
                                       QStringLiteral("72.50"), QStringLiteral("1.50"), QStringLiteral("12.50%"),
                                       QStringLiteral("20.00%"), QStringLiteral("42"), QStringLiteral("55.00%"),
                                       QStringLiteral("3.10%"), QStringLiteral("0.80")}));
        QCOMPARE(rows[1], (QStringList{QStringLiteral("2"), link(m_nameB), QStringLiteral("ACTIVE"),
                                       QStringLiteral("REV"), QStringLiteral("1h"), QStringLiteral("BTC, ETH"),
                                       QStringLiteral("64.25"), QStringLiteral("0.25"), QStringLiteral("-3.75%"),
                                       QStringLiteral("31.25%"), QStringLiteral("17"), QStringLiteral("50.00%"),
                                       QStringLiteral("-"), QStringLiteral("-")}));
        QCOMPARE(rows[2].at(1), link(m_nameC));
        QCOMPARE(rows[2].at(6), QStringLiteral("50.00"));
        QVERIFY(!m_html.contains(QString::fromStdString(m_nameRejected)));
    }

    void pageIsSelfContained()
    {
        QVERIFY(m_html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(m_html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(m_html.contains(QStringLiteral("<style>")));
        QVERIFY(!m_html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!m_html.contains(QStringLiteral("://")));
        QVERIFY(!m_html.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
    }

    void aStrategyWithoutFullRunShowsTheMessage()
    {
        const QString message = QString::fromStdString(gui::report::missingCurveMessage(m_nameC));
        QCOMPARE(message, QString(QStringLiteral("no equity curve stored: run sixbtc backtest --strategy ") +
                                  QString::fromStdString(m_nameC)));
        QVERIFY(m_html.contains(QStringLiteral("<p class=\"missing\">") + message + QStringLiteral("</p>")));
        QVERIFY(!m_html.contains(QStringLiteral("equity_") + QString::fromStdString(m_nameC)));
        QVERIFY(m_html.contains(QStringLiteral("Full run ")));
        QVERIFY(m_html.contains(QStringLiteral(": 5 trades, final equity ")));
        QVERIFY(m_html.contains(QStringLiteral(": 12 trades, final equity ")));
    }

    void walkForwardWindowsAndVerdictsAreTabled()
    {
        const QList<QStringList> windows = tableRows(m_html, QStringLiteral("window-row"));
        QCOMPARE(windows.size(), 2);
        const QString params = QStringLiteral("exit_after_bars = 0; leverage = 3; sl_pct = 0.02; tp_pct = 0.04");
        QCOMPARE(windows[0], (QStringList{QStringLiteral("0"), QStringLiteral("2024-10-01 00:00 .. 2025-01-01 00:00"),
                                          QStringLiteral("2025-01-01 00:00 .. 2025-02-01 00:00"), params,
                                          QStringLiteral("1.10"), QStringLiteral("0.70"), QStringLiteral("1.250%"),
                                          QStringLiteral("9"), QStringLiteral("yes")}));
        QCOMPARE(windows[1].at(5), QStringLiteral("-0.30"));
        QCOMPARE(windows[1].at(8), QStringLiteral("no"));
        const QList<QStringList> verdicts = tableRows(m_html, QStringLiteral("verdict-row"));
        QCOMPARE(verdicts.size(), 3);
        QCOMPARE(verdicts[0], (QStringList{QStringLiteral("score_threshold"), QStringLiteral("pass"),
                                           QStringLiteral("robustness_min_score = 40; score = 72.5; "
                                                          "validation.dsr = 0.97")}));
        QCOMPARE(verdicts[1], (QStringList{QStringLiteral("shuffle_test"), QStringLiteral("pass"),
                                           QStringLiteral("passed = true")}));
        QCOMPARE(verdicts[2], (QStringList{QStringLiteral("pbo"), QStringLiteral("fail"),
                                           QStringLiteral("combinations = 70; max_pbo = 0.3; pbo = 0.35")}));
        // B and C have neither windows nor verdicts, and say so.
        QCOMPARE(m_html.count(QStringLiteral("no walk-forward run stored")), 2);
        QCOMPARE(m_html.count(QStringLiteral("no verdict stored")), 2);
    }

    void everyChartIsAPngOfTheChartSize()
    {
        const std::filesystem::path dir = m_files.index.parent_path();
        QCOMPARE(m_files.index.filename().string(), std::string("index.html"));
        const std::vector<std::filesystem::path> expected{
            dir / ("equity_" + m_nameA + ".png"), dir / ("drawdown_" + m_nameA + ".png"),
            dir / ("equity_" + m_nameB + ".png"), dir / ("drawdown_" + m_nameB + ".png")};
        QCOMPARE(m_files.images, expected);
        for (const auto& file : expected) {
            const QString name = QString::fromStdString(file.filename().string());
            QVERIFY(m_html.contains(QStringLiteral("<img src=\"") + name + QStringLiteral("\"")));
            QImage image(QString::fromStdString(file.string()), "PNG");
            QVERIFY2(!image.isNull(), qPrintable(name));
            QCOMPARE(image.size(), gui::report::kChartSize);
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 2) {
                for (int x = 0; x < image.width(); x += 2)
                    colours.insert(image.pixel(x, y));
            }
            QVERIFY2(colours.size() > 2, qPrintable(name));
        }
    }

    void equityChartsPeakAndTroughWhereTheCurveHasThem_data()
    {
        QTest::addColumn<bool>("hourly");
        QTest::newRow("daily (every point drawn)") << false;
        QTest::newRow("hourly (reduced per pixel column)") << true;
    }

    void equityChartsPeakAndTroughWhereTheCurveHasThem()
    {
        QFETCH(bool, hourly);
        const auto& curve = hourly ? m_hourly : m_daily;
        const std::string& name = hourly ? m_nameB : m_nameA;
        const QImage image(
            QString::fromStdString((m_files.index.parent_path() / ("equity_" + name + ".png")).string()));
        std::vector<std::int64_t> times;
        std::size_t high = 0;
        std::size_t low = 0;
        for (std::size_t i = 0; i < curve.size(); ++i) {
            times.push_back(curve[i].timeMs);
            high = curve[i].equity > curve[high].equity ? i : high;
            low = curve[i].equity < curve[low].equity ? i : low;
        }
        const std::vector<int> tops = curveRows(image, true, bluish);
        const std::vector<int> bottoms = curveRows(image, false, bluish);
        const auto [top, topExpected] = extremeColumns(tops, true, times, high);
        const auto [bottom, bottomExpected] = extremeColumns(bottoms, false, times, low);
        QVERIFY2(std::abs(top - topExpected) <= 4.0,
                 qPrintable(QStringLiteral("peak at column %1, expected %2").arg(top).arg(topExpected)));
        QVERIFY2(std::abs(bottom - bottomExpected) <= 4.0,
                 qPrintable(QStringLiteral("trough at column %1, expected %2").arg(bottom).arg(bottomExpected)));
        // The curve is drawn with its height: BTC doubled over the span, so the extremes lie far apart in rows.
        QVERIFY(bottoms[static_cast<std::size_t>(bottom)] - tops[static_cast<std::size_t>(top)] > 80);
    }

    void drawdownChartsAreDeepestWhereTheCurveIs()
    {
        for (const bool hourly : {false, true}) {
            const auto& curve = hourly ? m_hourly : m_daily;
            const std::string& name = hourly ? m_nameB : m_nameA;
            const QImage image(
                QString::fromStdString((m_files.index.parent_path() / ("drawdown_" + name + ".png")).string()));
            std::vector<std::int64_t> times;
            double peak = curve.front().equity;
            double deepest = 0.0;
            std::size_t at = 0;
            for (std::size_t i = 0; i < curve.size(); ++i) {
                times.push_back(curve[i].timeMs);
                peak = std::max(peak, curve[i].equity);
                if (1.0 - curve[i].equity / peak > deepest) {
                    deepest = 1.0 - curve[i].equity / peak;
                    at = i;
                }
            }
            const auto [column, expected] = extremeColumns(curveRows(image, false, reddish), false, times, at);
            QVERIFY2(std::abs(column - expected) <= 4.0,
                     qPrintable(QStringLiteral("deepest at column %1, expected %2").arg(column).arg(expected)));
        }
    }

    void anEmptyPoolGivesAPageThatSaysSo()
    {
        const std::filesystem::path dir = std::filesystem::path(m_out.path().toStdString()) / "empty" / "nested";
        auto files = gui::report::writeReport(app::ReportData{}, dir);
        SIXBTC_VERIFY_OK(files);
        QVERIFY(files->images.empty());
        QFile index(QString::fromStdString(files->index.string()));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(index.readAll());
        QVERIFY(html.contains(QStringLiteral("The pool is empty: no ACTIVE or LIVE strategy is stored.")));
        QVERIFY(!html.contains(QStringLiteral("<table")));
    }

    void anUnusableFolderIsAnInputErrorNamingIt()
    {
        const std::filesystem::path file = std::filesystem::path(m_out.path().toStdString()) / "plain-file";
        std::ofstream(file) << "not a folder";
        const std::filesystem::path dir = file / "report";
        auto files = gui::report::writeReport(app::ReportData{}, dir);
        QVERIFY(!files.has_value());
        QCOMPARE(files.error().code, common::ErrorCode::Input);
        QVERIFY(files.error().message.find(dir.string()) != std::string::npos);
        auto onFile = gui::report::writeReport(app::ReportData{}, file);
        QVERIFY(!onFile.has_value());
        QVERIFY(onFile.error().message.find(file.string()) != std::string::npos);
    }
};

QTEST_MAIN(TstReportWriter)
#include "tst_reportwriter.moc"
