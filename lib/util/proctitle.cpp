// proctitle.cpp: see proctitle.hpp. Linux shows /proc/PID/cmdline from the
// argv block; overwriting it in place is how sendmail names its processes.
#include "util/proctitle.hpp"

#include <cstring>
#include <string>

namespace util {

namespace {
char* g_start = nullptr;
std::size_t g_size = 0;  // bytes of the argv block, its last NUL included
std::string g_prefix;
}  // namespace

void proctitle_init(int argc, char** argv, std::string_view prefix) {
    if (argc <= 0 || argv == nullptr || argv[0] == nullptr) return;
    char* end = argv[0] + std::strlen(argv[0]) + 1;
    for (int i = 1; i < argc && argv[i] == end; ++i) end = argv[i] + std::strlen(argv[i]) + 1;
    g_start = argv[0];
    g_size = static_cast<std::size_t>(end - g_start);
    g_prefix = std::string(prefix);
}

std::size_t proctitle_room() { return g_size > 0 ? g_size - 1 : 0; }

void set_proctitle(std::string_view text) {
    if (g_start == nullptr) return;
    std::string title = g_prefix + std::string(text);
    std::size_t n = std::min(title.size(), proctitle_room());
    std::memcpy(g_start, title.data(), n);
    std::memset(g_start + n, 0, g_size - n);
}

}  // namespace util
