// net_maps.cpp: the classes that ask the network: host (canonical names, the
// hosts file first as the service switch says), dns (any record type) and
// bestmx. A resolver that cannot answer is a temporary failure, worded as
// sendmail words it ("name: Name server timeout").
#include <arpa/inet.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "dns/dns.hpp"
#include "maps/file_maps.hpp"
#include "maps/map_shared.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

std::string strip_dot(std::string s) {
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

// The canonical name of `name` (or the name of `address` when reverse) from
// a hosts(5) file; empty when absent.
std::string hosts_file_lookup(const std::string& path, const std::string& key, bool reverse) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto hash = line.find('#');
        if (hash != std::string::npos) line.resize(hash);
        auto w = util::split_words(line);
        if (w.size() < 2) continue;
        if (reverse) {
            if (w[0] == key) return w[1];
            continue;
        }
        for (size_t i = 1; i < w.size(); ++i)
            if (util::iequals(w[i], key)) return w[1];
    }
    return {};
}

class HostMap : public MapBase {
public:
    HostMap(MapDeclaration d, MapArguments a, MapContext& ctx)
        : MapBase(std::move(d), std::move(a), false), ctx_(ctx) {}

protected:
    // Forward lookups follow the service switch's "hosts" methods (files:
    // the HostsFile option's file; dns); not found anywhere is 68, unless a
    // name server could not be asked (75).
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        // "[addr]" is looked up in reverse; sendmail reads the address up
        // to the "]" and ignores what follows it.
        size_t close = key.find(']');
        if (key.size() > 2 && key.front() == '[' && close != std::string::npos)
            return reverse(key.substr(1, close - 1), key);
        std::string name = strip_dot(key);
        if (name.empty()) return RawResult::not_found(kExNotFound);
        // -D: in deferred delivery mode the network is not asked at all.
        if (args().has('D') && ctx_.option("DeliveryMode").value_or("").rfind('d', 0) == 0)
            return RawResult::tempfail({});
        bool tempfail = false;
        for (const auto& method : switch_methods("hosts", ctx_)) {
            if (method == "files") {
                std::string hosts = ctx_.option("HostsFile").value_or("/etc/hosts");
                std::string found = hosts_file_lookup(hosts, name, false);
                if (!found.empty()) return RawResult::found(qualify(found));
            } else if (method == "dns") {
                dns::Resolver* res = dns::default_resolver();
                if (res == nullptr) {
                    tempfail = true;
                    continue;
                }
                dns::Answer a = canonical_name(*res, name, key.back() == '.');
                if (a.status == dns::Status::Ok) return RawResult::found(strip_dot(a.canonical));
                if (a.status == dns::Status::TempFail) tempfail = true;
            }
        }
        if (tempfail) return RawResult::tempfail(key + ": Name server timeout").where_looked_up();
        return RawResult::not_found(kExNotFound);
    }

