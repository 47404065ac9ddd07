// map_base.cpp: flag parsing and the lookup steps shared by all classes.
// Doing -m, -a and %n here, once, keeps every class's answer consistent.
#include "maps/map_base.hpp"
#include "maps/map_options.hpp"

#include <syslog.h>

#include <cstring>

#include "util/log.hpp"
#include "util/strings.hpp"

namespace maps {

std::string MapArguments::get(char f, std::string def) const {
    auto it = flags.find(f);
    return it == flags.end() ? def : it->second;
}

MapArguments parse_map_arguments(std::string_view arguments) {
    MapArguments a;
    size_t p = 0;
    auto skip_blanks = [&] {
        while (p < arguments.size() && (arguments[p] == ' ' || arguments[p] == '\t')) ++p;
    };
    for (skip_blanks(); p < arguments.size() && arguments[p] == '-'; skip_blanks()) {
        // A '-' that ends the line is a flag without its letter: no file.
        if (p + 1 >= arguments.size()) {
            p = arguments.size();
            break;
        }
        char f = arguments[p + 1];
        size_t end = p + 2;
        // A value may be quoted ("-a"x y"") so it can hold blanks.
        std::string value;
        bool quoted = false;
        while (end < arguments.size() && (quoted || (arguments[end] != ' ' && arguments[end] != '\t'))) {
            if (arguments[end] == '"')
                quoted = !quoted;
            else
                value.push_back(arguments[end]);
            ++end;
        }
        a.flags[f] = value;
        a.list.emplace_back(f, value);
        p = end;
    }
    a.rest = std::string(util::trim(arguments.substr(p)));
    a.words = util::split_words(a.rest);
    return a;
}

namespace {

bool c_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The flags each class's own option parser takes; nullptr for the classes
// whose parser passes over what it does not know (regex, dequote, arith,
// macro, host) or reports it otherwise (sequence, dns, ldap).
const char* accepted_flags(const std::string& class_name) {
    static const char* const kCommon[] = {"hash", "btree", "implicit", "text", "switch", "stab", "user", "null",
                                          "bestmx", "program", "socket", "nis", "nisplus"};
    for (const char* c : kCommon)
        if (class_name == c) return "adfkmoqtvzADNOST";
    if (class_name == "syslog") return "DLS";
    return nullptr;
}

}  // namespace

std::vector<std::string> option_diagnostics(const MapDeclaration& d) {
    std::vector<std::string> out;
    const char* accepted = accepted_flags(d.class_name);
    if (!accepted) return out;
    // sendmail's syslog parser names its class where the others name the map.
    const std::string& who = d.class_name == "syslog" ? d.class_name : d.name;
    std::string_view s = d.arguments;
    size_t p = 0;
    for (;;) {
        while (p < s.size() && c_space(s[p])) ++p;
        if (p >= s.size() || s[p] != '-') break;
        ++p;
        if (p >= s.size()) {
            // The letter sendmail prints is the string's end: the text stops there.
            out.push_back("Illegal option ");
            break;
        }
        char f = s[p];
        if (!std::strchr(accepted, f)) {
            out.push_back(std::string("Illegal option ") + f + " map " + who);
        } else if (f == 'k' || f == 'v') {
            // A column may stand apart from its letter.
            ++p;
            while (p < s.size() && c_space(s[p])) ++p;
        }
        while (p < s.size() && !c_space(s[p])) ++p;
        if (p < s.size()) ++p;
    }
    return out;
}

RawResult RawResult::logged() && {
    if (!error.empty()) util::log_line(LOG_ERR, 1, "", error);
    shown = LookupResult::Shown::NotShown;
    return std::move(*this);
}

std::string_view c_string(std::string_view s) { return s.substr(0, std::min(s.find('\0'), s.size())); }

std::string substitute_arguments(std::string_view value, std::string_view key, std::span<const std::string> args) {
    std::string out;
    out.reserve(value.size());
    for (size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c != '%' || i + 1 >= value.size()) {
            out.push_back(c);
            continue;
        }
        char n = value[i + 1];
        if (n == '%') {
            out.push_back('%');
            ++i;
        } else if (n >= '0' && n <= '9') {
            size_t idx = static_cast<size_t>(n - '0');
            if (idx == 0)
                out.append(key);
            else if (idx <= args.size())
                out.append(args[idx - 1]);
            ++i;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

MapBase::MapBase(MapDeclaration decl, MapArguments args, bool folds_case)
    : Map(std::move(decl)), args_(std::move(args)), fold_(folds_case && !args_.has('f')) {}

std::string MapBase::label() const { return decl_.class_name + " map \"" + decl_.name + "\""; }

LookupResult MapBase::lookup(std::string_view key, std::span<const std::string> args) {
    std::string k(key);
    if (fold_) k = util::to_lower(k);
    RawResult raw = raw_lookup(k, args);
    LookupResult r{raw.status, {}, std::move(raw.error), raw.code, raw.shown};
    if (raw.status == LookupStatus::Found) {
        r.value = args_.has('m') ? std::string(key) : substitute_arguments(raw.value, key, args);
        r.value += args_.get('a');
    } else if (raw.status == LookupStatus::TempFail && args_.has('t')) {
        // -t: a temporary failure is not worth deferring for; treat as absent.
        r.status = LookupStatus::NotFound;
    }
    return r;
}

}  // namespace maps
