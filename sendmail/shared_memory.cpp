// shared_memory.cpp: the segment is only a sign that a daemon is running;
// -bP counts the queue directories itself when it finds one, so the figures
// are never older than the listing.
#include "sendmail/shared_memory.hpp"

#include <cstdlib>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include "util/files.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

constexpr size_t kSegmentSize = 4096;

std::optional<key_t> parse_key(const std::string& text) {
    std::string t(util::trim(text));
    if (t.empty()) return std::nullopt;
    char* end = nullptr;
    long v = std::strtol(t.c_str(), &end, 10);
    if (*end != '\0') return std::nullopt;
    return static_cast<key_t>(v);
}

}  // namespace

std::optional<key_t> shared_memory_key(const SubmitSettings& s) {
    std::optional<key_t> key = parse_key(s.option("SharedMemoryKey"));
    if (!key || *key == 0) return std::nullopt;
    if (*key != -1) return key;
    std::string file = s.option("SharedMemoryKeyFile");
    if (file.empty()) return std::nullopt;
    auto text = util::read_file(file, 64);
    if (!text) return std::nullopt;
    key = parse_key(*text);
    return key && *key > 0 ? key : std::nullopt;
}

bool shared_memory_present(const SubmitSettings& s) {
    std::optional<key_t> key = shared_memory_key(s);
    return key && shmget(*key, 0, 0) >= 0;
}

SharedMemorySegment::SharedMemorySegment(const SubmitSettings& s) {
    std::optional<key_t> configured = parse_key(s.option("SharedMemoryKey"));
    if (!configured || *configured == 0) return;
    if (*configured != -1) {
        id_ = shmget(*configured, kSegmentSize, IPC_CREAT | 0600);
        return;
    }
    // Key -1: pick a free key and tell the others where it is.
    std::string file = s.option("SharedMemoryKeyFile");
    if (file.empty()) return;
    key_t k = static_cast<key_t>(getpid() % 100000) * 256 + 1;
    for (int n = 0; n < 64 && id_ < 0; ++n, ++k) id_ = shmget(k, kSegmentSize, IPC_CREAT | IPC_EXCL | 0600);
    if (id_ < 0) return;
    if (util::write_file_atomic(file, std::to_string(k - 1) + "\n", 0644)) key_file_ = file;
}

SharedMemorySegment::~SharedMemorySegment() {
    if (id_ >= 0) shmctl(id_, IPC_RMID, nullptr);
    if (!key_file_.empty()) unlink(key_file_.c_str());
}

}  // namespace sendmail