private:
    // The order sendmail's resolver asks in: AAAA, then A for a name without
    // AAAA records, then MX (a name with only an MX record is canonical too),
    // each along the search list as res_search walks it.
    static dns::Answer canonical_name(dns::Resolver& res, const std::string& name, bool absolute) {
        std::string asked = absolute ? name + "." : name;
        dns::Answer a = res.search(asked, dns::AAAA).answer;
        if (a.status == dns::Status::NoData) {
            dns::Answer four = res.search(asked, dns::A).answer;
            if (four.status != dns::Status::NoData) return four;
            dns::Answer mx = res.search(asked, dns::MX).answer;
            return mx.status == dns::Status::Ok ? mx : four;
        }
        return a;
    }

    // Address to name goes through the system's resolver in sendmail
    // (gethostbyaddr), whatever the service switch says: /etc/hosts, then
    // DNS when nsswitch.conf asks it. A DNS failure is quiet unless the
    // service switch's "hosts" asks DNS too.
    RawResult reverse(std::string addr, const std::string& key) {
        if (util::starts_with_nocase(addr, "IPv6:")) addr = addr.substr(5);
        std::string found = hosts_file_lookup("/etc/hosts", addr, true);
        if (!found.empty()) return RawResult::found(found);
        // Observed: with "hosts: files" in nsswitch.conf an unknown address
        // is plainly not found (68), whatever sendmail's own switch says.
        if (!system_resolver_asks_dns()) return RawResult::not_found(kExNotFound);
        dns::Resolver* res = dns::default_resolver();
        if (res == nullptr) return quiet_tempfail(key);
        dns::Answer a = res->reverse(addr);
        if (a.status == dns::Status::Ok && !a.records.empty()) return RawResult::found(strip_dot(a.records[0].data));
        if (a.status == dns::Status::TempFail || a.status == dns::Status::PermFail) {
            auto methods = switch_methods("hosts", ctx_);
            if (std::find(methods.begin(), methods.end(), "dns") == methods.end()) return quiet_tempfail(key);
            return RawResult::tempfail(key + ": Name server timeout").where_looked_up();
        }
        return RawResult::not_found(kExNotFound);
    }

    // The first failure of a literal says nothing; sendmail remembers it
    // (in the table all host maps share) and a later lookup of the same
    // literal, answered from that memory, prints the timeout each time.
    RawResult quiet_tempfail(const std::string& key) {
        bool seen = !ctx_.shared_state().host_literal_failures.insert(util::to_lower(key)).second;
        if (!seen) return RawResult::tempfail({});
        return RawResult::tempfail(key + ": Name server timeout").where_looked_up();
    }

    // A one-label name from the hosts file gets the local domain, as the
    // resolver's search rules would give it.
    std::string qualify(const std::string& name) const {
        if (name.find('.') != std::string::npos) return name;
        std::string domain = ctx_.macro("m").value_or("");
        if (domain.empty()) {
            char buf[256] = {};
            if (gethostname(buf, sizeof buf - 1) == 0) {
                const char* dot = std::strchr(buf, '.');
                if (dot != nullptr) domain = dot + 1;
            }
        }
        return domain.empty() ? name : name + "." + domain;
    }

    MapContext& ctx_;
};

// sendmail prints an AAAA answer as "IPv6:" and eight groups, none elided.
std::string ipv6_as_sendmail(const std::string& text) {
    unsigned char b[16];
    if (inet_pton(AF_INET6, text.c_str(), b) != 1) return text;
    std::string out = "IPv6:";
    char group[8];
    for (int i = 0; i < 8; ++i) {
        std::snprintf(group, sizeof group, i ? ":%x" : "%x", (b[2 * i] << 8) | b[2 * i + 1]);
        out += group;
    }
    return out;
}

// dns: -R type (A by default), -z delimiter joins every answer (else the
// first), -Z limits their number, -B appends a base domain to the key.
class DnsMap : public MapBase {
public:
    DnsMap(MapDeclaration d, MapArguments a, int type) : MapBase(std::move(d), std::move(a), false), type_(type) {}

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        dns::Resolver* res = dns::default_resolver();
        if (res == nullptr) return RawResult::tempfail(label() + ": no resolver");
        // -B: a base domain appended to every key (key.base).
        std::string name = key, base = args().get('B');
        if (!base.empty()) name = strip_dot(name) + "." + (base[0] == '.' ? base.substr(1) : base);
        dns::Answer a = res->query(name, type_);
        // sendmail's dns and bestmx maps say nothing on a temporary failure.
        if (a.status == dns::Status::TempFail) return RawResult::tempfail({});
        if (a.status != dns::Status::Ok) return RawResult::not_found(kExNotFound);
        std::string delim = args().get('z');
        size_t limit = static_cast<size_t>(std::max(0, std::atoi(args().get('Z', "0").c_str())));
        std::string out;
        size_t n = 0;
        for (const auto& r : a.records) {
            if (limit != 0 && n >= limit) break;
            std::string v = r.type == dns::TXT && !r.strings.empty() ? r.strings[0]
                            : r.type == dns::AAAA                    ? ipv6_as_sendmail(r.data)
                                                                     : r.data;
            if (n > 0) out += delim;
            out += v;
            ++n;
            if (delim.empty()) break;
        }
        return RawResult::found(out);
    }

