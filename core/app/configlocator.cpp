// SPDX-License-Identifier: MIT
// Finds, and on first run installs, the configuration file.
#include "app/configlocator.h"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <system_error>

#include <QFile>
#include <QStandardPaths>

#include "common/buildinfo.h"

// The shipped configuration lives in a static library's resources, which must be registered once. The
// function stays at global scope: Q_INIT_RESOURCE declares the global registration function.
static void initEmbeddedResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace sixbtc::app {

using common::ErrorCode;
using common::fail;
namespace fs = std::filesystem;

namespace {

common::Result<ConfigLocation> existing(const fs::path& file, const std::string& origin)
{
    std::error_code ec;
    const fs::path absolute = fs::absolute(file, ec).lexically_normal();
    if (ec || !fs::is_regular_file(absolute, ec)) {
        return fail(ErrorCode::Config, "configuration file '" + file.string() + "' (from " + origin +
                                           ") does not exist or is not a regular file");
    }
    return ConfigLocation{absolute, false};
}

// Quotes a path as a YAML double-quoted scalar.
std::string yamlQuoted(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace

common::Result<std::string> shippedConfigWithDataDir(const fs::path& dataDir)
{
    initEmbeddedResources();
    QFile resource(QStringLiteral(":/sixbtc/config.yaml"));
    if (!resource.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config, "the shipped configuration is missing from the executable's resources");
    const std::string text = resource.readAll().toStdString();

    // Replace the value of `dir:` inside the top-level `data:` block, keeping its trailing comment.
    std::istringstream in(text);
    std::string out;
    std::string line;
    bool inData = false;
    bool replaced = false;
    static const std::regex dirLine(R"(^(\s+dir:\s*)([^#]*?)(\s*#.*)?$)");
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != ' ' && line[0] != '#')
            inData = line.rfind("data:", 0) == 0;
        std::smatch match;
        if (inData && !replaced && std::regex_match(line, match, dirLine)) {
            line = match[1].str() + yamlQuoted(dataDir.string()) + match[3].str();
            replaced = true;
        }
        out += line;
        out += '\n';
    }
    if (!replaced)
        return fail(ErrorCode::Config, "the shipped configuration has no data.dir line to set");
    return out;
}

fs::path bundledDataDir(const fs::path& executableDir)
{
    std::error_code ec;
    const fs::path installed = (executableDir / ".." / "share" / "sixbtc" / "data").lexically_normal();
    if (fs::is_directory(installed, ec))
        return installed;
    return fs::path(common::buildinfo::bundledDataBuildDir);
}

common::Result<ConfigLocation> locateConfig(const ConfigSources& sources)
{
    if (sources.commandLine)
        return existing(*sources.commandLine, "--config");
    if (sources.environment && !sources.environment->empty())
        return existing(*sources.environment, "$SIXBTC_CONFIG");

    const fs::path file = sources.userConfigDir / "config.yaml";
    std::error_code ec;
    if (fs::exists(file, ec))
        return existing(file, "the user configuration folder");

    auto text = shippedConfigWithDataDir(sources.bundledDataDir);
    if (!text)
        return tl::unexpected(text.error());
    fs::create_directories(sources.userConfigDir, ec);
    if (ec) {
        return fail(ErrorCode::Config,
                    "cannot create configuration folder '" + sources.userConfigDir.string() + "': " + ec.message());
    }
    std::ofstream out(file, std::ios::binary);
    out << *text;
    out.close();
    if (!out)
        return fail(ErrorCode::Config, "cannot write configuration file '" + file.string() + "'");
    return ConfigLocation{fs::absolute(file).lexically_normal(), true};
}

ConfigSources systemConfigSources(std::optional<fs::path> commandLine, const fs::path& executableDir)
{
    ConfigSources sources;
    sources.commandLine = std::move(commandLine);
    if (const char* env = std::getenv("SIXBTC_CONFIG"))
        sources.environment = std::string(env);
    sources.userConfigDir =
        fs::path(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).toStdString());
    sources.bundledDataDir = bundledDataDir(executableDir);
    return sources;
}

} // namespace sixbtc::app
