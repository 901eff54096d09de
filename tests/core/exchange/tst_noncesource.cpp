// SPDX-License-Identifier: MIT
// Tests of the per-signer nonce source: max(now_ms, last + 1), unique under concurrent signing.
#include <QtTest>

#include <atomic>
#include <thread>
#include <unordered_set>

#include "common/require.h"
#include "exchange/hyperliquid/signing/actionhash.h"
#include "exchange/hyperliquid/signing/actions.h"
#include "exchange/hyperliquid/signing/actionsigner.h"
#include "exchange/hyperliquid/signing/eip712.h"
#include "exchange/hyperliquid/signing/noncesource.h"

using namespace sixbtc::exchange::hyperliquid;

class TstNonceSource : public QObject
{
    Q_OBJECT

private slots:
    void followsTheClockAndNeverRepeats()
    {
        std::atomic<std::uint64_t> now{1'700'000'000'000};
        NonceSource nonces([&] { return now.load(); });
        QCOMPARE(nonces.last(), std::uint64_t(0));
        QCOMPARE(nonces.next(), std::uint64_t(1'700'000'000'000));
        QCOMPARE(nonces.next(), std::uint64_t(1'700'000'000'001)); // same millisecond: last + 1
        now = 1'700'000'000'500;
        QCOMPARE(nonces.next(), std::uint64_t(1'700'000'000'500)); // the clock moved on: now
        now = 1'699'999'999'000;                                   // the clock stepped back
        QCOMPARE(nonces.next(), std::uint64_t(1'700'000'000'501));
        QCOMPARE(nonces.last(), std::uint64_t(1'700'000'000'501));
    }

    void tenThousandActionsFromFourThreadsShareNoNonce()
    {
        // A clock that advances once every seven reads mixes the "now" and the "last + 1" paths.
        std::atomic<std::uint64_t> reads{0};
        const std::uint64_t start = 1'700'000'000'000;
        auto key = PrivateKey::fromHex("0x0123456789012345678901234567890123456789012345678901234567890123");
        SIXBTC_REQUIRE(key.has_value());
        ActionSigner signer(std::move(*key), sixbtc::config::Network::Testnet,
                            [&] { return start + reads.fetch_add(1) / 7; });

        constexpr int kThreads = 4;
        constexpr int kPerThread = 2500;
        std::vector<std::vector<SignedAction>> signedPerThread(kThreads);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    const std::array<CancelRequest, 1> cancel{CancelRequest{std::uint32_t(t), std::uint64_t(i)}};
                    signedPerThread[std::size_t(t)].push_back(
                        signer.signL1(cancelAction(cancel), std::nullopt, std::nullopt));
                }
            });
        }
        for (auto& thread : threads)
            thread.join();

        std::unordered_set<std::uint64_t> nonces;
        std::size_t total = 0;
        for (const auto& batch : signedPerThread) {
            for (const auto& action : batch) {
                nonces.insert(action.nonce);
                QVERIFY(action.nonce >= start);
                ++total;
            }
            // Within one thread nonces strictly increase.
            for (std::size_t i = 1; i < batch.size(); ++i)
                QVERIFY(batch[i].nonce > batch[i - 1].nonce);
        }
        QCOMPARE(total, std::size_t(kThreads * kPerThread));
        QCOMPARE(nonces.size(), total); // 0 duplicates
        QVERIFY(signer.nextNonce() > *std::max_element(nonces.begin(), nonces.end()));

        // Each nonce went into the signed hash: every tenth signature recovers the signer only with its own nonce.
        for (const auto& batch : signedPerThread) {
            for (std::size_t i = 0; i < batch.size(); i += 10) {
                const auto& action = batch[i];
                const auto digest =
                    l1ActionDigest(l1ActionHash(action.action, action.nonce, std::nullopt, std::nullopt),
                                   sixbtc::config::Network::Testnet);
                const auto recovered = recoverSigner(digest, action.signature);
                QVERIFY(recovered.has_value() && *recovered == signer.address());
                const auto shifted =
                    l1ActionDigest(l1ActionHash(action.action, action.nonce + 1, std::nullopt, std::nullopt),
                                   sixbtc::config::Network::Testnet);
                const auto other = recoverSigner(shifted, action.signature);
                QVERIFY(!other.has_value() || !(*other == signer.address()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstNonceSource)
#include "tst_noncesource.moc"
