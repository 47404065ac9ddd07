// search.cpp: res_search's order of tries along resolv.conf's search list,
// done query by query so that the outcome is the one sendmail sees from the
// system resolver: the name as given first when it has at least ndots dots
// (its failure is then the answer), else after the search domains (then a
// NODATA seen on the way, or a temporary failure, is the answer).
#include <algorithm>
#include <optional>

#include "dns/dns.hpp"

namespace dns {

SearchAnswer search_walk(const ResolvConf& conf, std::string name,
                         const std::function<Answer(const std::string&)>& ask) {
    if (!name.empty() && name.back() == '.') {
        name.pop_back();
        return {ask(name), name};
    }
    int dots = static_cast<int>(std::count(name.begin(), name.end(), '.'));
    std::optional<SearchAnswer> first;
    if (dots >= conf.ndots) {
        SearchAnswer a{ask(name), name};
        if (a.answer.status == Status::Ok) return a;
        first = std::move(a);
    }
    std::optional<SearchAnswer> nodata, last;
    bool tempfail = false;
    for (const auto& d : conf.search) {
        std::string fq = name + "." + d;
        SearchAnswer a{ask(fq), fq};
        if (a.answer.status == Status::Ok) return a;
        if (a.answer.status == Status::NoData && !nodata) nodata = a;
        if (a.answer.status == Status::TempFail) tempfail = true;
        bool go_on = a.answer.status != Status::PermFail;
        last = std::move(a);
        if (!go_on) break;
    }
    if (!first) {
        SearchAnswer a{ask(name), name};
        if (a.answer.status == Status::Ok) return a;
        last = std::move(a);
    }
    if (first) return *first;
    if (nodata) return *nodata;
    if (tempfail) last->answer.status = Status::TempFail;
    return *last;
}

SearchAnswer Resolver::search(std::string_view name, int type) {
    return search_walk(resolv_conf(), std::string(name),
                       [&](const std::string& n) { return query(n, type, false); });
}

}  // namespace dns
