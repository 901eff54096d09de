// SPDX-License-Identifier: MIT
// Shared helpers of the configuration loader tests: the shipped file's text and edits of it.
#pragma once

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <QString>

#include "common/error.h"
#include "config/configloader.h"

namespace sixbtc::config::test {

/// The fictitious location the edited texts are parsed as; messages start with it.
inline const std::string kSourcePath = "/cfg/test/config.yaml";

inline std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string shippedPath()
{
    return std::string(SIXBTC_SOURCE_DIR) + "/config/config.yaml";
}

inline std::string shippedText()
{
    return readText(shippedPath());
}

inline std::string fixturePath(std::string_view name)
{
    return std::string(SIXBTC_TEST_DATA_DIR) + "/config/" + std::string(name);
}

/// Number of occurrences of `needle` in `text`.
inline std::size_t occurrences(const std::string& text, const std::string& needle)
{
    std::size_t count = 0;
    for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
        ++count;
    return count;
}

/// 1-based line on which `needle` starts in `text` (counted independently of the loader).
inline int lineOfText(const std::string& text, const std::string& needle)
{
    const std::size_t pos = text.find(needle);
    int line = 1;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i)
        line += text[i] == '\n' ? 1 : 0;
    return line;
}

/// `text` with its only occurrence of `from` replaced by `to` (empty when `from` is not there exactly once).
inline std::string edited(const std::string& text, const std::string& from, const std::string& to)
{
    if (occurrences(text, from) != 1)
        return {};
    std::string result = text;
    result.replace(result.find(from), from.size(), to);
    return result;
}

inline QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

/// Every detail of an error, one per line, for failure messages.
inline QByteArray describe(const common::Error& error)
{
    return QByteArray::fromStdString(error.fullText());
}

} // namespace sixbtc::config::test
