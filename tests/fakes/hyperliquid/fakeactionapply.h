// SPDX-License-Identifier: MIT
// Applying an authorised /exchange action to the fake's ledger, and the response shapes of hyperliquid.md §9.
#pragma once

#include <optional>
#include <string>

#include <QByteArray>
#include <QJsonValue>

#include "fakes/hyperliquid/fakeactionparser.h"
#include "fakes/hyperliquid/fakeexchange.h"
#include "fakes/hyperliquid/fakeledger.h"

namespace sixbtc::fakes::hyperliquid {

/// Who sent an action: the recovered signer, the master it acts for, and the account it trades (the vault when set).
struct FakeActor
{
    std::string signer;
    std::string master;
    std::string user;
};

/// {"status":"err","response":<message>} with HTTP 200.
FakeAnswer exchangeError(const std::string& message);
/// {"status":"ok","response":{"type":<type>[,"data":<data>]}}.
FakeAnswer exchangeOk(const QString& type, const std::optional<QJsonValue>& data = std::nullopt);

/// Applies `action` for `actor`. `partialFill` cuts taker fills of the orders it places.
FakeAnswer applyFakeAction(FakeLedger& ledger, const FakeAction& action, const FakeActor& actor,
                           std::optional<double> partialFill);

} // namespace sixbtc::fakes::hyperliquid
