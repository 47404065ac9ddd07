// dns.hpp: the public interface of lib/dns, a small resolver over c-ares:
// asynchronous queries for an event loop, and a synchronous facade (the -bt
// interpreter and the map classes wait for their answer). Name servers come from /etc/resolv.conf unless configured,
// so tests point it at a dnsmasq on a loopback port.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace dns {

struct ResolverConfig {
    // "127.0.0.1", "127.0.0.1:5353", "[::1]:53"; empty: /etc/resolv.conf's.
    std::vector<std::string> servers;
    // resolv.conf to read instead of /etc/resolv.conf ("nameserver", "search",
    // "options"); ignored for the servers when `servers` is set.
    std::string resolv_conf;
    // Per try, and how many tries; 0: resolv.conf's "options timeout:
    // attempts:" (else 5 s and 2), as sendmail's resolver takes them.
    std::chrono::milliseconds timeout{0};
    int tries = 0;
};

enum class Status {
    Ok,        // records in the answer
    NotFound,  // NXDOMAIN: the name does not exist
    NoData,    // the name exists, without records of this type
    TempFail,  // timeout, SERVFAIL, refused, no server reachable
    PermFail,  // a malformed name or answer
};

// Resource record types by number (RFC 1035 and successors).
enum Type : int { A = 1, NS = 2, CNAME = 5, SOA = 6, PTR = 12, MX = 15, TXT = 16, AAAA = 28, SRV = 33, ANY = 255 };

struct Record {
    std::string name;  // owner name, no trailing dot
    int type = 0;
    unsigned ttl = 0;
    int preference = 0;                // MX preference, SRV priority
    std::string data;                  // presentation form: address, target name (no dot), TXT text, or hex
    std::vector<std::string> strings;  // TXT: its character-strings (data is their concatenation)
};

struct Answer {
    Status status = Status::TempFail;
    std::vector<Record> records;  // only those of the asked type
    std::string canonical;        // the name after following CNAMEs
    std::string error;            // sendmail-style text when not Ok
};

using AnswerHandler = std::function<void(Answer)>;

// "A" -> 1 ... ; -1 for an unknown name. Numbers ("TYPE99" or "99") work too.
int type_from_name(std::string_view name);
std::string type_name(int type);

// What the resolver takes from resolv.conf besides its name servers, read
// once when a Resolver is created.
struct ResolvConf {
    int timeout_ms = 5000;            // "options timeout:N" (the system resolver's default 5 s)
    int attempts = 2;                 // "options attempts:N"
    int ndots = 1;                    // "options ndots:N"
    std::vector<std::string> search;  // the last "search"/"domain" line, or $LOCALDOMAIN
};
// Reads `path` (missing file: the defaults); LOCALDOMAIN replaces the search list.
ResolvConf read_resolv_conf(const std::string& path);

// An answer and the fully qualified name it is for (a name found through
// the search list tells which name was asked).
struct SearchAnswer {
    Answer answer;
    std::string asked;
};
// res_search's walk along `conf`'s search list and ndots, asking each name
// through `ask` (one query, no search list of its own). A name ending in a
// dot is asked as given only. A NODATA met on the way beats a later failure
// of the name as given; a temporary failure on the way makes the result
// temporary.
SearchAnswer search_walk(const ResolvConf& conf, std::string name,
                         const std::function<Answer(const std::string&)>& ask);

class Resolver {
public:
    static util::Result<std::unique_ptr<Resolver>> create(const ResolverConfig& cfg = {});
    ~Resolver();
    Resolver(const Resolver&) = delete;
    Resolver& operator=(const Resolver&) = delete;

    // One query of any type; CNAMEs in the answer are followed. With
    // `search`, resolv.conf's search list applies (as res_search does);
    // without, the name is asked as given.
    Answer query(std::string_view name, int type, bool search = true);
    // The same walk done by this resolver's queries over its resolv.conf
    // (search_walk), so that a caller can tell which name answered.
    SearchAnswer search(std::string_view name, int type);
    // Addresses of a host: A then AAAA.
    Answer addresses(std::string_view name);
    // MX records sorted by preference; a name without MX records yields
    // itself at preference 0 when it has an address (RFC 5321 5.1).
    Answer mx(std::string_view name);
    // PTR of an IPv4 or IPv6 address.
    Answer reverse(std::string_view address);
    // The resolv.conf settings this resolver was created with.
    const ResolvConf& resolv_conf() const;

    // For an event loop: start() a query; watch sockets() (at most
    // next_timeout() long) and call process() for each ready socket, or
    // process(-1, false, false) when the time passed. `done` runs inside
    // process() (or when the resolver is destroyed, with TempFail).
    void start(std::string_view name, int type, bool search, AnswerHandler done);
    struct WatchedSocket {
        int fd;
        bool read, write;
    };
    std::vector<WatchedSocket> sockets() const;
    std::chrono::milliseconds next_timeout() const;
    void process(int fd, bool readable, bool writable);

private:
    struct Impl;
    explicit Resolver(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// A process-wide resolver built on first use from set_default_config()'s
// settings (the daemon's resolver options, tests), else from /etc/resolv.conf.
// nullptr when c-ares cannot start.
Resolver* default_resolver();
void set_default_config(const ResolverConfig& cfg);

}  // namespace dns
