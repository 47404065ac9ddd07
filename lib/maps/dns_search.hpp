// dns_search.hpp: res_search's walk along the resolver's search list, done
// here query by query so that the outcome is the one sendmail sees from the
// system resolver: a NODATA met on the way beats a later failure of the name
// as given, and a name found through a CNAME tells which name was asked.
#pragma once

#include <string>
#include <vector>

#include "dns/dns.hpp"

namespace maps {

struct SearchAnswer {
    dns::Answer answer;
    std::string asked;  // the fully qualified name the answer is for
};

// Along the resolver's search list and ndots (its resolv.conf); `name`
// ending in a dot is asked as given only.
SearchAnswer search(dns::Resolver& res, std::string name, int type);

}  // namespace maps
