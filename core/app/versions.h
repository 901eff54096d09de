// SPDX-License-Identifier: MIT
// Versions of this build and of the libraries it uses, for the About box and `sixbtc --version`.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sixbtc::app {

/// "name", "version" pairs: SixBTC itself, its build type and compiler, then each library.
std::vector<std::pair<std::string, std::string>> buildAndLibraryVersions();

} // namespace sixbtc::app
