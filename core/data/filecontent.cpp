// SPDX-License-Identifier: MIT
// Whole-file reading and gzip decompression through zlib.
#include "data/filecontent.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>

#include <zlib.h>

namespace sixbtc::data {

namespace {

using common::ErrorCode;

struct FileCloser
{
    void operator()(std::FILE* file) const { std::fclose(file); }
};

common::Result<std::string> readRaw(const std::filesystem::path& path)
{
    const auto cannotRead = [&](int error) {
        return common::fail(ErrorCode::Input, path.string() + ": cannot read the file (" + std::strerror(error) + ")");
    };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return cannotRead(EISDIR);
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        return cannotRead(errno);
    std::string bytes;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec)
        bytes.reserve(size);
    char buffer[1 << 16];
    for (;;) {
        const std::size_t count = std::fread(buffer, 1, sizeof buffer, file.get());
        bytes.append(buffer, count);
        if (count < sizeof buffer) {
            if (std::ferror(file.get()))
                return cannotRead(EIO);
            break;
        }
    }
    return bytes;
}

/// The uncompressed size a gzip member announces in its trailer (modulo 2^32), bounded by the
/// largest ratio deflate can reach so that a corrupt trailer cannot make us allocate wildly.
std::size_t initialOutputSize(const std::string& compressed)
{
    const std::size_t fallback = compressed.size() * 4 + 1024;
    if (compressed.size() < 18)
        return fallback;
    const auto* tail = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
    const std::size_t announced =
        std::size_t(tail[0]) | std::size_t(tail[1]) << 8 | std::size_t(tail[2]) << 16 | std::size_t(tail[3]) << 24;
    if (announced == 0 || announced > compressed.size() * 1100)
        return fallback;
    return announced + 1;
}

common::Result<std::string> gunzip(const std::filesystem::path& path, const std::string& compressed)
{
    const auto failure = [&](const std::string& reason) {
        return common::fail(ErrorCode::Data, path.string() + ": " + reason);
    };
    z_stream stream{};
    // 16 + MAX_WBITS: gzip wrapper only, with its CRC-32 and length check.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return failure("cannot initialise zlib");
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&stream, inflateEnd);

    std::string output(initialOutputSize(compressed), '\0');
    std::size_t inputUsed = 0;
    std::size_t outputUsed = 0;
    for (;;) {
        if (outputUsed == output.size())
            output.resize(output.size() * 2);
        const std::size_t inputLeft = compressed.size() - inputUsed;
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + inputUsed));
        stream.avail_in = static_cast<uInt>(std::min<std::size_t>(inputLeft, UINT_MAX));
        stream.next_out = reinterpret_cast<Bytef*>(output.data() + outputUsed);
        stream.avail_out = static_cast<uInt>(std::min<std::size_t>(output.size() - outputUsed, UINT_MAX));
        const uInt availIn = stream.avail_in;
        const uInt availOut = stream.avail_out;
        const int status = inflate(&stream, Z_NO_FLUSH);
        inputUsed += availIn - stream.avail_in;
        outputUsed += availOut - stream.avail_out;
        if (status == Z_STREAM_END) {
            if (inputUsed == compressed.size())
                break;
            // Another gzip member follows (as `cat a.gz b.gz` makes); anything else is garbage.
            if (compressed.size() - inputUsed < 2 || static_cast<unsigned char>(compressed[inputUsed]) != 0x1f ||
                static_cast<unsigned char>(compressed[inputUsed + 1]) != 0x8b)
                return failure("corrupt gzip data (unexpected bytes after the end of the compressed stream)");
            inflateReset(&stream);
            continue;
        }
        if (status == Z_OK || status == Z_BUF_ERROR) {
            // No end of stream yet: go on while there is room and input; input used up means a cut-off file.
            if (stream.avail_out == 0 || inputUsed < compressed.size())
                continue;
            return failure("truncated gzip data (the compressed stream ends early)");
        }
        if (status == Z_MEM_ERROR)
            return failure("out of memory while decompressing");
        return failure(std::string("corrupt gzip data (") + (stream.msg ? stream.msg : "invalid stream") + ")");
    }
    output.resize(outputUsed);
    return output;
}

} // namespace

common::Result<std::string> readFileContent(const std::filesystem::path& path)
{
    auto raw = readRaw(path);
    if (!raw || path.extension() != ".gz")
        return raw;
    if (raw->empty())
        return common::fail(ErrorCode::Data, path.string() + ": truncated gzip data (the file is empty)");
    return gunzip(path, *raw);
}

} // namespace sixbtc::data
