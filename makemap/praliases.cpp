// praliases.cpp: prints the alias database(s) that newaliases built, "key:value"
// per line (the "@:@" end marker included), or just the named aliases. The
// files come from -f or from the AliasFile option of sendmail.cf, as in
// sendmail 8.17; like it, a file that cannot be opened is reported and skipped.
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "maps/dbfile.hpp"
#include "util/strings.hpp"

namespace {

struct AliasFile {
    std::string spec;  // as written, for messages
    std::string path;
    std::string type;  // hash, btree, implicit
};

AliasFile parse_spec(const std::string& spec) {
    AliasFile f{spec, spec, "implicit"};
    auto colon = spec.find(':');
    if (colon != std::string::npos && spec[0] != '/') {
        f.type = spec.substr(0, colon);
        f.path = spec.substr(colon + 1);
    }
    return f;
}

// The AliasFile option's files ("O AliasFile=a,b" or the old "OAa,b").
std::vector<AliasFile> files_from_cf(std::ifstream& cf) {
    std::vector<AliasFile> out;
    std::string line;
    while (std::getline(cf, line)) {
        std::string value;
        if (line.rfind("O AliasFile", 0) == 0 && line.find('=') != std::string::npos)
            value = line.substr(line.find('=') + 1);
        else if (line.rfind("OA", 0) == 0)
            value = line.substr(2);
        else
            continue;
        for (const auto& item : util::split(value, ','))
            if (auto t = std::string(util::trim(item)); !t.empty()) out.push_back(parse_spec(t));
    }
    return out;
}

std::string_view c_string(std::string_view s) { return s.substr(0, std::min(s.find('\0'), s.size())); }

void print_record(std::string_view k, std::string_view v) {
    k = c_string(k);
    v = c_string(v);
    std::fwrite(k.data(), 1, k.size(), stdout);
    std::fputc(':', stdout);
    std::fwrite(v.data(), 1, v.size(), stdout);
    std::fputc('\n', stdout);
}

void show(const AliasFile& f, const std::vector<std::string>& keys) {
    maps::DbType type;
    if (f.type == "hash" || f.type == "implicit")
        type = maps::DbType::Hash;
    else if (f.type == "btree")
        type = maps::DbType::Btree;
    else {
        std::fprintf(stderr, "praliases: %s: open: Unknown database type\n", f.path.c_str());
        return;
    }
    std::string path = maps::db_file_name(f.path);
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
        std::fprintf(stderr, "praliases: %s: open: Unknown database type\n", f.path.c_str());
        return;
    }
    auto db = maps::DbFile::open(path, {type, false, false, false, false, 0, 0640});
    if (!db) {
        std::fprintf(stderr, "praliases: %s: open: %s\n", f.path.c_str(), db.error().message.c_str());
        return;
    }
    if (keys.empty()) {
        auto st2 = db->for_each([](std::string_view k, std::string_view v) {
            print_record(k, v);
            return true;
        });
        if (!st2) std::fprintf(stderr, "praliases: %s: %s\n", f.path.c_str(), st2.error().message.c_str());
        return;
    }
    for (const auto& key : keys) {
        // newaliases stores keys with their NUL; plain maps without.
        auto v = db->get(key + std::string(1, '\0'));
        if (v && !*v) v = db->get(key);
        if (v && *v)
            print_record(key, **v);
        else
            std::printf("%s: No such key\n", key.c_str());
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string cf_path = "/etc/mail/sendmail.cf", alias_file;
    int c;
    while ((c = getopt(argc, argv, "C:f:")) != -1) {
        switch (c) {
        case 'C': cf_path = optarg; break;
        case 'f': alias_file = optarg; break;
        default: std::fputs("usage: praliases [-C cffile] [-f aliasfile] [key ...]\n", stderr); return EX_USAGE;
        }
    }
    std::vector<std::string> keys(argv + optind, argv + argc);
    std::vector<AliasFile> files;
    if (!alias_file.empty()) {
        files.push_back({alias_file, alias_file, "implicit"});
    } else {
        std::ifstream cf(cf_path);
        if (!cf) {
            std::fprintf(stderr, "praliases: %s: %s\n", cf_path.c_str(), std::strerror(errno));
            return EX_NOINPUT;
        }
        files = files_from_cf(cf);
    }
    for (const auto& f : files) show(f, keys);
    return std::fflush(stdout) == 0 ? EX_OK : EX_IOERR;
}
