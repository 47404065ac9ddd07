// aliasdb.cpp: writing the alias database; see aliasdb.hpp for the layout.
#include "maps/aliasdb.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "util/strings.hpp"

namespace maps {

util::Result<AliasDbStats> write_alias_db(const std::string& name,
                                          const std::vector<std::pair<std::string, std::string>>& aliases, DbType type,
                                          int mode) {
    std::string path = db_file_name(name);
    std::string tmp = path + ".tmp" + std::to_string(getpid());
    unlink(tmp.c_str());
    auto db = DbFile::open(tmp, {type, true, true, true, false, 0, mode});
    if (!db) return util::Error(path + ": " + db.error().message);
    AliasDbStats stats;
    auto store = [&](const std::string& k, const std::string& v) {
        std::string key = k + std::string(1, '\0'), value = v + std::string(1, '\0');
        return db->put(key, value, true) != PutResult::Failed;
    };
    for (const auto& [alias, expansion] : aliases) {
        if (!store(util::to_lower(alias), expansion)) {
            unlink(tmp.c_str());
            return util::Error(path + ": " + db->last_error());
        }
        ++stats.aliases;
        stats.longest = std::max(stats.longest, expansion.size());
        stats.bytes += expansion.size();
    }
    // The end marker goes in last: its presence says the rebuild finished.
    if (!store("@", "@") || !db->close()) {
        unlink(tmp.c_str());
        return util::Error(path + ": cannot write the alias database");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::string why = std::strerror(errno);
        unlink(tmp.c_str());
        return util::Error(path + ": " + why);
    }
    return stats;
}

}  // namespace maps
