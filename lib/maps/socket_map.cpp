// socket_map.cpp: the socket class (socketmap protocol): the query
// "<name> <key>" goes as a netstring over unix:/path or inet:port@host, the
// reply is a netstring "OK value", "NOTFOUND", "TEMP why", "TIMEOUT why" or
// "PERM why". Keys go in lower case unless the map has -f, as sendmail
// sends them. A broken or slow server is a temporary failure. Maps declared
// with the same specification share one connection, as sendmail's do.
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "maps/file_maps.hpp"
#include "maps/map_shared.hpp"
#include "maps/netstring.hpp"
#include "util/files.hpp"

namespace maps {

namespace {

using Clock = std::chrono::steady_clock;

util::Result<util::UniqueFd> connect_to(const std::string& spec) {
    if (spec.rfind("unix:", 0) == 0 || spec.rfind("local:", 0) == 0 || spec[0] == '/') {
        std::string path = spec[0] == '/' ? spec : spec.substr(spec.find(':') + 1);
        struct sockaddr_un sa = {};
        if (path.size() >= sizeof sa.sun_path) return util::Error("socket path too long: " + path);
        sa.sun_family = AF_UNIX;
        std::memcpy(sa.sun_path, path.data(), path.size());
        util::UniqueFd fd(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (!fd.valid() || connect(fd.get(), reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0)
            return util::Error("cannot connect to " + path + ": " + std::strerror(errno));
        return fd;
    }
    // inet:port@host, inet6:port@host
    auto colon = spec.find(':'), at = spec.find('@');
    if (colon == std::string::npos || at == std::string::npos || at < colon)
        return util::Error("bad socket specification " + spec);
    std::string port = spec.substr(colon + 1, at - colon - 1), host = spec.substr(at + 1);
    if (!host.empty() && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    struct addrinfo hints = {}, *res = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    if (getaddrinfo(host.c_str(), port.c_str(), &hints, &res) != 0 || res == nullptr)
        return util::Error("cannot resolve " + host);
    std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> guard(res, freeaddrinfo);
    util::UniqueFd fd(socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.valid() || connect(fd.get(), res->ai_addr, res->ai_addrlen) != 0)
        return util::Error("cannot connect to " + host + " port " + port + ": " + std::strerror(errno));
    return fd;
}

class SocketMap : public MapBase {
public:
    SocketMap(MapDeclaration d, MapArguments a, std::shared_ptr<SocketConnection> conn)
        : MapBase(std::move(d), std::move(a), true), conn_(std::move(conn)) {
        int secs = std::atoi(args().get('d', "10").c_str());
        timeout_ = std::chrono::seconds(secs > 0 ? secs : 10);
    }

protected:
    // Failures are logged, as sendmail does, not shown by -bt.
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        RawResult r = ask(key);
        return r.status == LookupStatus::TempFail || r.status == LookupStatus::PermFail ? std::move(r).logged() : r;
    }

private:
    RawResult ask(const std::string& key) {
        // A kept-open connection may have been closed by the server: one retry.
        for (int attempt = 0; attempt < 2; ++attempt) {
            bool fresh = !conn_->fd.valid();
            if (fresh) {
                auto c = connect_to(args().words.at(0));
                if (!c) return RawResult::tempfail(label() + ": " + c.error().message);
                conn_->fd = std::move(*c);
            }
            std::string reply;
            std::string why = exchange(encode_netstring(decl_.name + " " + key), reply);
            if (why.empty()) return interpret(reply);
            conn_->fd.reset();
            if (fresh || why != "connection closed") return RawResult::tempfail(label() + ": " + why);
        }
        return RawResult::tempfail(label() + ": connection closed");
    }

    // Sends the query and reads one netstring reply; empty when it worked.
    std::string exchange(const std::string& query, std::string& reply) {
        auto deadline = Clock::now() + timeout_;
        if (!util::write_all(conn_->fd.get(), query)) return "write failed: " + std::string(std::strerror(errno));
        NetstringReader rd;
        char buf[4096];
        for (;;) {
            auto r = rd.take(reply);
            if (r == NetstringReader::State::Done) return {};
            if (r == NetstringReader::State::Bad) return "bad netstring reply: " + rd.error();
            int left = static_cast<int>(
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
            if (left <= 0) return "timeout reading reply";
            struct pollfd p = {conn_->fd.get(), POLLIN, 0};
            int rc = poll(&p, 1, left);
            if (rc < 0 && errno == EINTR) continue;
            if (rc == 0) return "timeout reading reply";
            ssize_t n = read(conn_->fd.get(), buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return "connection closed";
            rd.feed(std::string_view(buf, static_cast<size_t>(n)));
        }
    }

    RawResult interpret(const std::string& reply) {
        auto sp = reply.find(' ');
        std::string status = reply.substr(0, sp), rest = sp == std::string::npos ? "" : reply.substr(sp + 1);
        if (status == "OK") return RawResult::found(rest);
        if (status == "NOTFOUND") return RawResult::not_found(kExNotFound);
        if (status == "TEMP" || status == "TIMEOUT") return RawResult::tempfail(label() + ": " + status + " " + rest);
        if (status == "PERM") return RawResult::permfail(label() + ": PERM " + rest, 69);
        conn_->fd.reset();
        return RawResult::tempfail(label() + ": unknown reply status " + status);
    }

    std::shared_ptr<SocketConnection> conn_;
    std::chrono::milliseconds timeout_;
};

}  // namespace

MapResult open_socket_map(const MapDeclaration& d, MapArguments a, MapContext& ctx) {
    if (a.words.empty()) return util::Error(d.file, d.line, "No file name for socket map " + d.name);
    auto& conn = ctx.shared_state().sockets[a.words[0]];
    if (!conn) conn = std::make_shared<SocketConnection>();
    return std::unique_ptr<Map>(std::make_unique<SocketMap>(d, std::move(a), conn));
}

}  // namespace maps
