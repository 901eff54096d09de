// SPDX-License-Identifier: MIT
// Tests of every kind of configuration problem: each names the dotted key path, file:line and the expectation.
#include <QtTest>

#include "configtestsupport.h"

using namespace sixbtc::config;
using namespace sixbtc::config::test;
using sixbtc::common::ErrorCode;

class TstConfigProblems : public QObject
{
    Q_OBJECT

private:
    /// Row: replace `from` by `to` in the shipped file; expect exactly one problem, at the line where
    /// `lineMarker` starts in the edited text, reading `<path>: <text>`.
    static void addRow(const char* name, const std::string& from, const std::string& to, const std::string& lineMarker,
                       const std::string& path, const std::string& text)
    {
        QTest::newRow(name) << toQString(from) << toQString(to) << toQString(lineMarker) << toQString(path)
                            << toQString(text);
    }

private slots:
    void oneProblem_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("lineMarker");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");

        // Missing keys: reported at the line of the mapping that should hold them.
        addRow("missing scalar", "  fee_rate: 0.0004          # [0, 0.01], per side\n", "",
               "backtest:", "backtest.fee_rate", "missing key, expected a number in [0, 0.01]");
        addRow("missing in flow mapping", ", max_attempts: 5}", "}", "  retry:", "hyperliquid.retry.max_attempts",
               "missing key, expected an integer in [1, 100]");
        addRow("missing section", "pool:\n  max_active: 200\n", "", "trading:", "pool",
               "missing key, expected a mapping");
        addRow("missing list", "  symbols: [BTC, ETH, SOL]                  # base assets; non-empty\n", "",
               "trading:", "trading.symbols", "missing key, expected a non-empty list of base assets (BTC, ETH ...)");
        addRow("missing min_trades timeframe", ", 1d: 8}", "}", "  min_trades:", "scoring.min_trades.1d",
               "missing key, expected an integer >= 1");

        // Wrong types.
        addRow("text for number", "initial_equity: 10000.0", "initial_equity: lots",
               "  initial_equity:", "backtest.initial_equity", "expected a number > 0, got 'lots'");
        addRow("quoted number", "fee_rate: 0.0004", "fee_rate: \"0.0004\"", "  fee_rate:", "backtest.fee_rate",
               "expected a number in [0, 0.01], got '\"0.0004\"'");
        addRow("empty value", "fee_rate: 0.0004", "fee_rate:", "  fee_rate:", "backtest.fee_rate",
               "expected a number in [0, 0.01], got nothing");
        addRow("yes for boolean", "exit_on_opposite: true", "exit_on_opposite: yes",
               "  exit_on_opposite:", "backtest.exit_on_opposite", "expected true or false, got 'yes'");
        addRow("fraction for integer", "threads: 0 ", "threads: 1.5", "  threads:", "backtest.threads",
               "expected an integer >= 0, got '1.5'");
        addRow("scalar for list", "timeframes: [5m, 15m, 30m, 1h, 4h, 1d]", "timeframes: 5m",
               "  timeframes:", "trading.timeframes", "expected a non-empty list of timeframes, got '5m'");
        addRow("empty list", "timeframes: [5m, 15m, 30m, 1h, 4h, 1d]", "timeframes: []",
               "  timeframes:", "trading.timeframes", "expected a non-empty list of timeframes, got an empty list");
        addRow("scalar for section", "pool:\n  max_active: 200\n", "pool: 200\n", "pool:", "pool",
               "expected a mapping, got '200'");
        addRow("list for mapping", "retry: {initial_backoff_ms: 200, max_backoff_ms: 5000, max_attempts: 5}",
               "retry: [200, 5000, 5]", "  retry:", "hyperliquid.retry", "expected a mapping, got a list");
        addRow("infinity", "initial_equity: 10000.0", "initial_equity: .inf",
               "  initial_equity:", "backtest.initial_equity", "expected a number > 0, got '.inf'");
        addRow("overflowing number", "initial_equity: 10000.0", "initial_equity: 1e999",
               "  initial_equity:", "backtest.initial_equity", "expected a finite number > 0, got '1e999'");

        // Out of range.
        addRow("above upper bound", "risk_per_trade_pct: 0.02", "risk_per_trade_pct: 0.3",
               "    risk_per_trade_pct:", "risk.fixed_fractional.risk_per_trade_pct",
               "expected a value in (0, 0.2], got '0.3'");
        addRow("on open bound", "risk_per_trade_pct: 0.02", "risk_per_trade_pct: 0",
               "    risk_per_trade_pct:", "risk.fixed_fractional.risk_per_trade_pct",
               "expected a value in (0, 0.2], got '0'");
        addRow("negative", "holdout_days: 30", "holdout_days: -1", "  holdout_days:", "backtest.holdout_days",
               "expected an integer >= 0, got '-1'");
        addRow("port", "port: 5432", "port: 70000", "  postgres:", "database.postgres.port",
               "expected an integer in [1, 65535], got '70000'");
        addRow("beyond 32 bits", "max_active: 200", "max_active: 3000000000", "  max_active:", "pool.max_active",
               "expected an integer in [1, 2147483647], got '3000000000'");
        addRow("beyond 64 bits", "max_active: 200", "max_active: 99999999999999999999",
               "  max_active:", "pool.max_active", "expected an integer >= 1, got '99999999999999999999'");
        addRow("seed negative", "seed: 42", "seed: -42", "  shuffle:", "validation.shuffle.seed",
               "expected an integer in [0, 18446744073709551615], got '-42'");
        addRow("timeout", "request_timeout_ms: 10000", "request_timeout_ms: 0",
               "  request_timeout_ms:", "hyperliquid.request_timeout_ms",
               "expected an integer in [1, 600000], got '0'");
        addRow("jitter", "jitter: 0.2", "jitter: 1.5", "  ws_reconnect:", "hyperliquid.ws_reconnect.jitter",
               "expected a value in [0, 1], got '1.5'");

