// SPDX-License-Identifier: MIT
// Collects every configuration problem of one file.
#include "config/problemlist.h"

#include <algorithm>

namespace sixbtc::config {

ProblemList::ProblemList(std::string file)
    : m_file(std::move(file))
{
}

namespace {

/// Key names come from the file: control and non-ASCII bytes are shown as \xNN.
std::string printable(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f) {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0f];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

void ProblemList::add(int line, std::string_view path, std::string_view text)
{
    const std::string shownPath = path.empty() ? std::string("(top level)") : printable(path);
    m_problems.push_back(
        Problem{line, m_file + ':' + std::to_string(line) + ": " + shownPath + ": " + std::string(text)});
}

void ProblemList::addSyntaxError(int line, int column, std::string_view message)
{
    m_problems.push_back(Problem{line, m_file + ':' + std::to_string(line) + ':' + std::to_string(column) +
                                           ": YAML syntax error: " + std::string(message)});
}

common::Error ProblemList::toError() const
{
    // Sections are read in a fixed order, not file order; the reader wants the file's order.
    std::vector<Problem> sorted = m_problems;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Problem& a, const Problem& b) { return a.line < b.line; });
    std::vector<std::string> details;
    details.reserve(sorted.size());
    for (auto& problem : sorted)
        details.push_back(std::move(problem.text));
    const std::size_t n = details.size();
    return common::Error{common::ErrorCode::Config,
                         m_file + ": " + std::to_string(n) +
                             (n == 1 ? " configuration problem" : " configuration problems"),
                         std::move(details)};
}

} // namespace sixbtc::config
