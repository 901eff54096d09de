// SPDX-License-Identifier: MIT
// Signing throughput on one core: L1 order actions through msgpack, keccak, EIP-712 and secp256k1 ECDSA.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "exchange/hyperliquid/signing/actions.h"
#include "exchange/hyperliquid/signing/signedaction.h"

using namespace sixbtc::exchange::hyperliquid;

namespace {

constexpr int kSignatures = 20'000;
constexpr double kTargetPerSecond = 5'000.0;

/// A realistic order: one limit order with a client order id, distinct per iteration so nothing is cached.
WireValue orderFor(int i)
{
    Cloid::Bytes bytes{};
    for (int b = 0; b < 4; ++b)
        bytes[15 - b] = static_cast<std::uint8_t>(i >> (8 * b));
    const std::array orders{OrderRequest{0, i % 2 == 0, std::to_string(60'000 + i % 5'000), "0.01", false,
                                         LimitOrderType{Tif::Gtc}, Cloid::fromBytes(bytes)}};
    return orderAction(orders, Grouping::Na);
}

} // namespace

int main()
{
    auto key = PrivateKey::fromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
    if (!key) {
        std::fprintf(stderr, "bench_signing: %s\n", key.error().message.c_str());
        return 1;
    }
    const std::uint64_t firstNonce = 1'700'000'000'000;
    int lowV = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kSignatures; ++i) {
        const SignedAction signedAction =
            signL1Action(*key, sixbtc::config::Network::Mainnet, orderFor(i), firstNonce + std::uint64_t(i),
                         std::nullopt, firstNonce + std::uint64_t(i) + 5'000);
        lowV += signedAction.signature.v == 27 ? 1 : 0; // keeps the work observable
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double perSecond = kSignatures / seconds;
    std::printf("bench_signing: %d L1 order actions signed in %.3f s on one thread: %.0f signatures/s "
                "(target > %.0f/s: %s; v=27 share %.2f)\n",
                kSignatures, seconds, perSecond, kTargetPerSecond, perSecond > kTargetPerSecond ? "met" : "NOT met",
                double(lowV) / kSignatures);
    return EXIT_SUCCESS;
}
