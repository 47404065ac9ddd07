// map_test_support.hpp: what the map class tests share: a MapContext that
// holds maps, macros and options, a scratch directory, and short helpers to
// declare a map from a K line's text and look a key up.
#pragma once

#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "maps/dbfile.hpp"
#include "maps/maps.hpp"

class TestContext : public maps::MapContext {
public:
    // A build tree may sit in a group writable directory; the unsafe-path
    // rule itself is tested with this option removed.
    TestContext() { options["DontBlameSendmail"] = "GroupWritableDirPathSafe"; }

    maps::Map* find_map(std::string_view name) override {
        auto it = maps.find(std::string(name));
        return it == maps.end() ? nullptr : it->second.get();
    }
    std::optional<std::string> macro(std::string_view name) const override {
        auto it = macros.find(std::string(name));
        if (it == macros.end()) return std::nullopt;
        return it->second;
    }
    void define_macro(std::string_view name, std::string_view value) override {
        macros[std::string(name)] = std::string(value);
    }
    std::optional<std::string> option(std::string_view name) const override {
        auto it = options.find(std::string(name));
        if (it == options.end()) return std::nullopt;
        return it->second;
    }

    void announce(std::string_view line, bool error) override {
        announced.emplace_back(line);
        if (error) ++announced_errors;
    }

    // Declares `name` as "class arguments"; fails the test if it cannot.
    maps::Map* declare(const std::string& name, const std::string& cls, const std::string& arguments) {
        auto m = maps::open_map({name, cls, arguments, "test.cf", 1}, *this);
        CPPUNIT_ASSERT_MESSAGE(m.ok() ? "" : m.error().describe(), m.ok());
        maps[name] = std::move(*m);
        return maps[name].get();
    }

    std::map<std::string, std::unique_ptr<maps::Map>> maps;
    std::map<std::string, std::string> macros, options;
    std::vector<std::string> announced;  // what maps printed while opening
    int announced_errors = 0;
};

// A directory removed at the end of the test. It is made in the current
// directory (the build tree), not in /tmp: sendmail's rules refuse maps
// below a world writable directory.
class ScratchDir {
public:
    ScratchDir() {
        char cwd[4096];
        std::string tmpl = std::string(::getcwd(cwd, sizeof cwd) ? cwd : ".") + "/mapstestXXXXXX";
        dir_ = ::mkdtemp(tmpl.data());
    }
    ~ScratchDir() { std::system(("rm -rf " + dir_).c_str()); }
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path(name), std::ios::binary) << text;
        return path(name);
    }
    // A Berkeley DB file from key/value pairs, as makemap would store them.
    std::string make_db(const std::string& name, const std::vector<std::pair<std::string, std::string>>& kv,
                        bool btree = false, bool dups = false) const {
        std::string p = path(name) + ".db";
        auto db =
            maps::DbFile::open(p, {btree ? maps::DbType::Btree : maps::DbType::Hash, true, true, true, dups, 0, 0640});
        CPPUNIT_ASSERT(db.ok());
        for (const auto& [k, v] : kv) db->put(k, v, false);
        CPPUNIT_ASSERT(db->close().ok());
        return path(name);
    }

private:
    std::string dir_;
};

inline maps::LookupResult look(maps::Map* m, const std::string& key, std::vector<std::string> args = {}) {
    return m->lookup(key, args);
}

#define ASSERT_FOUND(expected, result)                                                            \
    do {                                                                                          \
        auto r_ = (result);                                                                       \
        CPPUNIT_ASSERT_MESSAGE("not found: " + r_.error, r_.status == maps::LookupStatus::Found); \
        CPPUNIT_ASSERT_EQUAL(std::string(expected), r_.value);                                    \
    } while (0)
#define ASSERT_NOT_FOUND(result) CPPUNIT_ASSERT((result).status == maps::LookupStatus::NotFound)
