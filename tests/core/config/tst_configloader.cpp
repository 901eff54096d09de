// SPDX-License-Identifier: MIT
// Tests of loadConfig/parseConfig: the shipped file, path resolution, file and document-level failures.
#include <QtTest>

#include "configtestsupport.h"

using namespace sixbtc::config;
using namespace sixbtc::config::test;
using sixbtc::common::ErrorCode;
using sixbtc::common::LogLevel;
using sixbtc::common::Timeframe;

class TstConfigLoader : public QObject
{
    Q_OBJECT

private slots:
    void shippedFileLoadsWithEveryValue()
    {
        const auto config = loadConfig(shippedPath());
        QVERIFY2(config.has_value(), config ? "" : describe(config.error()).constData());
        const std::filesystem::path sourceDir = std::filesystem::path(SIXBTC_SOURCE_DIR).lexically_normal();
        QCOMPARE(config->sourcePath, sourceDir / "config" / "config.yaml");

        QCOMPARE(config->trading.timeframes.size(), std::size_t(6));
        QCOMPARE(config->trading.timeframes.front(), Timeframe(Timeframe::Id::M5));
        QCOMPARE(config->trading.timeframes.back(), Timeframe(Timeframe::Id::D1));
        QCOMPARE(config->trading.symbols, (std::vector<std::string>{"BTC", "ETH", "SOL"}));

        QCOMPARE(config->data.dir, sourceDir / "resources" / "data");
        QCOMPARE(config->data.prefer, MarketPreference::Perpetual);
        QCOMPARE(config->data.exclude, (std::vector<std::string>{"coinbase_btcusd_cdd", "freqtrade_testdata"}));

        QCOMPARE(config->backtest.initialEquity, 10000.0);
        QCOMPARE(config->backtest.feeRate, 0.0004);
        QCOMPARE(config->backtest.slippage, 0.0002);
        QCOMPARE(config->backtest.exitOnOpposite, true);
        QCOMPARE(config->backtest.threads, 0);
        QCOMPARE(config->backtest.trainingDays, 365);
        QCOMPARE(config->backtest.holdoutDays, 30);

        QCOMPARE(config->risk.fixedFractional.riskPerTradePct, 0.02);
        QCOMPARE(config->risk.fixedFractional.maxPositionSizePct, 0.20);
        QCOMPARE(config->risk.limits.maxOpenPositionsPerSubaccount, 10);
        QCOMPARE(config->risk.emergency.maxPortfolioDrawdown, 0.30);
        QCOMPARE(config->risk.emergency.maxDailyLoss, 0.10);
        QCOMPARE(config->risk.emergency.maxSubaccountDrawdown, 0.25);
        QCOMPARE(config->risk.emergency.maxConsecutiveLosses, 5);
        QCOMPARE(config->risk.emergency.maxStrategyDegradation, 0.50);
    }

    void shippedHyperliquidAndResearchSections()
    {
        const auto config = loadConfig(shippedPath());
        QVERIFY(config.has_value());
        const auto& hl = config->hyperliquid;
        QCOMPARE(hl.network, Network::Mainnet);
        QCOMPARE(hl.baseUrl, std::string("https://api.hyperliquid.xyz"));
        QCOMPARE(hl.wsUrl, std::string("wss://api.hyperliquid.xyz/ws"));
        QCOMPARE(hl.minNotional, 10.0);
        QCOMPARE(hl.requestTimeoutMs, 10000);
        QCOMPARE(hl.expiresAfterMs, 5000);
        QCOMPARE(hl.retry.initialBackoffMs, 200);
        QCOMPARE(hl.retry.maxBackoffMs, 5000);
        QCOMPARE(hl.retry.maxAttempts, 5);
        QCOMPARE(hl.rateLimit.ipWeightPerMin, 1200);
        QCOMPARE(hl.rateLimit.reservedForCancels, 0.2);
        QCOMPARE(hl.wsPingIntervalS, 30);
        QCOMPARE(hl.wsReconnect.initialMs, 500);
        QCOMPARE(hl.wsReconnect.maxMs, 30000);
        QCOMPARE(hl.wsReconnect.jitter, 0.2);
        QCOMPARE(hl.maxSymbolsPerWs, 100);
        QCOMPARE(hl.wsIdleTimeoutS, 60);
        QCOMPARE(hl.maxClockSkewMs, 2000);
        QVERIFY(hl.subaccounts.empty());

        QCOMPARE(config->generation.pattern.enabled, true);
        QCOMPARE(config->generation.aiFree.enabled, false);
        QCOMPARE(config->generation.aiAssigned.enabled, false);
        QCOMPARE(config->generation.aiFreeRatio, 0.7);
        QCOMPARE(config->generation.strategiesPerTimeframe, 8);

        const auto& grid = config->optimization.grid;
        QCOMPARE(grid.slPct, (std::vector<double>{0.005, 0.0075, 0.01, 0.015, 0.02}));
        QCOMPARE(grid.tpPct, (std::vector<double>{0.005, 0.01, 0.015, 0.02, 0.03}));
        QCOMPARE(grid.leverage, (std::vector<double>{1, 2, 5, 10}));
        QCOMPARE(grid.exitAfterBars, (std::vector<int>{0, 12, 48, 288}));

        const auto& validation = config->validation;
        QCOMPARE(validation.shuffle.cuts, 5);
        QCOMPARE(validation.shuffle.seed, std::uint64_t(42));
        QCOMPARE(validation.shuffle.blockBars, 12);
        QCOMPARE(validation.walkForward.windows, 4);
        QCOMPARE(validation.walkForward.inSampleFraction, 0.75);
        QCOMPARE(validation.walkForward.minWindowsWithEdge, 3);
        QCOMPARE(validation.walkForward.maxSharpeDispersion, 1.0);
        QCOMPARE(validation.overfitting.pboPartitions, 16);
        QCOMPARE(validation.overfitting.maxPbo, 0.5);
        QCOMPARE(validation.overfitting.minDsr, 0.95);
    }

