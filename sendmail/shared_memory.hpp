// shared_memory.hpp: sendmail's SharedMemoryKey. While a queue-running
// daemon lives it owns a System V shared memory segment under that key, and
// `sendmail -bP` prints the queue counts only then; otherwise it says
// "Data unavailable: shared memory not updated", as sendmail 8.17 does.
#pragma once

#include <optional>
#include <sys/types.h>

#include "sendmail/submit_settings.hpp"

namespace sendmail {

// The key of the SharedMemoryKey option (-1: the one a daemon chose and wrote
// to SharedMemoryKeyFile); nullopt when unset, 0, or not known yet.
std::optional<key_t> shared_memory_key(const SubmitSettings& s);

// Whether a daemon's segment exists under the configured key.
bool shared_memory_present(const SubmitSettings& s);

// The daemon's segment: created with the object, removed with it. With
// SharedMemoryKey=-1 a free key is chosen and written to SharedMemoryKeyFile.
class SharedMemorySegment {
public:
    explicit SharedMemorySegment(const SubmitSettings& s);
    ~SharedMemorySegment();
    SharedMemorySegment(const SharedMemorySegment&) = delete;
    SharedMemorySegment& operator=(const SharedMemorySegment&) = delete;

private:
    int id_ = -1;
    std::string key_file_;  // written by us, removed with the segment
};

}  // namespace sendmail
