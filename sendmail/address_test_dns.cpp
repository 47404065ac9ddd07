// address_test_dns.cpp: /mx and /canon for -bt over lib/dns. Equal
// preferences are shuffled as sendmail does, so that load spreads over them;
// a name whose MX query meets a CNAME without MX records has no exchangers.
#include <algorithm>
#include <random>

#include "dns/dns.hpp"
#include "util/strings.hpp"
#include "sendmail/address_test_dns.hpp"

namespace sendmail {

namespace {

std::string with_dot(std::string s) {
    if (s.empty() || s.back() != '.') s += '.';
    return s;
}

// Records sorted by preference; within one preference the order is random.
std::vector<std::string> by_preference(std::vector<dns::Record> recs) {
    static std::mt19937 rng{std::random_device{}()};
    std::shuffle(recs.begin(), recs.end(), rng);
    std::stable_sort(recs.begin(), recs.end(),
                     [](const dns::Record& x, const dns::Record& y) { return x.preference < y.preference; });
    std::vector<std::string> out;
    for (const auto& r : recs) out.push_back(with_dot(r.data));
    return out;
}

}  // namespace

MxHosts mx_hosts(const std::string& name) {
    MxHosts out;
    if (!name.empty() && name.front() == '[') {  // an address literal is its own exchanger
        out.count = 1;
        out.hosts.push_back(name);
        return out;
    }
    dns::Resolver* res = dns::default_resolver();
    if (res == nullptr) {
        out.count = -1;
        return out;
    }
    dns::SearchAnswer a = res->search(name, dns::MX);
    if (a.answer.status == dns::Status::Ok) {
        out.hosts = by_preference(std::move(a.answer.records));
        out.count = static_cast<int>(out.hosts.size());
        return out;
    }
    if (a.answer.status == dns::Status::TempFail) out.count = -1;
    if (a.answer.status != dns::Status::NoData) return out;
    // An alias without MX records is not its target's stand-in.
    if (!util::iequals(a.answer.canonical, a.asked)) return out;
    // No MX: the host itself when it has an address, under its full name.
    for (int type : {dns::A, dns::AAAA}) {
        dns::SearchAnswer addr = res->search(name, type);
        if (addr.answer.status == dns::Status::Ok) {
            out.hosts.push_back(with_dot(addr.asked));
            out.count = 1;
            return out;
        }
        if (addr.answer.status == dns::Status::TempFail) {
            out.count = -1;
            return out;
        }
    }
    return out;
}

std::string canonical_host_name(rewrite::Engine& eng, config::Config& cfg, const std::string& name) {
    if (name.empty() || name.front() == '[') return name;
    maps::Map* m = cfg.find_map("host");
    if (m == nullptr || !m->is_open()) return name;
    // getcanonname() asks the resolver itself: the host map's "Name server
    // timeout" line, printed where a rule or /map looks a name up, is not shown.
    auto r = eng.lookup(*m, name, {}, /*show_each=*/false);
    if (r.status != maps::LookupStatus::Found || r.value.empty()) return name;
    std::string v = r.value;
    if (v.back() == '.') v.pop_back();
    return v;
}

}  // namespace sendmail
