// mailstats.cpp: prints the statistics file (StatusFile) per mailer, in
// sendmail's columns, or in its program-readable form (-p clears, -P keeps).
// Mailer names come from the configuration (-C file, -c for submit.cf).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sysexits.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "config/config.hpp"
#include "queue/statistics.hpp"
#include "util/files.hpp"

namespace {

struct Options {
    std::string cf = "/etc/mail/sendmail.cf", file;
    bool names = true, program = false, clear = false;
};

const char* kUsage = "usage: mailstats [-C cffile] [-c] [-f stfile] [-o] [-p] [-P]\n";

bool parse(int argc, char** argv, Options& o) {
    int c;
    while ((c = getopt(argc, argv, "C:cf:opP")) != -1) {
        switch (c) {
        case 'C': o.cf = optarg; break;
        case 'c': o.cf = "/etc/mail/submit.cf"; break;
        case 'f': o.file = optarg; break;
        case 'o': o.names = false; break;
        case 'p': o.program = o.clear = true; break;
        case 'P': o.program = true; break;
        default: return false;
        }
    }
    return optind == argc;
}

std::vector<std::string> mailer_names(const config::Config* cfg) {
    std::vector<std::string> names(queue::kStatMaxMailers);
    if (!cfg) return names;
    for (const auto& m : cfg->mailers)
        if (m.number >= 0 && m.number < queue::kStatMaxMailers) names[m.number] = m.name;
    return names;
}

bool used(const queue::Statistics& s, int m) {
    return s.msgs_from[m] || s.kbytes_from[m] || s.msgs_to[m] || s.kbytes_to[m] || s.rejected[m] ||
           s.discarded[m] || s.quarantined[m];
}

void print(const queue::Statistics& s, const std::vector<std::string>& names, const Options& o) {
    const char* k = o.program ? "" : "K";
    if (o.program) {
        std::printf("%lld %lld\n", static_cast<long long>(s.started), static_cast<long long>(std::time(nullptr)));
    } else {
        std::time_t t = static_cast<std::time_t>(s.started);
        std::printf("Statistics from %s", std::ctime(&t));
        std::printf(" M   msgsfr  bytes_from   msgsto    bytes_to  msgsrej msgsdis msgsqur%s\n",
                    o.names ? "  Mailer" : "");
    }
    queue::Statistics::Column tot{};
    long long t[7] = {0};
    for (int m = 0; m < queue::kStatMaxMailers; ++m) {
        if (!used(s, m)) continue;
        long long v[7] = {s.msgs_from[m], s.kbytes_from[m], s.msgs_to[m], s.kbytes_to[m],
                          s.rejected[m], s.discarded[m], s.quarantined[m]};
        for (int i = 0; i < 7; ++i) t[i] += v[i];
        std::printf("%2d %8lld %10lld%s %8lld %10lld%s %8lld %7lld %7lld", m, v[0], v[1], k, v[2], v[3], k, v[4], v[5],
                    v[6]);
        if (o.names) std::printf("  %s", names[m].c_str());
        std::printf("\n");
    }
    (void)tot;
    if (!o.program) std::printf("=====================================================================\n");
    std::printf(" T %8lld %10lld%s %8lld %10lld%s %8lld %7lld %7lld\n", t[0], t[1], k, t[2], t[3], k, t[4], t[5], t[6]);
    if (o.program)
        std::printf(" C %8lld %8lld %6lld\n", static_cast<long long>(s.conn_from),
                    static_cast<long long>(s.conn_to), static_cast<long long>(s.conn_rejected));
    else
        std::printf(" C %8lld %20lld %20lld\n", static_cast<long long>(s.conn_from),
                    static_cast<long long>(s.conn_to), static_cast<long long>(s.conn_rejected));
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::fputs(kUsage, stderr);
        return EX_USAGE;
    }
    config::LoadOptions lo;
    lo.path = o.cf;
    auto cfg = config::load(lo);
    if (o.file.empty()) {
        if (cfg && (*cfg)->options.count("StatusFile")) o.file = (*cfg)->options.at("StatusFile");
        if (o.file.empty()) {
            std::fprintf(stderr, "mailstats: no statistics file (StatusFile) in %s\n", o.cf.c_str());
            return EX_CONFIG;
        }
    }
    util::UniqueFd fd(open(o.file.c_str(), (o.clear ? O_RDWR : O_RDONLY) | O_CLOEXEC));
    if (!fd.valid()) {
        std::fprintf(stderr, "mailstats: %s: %s\n", o.file.c_str(), std::strerror(errno));
        return EX_NOINPUT;
    }
    flock(fd.get(), o.clear ? LOCK_EX : LOCK_SH);
    std::string data(queue::kStatFileSize, '\0');
    ssize_t n = pread(fd.get(), data.data(), data.size(), 0);
    data.resize(n > 0 ? static_cast<size_t>(n) : 0);
    auto s = queue::decode_statistics(data, o.file, std::time(nullptr));
    if (!s) {
        const std::string& why = s.error().message;
        std::fprintf(stderr, "mailstats%s %s\n", why.rfind("version", 0) == 0 ? "" : ":", why.c_str());
        return EX_OSERR;
    }
    print(*s, mailer_names(cfg ? cfg->get() : nullptr), o);
    if (o.clear) {
        queue::Statistics fresh;
        fresh.started = std::time(nullptr);
        std::string out = queue::encode_statistics(fresh);
        if (pwrite(fd.get(), out.data(), out.size(), 0) != static_cast<ssize_t>(out.size()) || ftruncate(fd.get(), out.size()) != 0) {
            std::fprintf(stderr, "mailstats: cannot clear %s\n", o.file.c_str());
            return EX_IOERR;
        }
    }
    return EX_OK;
}
