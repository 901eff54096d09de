// SPDX-License-Identifier: MIT
// Reads the keys of one YAML mapping by name, reporting every problem.
#include "config/mappingreader.h"

#include <limits>

namespace sixbtc::config {

namespace {

constexpr std::int64_t kIntMax = std::numeric_limits<int>::max();

std::string keyText(const YAML::Node& key)
{
    return key.IsScalar() ? key.Scalar() : std::string();
}

/// An integer in `range` that also fits an int; the message names the int limit only when it is the reason.
std::optional<int> readInt(const ValueRef& value, const IntegerRange& range, ProblemList& problems)
{
    const auto number = readInteger(value, range, problems);
    if (!number)
        return std::nullopt;
    if (*number > kIntMax) {
        problems.add(value.line, value.path,
                     "expected an integer " + integersBetween(range.low, kIntMax).describe() + gotSuffix(value.node));
        return std::nullopt;
    }
    return static_cast<int>(*number);
}

} // namespace

MappingReader::MappingReader(ProblemList& problems)
    : m_problems(problems)
    , m_present(false)
{
}

MappingReader::MappingReader(const ValueRef& mapping, int ownLine, ProblemList& problems)
    : m_problems(problems)
    , m_present(true)
    , m_path(mapping.path)
    , m_line(ownLine)
{
    for (auto it = mapping.node.begin(); it != mapping.node.end(); ++it) {
        const int keyLine = config::lineOf(it->first, ownLine);
        if (!it->first.IsScalar() || it->first.Scalar().empty()) {
            m_problems.add(keyLine, m_path, "expected plain key names" + gotSuffix(it->first));
            continue;
        }
        const std::string key = keyText(it->first);
        if (!m_index.emplace(key, m_entries.size()).second) {
            m_problems.add(keyLine, childPath(key), "duplicate key");
            continue;
        }
        m_entries.push_back(Entry{key, it->second, keyLine});
    }
}

MappingReader MappingReader::absent(ProblemList& problems)
{
    return MappingReader(problems);
}

std::string MappingReader::childPath(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + '.' + std::string(key);
}

int MappingReader::lineOf(std::string_view key) const
{
    const Entry* entry = find(key);
    return entry != nullptr ? entry->keyLine : m_line;
}

bool MappingReader::valid(std::string_view key) const
{
    const Entry* entry = find(key);
    return entry != nullptr && entry->valid;
}

MappingReader::Entry* MappingReader::find(std::string_view key)
{
    const auto it = m_index.find(std::string(key));
    return it != m_index.end() ? &m_entries[it->second] : nullptr;
}

const MappingReader::Entry* MappingReader::find(std::string_view key) const
{
    const auto it = m_index.find(std::string(key));
    return it != m_index.end() ? &m_entries[it->second] : nullptr;
}

MappingReader::Entry* MappingReader::take(std::string_view key, std::string_view expected)
{
    if (!m_present)
        return nullptr;
    Entry* entry = find(key);
    if (entry == nullptr) {
        m_problems.add(m_line, childPath(key), "missing key, expected " + std::string(expected));
        return nullptr;
    }
    entry->consumed = true;
    return entry;
}

ValueRef MappingReader::ref(const Entry& entry) const
{
    return ValueRef{entry.value, childPath(entry.key), config::lineOf(entry.value, entry.keyLine)};
}

MappingReader MappingReader::mapping(std::string_view key)
{
    Entry* entry = take(key, "a mapping");
    if (entry == nullptr)
        return absent(m_problems);
    if (!entry->value.IsMap()) {
        const ValueRef value = ref(*entry);
        m_problems.add(value.line, value.path, "expected a mapping" + gotSuffix(entry->value));
        return absent(m_problems);
    }
    entry->valid = true;
    return MappingReader(ref(*entry), entry->keyLine, m_problems);
}

double MappingReader::number(std::string_view key, const NumberRange& range)
{
    Entry* entry = take(key, "a number " + range.describe());
    if (entry == nullptr)
        return 0.0;
    const auto value = readNumber(ref(*entry), range, m_problems);
    entry->valid = value.has_value();
    return value.value_or(0.0);
}

int MappingReader::integer(std::string_view key, const IntegerRange& range)
{
    Entry* entry = take(key, "an integer " + range.describe());
    if (entry == nullptr)
        return 0;
    const auto value = readInt(ref(*entry), range, m_problems);
    entry->valid = value.has_value();
    return value.value_or(0);
}

std::uint64_t MappingReader::unsignedInteger(std::string_view key)
{
    Entry* entry = take(key, "an integer >= 0");
    if (entry == nullptr)
        return 0;
    const auto value = readUnsigned(ref(*entry), m_problems);
    entry->valid = value.has_value();
    return value.value_or(0);
}

bool MappingReader::boolean(std::string_view key)
{
    Entry* entry = take(key, "true or false");
    if (entry == nullptr)
        return false;
    const auto value = readBool(ref(*entry), m_problems);
    entry->valid = value.has_value();
    return value.value_or(false);
}

std::string MappingReader::text(std::string_view key)
{
    Entry* entry = take(key, "a non-empty text");
    if (entry == nullptr)
        return {};
    auto value = readText(ref(*entry), m_problems);
    entry->valid = value.has_value();
    return value.value_or(std::string());
}

std::size_t MappingReader::choice(std::string_view key, std::initializer_list<std::string_view> names)
{
    return choice(key, std::span<const std::string_view>(names.begin(), names.size()));
}

std::size_t MappingReader::choice(std::string_view key, std::span<const std::string_view> options)
{
    Entry* entry = take(key, describeChoice(options));
    if (entry == nullptr)
        return 0;
    const auto value = readChoice(ref(*entry), options, m_problems);
    entry->valid = value.has_value();
    return value.value_or(0);
}

std::vector<ValueRef> MappingReader::list(std::string_view key, std::string_view expected, bool nonEmpty)
{
    Entry* entry = take(key, expected);
    if (entry == nullptr)
        return {};
    const ValueRef value = ref(*entry);
    if (!entry->value.IsSequence() || (nonEmpty && entry->value.size() == 0)) {
        m_problems.add(value.line, value.path, "expected " + std::string(expected) + gotSuffix(entry->value));
        return {};
    }
    std::vector<ValueRef> elements;
    for (auto it = entry->value.begin(); it != entry->value.end(); ++it) {
        const YAML::Node element = *it;
        const std::string path = value.path + '[' + std::to_string(elements.size()) + ']';
        elements.push_back(ValueRef{element, path, config::lineOf(element, value.line)});
    }
    entry->valid = true;
    return elements;
}

std::vector<double> MappingReader::numberList(std::string_view key, const NumberRange& range)
{
    std::vector<double> numbers;
    for (const auto& element : list(key, "a non-empty list of numbers " + range.describe(), true)) {
        const auto value = readNumber(element, range, m_problems);
        if (!value)
            find(key)->valid = false;
        numbers.push_back(value.value_or(0.0));
    }
    return numbers;
}

std::vector<int> MappingReader::integerList(std::string_view key, const IntegerRange& range)
{
    std::vector<int> numbers;
    for (const auto& element : list(key, "a non-empty list of integers " + range.describe(), true)) {
        const auto value = readInt(element, range, m_problems);
        if (!value)
            find(key)->valid = false;
        numbers.push_back(value.value_or(0));
    }
    return numbers;
}

std::vector<MappingReader> MappingReader::mappingList(std::string_view key, std::string_view expected)
{
    std::vector<MappingReader> readers;
    for (const auto& element : list(key, "a list of " + std::string(expected), false)) {
        if (element.node.IsMap()) {
            readers.emplace_back(element, element.line, m_problems);
        } else {
            m_problems.add(element.line, element.path, "expected " + std::string(expected) + gotSuffix(element.node));
            find(key)->valid = false;
        }
    }
    return readers;
}

void MappingReader::forbid(std::string_view key, std::string_view text)
{
    Entry* entry = find(key);
    if (entry == nullptr)
        return;
    entry->consumed = true;
    m_problems.add(entry->keyLine, childPath(key), text);
}

std::string MappingReader::gotOf(std::string_view key) const
{
    const Entry* entry = find(key);
    return entry != nullptr ? gotSuffix(entry->value) : std::string();
}

void MappingReader::problem(std::string_view key, std::string_view text)
{
    Entry* entry = find(key);
    if (entry != nullptr)
        entry->valid = false;
    m_problems.add(lineOf(key), childPath(key), text);
}

void MappingReader::finish()
{
    for (const auto& entry : m_entries) {
        if (!entry.consumed)
            m_problems.add(entry.keyLine, childPath(entry.key), "unknown key");
    }
}

} // namespace sixbtc::config
