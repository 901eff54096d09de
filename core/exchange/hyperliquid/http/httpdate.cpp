// SPDX-License-Identifier: MIT
// Parsing of the HTTP `Date` header.
#include "exchange/hyperliquid/http/httpdate.h"

#include <array>
#include <string_view>

#include <QList>

namespace sixbtc::exchange::hyperliquid {

namespace {

constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kShortDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};

std::string_view view(const QByteArray& bytes)
{
    return std::string_view(bytes.constData(), std::size_t(bytes.size()));
}

template <std::size_t N>
bool isOneOf(const QByteArray& text, const std::array<std::string_view, N>& names)
{
    for (std::string_view name : names)
        if (view(text) == name)
            return true;
    return false;
}

/// 1..12, or 0 for an unknown month name.
int monthOf(const QByteArray& text)
{
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (view(text) == kMonths[i])
            return int(i) + 1;
    return 0;
}

/// A run of exactly `digits` ASCII digits (or 1..2 digits when `digits` is 0), else -1.
int number(const QByteArray& text, int digits)
{
    if (text.isEmpty() || (digits > 0 && text.size() != digits) || (digits == 0 && text.size() > 2))
        return -1;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
std::int64_t daysFromCivil(int year, int month, int day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return std::int64_t(era) * 146097 + dayOfEra - 719468;
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[std::size_t(month - 1)];
}

/// "HH:MM:SS" into seconds of the day, or -1.
int timeOfDay(const QByteArray& text)
{
    const QList<QByteArray> parts = text.split(':');
    if (parts.size() != 3)
        return -1;
    const int h = number(parts[0], 2);
    const int m = number(parts[1], 2);
    const int s = number(parts[2], 2);
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60) // 60: a leap second, read as the next second
        return -1;
    return h * 3600 + m * 60 + s;
}

std::optional<std::int64_t> toEpochMs(int year, int month, int day, int seconds)
{
    if (year < 0 || month < 1 || day < 1 || seconds < 0 || day > daysInMonth(year, month))
        return std::nullopt;
    return (daysFromCivil(year, month, day) * 86400 + seconds) * 1000;
}

} // namespace

std::optional<std::int64_t> parseHttpDate(const QByteArray& header)
{
    const QByteArray text = header.trimmed();
    QList<QByteArray> words = text.split(' ');
    words.removeAll(QByteArray()); // asctime pads a one-digit day with a second space
    if (words.size() == 6 && words[0].endsWith(',') && isOneOf(words[0].chopped(1), kShortDays) && words[5] == "GMT" &&
        text.count(' ') == 5) {
        return toEpochMs(number(words[3], 4), monthOf(words[2]), number(words[1], 2), timeOfDay(words[4]));
    }
    if (words.size() == 4 && words[0].endsWith(',') && isOneOf(words[0].chopped(1), kLongDays) && words[3] == "GMT") {
        const QList<QByteArray> date = words[1].split('-');
        if (date.size() != 3)
            return std::nullopt;
        const int yy = number(date[2], 2);
        const int year = yy < 0 ? -1 : (yy < 70 ? 2000 + yy : 1900 + yy);
        return toEpochMs(year, monthOf(date[1]), number(date[0], 2), timeOfDay(words[2]));
    }
    if (words.size() == 5 && isOneOf(words[0], kShortDays))
        return toEpochMs(number(words[4], 4), monthOf(words[1]), number(words[2], 0), timeOfDay(words[3]));
    return std::nullopt;
}

} // namespace sixbtc::exchange::hyperliquid
