// SPDX-License-Identifier: MIT
// Configuration loading: file reading, YAML parsing and the assembly of every section.
#include "config/configloader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <system_error>

#include <yaml-cpp/yaml.h>

#include "config/mappingreader.h"
#include "config/problemlist.h"
#include "config/sectionreaders.h"
#include "config/yamldocument.h"

namespace sixbtc::config {

namespace {

/// No configuration comes near this; anything larger is not one and is refused before parsing.
constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;
constexpr const char* kExpectedRoot = "expected a mapping of configuration sections";

Config readSections(const YAML::Node& document, const std::filesystem::path& sourcePath, ProblemList& problems)
{
    const std::filesystem::path baseDir = sourcePath.parent_path();
    const int rootLine = lineOf(document, 1);
    MappingReader root(ValueRef{document, "", rootLine}, rootLine, problems);
    Config config;
    config.sourcePath = sourcePath;
    config.trading = readTrading(root);
    config.data = readData(root, baseDir);
    config.backtest = readBacktest(root);
    config.risk = readRisk(root);
    config.hyperliquid = readHyperliquid(root);
    config.generation = readGeneration(root);
    config.optimization = readOptimization(root);
    config.validation = readValidation(root);
    config.scoring = readScoring(root);
    config.pool = readPool(root);
    config.rotation = readRotation(root);
    config.database = readDatabase(root, baseDir);
    config.logging = readLogging(root, baseDir);
    root.finish();
    return config;
}

} // namespace

common::Result<Config> loadConfig(const std::filesystem::path& file)
{
    const auto cannotRead = [&file](std::string_view reason) {
        return common::fail(common::ErrorCode::Config,
                            file.string() + ": cannot read the configuration file: " + std::string(reason));
    };
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> stream(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!stream)
        return cannotRead(std::strerror(errno));
    std::string text;
    char buffer[64 * 1024];
    while (text.size() <= kMaxFileBytes) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, stream.get());
        text.append(buffer, n);
        if (n < sizeof buffer)
            break;
    }
    if (std::ferror(stream.get()))
        return cannotRead(std::strerror(errno));
    if (text.size() > kMaxFileBytes)
        return cannotRead("larger than " + std::to_string(kMaxFileBytes / (1024 * 1024)) + " MiB");
    return parseConfig(text, file);
}

common::Result<Config> parseConfig(std::string_view yamlText, const std::filesystem::path& sourcePath)
{
    std::error_code ec;
    const std::filesystem::path absolutePath = std::filesystem::absolute(sourcePath, ec).lexically_normal();
    if (ec) {
        return common::fail(common::ErrorCode::Config,
                            sourcePath.string() + ": cannot make the path absolute: " + ec.message());
    }
    ProblemList problems(sourcePath.string());
    const std::optional<YAML::Node> document = parseSingleDocument(yamlText, problems);
    if (!document)
        return tl::unexpected(problems.toError());
    if (!document->IsMap()) {
        problems.add(lineOf(*document, 1), "", kExpectedRoot + gotSuffix(*document));
        return tl::unexpected(problems.toError());
    }
    try {
        Config config = readSections(*document, absolutePath, problems);
        if (!problems.empty())
            return tl::unexpected(problems.toError());
        return config;
    } catch (const YAML::Exception& e) {
        problems.add(1, "", std::string("YAML error: ") + e.what());
        return tl::unexpected(problems.toError());
    }
}

} // namespace sixbtc::config
