// SPDX-License-Identifier: MIT
// Whole-file reading, with transparent gzip decompression for .gz files.
#pragma once

#include <filesystem>
#include <string>

#include "common/error.h"

namespace sixbtc::data {

/// The bytes of `path`, decompressed when the name ends in ".gz". An unreadable file is an Input
/// error; a corrupt or truncated gzip stream is a Data error naming the file.
common::Result<std::string> readFileContent(const std::filesystem::path& path);

} // namespace sixbtc::data