        // Unknown and duplicate keys.
        addRow("unknown key", "  holdout_days: 30", "  holdout_days: 30\n  holdout_dayz: 31",
               "  holdout_dayz:", "backtest.holdout_dayz", "unknown key");
        addRow("unknown section", "pool:\n", "pools: {max_active: 3}\npool:\n", "pools:", "pools", "unknown key");
        addRow("unknown min_trades timeframe", ", 1d: 8}", ", 1d: 8, 2h: 5}", "  min_trades:", "scoring.min_trades.2h",
               "unknown key");
        addRow("duplicate key", "  holdout_days: 30", "  holdout_days: 30\n  fee_rate: 0.0005", "  fee_rate: 0.0005",
               "backtest.fee_rate", "duplicate key");
        addRow("postgres password", "connect_timeout_s: 5}", "connect_timeout_s: 5,\n             password: x}",
               "             password", "database.postgres.password",
               "not allowed here: the password comes from PGPASSWORD, ~/.pgpass or the keyring");

        // Bad choices and list elements.
        addRow("bad enum", "network: mainnet", "network: devnet", "  network:", "hyperliquid.network",
               "expected one of mainnet | testnet, got 'devnet'");
        addRow("bad backend", "backend: sqlite", "backend: mysql", "  backend:", "database.backend",
               "expected one of sqlite | postgres, got 'mysql'");
        addRow("bad log level", "console_level: info", "console_level: verbose",
               "  console_level:", "logging.console_level",
               "expected one of trace | debug | info | warn | error, got 'verbose'");
        addRow("bad prefer", "prefer: perpetual", "prefer: futures", "  prefer:", "data.prefer",
               "expected one of perpetual | spot, got 'futures'");
        addRow("grid element", "sl_pct: [0.005, 0.0075, 0.01,", "sl_pct: [0.005, 0.0075, -0.01,",
               "    sl_pct:", "optimization.grid.sl_pct[2]", "expected a value > 0, got '-0.01'");
        addRow("leverage element", "leverage: [1, 2, 5, 10]", "leverage: [1, 0.5, 5, 10]",
               "    leverage:", "optimization.grid.leverage[1]", "expected a value >= 1, got '0.5'");
        addRow("exit bars element", "exit_after_bars: [0, 12, 48, 288]", "exit_after_bars: [0, 12, 4.8, 288]",
               "    exit_after_bars:", "optimization.grid.exit_after_bars[2]", "expected an integer >= 0, got '4.8'");
        addRow("timeframe element", "timeframes: [5m, 15m, 30m, 1h, 4h, 1d]", "timeframes: [5m, 2h]",
               "  timeframes:", "trading.timeframes[1]", "expected one of 5m | 15m | 30m | 1h | 4h | 1d, got '2h'");
        addRow("duplicate timeframe", "timeframes: [5m, 15m, 30m, 1h, 4h, 1d]", "timeframes: [5m, 1h, 5m]",
               "  timeframes:", "trading.timeframes[2]", "expected each timeframe once, got '5m'");
        addRow("duplicate symbol", "symbols: [BTC, ETH, SOL]", "symbols: [BTC, ETH, BTC]",
               "  symbols:", "trading.symbols[2]", "expected each symbol once, got 'BTC'");
        addRow("bad symbol", "symbols: [BTC, ETH, SOL]", "symbols: [BTC, BTC-USD]", "  symbols:", "trading.symbols[1]",
               "expected a base asset of 1 to 20 letters and digits, got 'BTC-USD'");
        addRow("exclude with slash", "exclude: [coinbase_btcusd_cdd,", "exclude: [a/b,",
               "  exclude:", "data.exclude[0]", "expected a folder name without '/', got 'a/b'");
    }
    void oneProblem()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, lineMarker);
        QFETCH(QString, path);
        QFETCH(QString, text);
        const std::string edit = edited(shippedText(), from.toStdString(), to.toStdString());
        QVERIFY2(!edit.empty(), "the edit does not apply to the shipped file exactly once");
        const auto config = parseConfig(edit, kSourcePath);
        QVERIFY(!config.has_value());
        QCOMPARE(config.error().code, ErrorCode::Config);
        QCOMPARE(config.error().message, kSourcePath + ": 1 configuration problem");
        QVERIFY2(config.error().details.size() == 1, describe(config.error()).constData());
        QVERIFY(occurrences(edit, lineMarker.toStdString()) >= 1);
        const int line = lineOfText(edit, lineMarker.toStdString());
        const QString expected = QStringLiteral("%1:%2: %3: %4").arg(toQString(kSourcePath)).arg(line).arg(path, text);
        QCOMPARE(toQString(config.error().details[0]), expected);
    }
};

QTEST_GUILESS_MAIN(TstConfigProblems)
#include "tst_configproblems.moc"
