// SPDX-License-Identifier: MIT
// Strict reading of YAML scalars (numbers, integers, booleans, text, choices) with problem reporting.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "config/problemlist.h"
#include "config/valuerange.h"

namespace sixbtc::config {

/// One YAML value with its dotted key path and the 1-based line problems about it are reported at.
struct ValueRef
{
    YAML::Node node;
    std::string path;
    int line;
};

/// 1-based line of a node's mark, or `fallback` when the node has no usable mark (null values).
int lineOf(const YAML::Node& node, int fallback);

/// `text` with control and non-ASCII bytes as \xNN (and ' and \ too), shortened to 40 characters.
std::string printableText(std::string_view text);

/// ", got '<value>'" (escaped, shortened), ", got a list" (or mapping, empty list ...) or ", got nothing".
std::string gotSuffix(const YAML::Node& node);

/// Reads a finite real number inside `range`; YAML 1.2 float syntax, never a quoted string.
std::optional<double> readNumber(const ValueRef& value, const NumberRange& range, ProblemList& problems);
/// Reads a decimal integer inside `range` (and inside [0, 2^64) or the signed 64-bit range).
std::optional<std::int64_t> readInteger(const ValueRef& value, const IntegerRange& range, ProblemList& problems);
/// Reads a non-negative integer of up to 64 bits (seeds).
std::optional<std::uint64_t> readUnsigned(const ValueRef& value, ProblemList& problems);
/// Reads true or false (YAML 1.2 core spellings, unquoted).
std::optional<bool> readBool(const ValueRef& value, ProblemList& problems);
/// Reads a non-empty scalar as text (plain or quoted).
std::optional<std::string> readText(const ValueRef& value, ProblemList& problems);
/// Reads one of `names`; returns its index.
std::optional<std::size_t> readChoice(const ValueRef& value, std::span<const std::string_view> names,
                                      ProblemList& problems);

/// "one of a | b | c".
std::string describeChoice(std::span<const std::string_view> names);

} // namespace sixbtc::config
