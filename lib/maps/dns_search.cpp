// dns_search.cpp: the search list and res_search's order of tries: the name
// as given first when it has at least ndots dots (its failure is then the
// answer), else after the search domains (then a NODATA seen on the way, or a
// temporary failure, is the answer).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>

#include "maps/dns_search.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {
std::mutex conf_lock;
std::string conf_path = "/etc/resolv.conf";
}  // namespace

void set_search_config(const std::string& resolv_conf) {
    std::lock_guard<std::mutex> g(conf_lock);
    conf_path = resolv_conf.empty() ? "/etc/resolv.conf" : resolv_conf;
}

SearchList search_list() {
    SearchList out;
    std::string path;
    {
        std::lock_guard<std::mutex> g(conf_lock);
        path = conf_path;
    }
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto w = util::split_words(line.substr(0, line.find_first_of("#;")));
        if (w.empty()) continue;
        // The last "search" or "domain" line wins, as in the C library.
        if (w[0] == "search" || w[0] == "domain") out.domains.assign(w.begin() + 1, w.end());
        if (w[0] != "options") continue;
        for (size_t i = 1; i < w.size(); ++i)
            if (w[i].rfind("ndots:", 0) == 0) out.ndots = std::clamp(std::atoi(w[i].c_str() + 6), 0, 15);
    }
    if (const char* local = std::getenv("LOCALDOMAIN"); local != nullptr) out.domains = util::split_words(local);
    for (auto& d : out.domains)
        if (!d.empty() && d.back() == '.') d.pop_back();
    return out;
}

SearchAnswer search(dns::Resolver& res, std::string name, int type, const SearchList& list) {
    if (!name.empty() && name.back() == '.') {
        name.pop_back();
        return {res.query(name, type, false), name};
    }
    int dots = static_cast<int>(std::count(name.begin(), name.end(), '.'));
    std::optional<SearchAnswer> first;
    if (dots >= list.ndots) {
        SearchAnswer a{res.query(name, type, false), name};
        if (a.answer.status == dns::Status::Ok) return a;
        first = std::move(a);
    }
    std::optional<SearchAnswer> nodata, last;
    bool tempfail = false;
    for (const auto& d : list.domains) {
        std::string fq = name + "." + d;
        SearchAnswer a{res.query(fq, type, false), fq};
        if (a.answer.status == dns::Status::Ok) return a;
        if (a.answer.status == dns::Status::NoData && !nodata) nodata = a;
        if (a.answer.status == dns::Status::TempFail) tempfail = true;
        bool go_on = a.answer.status != dns::Status::PermFail;
        last = std::move(a);
        if (!go_on) break;
    }
    if (!first) {
        SearchAnswer a{res.query(name, type, false), name};
        if (a.answer.status == dns::Status::Ok) return a;
        last = std::move(a);
    }
    if (first) return *first;
    if (nodata) return *nodata;
    if (tempfail) {
        last->answer.status = dns::Status::TempFail;
        return *last;
    }
    return *last;
}

}  // namespace maps
