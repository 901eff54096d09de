// SPDX-License-Identifier: MIT
// Test support of tst_reportwriter: curve positions in chart images.
#include "chartpixels.h"

namespace sixbtc::testing {

std::vector<int> curveRows(const QImage& image, bool top, const std::function<bool(QRgb)>& matches)
{
    std::vector<int> rows(static_cast<std::size_t>(image.width()), -1);
    for (int x = 0; x < image.width(); ++x) {
        for (int i = 0; i < image.height(); ++i) {
            const int y = top ? i : image.height() - 1 - i;
            if (matches(image.pixel(x, y))) {
                rows[static_cast<std::size_t>(x)] = y;
                break;
            }
        }
    }
    return rows;
}

bool bluish(QRgb c)
{
    return qBlue(c) > qRed(c) + 60 && qBlue(c) > qGreen(c) + 30;
}

bool reddish(QRgb c)
{
    return qRed(c) > qGreen(c) + 40 && qRed(c) > qBlue(c) + 40;
}

std::pair<int, double> extremeColumns(const std::vector<int>& rows, bool lowestRow,
                                      const std::vector<std::int64_t>& times, std::size_t extreme)
{
    int first = -1;
    int last = -1;
    int found = -1;
    for (int x = 0; x < static_cast<int>(rows.size()); ++x) {
        const int y = rows[static_cast<std::size_t>(x)];
        if (y < 0)
            continue;
        first = first < 0 ? x : first;
        last = x;
        if (found < 0 ||
            (lowestRow ? y < rows[static_cast<std::size_t>(found)] : y > rows[static_cast<std::size_t>(found)]))
            found = x;
    }
    const double share =
        static_cast<double>(times[extreme] - times.front()) / static_cast<double>(times.back() - times.front());
    return {found, first + share * (last - first)};
}

} // namespace sixbtc::testing
