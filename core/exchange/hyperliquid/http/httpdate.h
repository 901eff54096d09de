// SPDX-License-Identifier: MIT
// Parsing of the HTTP `Date` header (RFC 7231 section 7.1.1.1) into milliseconds since the Unix epoch.
#pragma once

#include <cstdint>
#include <optional>

#include <QByteArray>

namespace sixbtc::exchange::hyperliquid {

/// Parses an HTTP-date in any of the three forms RFC 7231 obliges a recipient to accept: IMF-fixdate
/// ("Sun, 06 Nov 1994 08:49:37 GMT"), the obsolete RFC 850 form ("Sunday, 06-Nov-94 08:49:37 GMT", two-digit
/// years read as 1970..2069) and asctime ("Sun Nov  6 08:49:37 1994"). The result is a whole second (the header's
/// resolution) in ms since the epoch; nullopt for anything malformed, including an impossible calendar date.
/// The day name is checked for form only, not against the date.
std::optional<std::int64_t> parseHttpDate(const QByteArray& header);

} // namespace sixbtc::exchange::hyperliquid
