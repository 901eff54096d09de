// SPDX-License-Identifier: MIT
// CandleReader: one pass over the file in memory with std::from_chars (locale-independent, no copies).
#include "data/candlereader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>

#include "data/filecontent.h"

namespace sixbtc::data {

namespace {

using common::ErrorCode;

constexpr std::size_t fieldCount = 6;
constexpr std::array<std::string_view, fieldCount> fieldNames{"timestamp_ms", "open", "high", "low", "close", "volume"};
constexpr std::size_t maxQuotedLength = 60;

/// A field's text in single quotes for a message, cut short when it is long. Built by appending:
/// "'" + std::string(...) trips a GCC 12 -Wrestrict false positive at -O3.
std::string quoted(std::string_view text)
{
    std::string result(1, '\'');
    if (text.size() > maxQuotedLength)
        return result.append(text.substr(0, maxQuotedLength)).append("...'");
    return result.append(text).append(1, '\'');
}

/// Splits a line on commas into `fields`; returns how many fields the line has (may exceed six).
std::size_t splitFields(std::string_view line, std::array<std::string_view, fieldCount>& fields)
{
    std::size_t count = 0;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        const std::string_view field = line.substr(start, comma == std::string_view::npos ? line.npos : comma - start);
        if (count < fieldCount)
            fields[count] = field;
        ++count;
        if (comma == std::string_view::npos)
            return count;
        start = comma + 1;
    }
}

/// The checks of one row; returns the reason when the row breaks a rule.
class RowParser
{
public:
    explicit RowParser(common::Timeframe timeframe)
        : m_durationMs(timeframe.durationMs())
        , m_timeframe(timeframe)
    {
    }

    std::optional<std::string> parse(std::string_view line, std::int64_t& timestamp, std::array<double, 5>& values,
                                     const std::optional<std::int64_t>& previous) const
    {
        if (line.empty())
            return "empty line";
        std::array<std::string_view, fieldCount> fields;
        const std::size_t count = splitFields(line, fields);
        if (count != fieldCount)
            return "expected 6 fields, found " + std::to_string(count);

        const auto [tsEnd, tsError] = std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), timestamp);
        if (tsError != std::errc() || tsEnd != fields[0].data() + fields[0].size())
            return "timestamp_ms " + quoted(fields[0]) + " is not an integer";
        if (timestamp % m_durationMs != 0) {
            return "timestamp_ms " + std::string(fields[0]) + " is not aligned to the " +
                   std::string(m_timeframe.name()) + " timeframe";
        }
        if (previous && timestamp == *previous)
            return "duplicate timestamp_ms " + std::string(fields[0]) + " (same as the previous row)";
        if (previous && timestamp < *previous) {
            return "timestamp_ms " + std::string(fields[0]) + " is before the previous row's " +
                   std::to_string(*previous) + " (rows must be in ascending order)";
        }

        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string_view field = fields[i + 1];
            const auto name = [&] { return std::string(fieldNames[i + 1]); };
            const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), values[i]);
            if (error == std::errc::result_out_of_range)
                return name() + " " + quoted(field) + " is out of range";
            if (error != std::errc() || end != field.data() + field.size())
                return name() + " " + quoted(field) + " is not a number";
            if (!std::isfinite(values[i]))
                return name() + " " + quoted(field) + " is not finite";
            if (i < 4 && !(values[i] > 0.0))
                return name() + " " + quoted(field) + " is not positive";
            if (i == 4 && values[i] < 0.0)
                return name() + " " + quoted(field) + " is negative";
        }
        const auto [open, high, low, close, volume] = values;
        if (high < std::max(open, close)) {
            return "high " + std::string(fields[2]) +
                   " is below max(open, close) = " + std::string(open > close ? fields[1] : fields[4]);
        }
        if (low > std::min(open, close)) {
            return "low " + std::string(fields[3]) +
                   " is above min(open, close) = " + std::string(open < close ? fields[1] : fields[4]);
        }
        return std::nullopt;
    }

private:
    std::int64_t m_durationMs;
    common::Timeframe m_timeframe;
};

/// The next line of `text` from `pos` without its line end (LF or CRLF); advances `pos` past it.
std::string_view nextLine(std::string_view text, std::size_t& pos)
{
    const char* begin = text.data() + pos;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', text.size() - pos));
    std::size_t length = newline ? std::size_t(newline - begin) : text.size() - pos;
    pos += newline ? length + 1 : length;
    if (length > 0 && begin[length - 1] == '\r')
        --length;
    return {begin, length};
}

} // namespace

std::int64_t CandleData::missingBars() const
{
    std::int64_t total = 0;
    for (const auto& gap : gaps)
        total += gap.missingBars;
    return total;
}

common::Result<CandleData> CandleReader::read(const std::filesystem::path& path, std::string symbol,
                                              common::Timeframe timeframe)
{
    const auto content = readFileContent(path);
    if (!content)
        return tl::unexpected(content.error());
    return parse(*content, path.string(), std::move(symbol), timeframe);
}

common::Result<CandleData> CandleReader::parse(std::string_view text, std::string_view source, std::string symbol,
                                               common::Timeframe timeframe)
{
    const auto failAt = [&](std::size_t line, const std::string& reason) {
        return common::fail(ErrorCode::Data, std::string(source) + ":" + std::to_string(line) + ": " + reason);
    };
    if (text.empty())
        return failAt(1, "empty file, expected the header '" + std::string(header) + "'");
    std::size_t pos = 0;
    const std::string_view firstLine = nextLine(text, pos);
    if (firstLine != header)
        return failAt(1, "header must be '" + std::string(header) + "', found " + quoted(firstLine));
    if (pos == text.size())
        return failAt(1, "no candle rows after the header");

    CandleData data{common::CandleSeries(std::move(symbol), timeframe), {}};
    data.series.reserve(static_cast<std::size_t>(std::count(text.begin() + std::ptrdiff_t(pos), text.end(), '\n')) + 1);
    const RowParser rowParser(timeframe);
    const std::int64_t durationMs = timeframe.durationMs();
    std::optional<std::int64_t> previous;
    std::int64_t timestamp = 0;
    std::array<double, 5> values{};
    for (std::size_t line = 2; pos < text.size(); ++line) {
        const std::string_view row = nextLine(text, pos);
        if (auto reason = rowParser.parse(row, timestamp, values, previous))
            return failAt(line, *reason);
        if (previous && timestamp - *previous > durationMs) {
            data.gaps.push_back({data.series.size(), *previous, timestamp, (timestamp - *previous) / durationMs - 1});
        }
        data.series.append(timestamp, values[0], values[1], values[2], values[3], values[4]);
        previous = timestamp;
    }
    return data;
}

} // namespace sixbtc::data
