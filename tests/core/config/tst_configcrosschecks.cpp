// SPDX-License-Identifier: MIT
// Tests of the rules that involve several keys or structured values: sums, orderings, URLs, subaccounts.
#include <QtTest>

#include <array>
#include <charconv>

#include "configtestsupport.h"

using namespace sixbtc::config;
using namespace sixbtc::config::test;

namespace {

const std::string kRetry = "retry: {initial_backoff_ms: 200, max_backoff_ms: 5000, max_attempts: 5}";
const std::string kSubaccounts = "  subaccounts: []";
const std::string kAddressA = "0x" + std::string(40, 'a');
const std::string kAddressB = "0xAbCdEf0123456789abcdef0123456789ABCDEF01";

std::string shortest(double value)
{
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

} // namespace

class TstConfigCrossChecks : public QObject
{
    Q_OBJECT

private slots:
    void rejected_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("lineMarker");
        QTest::addColumn<QString>("detail");
        const auto row = [](const char* name, const std::string& from, const std::string& to, const std::string& marker,
                            const std::string& detail) {
            QTest::newRow(name) << toQString(from) << toQString(to) << toQString(marker) << toQString(detail);
        };
        row("edge windows above windows", "min_windows_with_edge: 3", "min_windows_with_edge: 5",
            "    min_windows_with_edge",
            "validation.walk_forward.min_windows_with_edge: expected a value <= windows "
            "(4), got '5'");
        // 0.25 -> 0.30 makes the sum 1.05 (printed as binary64 gives it).
        row("weights do not sum to 1", "weights: {sharpe: 0.25,", "weights: {sharpe: 0.30,", "  weights:",
            "scoring.weights: expected weights that sum to 1, got a sum of " +
                shortest(0.30 + 0.10 + 0.15 + 0.15 + 0.05 + 0.15 + 0.15));
        row("odd pbo partitions", "pbo_partitions: 16", "pbo_partitions: 15", "    pbo_partitions",
            "validation.overfitting.pbo_partitions: expected an even integer >= 4, got '15'");
        row("too few pbo partitions", "pbo_partitions: 16", "pbo_partitions: 2", "    pbo_partitions",
            "validation.overfitting.pbo_partitions: expected an integer >= 4, got '2'");
        row("max backoff below initial", kRetry,
            "retry: {initial_backoff_ms: 200, max_backoff_ms: 100, max_attempts: 5}",
            "  retry:", "hyperliquid.retry.max_backoff_ms: expected a value >= initial_backoff_ms (200), got '100'");
        row("reconnect max below initial", "ws_reconnect: {initial_ms: 500, max_ms: 30000",
            "ws_reconnect: {initial_ms: 500, max_ms: 400",
            "  ws_reconnect:", "hyperliquid.ws_reconnect.max_ms: expected a value >= initial_ms (500), got '400'");
        row("idle timeout not above ping", "ws_idle_timeout_s: 60", "ws_idle_timeout_s: 30", "  ws_idle_timeout_s",
            "hyperliquid.ws_idle_timeout_s: expected a value > ws_ping_interval_s (30), got '30'");
        row("ai_free enabled", "ai_free: {enabled: false}", "ai_free: {enabled: true}", "    ai_free:",
            "generation.strategy_sources.ai_free.enabled: expected false: AI sources are not available yet "
            "(wave 2), got 'true'");
        row("ai_assigned enabled", "ai_assigned: {enabled: false}", "ai_assigned: {enabled: true}", "    ai_assigned:",
            "generation.strategy_sources.ai_assigned.enabled: expected false: AI sources are not "
            "available yet (wave 2), got 'true'");

