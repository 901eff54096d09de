// SPDX-License-Identifier: MIT
// Helpers of the signing-vector test: loading the vector file and turning its JSON into typed values.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "exchange/hyperliquid/signing/keccak.h"
#include "exchange/hyperliquid/signing/wirevalue.h"

namespace sixbtc::exchange::hyperliquid::test {

/// $SIXBTC_SIGNING_VECTORS, else the project's copy under tests/data/hyperliquid/.
QString vectorFilePath();

/// True when the vector file is the project's own copy (its case counts are known).
bool usingProjectVectorFile();

/// A 256-bit number from hex of up to 64 digits (leading zeros optional): equal arrays mean equal numbers.
/// Fails the current test (and returns zero) on malformed text.
Hash32 word256(const QString& hex);

/// Hex of the bytes, "0x"-prefixed, for comparison with the file's strings.
QString hex0x(std::span<const std::uint8_t> bytes);

/// Builds an action of the vector file through the production builders (order, createSubAccount,
/// subAccountTransfer, scheduleCancel) or, for the signing-only "dummy" type, as {type, num}. Sets `ok` false
/// and records a failure for any other type, so a new kind of action cannot pass unnoticed.
WireValue actionFromVector(const QJsonObject& action, bool& ok);

} // namespace sixbtc::exchange::hyperliquid::test
