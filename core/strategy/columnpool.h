// SPDX-License-Identifier: MIT
// ColumnPool: recycled column buffers, so repeated evaluations of one window length allocate nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sixbtc::strategy {

/// Free lists of number and condition columns. A column handed back is reused by the next take() of a length it
/// can hold, so the steady state of repeated evaluations touches memory it already owns (no page faults, whatever
/// the allocator's tuning). Not thread-safe: one pool per evaluating thread (it lives in the IndicatorCache).
class ColumnPool
{
public:
    /// A number column of `size` values (contents unspecified).
    std::vector<double> takeNumbers(std::size_t size);
    /// A condition column of `size` bytes (contents unspecified).
    std::vector<std::uint8_t> takeConditions(std::size_t size);
    /// Hands a column back for reuse; an empty one is dropped.
    void give(std::vector<double>&& column);
    void give(std::vector<std::uint8_t>&& column);

    /// Columns waiting for reuse (numbers + conditions).
    std::size_t idleColumns() const { return m_numbers.size() + m_conditions.size(); }

private:
    std::vector<std::vector<double>> m_numbers;
    std::vector<std::vector<std::uint8_t>> m_conditions;
};

} // namespace sixbtc::strategy
