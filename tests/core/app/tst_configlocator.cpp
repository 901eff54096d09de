// SPDX-License-Identifier: MIT
// Tests of the configuration lookup order and the first-run installation of the shipped configuration.
#include <QtTest>

#include <fstream>

#include "app/configlocator.h"
#include "config/configloader.h"

using namespace sixbtc;
namespace fs = std::filesystem;

class TstConfigLocator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    fs::path tempPath(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

    static void writeFile(const fs::path& path, const std::string& text)
    {
        fs::create_directories(path.parent_path());
        std::ofstream(path) << text;
    }

private slots:
    void shippedConfigGetsAbsoluteDataDirAndStillLoads()
    {
        const fs::path dataDir = "/opt/some where/sixbtc \"data\"";
        const auto text = app::shippedConfigWithDataDir(dataDir);
        QVERIFY2(text.has_value(), text ? "" : text.error().message.c_str());
        const auto config = config::parseConfig(*text, tempPath("config.yaml"));
        QVERIFY2(config.has_value(), config ? "" : config.error().fullText().c_str());
        QCOMPARE(config->data.dir, dataDir);
        // Comments of the shipped file survive.
        QVERIFY(text->find("# folder of candle files") != std::string::npos);
    }

    void commandLineWinsOverEnvironmentAndUserFolder()
    {
        const fs::path cli = tempPath("cli.yaml");
        const fs::path env = tempPath("env.yaml");
        writeFile(cli, "x: 1\n");
        writeFile(env, "x: 2\n");
        app::ConfigSources sources{cli, env.string(), tempPath("user"), tempPath("data")};
        auto location = app::locateConfig(sources);
        QVERIFY(location.has_value());
        QCOMPARE(location->file, cli);
        QVERIFY(!location->installedNow);

        sources.commandLine.reset();
        location = app::locateConfig(sources);
        QVERIFY(location.has_value());
        QCOMPARE(location->file, env);
        QVERIFY(!fs::exists(tempPath("user")));
    }

    void namedFileMustExist()
    {
        app::ConfigSources sources{tempPath("missing.yaml"), std::nullopt, tempPath("user2"), tempPath("data")};
        auto location = app::locateConfig(sources);
        QVERIFY(!location.has_value());
        QCOMPARE(location.error().code, common::ErrorCode::Config);
        QVERIFY(location.error().message.find("--config") != std::string::npos);
        QVERIFY(location.error().message.find("missing.yaml") != std::string::npos);

        sources.commandLine.reset();
        sources.environment = tempPath("missing-env.yaml").string();
        location = app::locateConfig(sources);
        QVERIFY(!location.has_value());
        QVERIFY(location.error().message.find("$SIXBTC_CONFIG") != std::string::npos);
    }

    void firstRunInstallsShippedConfigOnceAndKeepsUserEdits()
    {
        const fs::path user = tempPath("user3");
        const fs::path data = tempPath("bundled-data");
        app::ConfigSources sources{std::nullopt, std::string(), user, data};
        auto first = app::locateConfig(sources);
        QVERIFY2(first.has_value(), first ? "" : first.error().message.c_str());
        QVERIFY(first->installedNow);
        QCOMPARE(first->file, user / "config.yaml");
        const auto loaded = config::loadConfig(first->file);
        QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().fullText().c_str());
        QCOMPARE(loaded->data.dir, data);

        writeFile(first->file, "edited: true\n");
        auto second = app::locateConfig(sources);
        QVERIFY(second.has_value());
        QVERIFY(!second->installedNow);
        std::ifstream in(second->file);
        std::string line;
        std::getline(in, line);
        QCOMPARE(line, std::string("edited: true"));
    }

    void bundledDataDirPrefersTheInstallTree()
    {
        const fs::path prefix = tempPath("prefix");
        QCOMPARE(app::bundledDataDir(prefix / "bin"), fs::path(SIXBTC_BUNDLED_DATA_DIR));
        fs::create_directories(prefix / "share" / "sixbtc" / "data");
        QCOMPARE(app::bundledDataDir(prefix / "bin"), prefix / "share" / "sixbtc" / "data");
    }
};

QTEST_GUILESS_MAIN(TstConfigLocator)
#include "tst_configlocator.moc"
