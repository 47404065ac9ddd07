// resolver.cpp: the c-ares channel behind dns::Resolver. Each query runs the
// channel until its callback fires (poll on c-ares' sockets, bounded by its
// own timeouts), then the raw answer is decoded by answer.cpp.
#include <ares.h>
#include <arpa/inet.h>
#include <poll.h>

#include <algorithm>
#include <mutex>

#include "dns/answer.hpp"
#include "dns/dns.hpp"

namespace dns {

namespace {

struct LibraryInit {
    LibraryInit() { ok = ares_library_init(ARES_LIB_INIT_ALL) == ARES_SUCCESS; }
    bool ok = false;
};

bool library_ready() {
    static LibraryInit init;
    return init.ok;
}

struct Pending {
    bool done = false;
    int status = ARES_ETIMEOUT;
    std::string raw;
};

void on_answer(void* arg, int status, int, unsigned char* abuf, int alen) {
    auto* p = static_cast<Pending*>(arg);
    p->done = true;
    p->status = status;
    if (abuf != nullptr && alen > 0) p->raw.assign(reinterpret_cast<char*>(abuf), static_cast<size_t>(alen));
}

Status status_of(int ares_status) {
    switch (ares_status) {
    case ARES_SUCCESS: return Status::Ok;
    case ARES_ENOTFOUND: return Status::NotFound;
    case ARES_ENODATA: return Status::NoData;
    case ARES_EFORMERR:
    case ARES_EBADNAME:
    case ARES_EBADRESP:
    case ARES_ENOTIMP: return Status::PermFail;
    default: return Status::TempFail;  // timeout, refused, servfail, no server
    }
}

}  // namespace

struct Resolver::Impl {
    ares_channel channel = nullptr;
    std::mutex lock;  // one query at a time drives the channel
    ~Impl() {
        if (channel != nullptr) ares_destroy(channel);
    }

    // Runs the channel until `p` is answered; c-ares enforces the timeouts.
    void wait(Pending& p) {
        while (!p.done) {
            ares_socket_t socks[ARES_GETSOCK_MAXNUM];
            int bits = ares_getsock(channel, socks, ARES_GETSOCK_MAXNUM);
            struct pollfd fds[ARES_GETSOCK_MAXNUM];
            nfds_t n = 0;
            for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
                short ev = 0;
                if (ARES_GETSOCK_READABLE(bits, i)) ev |= POLLIN;
                if (ARES_GETSOCK_WRITABLE(bits, i)) ev |= POLLOUT;
                if (ev != 0) fds[n++] = {socks[i], ev, 0};
            }
            struct timeval tv;
            struct timeval* tvp = ares_timeout(channel, nullptr, &tv);
            int ms = tvp ? static_cast<int>(tvp->tv_sec * 1000 + tvp->tv_usec / 1000) : 1000;
            int rc = poll(fds, n, ms);
            if (rc <= 0) {
                ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
                continue;
            }
            for (nfds_t i = 0; i < n; ++i) {
                ares_socket_t r = (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) ? fds[i].fd : ARES_SOCKET_BAD;
                ares_socket_t w = (fds[i].revents & POLLOUT) ? fds[i].fd : ARES_SOCKET_BAD;
                if (r != ARES_SOCKET_BAD || w != ARES_SOCKET_BAD) ares_process_fd(channel, r, w);
            }
        }
    }

    Answer run(std::string_view name, int type, bool search) {
        std::lock_guard<std::mutex> g(lock);
        Pending p;
        std::string n(name);
        if (search) ares_search(channel, n.c_str(), 1 /* C_IN */, type, on_answer, &p);
        else ares_query(channel, n.c_str(), 1 /* C_IN */, type, on_answer, &p);
        wait(p);
        Answer a;
        a.status = status_of(p.status);
        if (a.status == Status::Ok) return decode_answer(p.raw, n, type);
        a.canonical = n;
        a.error = ares_strerror(p.status);
        return a;
    }
};

