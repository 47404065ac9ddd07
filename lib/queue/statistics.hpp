// statistics.hpp: sendmail's statistics file (the StatusFile option) in its
// binary layout, version 4, so sendmail's own mailstats reads ours and ours
// reads its. Updated under a lock by whoever receives or delivers mail.
#pragma once

#include <array>
#include <cstdint>
#include <ctime>
#include <string>

#include "util/result.hpp"

namespace queue {

constexpr int kStatMaxMailers = 25;
constexpr int32_t kStatMagic = 0x1B1DE;
constexpr int32_t kStatVersion = 4;
constexpr size_t kStatFileSize = 1448;  // sizeof(struct statistics) on LP64

struct Statistics {
    using Column = std::array<int64_t, kStatMaxMailers>;
    int64_t started = 0;                 // when counting began
    int64_t conn_from = 0, conn_to = 0, conn_rejected = 0;
    Column msgs_from{}, kbytes_from{}, msgs_to{}, kbytes_to{}, rejected{}, discarded{}, quarantined{};
};

// sendmail counts sizes in units of 1000 bytes, rounding up per message.
inline int64_t stat_kbytes(int64_t bytes) { return (bytes + 999) / 1000; }

// Reads a statistics file. An empty file is a fresh start (counting from
// `now`). A wrong magic number or version is an error with mailstats' words.
util::Result<Statistics> decode_statistics(const std::string& data, const std::string& path, std::time_t now);
std::string encode_statistics(const Statistics& s);

// Adds one received message of `bytes` for mailer number `mailer` to the
// file at `path`, under an exclusive lock. A missing file means statistics
// are not kept (as in sendmail): that is not an error.
util::Status count_received(const std::string& path, int mailer, int64_t bytes);

}  // namespace queue
