// SPDX-License-Identifier: MIT
// TextTable: aligned plain-text tables.
#include "cli/table.h"

#include <algorithm>
#include <cstdio>

#include "common/require.h"

namespace sixbtc::cli {

TextTable::TextTable(std::vector<Column> columns)
    : m_columns(std::move(columns))
{
}

void TextTable::addRow(std::vector<std::string> cells)
{
    SIXBTC_REQUIRE(cells.size() == m_columns.size());
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const
{
    std::vector<std::size_t> widths;
    for (const auto& column : m_columns)
        widths.push_back(column.title.size());
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    const auto printRow = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string pad(widths[i] - cells[i].size(), ' ');
            if (i > 0)
                line += "  ";
            line += m_columns[i].numeric ? pad + cells[i] : cells[i] + pad;
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };
    std::vector<std::string> titles;
    for (const auto& column : m_columns)
        titles.push_back(column.title);
    printRow(titles);
    std::vector<std::string> rules;
    for (const auto width : widths)
        rules.emplace_back(width, '-');
    printRow(rules);
    for (const auto& row : m_rows)
        printRow(row);
}

std::string formatFixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace sixbtc::cli
