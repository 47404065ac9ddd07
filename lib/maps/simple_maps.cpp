// simple_maps.cpp: the classes that compute rather than store: dequote, arith,
// macro, null, syslog and user (passwd fields). Their not-found statuses are
// the ones sendmail's -bt shows.
#include <pwd.h>
#include <syslog.h>

#include <cstdlib>
#include <limits>
#include <random>

#include "maps/file_maps.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

// dequote: removes the double quotes of a key. A backslash stays, with the
// character it quotes. A key without quotes, with an open quote or a
// trailing backslash, with parentheses or angle brackets out of balance
// (inside quotes too), or whose result would hold a blank, is "no match",
// so the rule keeps the original.
class DequoteMap : public MapBase {
public:
    using MapBase::MapBase;

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        std::string out, space = args().get('S');
        bool quoted = false, changed = false, escaped = false;
        int parens = 0, angles = 0;
        for (char c : key) {
            if (escaped) {
                escaped = false;
                out.push_back(c);
                continue;
            }
            if (c == '\\') escaped = true;
            if (c == '(') ++parens;
            if (c == '<') ++angles;
            if ((c == ')' && --parens < 0) || (c == '>' && --angles < 0)) return RawResult::not_found();
            if (c == '"') {
                quoted = !quoted;
                changed = true;
                continue;
            }
            // A space survives only as the -S character; a tab never.
            if (c == '\t' || (c == ' ' && space.empty())) return RawResult::not_found();
            if (c == ' ') c = space[0];
            out.push_back(c);
        }
        if (!changed || quoted || escaped || parens != 0 || angles != 0) return RawResult::not_found();
        return RawResult::found(out);
    }
};

// An arith operand as sendmail reads it: strtol with base 0 (so "0x10" is
// 16 and "010" is 8), leading blanks skipped, anything after the number
// ignored; empty or non-numeric text is 0, never an error.
long arith_operand(const std::string& s) { return std::strtol(s.c_str(), nullptr, 0); }

// sendmail formats a result into a 16-byte buffer: at most 15 characters.
RawResult arith_value(long v) { return RawResult::found(std::to_string(v).substr(0, 15)); }

// Two's-complement wrap-around, as sendmail's unchecked C arithmetic gives
// on this platform, without undefined behaviour here.
long wrap(unsigned long v) { return static_cast<long>(v); }

// arith: $(arith OP $@ A $@ B $): + - * / % & | l (less than) = (equal) r
// (random in [A,B]); only OP's first character counts ("lt" is "l").
class ArithMap : public MapBase {
public:
    using MapBase::MapBase;

protected:
    RawResult raw_lookup(const std::string& op, std::span<const std::string> av) override {
        if (av.size() < 2 || op.empty()) return RawResult::not_found(kExConfig);
        long x = arith_operand(av[0]), y = arith_operand(av[1]);
        auto ux = static_cast<unsigned long>(x), uy = static_cast<unsigned long>(y);
        // Division by zero is "no match"; LONG_MIN / -1 (which kills
        // sendmail) is too, never undefined behaviour.
        bool bad_div = y == 0 || (x == std::numeric_limits<long>::min() && y == -1);
        switch (op[0]) {
        case '+': return arith_value(wrap(ux + uy));
        case '-': return arith_value(wrap(ux - uy));
        case '*': return arith_value(wrap(ux * uy));
        case '/': return bad_div ? RawResult::not_found(kExConfig) : arith_value(x / y);
        case '%': return bad_div ? RawResult::not_found(kExConfig) : arith_value(x % y);
        case '&': return arith_value(x & y);
        case '|': return arith_value(x | y);
        case 'l': return RawResult::found(x < y ? "TRUE" : "FALSE");
        case '=': return RawResult::found(x == y ? "TRUE" : "FALSE");
        case 'r': {
            if (x > y) return RawResult::not_found(kExConfig);
            static std::mt19937_64 rng{std::random_device{}()};
            return arith_value(std::uniform_int_distribution<long>(x, y)(rng));
        }
        default: return RawResult::not_found(kExConfig);
        }
    }
};

// macro: $(macro {name} $@ value $) sets the macro (no value clears it); "".
class MacroMap : public MapBase {
public:
    MacroMap(MapDeclaration d, MapArguments a, MapContext& ctx)
        : MapBase(std::move(d), std::move(a), false), ctx_(ctx) {}

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string> av) override {
        ctx_.define_macro(key, av.empty() ? std::string_view() : std::string_view(av[0]));
        return RawResult::found({});
    }

private:
    MapContext& ctx_;
};

class NullMap : public MapBase {
public:
    using MapBase::MapBase;

protected:
    RawResult raw_lookup(const std::string&, std::span<const std::string>) override {
        return RawResult::not_found(kExNotFound);
    }
};

// syslog: logs the key at LOG_NOTICE and returns "".
class SyslogMap : public MapBase {
public:
    using MapBase::MapBase;

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        util::log_line(LOG_NOTICE, 0, "", key);
        return RawResult::found({});
    }
};

// user: a passwd entry's field (-v name|passwd|uid|gid|gecos|dir|shell).
class UserMap : public MapBase {
public:
    using MapBase::MapBase;

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        std::string col = args().get('v', "name");
        static const char* const names[] = {"name", "passwd", "uid", "gid", "gecos", "dir", "shell"};
        int idx = -1;
        for (int i = 0; i < 7; ++i)
            if (util::iequals(col, names[i])) idx = i;
        if (idx < 0) return RawResult::tempfail("User map " + decl_.name + ": unknown column name " + col);
        // sendmail folds user names even under -f.
        struct passwd* pw = getpwnam(util::to_lower(key).c_str());
        if (pw == nullptr) return RawResult::not_found(kExNoUser);
        switch (idx) {
        case 0: return RawResult::found(pw->pw_name);
        case 1: return RawResult::found(pw->pw_passwd);
        case 2: return RawResult::found(std::to_string(pw->pw_uid));
        case 3: return RawResult::found(std::to_string(pw->pw_gid));
        case 4: return RawResult::found(pw->pw_gecos);
        case 5: return RawResult::found(pw->pw_dir);
        default: return RawResult::found(pw->pw_shell);
        }
    }
};

}  // namespace

MapResult open_simple_map(const MapDeclaration& d, MapArguments a, MapContext& ctx) {
    const std::string& c = d.class_name;
    if (c == "dequote") return std::unique_ptr<Map>(std::make_unique<DequoteMap>(d, std::move(a), false));
    if (c == "arith") return std::unique_ptr<Map>(std::make_unique<ArithMap>(d, std::move(a), false));
    if (c == "macro") return std::unique_ptr<Map>(std::make_unique<MacroMap>(d, std::move(a), ctx));
    if (c == "null") return std::unique_ptr<Map>(std::make_unique<NullMap>(d, std::move(a), false));
    if (c == "syslog") return std::unique_ptr<Map>(std::make_unique<SyslogMap>(d, std::move(a), false));
    if (c == "user") return std::unique_ptr<Map>(std::make_unique<UserMap>(d, std::move(a), false));
    return util::Error(d.file, d.line, "map " + d.name + ": class " + c + " not available");
}

}  // namespace maps
