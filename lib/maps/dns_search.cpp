// dns_search.cpp: res_search's order of tries: the name
// as given first when it has at least ndots dots (its failure is then the
// answer), else after the search domains (then a NODATA seen on the way, or a
// temporary failure, is the answer).
#include <algorithm>
#include <optional>

#include "maps/dns_search.hpp"

namespace maps {

SearchAnswer search(dns::Resolver& res, std::string name, int type) {
    const dns::ResolvConf& list = res.resolv_conf();
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
    for (const auto& d : list.search) {
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
