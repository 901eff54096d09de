// SPDX-License-Identifier: MIT
// Fixed /info answers in the shapes of hyperliquid.md section 3, shared by the parser tests and the fake server.
#pragma once

#include <QByteArray>
#include <QString>

namespace sixbtc::fakes::hyperliquid {

/// The account address every canned per-user answer belongs to.
QString cannedUser();

/// The canned answer of an /info `type`, or an empty array for a type without canned state.
QByteArray cannedInfo(const QString& type);

} // namespace sixbtc::fakes::hyperliquid
