// SPDX-License-Identifier: MIT
// Inputs that several commands read the same way: the strategy file and the --data SYMBOL=FILE arguments.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <QStringList>

#include "common/error.h"

namespace sixbtc::cli {

/// One --data SYMBOL=FILE argument.
struct DataArgument
{
    std::string symbol;
    std::filesystem::path file;
};

/// Parses every --data value; a value without SYMBOL=FILE or a symbol named twice is a usage error.
common::Result<std::vector<DataArgument>> parseDataArguments(const QStringList& values);

/// The bytes of a strategy file; a folder or an unreadable file is an input error naming the path.
common::Result<std::string> readStrategyFile(const std::filesystem::path& path);

} // namespace sixbtc::cli
