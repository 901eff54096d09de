// SPDX-License-Identifier: MIT
// SHA-256 digests as lowercase hex: the code hashes and dataset hashes of the strategy store's lineage.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace sixbtc::common {

/// Feeds bytes into one SHA-256 digest, piece by piece. Not copyable (owns the hash state).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::span<const unsigned char> bytes);
    void update(std::string_view text);
    /// The 64 lowercase hex digits of the digest of everything fed so far; the object is reset afterwards.
    std::string finishHex();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// The lowercase hex SHA-256 of `text` (its bytes as given).
std::string sha256Hex(std::string_view text);

} // namespace sixbtc::common
