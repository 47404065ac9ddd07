// program_map.cpp: the program class: runs the K line's command with the key
// as its last argument; the first line of its output is the value. A failing
// exit status is "no match" with that status, as sendmail reports it.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "maps/file_maps.hpp"
#include "util/files.hpp"

namespace maps {

namespace {

constexpr size_t kMaxOutput = 64 * 1024;
constexpr int kTimeoutMs = 30000;

class ProgramMap : public MapBase {
public:
    using MapBase::MapBase;

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0)
            return RawResult::tempfail(label() + ": pipe: " + std::strerror(errno)).logged();
        util::UniqueFd rd(fds[0]), wr(fds[1]);
        std::vector<std::string> argv_s = args().words;
        argv_s.push_back(key);
        std::vector<char*> argv;
        for (auto& s : argv_s) argv.push_back(s.data());
        argv.push_back(nullptr);
        pid_t pid = fork();
        if (pid < 0) return RawResult::tempfail(label() + ": fork: " + std::strerror(errno)).logged();
        if (pid == 0) {
            int devnull = open("/dev/null", O_RDONLY);
            if (devnull >= 0) dup2(devnull, 0);
            dup2(wr.get(), 1);
            execv(argv[0], argv.data());
            _exit(127);
        }
        wr.reset();
        std::string out;
        bool timed_out = !read_output(rd.get(), out);
        if (timed_out) kill(pid, SIGKILL);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        if (timed_out) return RawResult::tempfail(label() + ": " + argv_s[0] + " timed out").logged();
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : kExTempFail;
        if (code != 0) return RawResult::not_found(code);
        auto nl = out.find('\n');
        if (nl != std::string::npos) out.resize(nl);
        return RawResult::found(out);
    }

private:
    // Reads until EOF, at most kMaxOutput bytes kept; false on timeout.
    static bool read_output(int fd, std::string& out) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kTimeoutMs);
        char buf[4096];
        for (;;) {
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            struct pollfd p = {fd, POLLIN, 0};
            int rc = poll(&p, 1, static_cast<int>(left.count()));
            if (rc < 0 && errno == EINTR) continue;
            if (rc <= 0) return false;
            ssize_t n = read(fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return true;
            if (out.size() < kMaxOutput) out.append(buf, std::min(static_cast<size_t>(n), kMaxOutput - out.size()));
        }
    }
};

}  // namespace

MapResult open_program_map(const MapDeclaration& d, MapArguments a) {
    if (a.words.empty()) return util::Error(d.file, d.line, "No file name for program map " + d.name);
    return std::unique_ptr<Map>(std::make_unique<ProgramMap>(d, std::move(a), false));
}

}  // namespace maps
