// SPDX-License-Identifier: MIT
// Reader of the hyperliquid section: endpoints, timeouts, retry and rate limits, subaccounts.
#include <algorithm>
#include <charconv>
#include <set>

#include "config/sectionreaders.h"

namespace sixbtc::config {

namespace {

const NumberRange kFraction = between(Bound::Closed, 0.0, 1.0, Bound::Closed);
const IntegerRange kMilliseconds = integersBetween(1, 600'000);
const IntegerRange kSeconds = integersBetween(1, 600);

/// A dotted IPv4 address whose first octet is 127.
bool isLoopbackV4(std::string_view host)
{
    int octets = 0;
    int first = -1;
    std::size_t start = 0;
    while (start <= host.size()) {
        const std::size_t dot = std::min(host.find('.', start), host.size());
        const std::string_view part = host.substr(start, dot - start);
        int value = -1;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || part.size() > 3 || ec != std::errc() || end != part.data() + part.size() || value > 255)
            return false;
        if (octets == 0)
            first = value;
        ++octets;
        start = dot + 1;
    }
    return octets == 4 && first == 127;
}

bool isHostChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/// `secure://host[:port][/path]`, or `plain://` when the host is in 127.0.0.0/8.
bool isAllowedUrl(std::string_view url, std::string_view secure, std::string_view plain)
{
    if (std::any_of(url.begin(), url.end(), [](char c) { return c <= ' ' || c == '\x7f'; }))
        return false;
    bool isPlain = false;
    if (url.starts_with(std::string(secure) + "://")) {
        url.remove_prefix(secure.size() + 3);
    } else if (url.starts_with(std::string(plain) + "://")) {
        url.remove_prefix(plain.size() + 3);
        isPlain = true;
    } else {
        return false;
    }
    const std::string_view authority = url.substr(0, url.find_first_of("/?#"));
    const std::size_t colon = authority.find(':');
    const std::string_view host = authority.substr(0, colon);
    if (host.empty() || !std::all_of(host.begin(), host.end(), isHostChar))
        return false;
    if (colon != std::string_view::npos) {
        const std::string_view portText = authority.substr(colon + 1);
        int port = 0;
        const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
        if (portText.empty() || ec != std::errc() || end != portText.data() + portText.size() || port < 1 ||
            port > 65535)
            return false;
    }
    return !isPlain || isLoopbackV4(host);
}

std::string readUrl(MappingReader& section, std::string_view key, std::string_view secure, std::string_view plain)
{
    std::string url = section.text(key);
    if (section.valid(key) && !isAllowedUrl(url, secure, plain)) {
        const std::string article = secure == "https" ? "an " : "a ";
        section.problem(key, "expected " + article + std::string(secure) + ":// URL (" + std::string(plain) +
                                 ":// only for hosts in 127.0.0.0/8)" + section.gotOf(key));
    }
    return url;
}

bool isAddress(const std::string& text)
{
    return text.size() == 42 && text.starts_with("0x") && std::all_of(text.begin() + 2, text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

std::vector<SubaccountSettings> readSubaccounts(MappingReader& section)
{
    std::vector<SubaccountSettings> subaccounts;
    std::set<std::string> names;
    for (auto& element : section.mappingList("subaccounts", "a mapping {name, address, capital_usdc}")) {
        SubaccountSettings subaccount;
        subaccount.name = element.text("name");
        if (element.valid("name") && !names.insert(subaccount.name).second)
            element.problem("name", "expected a unique subaccount name" + element.gotOf("name"));
        subaccount.address = element.text("address");
        if (element.valid("address") && !isAddress(subaccount.address))
            element.problem("address", "expected 0x followed by 40 hex digits" + element.gotOf("address"));
        subaccount.capitalUsdc = element.number("capital_usdc", above(0.0));
        element.finish();
        subaccounts.push_back(std::move(subaccount));
    }
    return subaccounts;
}

RetrySettings readRetry(MappingReader& section)
{
    MappingReader retry = section.mapping("retry");
    RetrySettings settings;
    settings.initialBackoffMs = retry.integer("initial_backoff_ms", kMilliseconds);
    settings.maxBackoffMs = retry.integer("max_backoff_ms", kMilliseconds);
    if (retry.valid("initial_backoff_ms") && retry.valid("max_backoff_ms") &&
        settings.maxBackoffMs < settings.initialBackoffMs) {
        retry.problem("max_backoff_ms", "expected a value >= initial_backoff_ms (" +
                                            std::to_string(settings.initialBackoffMs) + ")" +
                                            retry.gotOf("max_backoff_ms"));
    }
    settings.maxAttempts = retry.integer("max_attempts", integersBetween(1, 100));
    retry.finish();
    return settings;
}

WsReconnectSettings readWsReconnect(MappingReader& section)
{
    MappingReader reconnect = section.mapping("ws_reconnect");
    WsReconnectSettings settings;
    settings.initialMs = reconnect.integer("initial_ms", kMilliseconds);
    settings.maxMs = reconnect.integer("max_ms", kMilliseconds);
    if (reconnect.valid("initial_ms") && reconnect.valid("max_ms") && settings.maxMs < settings.initialMs) {
        reconnect.problem("max_ms", "expected a value >= initial_ms (" + std::to_string(settings.initialMs) + ")" +
                                        reconnect.gotOf("max_ms"));
    }
    settings.jitter = reconnect.number("jitter", kFraction);
    reconnect.finish();
    return settings;
}

} // namespace

HyperliquidSettings readHyperliquid(MappingReader& root)
{
    MappingReader section = root.mapping("hyperliquid");
    HyperliquidSettings settings;
    settings.network = section.choice("network", {"mainnet", "testnet"}) == 0 ? Network::Mainnet : Network::Testnet;
    settings.baseUrl = readUrl(section, "base_url", "https", "http");
    settings.wsUrl = readUrl(section, "ws_url", "wss", "ws");
    settings.minNotional = section.number("min_notional", above(0.0));
    settings.requestTimeoutMs = section.integer("request_timeout_ms", kMilliseconds);
    settings.expiresAfterMs = section.integer("expires_after_ms", kMilliseconds);
    settings.retry = readRetry(section);

    MappingReader rateLimit = section.mapping("rate_limit");
    settings.rateLimit.ipWeightPerMin = rateLimit.integer("ip_weight_per_min", integersBetween(1, 1200));
    settings.rateLimit.reservedForCancels =
        rateLimit.number("reserved_for_cancels", between(Bound::Closed, 0.0, 1.0, Bound::Open));
    rateLimit.finish();

    settings.wsPingIntervalS = section.integer("ws_ping_interval_s", kSeconds);
    settings.wsReconnect = readWsReconnect(section);
    settings.maxSymbolsPerWs = section.integer("max_symbols_per_ws", integersBetween(1, 1000));
    settings.wsIdleTimeoutS = section.integer("ws_idle_timeout_s", kSeconds);
    if (section.valid("ws_ping_interval_s") && section.valid("ws_idle_timeout_s") &&
        settings.wsIdleTimeoutS <= settings.wsPingIntervalS) {
        section.problem("ws_idle_timeout_s", "expected a value > ws_ping_interval_s (" +
                                                 std::to_string(settings.wsPingIntervalS) + ")" +
                                                 section.gotOf("ws_idle_timeout_s"));
    }
    settings.maxClockSkewMs = section.integer("max_clock_skew_ms", kMilliseconds);
    settings.subaccounts = readSubaccounts(section);
    section.finish();
    return settings;
}

} // namespace sixbtc::config
