// mailers.cpp: M lines (`Mname, P=path, F=flags, S=.., R=.., A=argv ...`)
// and the three mailers sendmail defines before reading any cf.
#include <algorithm>
#include <cctype>
#include <optional>
#include <pwd.h>
#include <grp.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "util/strings.hpp"

namespace config {

namespace {

std::string sorted_flags(std::string_view f) {
    std::string out;
    for (char c : f)
        if (!std::isspace(static_cast<unsigned char>(c)) && out.find(c) == std::string::npos) out += c;
    std::sort(out.begin(), out.end());
    return out;
}

Mailer builtin(int n, const char* name, const char* path, const char* flags, const char* argv,
               bool xunix) {
    Mailer m;
    m.number = n;
    m.name = name;
    m.path = path;
    m.flags = sorted_flags(flags);
    m.argv = argv;
    m.sender_rules[0] = m.sender_rules[1] = "0";
    m.recipient_rules[0] = m.recipient_rules[1] = "0";
    if (xunix) m.mts_types[0] = m.mts_types[1] = m.mts_types[2] = "X-Unix";
    return m;
}

// S= and R= name rulesets: each half a name or a number below 100. What
// sendmail reports of a bad one; false drops the mailer.
bool check_ruleset_pair(const std::string& v, Reader& r) {
    size_t slash = v.find('/');
    for (size_t start : {size_t(0), slash == std::string::npos ? std::string::npos : slash + 1}) {
        if (start == std::string::npos) break;
        std::string_view part = util::trim(std::string_view(v).substr(start, v.find('/', start) - start));
        auto first = static_cast<unsigned char>(part.empty() ? 0 : part[0]);
        if (!(std::isalnum(first) || first == '_')) {
            r.error("invalid ruleset name: \"" + as_stored(util::trim(std::string_view(v).substr(start))) + "\"");
            return false;
        }
        if (std::isdigit(first) && std::atol(std::string(part).c_str()) >= 100) {
            r.error("bad ruleset " + std::to_string(std::atol(std::string(part).c_str())) + " (100 max)");
            return false;
        }
    }
    return true;
}

void split_pair(const std::string& v, std::string out[2]) {
    auto slash = v.find('/');
    out[0] = std::string(util::trim(std::string_view(v).substr(0, slash)));
    out[1] = slash == std::string::npos ? out[0] : std::string(util::trim(std::string_view(v).substr(slash + 1)));
}

std::string resolve_id(const std::string& v, bool group) {
    if (v.empty()) return v;
    if (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '-') return v;
    if (group) {
        if (struct group* g = getgrnam(v.c_str())) return std::to_string(g->gr_gid);
    } else if (struct passwd* p = getpwnam(v.c_str())) {
        return std::to_string(p->pw_uid);
    }
    return v;
}

// Where a field's value ends: at the next comma outside double quotes (a
// backslash protects the next character), as sendmail reads every field,
// A= included (so "A=xagent $h $u, E=\n" sets both).
size_t value_end(std::string_view s, size_t i) {
    bool quoted = false;
    for (; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        else if (s[i] == '"') quoted = !quoted;
        else if (s[i] == ',' && !quoted) return i;
    }
    return s.size();
}

// Splits "P=x, F=y, A=a b c" into (key, value) pairs; only a key's first
// letter counts ("Path=x" is P=). nullopt when a key has no '=' before the
// next comma: sendmail then says "`=' expected" and drops the mailer.
std::optional<std::vector<std::pair<char, std::string>>> equates(std::string_view s) {
    std::vector<std::pair<char, std::string>> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',')) ++i;
        if (i >= s.size()) break;
        char key = s[i];
        size_t eq = s.find_first_of("=,", i);
        if (eq == std::string_view::npos || s[eq] != '=') return std::nullopt;
        size_t start = eq + 1;
        size_t end = value_end(s, start);
        out.emplace_back(key, std::string(util::trim(s.substr(start, end - start))));
        i = end;
    }
    return out;
}

