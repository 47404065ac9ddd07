// statistics.cpp: encoding of the statistics file (little-endian LP64 layout:
// magic, version, start time, size, three connection counters, then seven
// columns of 25 per-mailer counters) and its locked update.
#include "queue/statistics.hpp"

#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sysexits.h>
#include <unistd.h>

#include "util/files.hpp"

namespace queue {

namespace {

template <typename T>
void put(std::string& out, size_t off, T v) {
    std::memcpy(out.data() + off, &v, sizeof v);
}
template <typename T>
T get(const std::string& in, size_t off) {
    T v;
    std::memcpy(&v, in.data() + off, sizeof v);
    return v;
}

constexpr size_t kColumns = 0x30;  // first per-mailer column

Statistics::Column* column(Statistics& s, int i) {
    Statistics::Column* cols[] = {&s.msgs_from, &s.kbytes_from, &s.msgs_to, &s.kbytes_to,
                                  &s.rejected, &s.discarded, &s.quarantined};
    return cols[i];
}

}  // namespace

std::string encode_statistics(const Statistics& s) {
    std::string out(kStatFileSize, '\0');
    put<int32_t>(out, 0, kStatMagic);
    put<int32_t>(out, 4, kStatVersion);
    put<int64_t>(out, 8, s.started);
    put<int16_t>(out, 16, static_cast<int16_t>(kStatFileSize));
    put<int64_t>(out, 0x18, s.conn_from);
    put<int64_t>(out, 0x20, s.conn_to);
    put<int64_t>(out, 0x28, s.conn_rejected);
    Statistics copy = s;
    for (int c = 0; c < 7; ++c)
        for (int m = 0; m < kStatMaxMailers; ++m)
            put<int64_t>(out, kColumns + (c * kStatMaxMailers + m) * 8, (*column(copy, c))[m]);
    return out;
}

util::Result<Statistics> decode_statistics(const std::string& data, const std::string& path, std::time_t now) {
    Statistics s;
    if (data.empty()) {
        s.started = now;
        return s;
    }
    if (data.size() < 8 || get<int32_t>(data, 0) != kStatMagic)
        return util::Error("incorrect magic number in " + path, EX_OSERR);
    int32_t version = get<int32_t>(data, 4);
    if (version != kStatVersion || data.size() < kStatFileSize)
        return util::Error("version (" + std::to_string(kStatVersion) + ") incompatible with " + path + " version (" +
                               std::to_string(version) + ")",
                           EX_OSERR);
    s.started = get<int64_t>(data, 8);
    s.conn_from = get<int64_t>(data, 0x18);
    s.conn_to = get<int64_t>(data, 0x20);
    s.conn_rejected = get<int64_t>(data, 0x28);
    for (int c = 0; c < 7; ++c)
        for (int m = 0; m < kStatMaxMailers; ++m)
            (*column(s, c))[m] = get<int64_t>(data, kColumns + (c * kStatMaxMailers + m) * 8);
    return s;
}

util::Status count_received(const std::string& path, int mailer, int64_t bytes) {
    if (path.empty() || mailer < 0 || mailer >= kStatMaxMailers) return util::ok_status();
    util::UniqueFd fd(open(path.c_str(), O_RDWR | O_CLOEXEC));
    if (!fd.valid()) return util::ok_status();  // no file: statistics are off
    if (flock(fd.get(), LOCK_EX) != 0) return util::Error("cannot lock " + path, EX_TEMPFAIL);
    std::string data(kStatFileSize, '\0');
    ssize_t n = pread(fd.get(), data.data(), data.size(), 0);
    data.resize(n > 0 ? static_cast<size_t>(n) : 0);
    auto s = decode_statistics(data, path, std::time(nullptr));
    if (!s) return s.error();
    s->msgs_from[mailer] += 1;
    s->kbytes_from[mailer] += stat_kbytes(bytes);
    std::string out = encode_statistics(*s);
    if (pwrite(fd.get(), out.data(), out.size(), 0) != static_cast<ssize_t>(out.size()))
        return util::Error("cannot write " + path, EX_IOERR);
    return util::ok_status();
}

}  // namespace queue