    void shippedScoringAndInfrastructureSections()
    {
        const auto config = loadConfig(shippedPath());
        QVERIFY(config.has_value());
        const auto& scoring = config->scoring;
        QCOMPARE(scoring.minSharpe, 1.0);
        QCOMPARE(scoring.minWinRate, 0.55);
        QCOMPARE(scoring.minExpectancy, 0.0);
        QCOMPARE(scoring.maxDrawdown, 0.30);
        QCOMPARE(scoring.minTradesFor(Timeframe(Timeframe::Id::M5)), 100);
        QCOMPARE(scoring.minTradesFor(Timeframe(Timeframe::Id::M15)), 60);
        QCOMPARE(scoring.minTradesFor(Timeframe(Timeframe::Id::M30)), 40);
        QCOMPARE(scoring.minTradesFor(Timeframe(Timeframe::Id::H1)), 30);
        QCOMPARE(scoring.minTradesFor(Timeframe(Timeframe::Id::H4)), 15);
        QCOMPARE(scoring.minTradesFor(Timeframe(Timeframe::Id::D1)), 8);
        QCOMPARE(scoring.robustnessMinScore, 40);
        QCOMPARE(scoring.weights.sharpe, 0.25);
        QCOMPARE(scoring.weights.winRate, 0.10);
        QCOMPARE(scoring.weights.expectancy, 0.15);
        QCOMPARE(scoring.weights.maxDrawdown, 0.15);
        QCOMPARE(scoring.weights.trades, 0.05);
        QCOMPARE(scoring.weights.edRatio, 0.15);
        QCOMPARE(scoring.weights.consistency, 0.15);

        QCOMPARE(config->pool.maxActive, 200);
        QCOMPARE(config->rotation.topN, 10);
        QCOMPARE(config->rotation.maxPerTimeframe, 3);
        QCOMPARE(config->rotation.maxSameType, 2);
        QCOMPARE(config->rotation.maxCorrelation, 0.7);

        const std::filesystem::path configDir = std::filesystem::path(SIXBTC_SOURCE_DIR).lexically_normal() / "config";
        QCOMPARE(config->database.backend, DatabaseBackend::Sqlite);
        QCOMPARE(config->database.sqlite.path, configDir / "sixbtc.db");
        QCOMPARE(config->database.sqlite.busyTimeoutMs, 5000);
        QCOMPARE(config->database.postgres.host, std::string("127.0.0.1"));
        QCOMPARE(config->database.postgres.port, 5432);
        QCOMPARE(config->database.postgres.dbname, std::string("sixbtc"));
        QCOMPARE(config->database.postgres.user, std::string("sixbtc"));
        QCOMPARE(config->database.postgres.sslmode, std::string("prefer"));
        QCOMPARE(config->database.postgres.connectTimeoutS, 5);

        QCOMPARE(config->logging.consoleLevel, LogLevel::Info);
        QCOMPARE(config->logging.filePath, configDir / "logs" / "sixbtc.log");
        QCOMPARE(config->logging.fileLevel, LogLevel::Debug);
        QCOMPARE(config->logging.maxSizeMb, std::int64_t(10));
        QCOMPARE(config->logging.maxFiles, std::int64_t(5));
    }

