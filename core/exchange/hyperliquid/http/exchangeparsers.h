// SPDX-License-Identifier: MIT
// Pure parsers of the POST /exchange answers (hyperliquid.md section 9).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <QJsonDocument>
#include <QJsonObject>

#include "exchange/hyperliquid/error.h"
#include "exchange/hyperliquid/http/exchangetypes.h"

namespace sixbtc::exchange::hyperliquid {

/// The kind of a whole-request refusal {"status":"err","response":msg}, from its message: Nonce when it speaks of
/// the nonce, Auth for an unknown signer or a bad signature ("User or API Wallet 0x.. does not exist."), else
/// Exchange.
ErrorKind classifyRefusal(std::string_view message);

/// The `response` object of {"status":"ok","response":{..}}. {"status":"err","response":msg} is an error of
/// classifyRefusal(msg); any other shape a Decode error naming the field.
HlResult<QJsonObject> parseExchangeEnvelope(const QJsonDocument& document);

/// Statuses of an `order` (or batchModify) answer, one per label in request order. A label names its order in
/// errors, e.g. "order 0 (cloid 0x..)": {"error":msg} gives an Exchange error "<label>: <msg>". The whole answer
/// fails when it is refused, malformed, or has another number of statuses than labels.
HlResult<OrderResults> parseOrderAnswer(const QJsonDocument& document, std::span<const std::string> labels);

/// Statuses of a `cancel` or `cancelByCloid` answer: "success" or {"error":msg}, one per label.
HlResult<CancelResults> parseCancelAnswer(const QJsonDocument& document, std::span<const std::string> labels);

/// An answer with nothing to report: {"status":"ok","response":{"type":"default"}} (modify, updateLeverage,
/// scheduleCancel, subAccountTransfer, approveAgent).
HlResult<void> parseDefaultAnswer(const QJsonDocument& document);

/// The new sub-account's address of a createSubAccount answer ("data": "0x.." of 40 hex digits).
HlResult<std::string> parseCreateSubAccountAnswer(const QJsonDocument& document);

} // namespace sixbtc::exchange::hyperliquid