// U=user[:group]: names must exist; a number stands for itself.
bool is_number(std::string_view v) {
    return !v.empty() &&
           std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool check_user_equate(const Mailer& m, const std::string& v, Reader& r) {
    auto colon = v.find(':');
    std::string user = v.substr(0, colon);
    if (user.empty()) {
        r.error("mailer " + m.name + ": null user name");
        return false;
    }
    if (!is_number(user) && !getpwnam(user.c_str())) {
        r.error("readcf: mailer U= flag: unknown user " + user);
        return false;
    }
    if (colon == std::string::npos) return true;
    std::string group = v.substr(colon + 1);
    if (!group.empty() && !is_number(group) && !getgrnam(group.c_str())) {
        r.error("readcf: mailer U= flag: unknown group " + group);
        return false;
    }
    return true;
}

// Applies one field; false when sendmail drops the whole mailer for it.
bool apply_equate(Mailer& m, char key, const std::string& v, Reader& r) {
    if ((key == 'S' || key == 'R') && !check_ruleset_pair(v, r)) return false;
    switch (key) {
    case 'P': m.path = v; break;
    case 'F': m.flags = sorted_flags(m.flags + v); break;
    case 'S': split_pair(v, m.sender_rules); break;
    case 'R': split_pair(v, m.recipient_rules); break;
    case 'E':
        if (v.empty())
            r.error("mailer " + m.name + ": null end-of-line string");
        else
            m.eol = v;
        break;
    case 'A': m.argv = v; break;
    case 'D': m.directories = v; break;
    case 'C': m.charset = v; break;
    case 'M': m.max_size = std::atol(v.c_str()); break;
    case 'L': m.line_limit = std::max(0L, std::atol(v.c_str())); break;
    case 'r': m.max_rcpts = std::atoi(v.c_str()); break;
    case 'm': m.max_msgs = std::atoi(v.c_str()); break;
    case 'W': m.wait = v; break;
    case '/': m.chroot = v; break;
    case 'Q': m.queue_group = v; break;
    case 'T': {
        auto parts = util::split(v, '/');
        for (size_t i = 0; i < 3 && i < parts.size(); ++i) m.mts_types[i] = parts[i];
        break;
    }
    case 'U': {
        if (!check_user_equate(m, v, r)) break;
        auto colon = v.find(':');
        m.uid = resolve_id(v.substr(0, colon), false);
        if (colon != std::string::npos) {
            m.gid = resolve_id(v.substr(colon + 1), true);
        } else if (struct passwd* p = getpwnam(v.c_str())) {
            m.gid = std::to_string(p->pw_gid);  // a user name alone: its own group too
        }
        break;
    }
    default: r.error("M" + m.name + ": unknown mailer equate " + std::string(1, key) + "="); break;
    }
    return true;
}

}  // namespace

void add_builtin_mailers(Config& cfg) {
    cfg.mailers.push_back(builtin(0, "prog", "/bin/sh", "lsDFMeuP9", "sh -c $u", true));
    cfg.mailers.back().flags = sorted_flags("lsDqou9");
    cfg.mailers.push_back(builtin(1, "*file*", "[FILE]", "lsDFMPEouq9", "FILE $u", true));
    cfg.mailers.push_back(builtin(2, "*include*", "/dev/null", "su", "INCLUDE $u", false));
}

void read_mailer_line(Config& cfg, std::string_view line, Reader& r) {
    size_t i = 1;
    size_t end = i;
    while (end < line.size() && line[end] != ',' && !std::isspace(static_cast<unsigned char>(line[end])))
        ++end;
    std::string name(line.substr(i, end - i));
    if (name.empty()) {
        r.error("name required for mailer");
        return;
    }
    Mailer m;
    m.name = name;
    m.sender_rules[0] = m.sender_rules[1] = "0";
    m.recipient_rules[0] = m.recipient_rules[1] = "0";
    m.eol.clear();
    bool eol_set = false;
    auto fields = equates(line.substr(end));
    if (!fields) {
        r.error("mailer " + m.name + ": `=' expected");
        return;
    }
    for (auto& [key, value] : *fields) {
        if (!apply_equate(m, key, value, r)) return;
        if (key == 'E' && !value.empty()) eol_set = true;
    }
    // A mailer needs its argv and its program; sendmail drops it otherwise.
    if (m.argv.empty() || m.path.empty()) {
        r.error("M" + m.name + ": " + (m.argv.empty() ? "A" : "P") + "= argument required");
        return;
    }
    // Q= must name a queue group declared above (Q lines come first), or
    // the default group.
    if (!m.queue_group.empty() && m.queue_group != "mqueue" &&
        std::none_of(cfg.queue_groups.begin(), cfg.queue_groups.end(),
                     [&](const QueueGroup& g) { return g.name == m.queue_group; }))
        r.error("mailer " + m.name + ": unknown queue " + m.queue_group);
    // F=L (SMTP line limits) without L= means sendmail's 990 characters.
    if (m.line_limit == 0 && m.flags.find('L') != std::string::npos) m.line_limit = 990;
    if (m.path == "[IPC]" && m.mts_types[0].empty()) {
        m.mts_types[0] = "dns";
        m.mts_types[1] = "rfc822";
        m.mts_types[2] = "smtp";
    }
    if (!eol_set) {
        // Mailers that take the user on the command line get bare newlines;
        // the others speak SMTP/LMTP on their input and get CRLF. $u counts
        // anywhere in an argument: uucp's A= passes it as ($u).
        bool takes_user = m.argv.find("$u") != std::string::npos;
        m.eol = takes_user ? "\n" : "\r\n";
    } else {
        std::string e;
        for (size_t k = 0; k < m.eol.size(); ++k) {
            if (m.eol[k] == '\\' && k + 1 < m.eol.size()) {
                char c = m.eol[++k];
                e += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
            } else {
                e += m.eol[k];
            }
        }
        m.eol = e;
    }
    for (auto& existing : cfg.mailers) {
        if (existing.name == name) {
            m.number = existing.number;
            existing = m;
            return;
        }
    }
    m.number = static_cast<int>(cfg.mailers.size());
    cfg.mailers.push_back(m);
}

}  // namespace config
