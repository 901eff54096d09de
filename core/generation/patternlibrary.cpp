// SPDX-License-Identifier: MIT
// Loading the pattern library from the embedded resource or a folder, and instantiating a pattern as a document.
#include "generation/patternlibrary.h"

#include <algorithm>
#include <set>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <yaml-cpp/yaml.h>

#include "common/require.h"
#include "generation/patternfile.h"
#include "strategy/languagelimits.h"

namespace sixbtc::generation {

namespace {

using common::ErrorCode;

std::string symbolList(const std::vector<std::string>& symbols)
{
    std::string text;
    for (const auto& symbol : symbols)
        text += (text.empty() ? "" : ", ") + symbol;
    return "[" + text + "]";
}

// Every `*.yaml` file of `directory` (in file-name order), read and checked; `shownDir` names it in messages.
common::Result<std::vector<Pattern>> loadPatternFiles(const QDir& directory, const std::string& shownDir)
{
    if (!directory.exists())
        return common::fail(ErrorCode::Input, "pattern folder " + shownDir + " does not exist");
    // System lists broken links and special files too, so that they fail below instead of being skipped.
    const QStringList names = directory.entryList(QStringList{QStringLiteral("*.yaml")},
                                                  QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
    if (names.isEmpty())
        return common::fail(ErrorCode::Input, "pattern folder " + shownDir + " holds no pattern file (*.yaml)");
    std::vector<Pattern> patterns;
    for (const QString& name : names) {
        const std::string fileName = shownDir + "/" + name.toStdString();
        if (!QFileInfo(directory.filePath(name)).isFile())
            return common::fail(ErrorCode::Input, fileName + ": cannot read: not a regular file (or a broken link)");
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return common::fail(ErrorCode::Input, fileName + ": cannot read: " + file.errorString().toStdString());
        // One byte more than the limit is enough for the size check of readPatternFile.
        const QByteArray bytes = file.read(static_cast<qint64>(strategy::maxDocumentBytes) + 1);
        if (file.error() != QFileDevice::NoError)
            return common::fail(ErrorCode::Input, fileName + ": cannot read: " + file.errorString().toStdString());
        const std::string stem = QFileInfo(name).completeBaseName().toStdString();
        auto read = readPatternFile(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                    fileName, stem);
        if (!read)
            return tl::unexpected(read.error());
        if (const auto problem = findPatternProblem(read->pattern)) {
            const int line = problem->slot ? read->ruleLines[static_cast<std::size_t>(*problem->slot)] : 0;
            return common::fail(ErrorCode::Input,
                                fileName + (line > 0 ? ":" + std::to_string(line) : "") + ": " + problem->message);
        }
        patterns.push_back(std::move(read->pattern));
    }
    return patterns;
}

} // namespace

PatternLibrary::PatternLibrary(std::vector<Pattern> patterns)
    : m_patterns(std::move(patterns))
{
    std::sort(m_patterns.begin(), m_patterns.end(), [](const Pattern& a, const Pattern& b) { return a.id < b.id; });
}

common::Result<PatternLibrary> PatternLibrary::loadEmbedded()
{
    auto patterns = loadPatternFiles(QDir(QStringLiteral(":/patterns")), ":/patterns");
    if (!patterns)
        return tl::unexpected(patterns.error());
    return PatternLibrary(std::move(*patterns));
}

common::Result<PatternLibrary> PatternLibrary::loadDirectory(const std::filesystem::path& directory)
{
    auto patterns = loadPatternFiles(QDir(QString::fromStdString(directory.string())), directory.string());
    if (!patterns)
        return tl::unexpected(patterns.error());
    // File names are unique within a folder and every id equals its file stem, so ids are unique too.
    return PatternLibrary(std::move(*patterns));
}

common::Result<PatternLibrary> PatternLibrary::fromPatterns(std::vector<Pattern> patterns)
{
    if (patterns.empty())
        return common::fail(ErrorCode::Input, "a pattern library needs at least one pattern");
    std::set<std::string> ids;
    for (const auto& pattern : patterns) {
        if (const auto problem = findPatternProblem(pattern))
            return common::fail(ErrorCode::Input, problem->message);
        if (!ids.insert(pattern.id).second)
            return common::fail(ErrorCode::Input, "duplicate pattern id '" + pattern.id + "'");
    }
    return PatternLibrary(std::move(patterns));
}

const Pattern* PatternLibrary::find(const std::string& id) const
{
    const auto it = std::lower_bound(m_patterns.begin(), m_patterns.end(), id,
                                     [](const Pattern& p, const std::string& key) { return p.id < key; });
    return it != m_patterns.end() && it->id == id ? &*it : nullptr;
}

std::string PatternLibrary::documentText(const Pattern& pattern, common::Timeframe timeframe,
                                         const std::vector<std::string>& symbols)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << std::string(strategy::strategyTypeName(pattern.type));
    out << YAML::Key << "timeframe" << YAML::Value << std::string(timeframe.name());
    out << YAML::Key << "symbols" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& symbol : symbols)
        out << symbol;
    out << YAML::EndSeq;
    out << YAML::Key << "signals" << YAML::Value << YAML::BeginMap;
    for (const auto slot : strategy::allRuleSlots) {
        if (!pattern.rule(slot).empty()) {
            out << YAML::Key << std::string(strategy::ruleSlotName(slot)) << YAML::Value << YAML::DoubleQuoted
                << pattern.rule(slot);
        }
    }
    out << YAML::EndMap << YAML::EndMap;
    // The emitter only fails on unbalanced manipulators, which the fixed sequence above cannot produce.
    SIXBTC_REQUIRE(out.good());
    return out.c_str();
}

common::Result<strategy::StrategyDocument> PatternLibrary::instantiate(const Pattern& pattern,
                                                                       common::Timeframe timeframe,
                                                                       const std::vector<std::string>& symbols) const
{
    const std::string sourceName = "pattern " + pattern.id;
    auto parsed = strategy::parseStrategyDocument(documentText(pattern, timeframe, symbols), sourceName);
    if (parsed.document)
        return std::move(*parsed.document);
    std::vector<std::string> details;
    for (const auto& diagnostic : parsed.diagnostics)
        details.push_back(strategy::formatDiagnostic(parsed.sourceName, diagnostic));
    SIXBTC_REQUIRE(!parsed.diagnostics.empty()); // parseStrategyDocument gives a document or a diagnostic
    return common::fail(ErrorCode::Input,
                        "pattern '" + pattern.id + "' on " + std::string(timeframe.name()) + " with symbols " +
                            symbolList(symbols) + " is not a valid strategy: " + parsed.diagnostics.front().message,
                        std::move(details));
}

} // namespace sixbtc::generation
