// aliases_file.cpp: parsing the aliases text file, with newaliases'
// diagnostics ("line 6: missing colon", "x:... missing value for alias",
// "a... Warning: duplicate alias name a").
#include "sendmail/aliases_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "util/strings.hpp"

namespace sendmail {

namespace {

// Takes one logical line (with its continuations) and files it.
void take(AliasFile& f, std::set<std::string>& seen, const std::string& text, int line) {
    std::string where = "line " + std::to_string(line) + ": ";
    size_t colon = text.find(':');
    if (colon == std::string::npos) {
        f.messages.push_back(where + "missing colon");
        f.errors = true;
        return;
    }
    std::string name = util::to_lower(util::trim(text.substr(0, colon)));
    size_t v = text.find_first_not_of(" \t", colon + 1);
    std::string value = v == std::string::npos ? "" : text.substr(v);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.pop_back();
    if (value.empty()) {
        f.messages.push_back(where + text + "... missing value for alias");
        f.errors = true;
        return;
    }
    if (!seen.insert(name).second) f.messages.push_back(where + name + "... Warning: duplicate alias name " + name);
    f.entries.push_back({name, value, line});
}

}  // namespace

AliasFile read_alias_file(const std::string& path) {
    AliasFile f;
    std::ifstream in(path);
    if (!in) {
        f.open_error = std::strerror(errno);
        return f;
    }
    f.opened = true;
    std::set<std::string> seen;
    std::string line, current;
    int lineno = 0, start = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !current.empty()) {
            current += line;
            continue;
        }
        if (!current.empty()) take(f, seen, current, start);
        current.clear();
        if (line.empty() || line[0] == '#' || util::trim(line).empty()) continue;
        current = line;
        start = lineno;
    }
    if (!current.empty()) take(f, seen, current, start);
    return f;
}

std::map<std::string, std::string> alias_table(const AliasFile& f) {
    std::map<std::string, std::string> out;
    for (const auto& e : f.entries) out[e.name] = e.value;
    return out;
}

}  // namespace sendmail
