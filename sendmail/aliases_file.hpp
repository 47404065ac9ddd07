// aliases_file.hpp: the aliases text file as newaliases reads it: "name:
// value" lines, continuation lines (leading blank) appended as they are,
// comments and blank lines skipped, names folded to lower case.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sendmail {

struct AliasEntry {
    std::string name;   // lower case
    std::string value;  // leading blanks after the colon removed
    int line = 0;
};

struct AliasFile {
    bool opened = false;
    std::string open_error;             // strerror text when !opened
    std::vector<AliasEntry> entries;    // in file order, duplicates included
    std::vector<std::string> messages;  // "line N: ..." diagnostics, in order
    bool errors = false;                // a line was refused (not just a warning)
};

AliasFile read_alias_file(const std::string& path);

// name -> value, the last of duplicate names winning (for lookups without a database).
std::map<std::string, std::string> alias_table(const AliasFile& f);

}  // namespace sendmail
