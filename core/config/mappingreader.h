// SPDX-License-Identifier: MIT
// Reads the keys of one YAML mapping by name, reporting missing, unknown, duplicate and invalid keys.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "config/problemlist.h"
#include "config/scalarreader.h"
#include "config/valuerange.h"

namespace sixbtc::config {

/// One mapping of the configuration. Each getter reports its own problems; a value read with a
/// problem is a placeholder that never leaves the loader (a problem makes loading fail). A reader of
/// a missing or mistyped mapping is absent: its getters report nothing, the parent already did.
/// Call finish() once every expected key has been read: it reports the unknown keys.
class MappingReader
{
public:
    /// `mapping.node` must be a YAML map; `ownLine` is where missing keys are reported.
    MappingReader(const ValueRef& mapping, int ownLine, ProblemList& problems);
    static MappingReader absent(ProblemList& problems);

    bool present() const { return m_present; }
    const std::string& path() const { return m_path; }
    std::string childPath(std::string_view key) const;
    /// Line of a key, or of this mapping when the key is missing.
    int lineOf(std::string_view key) const;
    /// Whether the key is present and was read without a problem.
    bool valid(std::string_view key) const;
    ProblemList& problems() { return m_problems; }

    MappingReader mapping(std::string_view key);
    double number(std::string_view key, const NumberRange& range);
    int integer(std::string_view key, const IntegerRange& range);
    std::uint64_t unsignedInteger(std::string_view key);
    bool boolean(std::string_view key);
    std::string text(std::string_view key);
    /// One of `names`; returns its index.
    std::size_t choice(std::string_view key, std::span<const std::string_view> names);
    std::size_t choice(std::string_view key, std::initializer_list<std::string_view> names);

    /// The elements of a list value (paths `key[i]`); `expected` names the list in messages.
    std::vector<ValueRef> list(std::string_view key, std::string_view expected, bool nonEmpty);
    std::vector<double> numberList(std::string_view key, const NumberRange& range);
    std::vector<int> integerList(std::string_view key, const IntegerRange& range);
    /// Mapping elements of a list value, each a reader of its own.
    std::vector<MappingReader> mappingList(std::string_view key, std::string_view expected);

    /// A key that must never appear; reported with `text` instead of "unknown key".
    void forbid(std::string_view key, std::string_view text);
    /// ", got '<value>'" for a present key (see gotSuffix), empty for a missing one.
    std::string gotOf(std::string_view key) const;
    /// Reports a problem about a key (cross-field checks) and marks it invalid.
    void problem(std::string_view key, std::string_view text);
    /// Reports every key that was not read as unknown.
    void finish();

private:
    struct Entry
    {
        std::string key;
        YAML::Node value;
        int keyLine;
        bool consumed = false;
        bool valid = false;
    };

    explicit MappingReader(ProblemList& problems);
    Entry* find(std::string_view key);
    const Entry* find(std::string_view key) const;
    /// The value of a key, reporting it as missing with `expected`; marks it read.
    Entry* take(std::string_view key, std::string_view expected);
    ValueRef ref(const Entry& entry) const;

    ProblemList& m_problems;
    bool m_present;
    std::string m_path;
    int m_line = 1;
    std::vector<Entry> m_entries;
    std::unordered_map<std::string, std::size_t> m_index; ///< key -> position in m_entries
};

} // namespace sixbtc::config
