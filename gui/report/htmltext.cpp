// SPDX-License-Identifier: MIT
// HTML escaping and the report's number and time formats.
#include "report/htmltext.h"

#include <cmath>

#include <QString>

#include "common/utctime.h"

namespace sixbtc::gui::report {

std::string escapeHtml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string fixedText(double value, int decimals)
{
    if (!std::isfinite(value))
        return "-";
    return QString::number(value, 'f', decimals).toStdString();
}

std::string percentText(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return "-";
    return fixedText(fraction * 100.0, decimals) + "%";
}

std::string utcText(std::int64_t timeMs)
{
    return common::formatUtcMinute(timeMs);
}

} // namespace sixbtc::gui::report
