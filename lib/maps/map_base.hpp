// map_base.hpp: what every map class shares: the K line's common flags and
// the steps sendmail applies around every class's own lookup (key folding,
// -m, %0..%9 substitution, -a, -t). Internal to lib/maps.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "maps/maps.hpp"

namespace maps {

// sendmail's status numbers (sysexits plus its EX_NOTFOUND).
constexpr int kExOk = 0;
constexpr int kExNotFound = 68;
constexpr int kExNoUser = 67;
constexpr int kExUnavailable = 69;
constexpr int kExTempFail = 75;
constexpr int kExConfig = 78;

// The K line split into flags and what follows them. Flags are single
// letters with their value attached (`-a.`, `-T<TMPF>`, `-s1,2`), as sendmail
// writes them; a flag may repeat (the last value wins, except `list`).
struct MapArguments {
    std::map<char, std::string> flags;
    std::vector<std::pair<char, std::string>> list;  // every flag in order
    std::string rest;                                // after the flags, unsplit
    std::vector<std::string> words;                  // `rest` split on blanks

    bool has(char f) const { return flags.count(f) != 0; }
    std::string get(char f, std::string def = {}) const;
};

MapArguments parse_map_arguments(std::string_view arguments);

// A class's own answer, before the common post-processing.
struct RawResult {
    LookupStatus status = LookupStatus::NotFound;
    std::string value;
    int code = kExOk;
    std::string error;
    LookupResult::Shown shown = LookupResult::Shown::Inline;

    static RawResult found(std::string v) {
        return {LookupStatus::Found, std::move(v), kExOk, {}, LookupResult::Shown::Inline};
    }
    static RawResult not_found(int code = kExOk) {
        return {LookupStatus::NotFound, {}, code, {}, LookupResult::Shown::Inline};
    }
    static RawResult tempfail(std::string why) {
        return {LookupStatus::TempFail, {}, kExTempFail, std::move(why), LookupResult::Shown::Inline};
    }
    static RawResult permfail(std::string why, int code = kExConfig) {
        return {LookupStatus::PermFail, {}, code, std::move(why), LookupResult::Shown::Inline};
    }
    // A failure sendmail only logs: logged here (LOG_ERR), not printed by -bt.
    RawResult logged() &&;
    // A failure sendmail prints each time it happens (the host map's).
    RawResult where_looked_up() && {
        shown = LookupResult::Shown::WhereLookedUp;
        return std::move(*this);
    }
    // A failure sendmail prints when it happens, before the -bt result line.
    RawResult before_line() && {
        shown = LookupResult::Shown::BeforeLine;
        return std::move(*this);
    }
};

// The common part of every class. Subclasses implement raw_lookup() on the
// prepared key; `args` are there for the classes that use them (arith, macro).
class MapBase : public Map {
public:
    MapBase(MapDeclaration decl, MapArguments args, bool folds_case);
    LookupResult lookup(std::string_view key, std::span<const std::string> args) final;
    bool optional() const override { return args_.has('o'); }
    std::string tempfail_text() const override { return args_.get('T'); }

protected:
    virtual RawResult raw_lookup(const std::string& key, std::span<const std::string> args) = 0;
    const MapArguments& args() const { return args_; }
    // "class map "name": " prefixes for messages.
    std::string label() const;

private:
    MapArguments args_;
    bool fold_;
};

// %0 (the key) and %1..%9 (the $@ arguments) in a map's value; "%%" is one
// percent, any other "%x" stays as written.
std::string substitute_arguments(std::string_view value, std::string_view key, std::span<const std::string> args);

// sendmail's C-string view of a stored value (a -N map's NUL is not part of it).
std::string_view c_string(std::string_view s);

}  // namespace maps
