// SPDX-License-Identifier: MIT
// ColumnPool: free lists of column buffers.
#include "strategy/columnpool.h"

#include <algorithm>
#include <utility>

namespace sixbtc::strategy {

namespace {

// Takes the most recently given column that can hold `size` values (the warmest in cache), else a new one.
template <typename T>
std::vector<T> take(std::vector<std::vector<T>>& free, std::size_t size)
{
    const auto fits = [size](const std::vector<T>& column) { return column.capacity() >= size; };
    const auto it = std::find_if(free.rbegin(), free.rend(), fits);
    if (it == free.rend())
        return std::vector<T>(size);
    std::vector<T> column = std::move(*it);
    free.erase(std::next(it).base());
    column.resize(size);
    return column;
}

template <typename T>
void keep(std::vector<std::vector<T>>& free, std::vector<T>&& column)
{
    if (column.capacity() > 0)
        free.push_back(std::move(column));
}

} // namespace

std::vector<double> ColumnPool::takeNumbers(std::size_t size)
{
    return take(m_numbers, size);
}

std::vector<std::uint8_t> ColumnPool::takeConditions(std::size_t size)
{
    return take(m_conditions, size);
}

void ColumnPool::give(std::vector<double>&& column)
{
    keep(m_numbers, std::move(column));
}

void ColumnPool::give(std::vector<std::uint8_t>&& column)
{
    keep(m_conditions, std::move(column));
}

} // namespace sixbtc::strategy