Resolver::Resolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Resolver::~Resolver() = default;

util::Result<std::unique_ptr<Resolver>> Resolver::create(const ResolverConfig& cfg) {
    if (!library_ready()) return util::Error("c-ares library initialisation failed");
    auto impl = std::make_unique<Impl>();
    struct ares_options opts = {};
    opts.timeout = static_cast<int>(cfg.timeout.count());
    opts.tries = cfg.tries;
    int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES;
    int rc = ares_init_options(&impl->channel, &opts, mask);
    if (rc != ARES_SUCCESS) return util::Error(std::string("resolver: ") + ares_strerror(rc));
    if (!cfg.servers.empty()) {
        std::string csv;
        for (const auto& s : cfg.servers) csv += (csv.empty() ? "" : ",") + s;
        rc = ares_set_servers_ports_csv(impl->channel, csv.c_str());
        if (rc != ARES_SUCCESS) return util::Error("resolver: bad name server list " + csv + ": " + ares_strerror(rc));
    }
    return std::unique_ptr<Resolver>(new Resolver(std::move(impl)));
}

Answer Resolver::query(std::string_view name, int type, bool search) { return impl_->run(name, type, search); }

Answer Resolver::addresses(std::string_view name) {
    Answer a = query(name, A);
    Answer b = query(name, AAAA);
    if (a.status == Status::Ok) {
        if (b.status == Status::Ok) a.records.insert(a.records.end(), b.records.begin(), b.records.end());
        return a;
    }
    if (b.status == Status::Ok) return b;
    // Neither has addresses: a temporary failure of either decides first.
    if (a.status == Status::TempFail) return a;
    if (b.status == Status::TempFail) return b;
    return b.status == Status::NoData ? b : a;
}

Answer Resolver::mx(std::string_view name) {
    Answer m = query(name, MX);
    if (m.status == Status::Ok) {
        std::stable_sort(m.records.begin(), m.records.end(),
                         [](const Record& x, const Record& y) { return x.preference < y.preference; });
        return m;
    }
    if (m.status != Status::NoData) return m;
    // No MX: the host itself, if it has an address (RFC 5321 section 5.1).
    Answer addr = addresses(name);
    if (addr.status != Status::Ok) return addr;
    Answer out;
    out.status = Status::Ok;
    out.canonical = addr.canonical;
    Record self;
    self.name = self.data = addr.canonical;
    self.type = MX;
    out.records.push_back(std::move(self));
    return out;
}

Answer Resolver::reverse(std::string_view address) {
    std::string a(address), name;
    unsigned char buf[16];
    if (inet_pton(AF_INET, a.c_str(), buf) == 1) {
        for (int i = 3; i >= 0; --i) name += std::to_string(buf[i]) + ".";
        name += "in-addr.arpa";
    } else if (inet_pton(AF_INET6, a.c_str(), buf) == 1) {
        static const char* hex = "0123456789abcdef";
        for (int i = 15; i >= 0; --i) {
            name += hex[buf[i] & 15];
            name += '.';
            name += hex[buf[i] >> 4];
            name += '.';
        }
        name += "ip6.arpa";
    } else {
        Answer bad;
        bad.status = Status::PermFail;
        bad.error = "not an IP address: " + a;
        return bad;
    }
    return query(name, PTR, false);
}

namespace {
std::mutex default_lock;
ResolverConfig default_config;
std::unique_ptr<Resolver> default_instance;
bool default_failed = false;
}  // namespace

void set_default_config(const ResolverConfig& cfg) {
    std::lock_guard<std::mutex> g(default_lock);
    default_config = cfg;
    default_instance.reset();
    default_failed = false;
}

Resolver* default_resolver() {
    std::lock_guard<std::mutex> g(default_lock);
    if (!default_instance && !default_failed) {
        auto r = Resolver::create(default_config);
        if (r) default_instance = std::move(*r);
        else default_failed = true;
    }
    return default_instance.get();
}

}  // namespace dns
