// SPDX-License-Identifier: MIT
// Benchmark: a 105,000-point equity curve (scaled real 5m closes) in EquityChart at 1280x400, offscreen.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include <QApplication>
#include <QImage>
#include <QPainter>

#include "data/candlereader.h"
#include "report/chartrenderer.h"
#include "widgets/equitychart.h"

namespace {

using sixbtc::common::Timeframe;

constexpr std::size_t kPoints = 105'000;
constexpr int kRuns = 20;
constexpr int kWidth = 1280;
constexpr int kHeight = 400;
constexpr double kInitialEquity = 10'000.0;
constexpr std::int64_t kDayMs = 86'400'000;

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return (values[values.size() / 2] + values[(values.size() - 1) / 2]) / 2.0;
}

/// Runs `step` kRuns times; returns the median wall time in milliseconds.
double measure(const std::function<void()>& step)
{
    std::vector<double> times;
    for (int i = 0; i < kRuns; ++i) {
        const auto start = std::chrono::steady_clock::now();
        step();
        times.push_back(msSince(start));
    }
    return median(times);
}

/// Pixels of the equity line's blue in `image` (proof that the repaint drew the curve).
int curvePixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = image.pixel(x, y);
            count += qBlue(c) > 150 && qRed(c) < 120 ? 1 : 0;
        }
    }
    return count;
}

/// A full repaint: the whole widget rendered into an image.
void repaint(QWidget& widget, QImage& image)
{
    image.fill(Qt::white);
    QPainter painter(&image);
    widget.render(&painter);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const auto data = sixbtc::data::CandleReader::read(SIXBTC_BUNDLED_DATA_DIR "/BTC_USDT-5m.csv.gz", "BTC",
                                                       Timeframe(Timeframe::Id::M5));
    if (!data || data->series.size() < kPoints) {
        std::fprintf(stderr, "cannot read %zu bars of BTC_USDT-5m\n", kPoints);
        return 1;
    }
    // The last 105,000 closes scaled so that the curve starts at the initial equity.
    const auto times = data->series.timestampMs();
    const auto closes = data->series.close();
    const std::size_t first = closes.size() - kPoints;
    std::vector<sixbtc::storage::EquityPoint> equity;
    equity.reserve(kPoints);
    for (std::size_t i = first; i < closes.size(); ++i)
        equity.push_back({times[i], kInitialEquity * closes[i] / closes[first]});
    const sixbtc::backtest::TimeRange holdout{times.back() - 30LL * 86'400'000, times.back() + 300'000};

    sixbtc::gui::EquityChart chart;
    chart.resize(kWidth, kHeight);
    chart.show();
    QApplication::processEvents();
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);

    const double setAndPaint = measure([&] {
        chart.setData(equity, holdout);
        repaint(chart, image);
    });
    const qsizetype fullPoints = chart.drawnPoints();
    if (curvePixels(image) < kWidth / 2) {
        std::fprintf(stderr, "the repaint drew no curve\n");
        return 1;
    }
    const double paintOnly = measure([&] { repaint(chart, image); });
    const double middle = sixbtc::gui::report::axisTime(equity[kPoints / 2].timeMs);
    const double zoomed = measure([&] {
        chart.setXRange(middle, middle + static_cast<double>(kDayMs));
        repaint(chart, image);
        chart.resetZoom();
    });
    chart.setXRange(middle, middle + static_cast<double>(kDayMs));
    const qsizetype dayPoints = chart.drawnPoints();
    const double zoomedPaintOnly = measure([&] { repaint(chart, image); });
    std::printf("equity chart %dx%d, %zu points, median of %d runs:\n", kWidth, kHeight, kPoints, kRuns);
    std::printf("  setData + full repaint:                 %7.1f ms (%lld points drawn)\n", setAndPaint,
                static_cast<long long>(fullPoints));
    std::printf("  repaint, whole curve:                   %7.1f ms\n", paintOnly);
    std::printf("  zoom to one day + repaint + reset zoom: %7.1f ms\n", zoomed);
    std::printf("  repaint, one day (full resolution):     %7.1f ms (%lld points drawn)\n", zoomedPaintOnly,
                static_cast<long long>(dayPoints));
    return 0;
}