    void relativePathsResolveAgainstTheConfigFolder()
    {
        std::string text = edited(shippedText(), "dir: ../resources/data", "dir: ./candles/../candles/./5m");
        text = edited(text, "path: sixbtc.db", "path: /var/lib/sixbtc/../sixbtc/db.sqlite");
        text = edited(text, "path: logs/sixbtc.log", "path: ../../log/x.log");
        QVERIFY(!text.empty());
        const auto config = parseConfig(text, "/srv/app/conf/config.yaml");
        QVERIFY2(config.has_value(), config ? "" : describe(config.error()).constData());
        QCOMPARE(config->sourcePath, std::filesystem::path("/srv/app/conf/config.yaml"));
        QCOMPARE(config->data.dir, std::filesystem::path("/srv/app/conf/candles/5m"));
        QCOMPARE(config->database.sqlite.path, std::filesystem::path("/var/lib/sixbtc/db.sqlite"));
        QCOMPARE(config->logging.filePath, std::filesystem::path("/srv/log/x.log"));
    }

    void relativeSourcePathBecomesAbsolute()
    {
        const auto config = parseConfig(shippedText(), "some/dir/../config.yaml");
        QVERIFY(config.has_value());
        const std::filesystem::path cwd = std::filesystem::current_path();
        QCOMPARE(config->sourcePath, (cwd / "some" / "config.yaml").lexically_normal());
        QCOMPARE(config->data.dir, (cwd / "resources" / "data").lexically_normal());
    }

