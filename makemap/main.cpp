// main.cpp: makemap, sendmail's map builder: reads "key value" lines on stdin
// into a Berkeley DB hash or btree file, or dumps one (-u). Options, messages
// and exit codes are sendmail 8.17's; the work is in loader.cpp and lib/maps.
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "makemap/loader.hpp"
#include "makemap/safety.hpp"
#include "maps/dbfile.hpp"

namespace {

struct Options {
    std::string cf = "/etc/mail/sendmail.cf";
    bool explicit_cf = false;
    makemap::LoadOptions load;
    size_t cache_size = 1024 * 1024;
    bool duplicates = false, append = false, replace = false, skip_checks = false;
    bool unmake = false, verbose = false, list = false, list_ext = false;
    std::string fallback_type;
    std::string type, name;
};

int usage() {
    std::fputs(
        "Usage: makemap [-C cffile] [-N] [-c cachesize] [-D commentchar]\n"
        "               [-d] [-e] [-f] [-i type] [-l] [-o] [-r] [-s] [-t delimiter]\n"
        "               [-u] [-v] type mapname\n",
        stderr);
    return EX_USAGE;
}

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    int c;
    while ((c = getopt(argc, argv, "C:D:Nc:defi:lorst:uvx")) != -1) {
        switch (c) {
        case 'C':
            o.cf = optarg;
            o.explicit_cf = true;
            break;
        case 'D': o.load.comment = optarg[0]; break;
        case 'N': o.load.include_nul = true; break;
        case 'c': o.cache_size = std::strtoul(optarg, nullptr, 10); break;
        case 'd': o.duplicates = true; break;
        case 'e': o.load.allow_empty = true; break;
        case 'f': o.load.fold_case = false; break;
        case 'i': o.fallback_type = optarg; break;
        case 'l': o.list = true; break;
        case 'o': o.append = true; break;
        case 'r': o.replace = true; break;
        case 's': o.skip_checks = true; break;
        case 't': o.load.delimiter = optarg[0]; break;
        case 'u': o.unmake = true; break;
        case 'v': o.verbose = true; break;
        case 'x': o.list_ext = true; break;
        default: return std::nullopt;
        }
    }
    if (o.list || o.list_ext) return o;
    if (argc - optind != 2) return std::nullopt;
    o.type = argv[optind];
    o.name = argv[optind + 1];
    return o;
}

std::optional<maps::DbType> db_type(const std::string& t) {
    if (t == "hash" || t == "implicit") return maps::DbType::Hash;
    if (t == "btree") return maps::DbType::Btree;
    return std::nullopt;
}

int open_error(const Options& o, const std::string& why) {
    std::fprintf(stderr, "makemap: error opening type %s map %s: %s\n", o.type.c_str(), o.name.c_str(), why.c_str());
    return EX_CANTCREAT;
}

// -u: every record as "key<TAB>value"; C string printing stops at a NUL,
// which drops the terminators of -N maps just as sendmail's makemap does.
int dump(const Options& o, const maps::DbFile& db) {
    char delim = o.load.delimiter ? o.load.delimiter : '\t';
    auto cstr = [](std::string_view s) { return s.substr(0, std::min(s.find('\0'), s.size())); };
    auto st = db.for_each([&](std::string_view k, std::string_view v) {
        k = cstr(k);
        v = cstr(v);
        if (!k.empty()) std::fwrite(k.data(), 1, k.size(), stdout);
        std::fputc(delim, stdout);
        if (!v.empty()) std::fwrite(v.data(), 1, v.size(), stdout);
        std::fputc('\n', stdout);
        return true;
    });
    if (!st) {
        std::fprintf(stderr, "makemap: %s: %s\n", o.name.c_str(), st.error().message.c_str());
        return EX_IOERR;
    }
    return std::fflush(stdout) == 0 ? EX_OK : EX_IOERR;
}