        const std::string https = "expected an https:// URL (http:// only for hosts in 127.0.0.0/8), got '";
        const std::string wss = "expected a wss:// URL (ws:// only for hosts in 127.0.0.0/8), got '";
        const std::string base = "base_url: https://api.hyperliquid.xyz";
        const std::string ws = "ws_url: wss://api.hyperliquid.xyz/ws";
        row("plain http", base, "base_url: http://api.hyperliquid.xyz", "  base_url",
            "hyperliquid.base_url: " + https + "http://api.hyperliquid.xyz'");
        row("http to localhost name", base, "base_url: http://localhost:8080", "  base_url",
            "hyperliquid.base_url: " + https + "http://localhost:8080'");
        row("http to 128.0.0.1", base, "base_url: http://128.0.0.1", "  base_url",
            "hyperliquid.base_url: " + https + "http://128.0.0.1'");
        row("http to 127.0.0.256", base, "base_url: http://127.0.0.256", "  base_url",
            "hyperliquid.base_url: " + https + "http://127.0.0.256'");
        row("no scheme", base, "base_url: api.hyperliquid.xyz", "  base_url",
            "hyperliquid.base_url: " + https + "api.hyperliquid.xyz'");
        row("bad port", base, "base_url: https://api.hyperliquid.xyz:99999", "  base_url",
            "hyperliquid.base_url: " + https + "https://api.hyperliquid.xyz:99999'");
        row("empty host", base, "base_url: https:///info", "  base_url",
            "hyperliquid.base_url: " + https + "https:///info'");
        row("ws scheme for rest", base, "base_url: wss://api.hyperliquid.xyz", "  base_url",
            "hyperliquid.base_url: " + https + "wss://api.hyperliquid.xyz'");
        row("plain ws", ws, "ws_url: ws://api.hyperliquid.xyz/ws", "  ws_url",
            "hyperliquid.ws_url: " + wss + "ws://api.hyperliquid.xyz/ws'");
        row("https for ws", ws, "ws_url: https://api.hyperliquid.xyz/ws", "  ws_url",
            "hyperliquid.ws_url: " + wss + "https://api.hyperliquid.xyz/ws'");

