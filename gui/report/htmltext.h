// SPDX-License-Identifier: MIT
// Text pieces of the report page: HTML escaping and the number and time formats of its tables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sixbtc::gui::report {

/// `text` with & < > " ' replaced by their character references, safe in element content and quoted attributes.
std::string escapeHtml(std::string_view text);

/// `value` with `decimals` digits after the point ("-" for a non-finite value).
std::string fixedText(double value, int decimals);

/// A fraction as a percentage with `decimals` digits after the point: (0.12345, 2) -> "12.35%" ("-" for a
/// non-finite value).
std::string percentText(double fraction, int decimals);

/// "YYYY-MM-DD HH:MM" in UTC.
std::string utcText(std::int64_t timeMs);

} // namespace sixbtc::gui::report
