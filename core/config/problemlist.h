// SPDX-License-Identifier: MIT
// Collects every configuration problem of one file, to report them all at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace sixbtc::config {

/// The problems found in one configuration file, each rendered as `file:line: key.path: text`.
class ProblemList
{
public:
    explicit ProblemList(std::string file);

    /// Adds a problem at a 1-based line; an empty path stands for the top level of the document.
    void add(int line, std::string_view path, std::string_view text);
    /// Adds a YAML syntax error (1-based line and column).
    void addSyntaxError(int line, int column, std::string_view message);

    bool empty() const { return m_problems.empty(); }
    std::size_t count() const { return m_problems.size(); }
    const std::string& file() const { return m_file; }

    /// Error{Config, "<file>: <N> configuration problem(s)", one detail per problem, ordered by line}.
    common::Error toError() const;

private:
    struct Problem
    {
        int line;
        std::string text;
    };

    std::string m_file;
    std::vector<Problem> m_problems;
};

} // namespace sixbtc::config