private:
    int type_;
};

// bestmx: the most preferred exchanger with a trailing dot; with -z, all of
// them in preference order joined by the delimiter.
class BestMxMap : public MapBase {
public:
    BestMxMap(MapDeclaration d, MapArguments a, MapContext& ctx)
        : MapBase(std::move(d), std::move(a), false), ctx_(ctx) {}

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        // An address literal ("[192.0.2.1]", anything after it too) is its
        // own exchanger, as given, whatever the switch says.
        if (!key.empty() && key.front() == '[') return RawResult::found(key);
        // A service switch without "dns" for hosts: no MX lookups at all.
        auto methods = switch_methods("hosts", ctx_);
        if (std::find(methods.begin(), methods.end(), "dns") == methods.end()) return RawResult::not_found();
        dns::Resolver* res = dns::default_resolver();
        if (res == nullptr) return RawResult::tempfail(label() + ": no resolver");
        // A dotted name is asked as given: "no MX" must not turn into a
        // search-list failure.
        std::string name = strip_dot(key);
        bool search = name.find('.') == std::string::npos;
        dns::Answer a = res->query(name, dns::MX, search);
        if (a.status == dns::Status::TempFail) return RawResult::tempfail({});
        if (a.status == dns::Status::NoData) return without_mx(*res, name, search);
        if (a.status != dns::Status::Ok) return RawResult::not_found(kExNotFound);
        // A null MX ("MX 0 .", RFC 7505) alone says the domain takes no
        // mail: no exchanger and no fallback to its address, status 69 as
        // sendmail 8.17 answers.  Among other exchangers "." is listed.
        if (a.records.size() == 1 && strip_dot(a.records[0].data).empty())
            return RawResult::not_found(kExUnavailable);
        std::stable_sort(a.records.begin(), a.records.end(),
                         [](const dns::Record& x, const dns::Record& y) { return x.preference < y.preference; });
        std::string delim = args().get('z');
        std::string out;
        for (size_t i = 0; i < a.records.size(); ++i) {
            if (i > 0) out += delim;
            out += a.records[i].data + ".";
            if (delim.empty()) break;
        }
        return RawResult::found(out);
    }

private:
    // A name without MX records is its own exchanger when it has an
    // address (sendmail's fallback); else "no match" with status 0.
    static RawResult without_mx(dns::Resolver& res, const std::string& name, bool search) {
        for (int type : {dns::A, dns::AAAA}) {
            dns::Answer a = res.query(name, type, search);
            if (a.status == dns::Status::Ok) return RawResult::found(name + ".");
            if (a.status == dns::Status::TempFail) return RawResult::tempfail({});
        }
        return RawResult::not_found();
    }

    MapContext& ctx_;
};

}  // namespace

MapResult open_net_map(const MapDeclaration& d, MapArguments a, MapContext& ctx) {
    if (d.class_name == "host") return std::unique_ptr<Map>(std::make_unique<HostMap>(d, std::move(a), ctx));
    if (d.class_name == "bestmx") return std::unique_ptr<Map>(std::make_unique<BestMxMap>(d, std::move(a), ctx));
    // sendmail accepts the record type as a separate word too ("-R A"),
    // and reads flags after it ("-R A -T<TMP>"): parse what follows again.
    if (a.has('R') && a.get('R').empty() && !a.words.empty()) {
        std::string type = a.words.front();
        MapArguments after = parse_map_arguments(a.rest.substr(a.rest.find(type) + type.size()));
        a.flags['R'] = type;
        for (const auto& [f, v] : after.list) {
            a.flags[f] = v;
            a.list.emplace_back(f, v);
        }
        a.rest = after.rest;
        a.words = after.words;
    }
    std::string rtype = a.get('R', "A");
    int type = dns::type_from_name(rtype);
    if (type < 0) return util::Error(d.file, d.line, "dns map " + d.name + ": wrong type " + rtype);
    return std::unique_ptr<Map>(std::make_unique<DnsMap>(d, std::move(a), type));
}

}  // namespace maps
