// resolver.cpp: the c-ares channel behind dns::Resolver. Queries start
// asynchronously (an event loop watches sockets() and calls process()); the
// synchronous query() polls the same sockets itself until its answer came.
// Raw answers are decoded by answer.cpp.
#include <ares.h>
#include <arpa/inet.h>
#include <poll.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "dns/answer.hpp"
#include "dns/dns.hpp"
#include "util/strings.hpp"

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

// One query in flight: owned by c-ares from start() until its callback.
struct Request {
    std::string name;
    int type = 0;
    AnswerHandler done;
};

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

Answer to_answer(int status, std::string_view raw, const std::string& name, int type) {
    Answer a;
    a.status = status_of(status);
    if (a.status == Status::Ok) return decode_answer(raw, name, type);
    a.canonical = name;
    a.error = ares_strerror(status);
    return a;
}

void on_answer(void* arg, int status, int, unsigned char* abuf, int alen) {
    std::unique_ptr<Request> req(static_cast<Request*>(arg));
    std::string_view raw;
    if (abuf != nullptr && alen > 0) raw = {reinterpret_cast<char*>(abuf), static_cast<size_t>(alen)};
    req->done(to_answer(status, raw, req->name, req->type));
}


}  // namespace

struct Resolver::Impl {
    ares_channel channel = nullptr;
    ResolvConf conf;
    std::mutex lock;  // one synchronous query at a time drives the channel
    ~Impl() {
        if (channel != nullptr) ares_destroy(channel);  // runs pending callbacks with ARES_EDESTRUCTION
    }
};

void Resolver::start(std::string_view name, int type, bool search, AnswerHandler done) {
    auto req = std::make_unique<Request>(Request{std::string(name), type, std::move(done)});
    const char* n = req->name.c_str();
    Request* arg = req.release();  // c-ares hands it back to on_answer, exactly once
    if (search)
        ares_search(impl_->channel, n, 1 /* C_IN */, type, on_answer, arg);
    else
        ares_query(impl_->channel, n, 1 /* C_IN */, type, on_answer, arg);
}

std::vector<Resolver::WatchedSocket> Resolver::sockets() const {
    ares_socket_t socks[ARES_GETSOCK_MAXNUM];
    int bits = ares_getsock(impl_->channel, socks, ARES_GETSOCK_MAXNUM);
    std::vector<WatchedSocket> out;
    for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
        bool r = ARES_GETSOCK_READABLE(bits, i), w = ARES_GETSOCK_WRITABLE(bits, i);
        if (r || w) out.push_back({socks[i], r, w});
    }
    return out;
}

std::chrono::milliseconds Resolver::next_timeout() const {
    struct timeval tv;
    struct timeval* tvp = ares_timeout(impl_->channel, nullptr, &tv);
    if (tvp == nullptr) return std::chrono::milliseconds(1000);
    return std::chrono::milliseconds(tvp->tv_sec * 1000 + tvp->tv_usec / 1000);
}

void Resolver::process(int fd, bool readable, bool writable) {
    ares_socket_t r = readable ? fd : ARES_SOCKET_BAD, w = writable ? fd : ARES_SOCKET_BAD;
    ares_process_fd(impl_->channel, r, w);
}

// The synchronous facade: start, then poll c-ares' sockets until the answer
// came; c-ares enforces the timeouts and tries.
Answer Resolver::query(std::string_view name, int type, bool search) {
    std::lock_guard<std::mutex> g(impl_->lock);
    std::optional<Answer> result;
    start(name, type, search, [&result](Answer a) { result = std::move(a); });
    while (!result) {
        std::vector<struct pollfd> fds;
        for (const auto& s : sockets())
            fds.push_back({s.fd, static_cast<short>((s.read ? POLLIN : 0) | (s.write ? POLLOUT : 0)), 0});
        int rc = poll(fds.data(), fds.size(), static_cast<int>(next_timeout().count()));
        if (rc <= 0) {
            process(-1, false, false);
            continue;
        }
        for (const auto& p : fds)
            if (p.revents != 0)
                process(p.fd, (p.revents & (POLLIN | POLLERR | POLLHUP)) != 0, (p.revents & POLLOUT) != 0);
    }
    return std::move(*result);
}

Resolver::Resolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

const ResolvConf& Resolver::resolv_conf() const { return impl_->conf; }

// "options" values last wins, as in the C library; numbers are clamped to
// what the C library accepts.
ResolvConf read_resolv_conf(const std::string& path) {
    ResolvConf rc;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto w = util::split_words(line.substr(0, line.find_first_of("#;")));
        if (w.empty()) continue;
        if (w[0] == "search" || w[0] == "domain") rc.search.assign(w.begin() + 1, w.end());
        if (w[0] != "options") continue;
        for (size_t i = 1; i < w.size(); ++i) {
            auto value = [&](size_t skip) { return std::atoi(w[i].c_str() + skip); };
            if (w[i].rfind("timeout:", 0) == 0 && value(8) > 0) rc.timeout_ms = std::min(value(8), 30) * 1000;
            if (w[i].rfind("attempts:", 0) == 0 && value(9) > 0) rc.attempts = std::min(value(9), 5);
            if (w[i].rfind("ndots:", 0) == 0) rc.ndots = std::clamp(value(6), 0, 15);
        }
    }
    if (const char* local = std::getenv("LOCALDOMAIN"); local != nullptr) rc.search = util::split_words(local);
    for (auto& d : rc.search)
        if (!d.empty() && d.back() == '.') d.pop_back();
    return rc;
}
Resolver::~Resolver() = default;

util::Result<std::unique_ptr<Resolver>> Resolver::create(const ResolverConfig& cfg) {
    if (!library_ready()) return util::Error("c-ares library initialisation failed");
    auto impl = std::make_unique<Impl>();
    struct ares_options opts = {};
    impl->conf = read_resolv_conf(cfg.resolv_conf.empty() ? "/etc/resolv.conf" : cfg.resolv_conf);
    // c-ares of this vintage reads only its own "retrans:"/"retry:", so the
    // system resolver's timeout and attempts (what sendmail waits) are set here.
    opts.timeout = cfg.timeout.count() > 0 ? static_cast<int>(cfg.timeout.count()) : impl->conf.timeout_ms;
    opts.tries = cfg.tries > 0 ? cfg.tries : impl->conf.attempts;
    int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES;
    std::string conf = cfg.resolv_conf;  // c-ares wants a mutable char*
    if (!conf.empty()) {
        opts.resolvconf_path = conf.data();
        mask |= ARES_OPT_RESOLVCONF;
    }
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
        if (r)
            default_instance = std::move(*r);
        else
            default_failed = true;
    }
    return default_instance.get();
}

}  // namespace dns