int load(const Options& o, maps::DbFile& db) {
    int status = EX_OK;
    auto error = [&](int line, const std::string& msg) {
        std::fprintf(stderr, "makemap: %s: line %d: %s\n", o.name.c_str(), line, msg.c_str());
        status = EX_DATAERR;
    };
    auto record = [&](std::string_view k, std::string_view v, int line) {
        std::string ks(k.substr(0, std::min(k.find('\0'), k.size())));
        if (o.verbose) {
            std::string vs(v.substr(0, std::min(v.find('\0'), v.size())));
            std::printf("key=`%s', val=`%s'\n", ks.c_str(), vs.c_str());
        }
        switch (db.put(k, v, o.replace)) {
        case maps::PutResult::Stored: break;
        case maps::PutResult::Exists: error(line, "key " + ks + ": duplicate key"); break;
        case maps::PutResult::Failed:
            std::fprintf(stderr, "makemap: %s: line %d: key %s: put error: %s\n", o.name.c_str(), line, ks.c_str(),
                         db.last_error().c_str());
            status = EX_IOERR;
            break;
        }
    };
    if (!makemap::load_records(stdin, o.load, record, error)) {
        std::fprintf(stderr, "makemap: %s: error reading input: %s\n", o.name.c_str(), std::strerror(errno));
        return EX_IOERR;
    }
    return status;
}

int run(Options& o) {
    auto type = db_type(o.type);
    if (!type && !o.fallback_type.empty()) type = db_type(o.fallback_type);
    if (!type) return open_error(o, "Unknown database type");
    std::optional<uid_t> owner;
    // Root reads the cf even for -u, so a wrong -C fails the same way.
    if (geteuid() == 0) {
        auto tu = makemap::trusted_user(o.cf, o.explicit_cf);
        if (!tu) {
            std::fprintf(stderr, "makemap: %s\n", tu.error().message.c_str());
            return tu.error().code;
        }
        owner = *tu;
    }
    std::string path = maps::db_file_name(o.name);
    // Only root is warned, and for -u and -s too; other users hear nothing.
    if (geteuid() == 0) makemap::warn_unsafe_directories(path);
    if (makemap::is_symlink(path)) {
        if (!o.skip_checks) return open_error(o, "Symbolic links not allowed");
        // -s: the map is written where the link points; a link to nothing
        // is "File exists" for a build (its exclusive create meets the link).
        auto target = makemap::link_target(path);
        if (!target) return open_error(o, o.unmake ? "No such file or directory" : "File exists");
        path = *target;
    }
    if (o.unmake) {
        auto db = maps::DbFile::open(path, {*type, false, false, false, false, o.cache_size, 0640});
        if (!db) return open_error(o, db.error().message);
        return dump(o, *db);
    }
    // A fresh map is built beside the old one and renamed over it, so a
    // running sendmail never reads a half-written file.
    std::string target = o.append ? path : path + ".tmp" + std::to_string(getpid());
    if (!o.append) unlink(target.c_str());
    maps::DbOpenOptions dbo{*type, true, !o.append, !o.append, o.duplicates, o.cache_size, 0640};
    auto db = maps::DbFile::open(target, dbo);
    if (!db) return open_error(o, db.error().message);
    int status = load(o, *db);
    auto closed = db->close();
    if (!closed) {
        std::fprintf(stderr, "makemap: %s: error writing map: %s\n", o.name.c_str(), closed.error().message.c_str());
        if (!o.append) unlink(target.c_str());
        return EX_IOERR;
    }
    // A rebuilt map keeps the permissions of the one it replaces, as the
    // real makemap's rewrite in place does.
    struct stat old;
    if (!o.append && stat(path.c_str(), &old) == 0) chmod(target.c_str(), old.st_mode & 07777);
    if (owner && chown(target.c_str(), *owner, static_cast<gid_t>(-1)) != 0)
        std::fprintf(stderr, "makemap: %s: cannot change owner: %s\n", o.name.c_str(), std::strerror(errno));
    if (!o.append && rename(target.c_str(), path.c_str()) != 0) {
        std::fprintf(stderr, "makemap: %s: cannot rename: %s\n", o.name.c_str(), std::strerror(errno));
        unlink(target.c_str());
        return EX_CANTCREAT;
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    auto opts = parse(argc, argv);
    if (!opts) return usage();
    if (opts->list || opts->list_ext) {
        for (const char* t : {"hash", "btree", "implicit"})
            std::printf(opts->list_ext ? "%s:%s\n" : "%s\n", t, std::strcmp(t, "implicit") == 0 ? "" : "db");
        return EX_OK;
    }
    return run(*opts);
}
