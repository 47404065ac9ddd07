// aliasdb.hpp: the alias database in the layout sendmail's newaliases writes
// (and praliases and sendmail read): keys lower-cased, keys and values
// stored with their terminating NUL, and the "@" -> "@" record that marks a
// complete rebuild. Parsing the aliases text file is the caller's job.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "maps/dbfile.hpp"
#include "util/result.hpp"

namespace maps {

struct AliasDbStats {
    size_t aliases = 0;
    size_t longest = 0;  // longest value in bytes
    size_t bytes = 0;    // all values together
};

// Writes `name`.db (".db" added unless present) from (alias, expansion)
// pairs: built beside the old file and renamed over it. A repeated alias
// keeps its last expansion, as newaliases does.
util::Result<AliasDbStats> write_alias_db(const std::string& name,
                                          const std::vector<std::pair<std::string, std::string>>& aliases,
                                          DbType type = DbType::Hash, int mode = 0640);

}  // namespace maps