    void unreadableFilesNameThePathAndReason_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QString::fromStdString(fixturePath("no-such-file.yaml"))
                                 << QStringLiteral("No such file or directory");
        QTest::newRow("directory") << QString::fromStdString(fixturePath("")) << QStringLiteral("Is a directory");
    }
    void unreadableFilesNameThePathAndReason()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const auto config = loadConfig(path.toStdString());
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().code, ErrorCode::Config);
        const QString message = QString::fromStdString(config.error().message);
        QVERIFY2(message.startsWith(path + QStringLiteral(": cannot read the configuration file")),
                 qPrintable(message));
        QVERIFY2(message.endsWith(reason), qPrintable(message));
    }

    void oversizedFileIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("huge.yaml")).toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            const std::string line = "# padding padding padding padding padding padding padding padding\n";
            for (std::size_t written = 0; written <= 4 * 1024 * 1024; written += line.size())
                out << line;
        }
        const auto config = loadConfig(path);
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().message, path + ": cannot read the configuration file: larger than 4 MiB");
    }

    void syntaxErrorsGiveLineAndColumn()
    {
        const std::string path = fixturePath("syntax-error.yaml");
        const auto config = loadConfig(path);
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().code, ErrorCode::Config);
        QCOMPARE(config.error().message, path + ": 1 configuration problem");
        QCOMPARE(config.error().details.size(), std::size_t(1));
        // The flow list opened on line 5 is never closed; yaml-cpp notices at the colon of `symbols:` on line 6.
        QCOMPARE(toQString(config.error().details[0]),
                 toQString(path + ":6:10: YAML syntax error: end of sequence flow not found"));
    }

    void inlineSyntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detail");
        const QString prefix = QStringLiteral("/cfg/test/config.yaml:");
        // A lone "," makes yaml-cpp 0.7 return the same empty document forever (YAML::LoadAll never ends).
        QTest::newRow("lone comma") << QStringLiteral(",")
                                    << prefix + QStringLiteral("1:1: YAML syntax error: unexpected character ','");
        QTest::newRow("comma after mapping")
            << QStringLiteral("a: 1\n,\n") << prefix + QStringLiteral("2:1: YAML syntax error: end of map not found");
        QTest::newRow("stray flow end") << QStringLiteral("\n\n  ]")
                                        << prefix + QStringLiteral("3:3: YAML syntax error: illegal flow end");
        QTest::newRow("undefined alias") << QStringLiteral("a: 1\nb: *nowhere\n")
                                         << prefix + QStringLiteral("2:4: YAML syntax error: the referenced anchor "
                                                                    "is not defined");
    }
    void inlineSyntaxErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, detail);
        const auto config = parseConfig(text.toStdString(), kSourcePath);
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().message, kSourcePath + ": 1 configuration problem");
        QCOMPARE(config.error().details.size(), std::size_t(1));
        QCOMPARE(toQString(config.error().details[0]), detail);
    }

    void keyShapeProblems()
    {
        // A duplicate section and a non-text key, each reported where it stands; the rest still loads.
        const std::string text = shippedText() + "pool:\n  max_active: 3\n? [a, b]\n: 1\n";
        const auto config = parseConfig(text, kSourcePath);
        QVERIFY(!config.has_value());
        const int duplicateLine = lineOfText(text, "pool:\n  max_active: 3");
        const std::vector<std::string> expected = {
            kSourcePath + ':' + std::to_string(duplicateLine) + ": pool: duplicate key",
            kSourcePath + ':' + std::to_string(duplicateLine + 2) +
                ": (top level): expected plain key names, got a list",
        };
        QVERIFY2(config.error().details == expected, describe(config.error()).constData());
    }

    void documentShapeProblems_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("detail");
        const QString expected = QStringLiteral("/cfg/test/config.yaml:%1: (top level): expected a mapping of "
                                                "configuration sections, got %2");
        QTest::newRow("empty") << QString() << expected.arg(1).arg(QStringLiteral("an empty document"));
        QTest::newRow("only comments") << QStringLiteral("# nothing\n\n# here\n")
                                       << expected.arg(1).arg(QStringLiteral("an empty document"));
        QTest::newRow("null") << QStringLiteral("~\n") << expected.arg(1).arg(QStringLiteral("nothing"));
        QTest::newRow("scalar") << QStringLiteral("\n\nhello\n") << expected.arg(3).arg(QStringLiteral("'hello'"));
        QTest::newRow("list") << QStringLiteral("# list\n- a\n- b\n") << expected.arg(2).arg(QStringLiteral("a list"));
    }
    void documentShapeProblems()
    {
        QFETCH(QString, text);
        QFETCH(QString, detail);
        const auto config = parseConfig(text.toStdString(), kSourcePath);
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().details.size(), std::size_t(1));
        QCOMPARE(toQString(config.error().details[0]), detail);
    }

    void secondDocumentIsAProblem()
    {
        const std::string text = shippedText() + "---\npool: {max_active: 1}\n";
        const auto config = parseConfig(text, kSourcePath);
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().details.size(), std::size_t(1));
        const int line = lineOfText(text, "---");
        QCOMPARE(config.error().details[0],
                 kSourcePath + ':' + std::to_string(line) + ": (top level): expected one YAML document, got more");
    }

    void reportsEveryProblemOfABrokenFile()
    {
        const std::string path = fixturePath("broken.yaml");
        const auto config = loadConfig(path);
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().code, ErrorCode::Config);
        // Hand-written from the fixture: one line per broken key, in file order.
        const std::vector<std::string> expected = {
            path + ":5: trading.timeframes[2]: expected one of 5m | 15m | 30m | 1h | 4h | 1d, got '2h'",
            path + ":12: data.colour: unknown key",
            path + ":14: backtest.exit_on_opposite: missing key, expected true or false",
            path + ":16: backtest.fee_rate: expected a value in [0, 0.01], got '0.05'",
            path + ":18: backtest.threads: expected an integer >= 0, got 'many'",
            path + ":24: risk.fixed_fractional.risk_per_trade_pct: expected a value in (0, 0.2], got '0.5'",
            path + ":36: hyperliquid.network: expected one of mainnet | testnet, got 'devnet'",
            path + ":37: hyperliquid.base_url: expected an https:// URL (http:// only for hosts in 127.0.0.0/8), "
                   "got 'http://api.hyperliquid.xyz'",
            path + ":61: optimization.grid.sl_pct[2]: expected a value > 0, got '-0.01'",
            path + ":71: validation.walk_forward.min_windows_with_edge: expected a value <= windows (4), got '5'",
            path + ":83: scoring.min_trades.1d: missing key, expected an integer >= 1",
            path + ":100: database.postgres.sslmode: expected one of disable | allow | prefer | require | verify-ca | "
                   "verify-full, got 'sometimes'",
        };
        QCOMPARE(config.error().message, path + ": " + std::to_string(expected.size()) + " configuration problems");
        QVERIFY2(config.error().details == expected, describe(config.error()).constData());
    }
};

QTEST_GUILESS_MAIN(TstConfigLoader)
#include "tst_configloader.moc"