        const auto subaccount = [](const std::string& body) { return "  subaccounts:\n    - " + body; };
        row("subaccount address too short", kSubaccounts, subaccount("{name: a, address: 0x1234, capital_usdc: 100}"),
            "    - ", "hyperliquid.subaccounts[0].address: expected 0x followed by 40 hex digits, got '0x1234'");
        row("subaccount address not hex", kSubaccounts,
            subaccount("{name: a, address: 0x" + std::string(39, 'a') + "g, capital_usdc: 100}"), "    - ",
            "hyperliquid.subaccounts[0].address: expected 0x followed by 40 hex digits, got '0x" +
                std::string(38, 'a') + "...'");
        row("subaccount capital zero", kSubaccounts,
            subaccount("{name: a, address: " + kAddressA + ", capital_usdc: 0}"), "    - ",
            "hyperliquid.subaccounts[0].capital_usdc: expected a value > 0, got '0'");
        row("subaccount missing name", kSubaccounts, subaccount("{address: " + kAddressA + ", capital_usdc: 10}"),
            "    - ", "hyperliquid.subaccounts[0].name: missing key, expected a non-empty text");
        row("subaccount unknown key", kSubaccounts,
            subaccount("{name: a, address: " + kAddressA + ", capital_usdc: 10, key: secret}"), "    - ",
            "hyperliquid.subaccounts[0].key: unknown key");
        row("subaccount not a mapping", kSubaccounts, subaccount("main"), "    - ",
            "hyperliquid.subaccounts[0]: expected a mapping {name, address, capital_usdc}, got 'main'");
        row("subaccount names not unique", kSubaccounts,
            subaccount("{name: a, address: " + kAddressA +
                       ", capital_usdc: 10}\n    - {name: a, address: " + kAddressB + ", capital_usdc: 20}"),
            "    - {name: a, address: " + kAddressB,
            "hyperliquid.subaccounts[1].name: expected a unique subaccount name, got 'a'");
    }
    void rejected()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, lineMarker);
        QFETCH(QString, detail);
        const std::string edit = edited(shippedText(), from.toStdString(), to.toStdString());
        QVERIFY2(!edit.empty(), "the edit does not apply to the shipped file exactly once");
        const auto config = parseConfig(edit, kSourcePath);
        QVERIFY(!config.has_value());
        QVERIFY2(config.error().details.size() == 1, describe(config.error()).constData());
        const int line = lineOfText(edit, lineMarker.toStdString());
        QCOMPARE(toQString(config.error().details[0]),
                 QStringLiteral("%1:%2: %3").arg(toQString(kSourcePath)).arg(line).arg(detail));
    }

    void acceptedEdgeValues()
    {
        std::string text = shippedText();
        text = edited(text, "base_url: https://api.hyperliquid.xyz", "base_url: http://127.0.0.1:8080");
        text = edited(text, "ws_url: wss://api.hyperliquid.xyz/ws", "ws_url: ws://127.9.8.7:9000/ws");
        text = edited(text, "min_windows_with_edge: 3", "min_windows_with_edge: 4");
        text = edited(text, "pbo_partitions: 16", "pbo_partitions: 4");
        text = edited(text, "max_backoff_ms: 5000", "max_backoff_ms: 200");
        text = edited(text, "network: mainnet", "network: testnet");
        text = edited(text, "timeframes: [5m, 15m, 30m, 1h, 4h, 1d]", "timeframes: [1d, 5m]");
        text = edited(text, kSubaccounts,
                      "  subaccounts:\n    - {name: main, address: " + kAddressA + ", capital_usdc: 1500.5}\n" +
                          "    - name: second\n      address: " + kAddressB + "\n      capital_usdc: 20");
        QVERIFY(!text.empty());
        const auto config = parseConfig(text, kSourcePath);
        QVERIFY2(config.has_value(), config ? "" : describe(config.error()).constData());
        QCOMPARE(config->hyperliquid.baseUrl, std::string("http://127.0.0.1:8080"));
        QCOMPARE(config->hyperliquid.wsUrl, std::string("ws://127.9.8.7:9000/ws"));
        QCOMPARE(config->hyperliquid.network, Network::Testnet);
        QCOMPARE(config->validation.walkForward.minWindowsWithEdge, 4);
        QCOMPARE(config->validation.overfitting.pboPartitions, 4);
        QCOMPARE(config->hyperliquid.retry.maxBackoffMs, 200);
        QCOMPARE(config->trading.timeframes.size(), std::size_t(2));
        QCOMPARE(config->trading.timeframes[0].name(), std::string_view("1d"));
        QCOMPARE(config->hyperliquid.subaccounts.size(), std::size_t(2));
        QCOMPARE(config->hyperliquid.subaccounts[0].name, std::string("main"));
        QCOMPARE(config->hyperliquid.subaccounts[0].address, kAddressA);
        QCOMPARE(config->hyperliquid.subaccounts[0].capitalUsdc, 1500.5);
        QCOMPARE(config->hyperliquid.subaccounts[1].name, std::string("second"));
        QCOMPARE(config->hyperliquid.subaccounts[1].address, kAddressB);
        QCOMPARE(config->hyperliquid.subaccounts[1].capitalUsdc, 20.0);
    }

    void weightsWithinToleranceAreAccepted()
    {
        // 0.1 + 0.2 style rounding must not fail the sum check; a 1e-6 error must.
        const std::string close = edited(shippedText(), "trades: 0.05,", "trades: 0.0500000000001,");
        QVERIFY(parseConfig(close, kSourcePath).has_value());
        const std::string far = edited(shippedText(), "trades: 0.05,", "trades: 0.050001,");
        QVERIFY(!parseConfig(far, kSourcePath).has_value());
    }
};

QTEST_GUILESS_MAIN(TstConfigCrossChecks)
#include "tst_configcrosschecks.moc"
