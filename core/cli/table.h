// SPDX-License-Identifier: MIT
// TextTable: aligned plain-text tables for terminal output.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sixbtc::cli {

/// Columns are left-aligned unless marked numeric (right-aligned).
class TextTable
{
public:
    struct Column
    {
        std::string title;
        bool numeric;
    };

    explicit TextTable(std::vector<Column> columns);

    /// \warning `cells` must have one entry per column.
    void addRow(std::vector<std::string> cells);
    void print(std::ostream& out) const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

/// Formats a number with a fixed count of decimals.
std::string formatFixed(double value, int decimals);

} // namespace sixbtc::cli
