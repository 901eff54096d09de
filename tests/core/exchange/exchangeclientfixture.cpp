// SPDX-License-Identifier: MIT
// A fake exchange with replayed BTC/ETH markets and an ExchangeClient trading on it.
#include "exchangeclientfixture.h"

#include <chrono>
#include <cmath>

#include <QDateTime>

#include "common/timeframe.h"
#include "exchange/hyperliquid/signing/wireformat.h"
#include "fakes/hyperliquid/fakeexchangesetup.h"

namespace sixbtc::tests {

using namespace exchange::hyperliquid;
namespace fk = sixbtc::fakes::hyperliquid;

namespace {

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

fk::FakeMarketSetup loadMarket(const char* file, std::uint32_t asset, const char* coin, int szDecimals)
{
    const auto timeframe = common::Timeframe::parse("5m");
    auto setup = fk::loadReplayMarket(std::filesystem::path(SIXBTC_BUNDLED_DATA_DIR) / file, *timeframe, asset, coin,
                                      szDecimals, 50, 100);
    if (!setup)
        qFatal("cannot load %s: %s", file, setup.error().message.c_str());
    return std::move(*setup);
}

/// The replayed BTC (asset 0) and ETH (asset 1) markets, read once per process (Debug parsing is slow).
std::vector<fk::FakeMarketSetup> markets()
{
    static const std::vector<fk::FakeMarketSetup> loaded{loadMarket("BTC_USDT-5m.csv.gz", 0, "BTC", 5),
                                                         loadMarket("ETH_USDT-5m.csv.gz", 1, "ETH", 4)};
    return loaded;
}

template <typename T>
T orDie(common::Result<T> result, const char* what)
{
    if (!result)
        qFatal("%s: %s", what, result.error().message.c_str());
    return std::move(*result);
}

} // namespace

const char* const ExchangeClientFixture::kMasterKey =
    "0x0123456789012345678901234567890123456789012345678901234567890123";
const char* const ExchangeClientFixture::kAgentKey =
    "0x7f1c2a9d5b3e8f60a4c7d2e9b1f3a5c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a1";

std::int64_t wallClockMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::unique_ptr<ActionSigner> ExchangeClientFixture::signer(const char* hexKey)
{
    return std::make_unique<ActionSigner>(orDie(PrivateKey::fromHex(hexKey), "key"), config::Network::Testnet,
                                          [] { return std::uint64_t(wallClockMs()); });
}

ExchangeClientFixture::ExchangeClientFixture(const std::function<void(config::HyperliquidSettings&)>& tweak)
    : m_server(std::make_unique<fk::FakeHyperliquidServer>())
{
    if (!m_server->listen())
        qFatal("the fake exchange cannot listen");
    m_server->configureExchange(fk::hyperliquidRules(config::Network::Testnet, wallClockMs, markets()));

    m_settings.network = config::Network::Testnet;
    m_settings.baseUrl = m_server->baseUrl().toStdString();
    m_settings.requestTimeoutMs = 300;
    m_settings.expiresAfterMs = 300;
    m_settings.retry = {5, 40, 5};
    m_settings.rateLimit = {1'000'000, 0.2};
    m_settings.maxClockSkewMs = 100;
    if (tweak)
        tweak(m_settings);

    m_signer = signer(kAgentKey);
    const auto masterSigner = signer(kMasterKey);
    m_master = masterSigner->address().toHex();
    m_agent = m_signer->address().toHex();
    fake().addAccount(m_master, 100'000.0);
    fake().addAgent(m_master, m_agent);

    m_limiter = std::make_unique<RateLimiter>(m_settings.rateLimit, steadyMs);
    m_addressLimiter = std::make_unique<PerAddressLimiter>(hyperliquidPerAddressLimits(), steadyMs);
    m_info = orDie(InfoClient::create(m_settings, *m_limiter), "info client");
    m_client = clientFor(*m_signer, m_master);
}

ExchangeClientFixture::~ExchangeClientFixture()
{
    // The clients go before the fake they talk to.
    m_client.reset();
    m_info.reset();
}

std::unique_ptr<ExchangeClient> ExchangeClientFixture::clientFor(ActionSigner& signer, const std::string& account,
                                                                 const std::optional<std::string>& vault)
{
    std::optional<Address> vaultAddress;
    if (vault)
        vaultAddress = orDie(Address::fromHex(*vault), "vault");
    ExchangeClientContext context{
        signer,     orDie(Address::fromHex(account), "account"), vaultAddress, *m_info, *m_limiter, *m_addressLimiter,
        wallClockMs};
    return orDie(ExchangeClient::create(m_settings, std::move(context)), "exchange client");
}

Cloid ExchangeClientFixture::cloid(unsigned number)
{
    Cloid::Bytes bytes{};
    for (int i = 0; i < 4; ++i)
        bytes[std::size_t(15 - i)] = std::uint8_t(number >> (8 * i));
    return Cloid::fromBytes(bytes);
}

OrderRequest ExchangeClientFixture::limitOrder(std::uint32_t asset, bool isBuy, double priceFactor, double usd, Tif tif,
                                               unsigned cloidNumber)
{
    const int szDecimals = asset == 0 ? 5 : 4;
    const double price = fake().marketPrice(asset) * priceFactor;
    const double scale = std::pow(10.0, szDecimals);
    const double size = std::ceil(usd / price * scale) / scale;
    OrderRequest order{};
    order.asset = asset;
    order.isBuy = isBuy;
    order.price =
        orDie(roundPriceToTick(orDie(decimalFromDouble(price), "price"), szDecimals, MarketKind::Perp, isBuy), "tick");
    order.size = orDie(formatSize(orDie(decimalFromDouble(size), "size"), szDecimals), "size");
    order.reduceOnly = false;
    order.type = LimitOrderType{tif};
    if (cloidNumber != 0)
        order.cloid = cloid(cloidNumber);
    return order;
}

} // namespace sixbtc::tests
