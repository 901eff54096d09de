// SPDX-License-Identifier: MIT
// Versions of this build and its libraries.
#include "app/versions.h"

#include <QtGlobal>

#include "common/buildinfo.h"

namespace sixbtc::app {

std::vector<std::pair<std::string, std::string>> buildAndLibraryVersions()
{
    namespace info = common::buildinfo;
    return {
        {"SixBTC", info::version},
        {"Build type", info::buildType},
        {"Compiler", info::compiler},
        {"Qt (runtime)", qVersion()},
        {"Qt (build)", info::qtVersion},
        {"yaml-cpp", info::yamlCppVersion},
        {"spdlog", info::spdlogVersion},
        {"zlib", info::zlibVersion},
    };
}

} // namespace sixbtc::app
