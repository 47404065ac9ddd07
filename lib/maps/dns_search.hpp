// dns_search.hpp: res_search's walk along the resolver's search list, done
// here query by query so that the outcome is the one sendmail sees from the
// system resolver: a NODATA met on the way beats a later failure of the name
// as given, and a name found through a CNAME tells which name was asked.
#pragma once

#include <string>
#include <vector>

#include "dns/dns.hpp"

namespace maps {

struct SearchList {
    std::vector<std::string> domains;
    int ndots = 1;
};

// The search list from LOCALDOMAIN, else from the resolv.conf set by
// set_search_config() (default /etc/resolv.conf): "search"/"domain" lines and
// "options ndots:n".
SearchList search_list();
void set_search_config(const std::string& resolv_conf);

struct SearchAnswer {
    dns::Answer answer;
    std::string asked;  // the fully qualified name the answer is for
};

// `name` ending in a dot is asked as given only.
SearchAnswer search(dns::Resolver& res, std::string name, int type, const SearchList& list);

}  // namespace maps
