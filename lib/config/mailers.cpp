// mailers.cpp: M lines (`Mname, P=path, F=flags, S=.., R=.., A=argv ...`)
// and the three mailers sendmail defines before reading any cf. Each field
// is read and checked as sendmail 8.17 does, with its diagnostics; what it
// drops (a missing A= or P=, a bad [IPC] or [FILE] mailer, the 26th
// mailer) we drop.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <grp.h>
#include <pwd.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "util/strings.hpp"

namespace config {

namespace {

constexpr size_t kMaxMailers = 25;  // the three built-in ones included

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// F= letters as a set, in byte order (which is how =M lists them).
std::string add_flags(std::string flags, std::string_view more) {
    for (char c : more)
        if (!is_space(c) && flags.find(c) == std::string::npos) flags += c;
    std::sort(flags.begin(), flags.end(),
              [](char a, char b) { return static_cast<unsigned char>(a) < static_cast<unsigned char>(b); });
    return flags;
}

Mailer builtin(int n, const char* name, const char* path, const char* flags, const char* argv,
               bool xunix) {
    Mailer m;
    m.number = n;
    m.name = name;
    m.path = path;
    m.flags = add_flags("", flags);
    m.argv = argv;
    m.sender_rules[0] = m.sender_rules[1] = "0";
    m.recipient_rules[0] = m.recipient_rules[1] = "0";
    if (xunix) m.mts_types[0] = m.mts_types[1] = m.mts_types[2] = "X-Unix";
    return m;
}

// A field's value from s[i] to the next comma outside double quotes: the
// quotes go, and a backslash makes the next character plain (\n and \r
// stand for newline and return). i ends on the comma.
std::string field_value(std::string_view s, size_t& i) {
    std::string out;
    bool quoted = false, escaped = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (escaped) {
            escaped = false;
            out += c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (quoted || c != ',') {
            out += c;
        } else {
            break;
        }
    }
    return out;
}

// A= splits at white space; a leading blank makes an empty first word.
std::vector<std::string> argv_words(std::string_view v) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < v.size()) {
        size_t start = i;
        while (i < v.size() && !is_space(v[i])) ++i;
        words.emplace_back(v.substr(start, i - start));
        while (i < v.size() && is_space(v[i])) ++i;
    }
    return words;
}

// S= and R=: a ruleset, or envelope/header rulesets. False drops the mailer.
bool read_ruleset_pair(Config& cfg, const std::string& v, std::string out[2], Reader& r) {
    size_t end = std::string::npos;
    int envelope = enter_ruleset_reference(cfg, v, &end, r);
    if (envelope < 0) return false;
    int header = envelope;
    if (end < v.size() && v[end] == '/') {
        header = enter_ruleset_reference(cfg, std::string_view(v).substr(end + 1), nullptr, r);
        if (header < 0) return false;
    }
    out[0] = std::to_string(envelope);
    out[1] = std::to_string(header);
    return true;
}

// T=mta/address/diagnostic: every part that is missing or empty gets its default.
void read_types(Mailer& m, std::string_view v) {
    std::string_view parts[3];
    size_t slash = v.find('/');
    parts[0] = v.substr(0, slash);
    if (slash != std::string_view::npos) {
        std::string_view rest = v.substr(slash + 1);
        size_t second = rest.find('/');
        parts[1] = rest.substr(0, second);
        if (second != std::string_view::npos) parts[2] = rest.substr(second + 1);
    }
    static const char* const kDefaults[3] = {"dns", "rfc822", "smtp"};
    for (int i = 0; i < 3; ++i) m.mts_types[i] = parts[i].empty() ? kDefaults[i] : std::string(parts[i]);
}

bool user_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 && (std::isalnum(u) || u == '-' || u == '_');
}

bool ascii_non_digit(std::string_view v, size_t p) {
    auto u = static_cast<unsigned char>(p < v.size() ? v[p] : 0);
    return u < 0x80 && !std::isdigit(u);
}

// A number as sendmail's strtol(.., 0) reads it (0x.. hex, 0.. octal),
// stored in an int; p moves past it.
std::string id_number(const std::string& v, size_t& p) {
    char* stop = nullptr;
    long n = std::strtol(v.c_str() + p, &stop, 0);
    p = static_cast<size_t>(stop - v.c_str());
    return std::to_string(static_cast<int>(n));
}

// U=user[:group] or uid[:gid]. A user name brings its group along.
void read_user(Mailer& m, const std::string& v, Reader& r) {
    size_t p = 0;
    if (ascii_non_digit(v, p)) {
        size_t start = p;
        while (p < v.size() && user_char(v[p])) ++p;
        std::string user = v.substr(start, p - start);
        while (p < v.size() && is_space(v[p])) ++p;
        if (p < v.size()) ++p;  // the separator
        if (user.empty()) {
            r.error("mailer " + m.name + ": null user name");
            return;
        }
        const passwd* pw = getpwnam(user.c_str());
        if (!pw) {
            r.error("readcf: mailer U= flag: unknown user " + user);
            return;
        }
        m.uid = std::to_string(static_cast<int>(pw->pw_uid));
        m.gid = std::to_string(static_cast<int>(pw->pw_gid));
    } else {
        m.uid = id_number(v, p);
        while (p < v.size() && is_space(v[p])) ++p;
        if (p < v.size()) ++p;
    }
    while (p < v.size() && is_space(v[p])) ++p;
    if (p >= v.size()) return;
    if (!ascii_non_digit(v, p)) {
        m.gid = id_number(v, p);
        return;
    }
    size_t start = p;
    while (p < v.size() && user_char(v[p])) ++p;
    std::string group = v.substr(start, p - start);
    if (group.empty()) {
        r.error("mailer " + m.name + ": null group name");
        return;
    }
    const struct group* gr = getgrnam(group.c_str());
    if (!gr) {
        r.error("readcf: mailer U= flag: unknown group " + group);
        return;
    }
    m.gid = std::to_string(static_cast<int>(gr->gr_gid));
}

// Q= names a queue group declared above (Q lines come first), or the default one.
void read_queue(const Config& cfg, Mailer& m, const std::string& v, Reader& r) {
    if (v.empty()) {
        r.error("mailer " + m.name + ": null queue");
        return;
    }
    if (v != "mqueue" && std::none_of(cfg.queue_groups.begin(), cfg.queue_groups.end(),
                                      [&](const QueueGroup& g) { return g.name == v; })) {
        r.error("mailer " + m.name + ": unknown queue " + v);
        return;
    }
    m.queue_group = v;
}

// A text field that may not be empty: what sendmail calls it when it is.
bool set_text(Mailer& m, std::string& field, const std::string& v, const char* what, Reader& r) {
    if (v.empty()) {
        r.error("mailer " + m.name + ": null " + what);
        return false;
    }
    field = v;
    return true;
}

// Applies one field; false when sendmail drops the whole mailer for it.
bool apply_field(Config& cfg, Mailer& m, char key, const std::string& v, Reader& r) {
    switch (key) {
    case 'P':
        if (!v.empty()) m.path = v;
        break;
    case 'F': m.flags = add_flags(m.flags, v); break;
    case 'S': return read_ruleset_pair(cfg, v, m.sender_rules, r);
    case 'R': return read_ruleset_pair(cfg, v, m.recipient_rules, r);
    case 'E': set_text(m, m.eol, v, "end-of-line string", r); break;
    case 'A':
        if (!v.empty()) m.argv = v;
        break;
    case 'M': m.max_size = std::atol(v.c_str()); break;
    case 'm': m.max_msgs = std::atoi(v.c_str()); break;
    case 'r': m.max_rcpts = std::atoi(v.c_str()); break;
    case 'L': m.line_limit = std::max(0, std::atoi(v.c_str())); break;
    case 'N': break;  // the delivery agent's nice value
    case 'D': set_text(m, m.directories, v, "working directory", r); break;
    case 'C': set_text(m, m.charset, v, "charset", r); break;
    case 'Q': read_queue(cfg, m, v, r); break;
    case 'T': read_types(m, v); break;
    case 'U': read_user(m, v, r); break;
    case 'W':
        check_duration(v, r);
        m.wait = v;
        break;
    case '/': set_text(m, m.chroot, v, "root directory", r); break;
    default: r.error("M" + m.name + ": unknown mailer equate " + std::string(1, key) + "="); break;
    }
    return true;
}

// The fields after the name: `key=value` separated by commas (blanks
// around them allowed). False after "`=' expected" or a field that drops
// the mailer.
bool read_fields(Config& cfg, Mailer& m, std::string_view s, Reader& r) {
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ',' || is_space(s[i]))) ++i;
        char key = i < s.size() ? s[i] : '\0';
        while (i < s.size() && s[i] != '=' && s[i] != ',') ++i;
        if (i >= s.size() || s[i] != '=') {
            r.error("mailer " + m.name + ": `=' expected");
            return false;
        }
        ++i;
        while (i < s.size() && is_space(s[i])) ++i;
        std::string value = field_value(s, i);
        if (!apply_field(cfg, m, key, value, r)) return false;
    }
    return true;
}

// The program-less mailers: [IPC] needs a host (or socket) argument, and
// warns unless it talks TCP or to a FILE socket; [FILE] takes exactly
// `FILE name`; [TCP] is long gone. False drops the mailer.
bool check_special_path(Mailer& m, const std::vector<std::string>& a, Reader& r) {
    if (m.path == "[TCP]") {
        r.error("M" + m.name + ": P=[TCP] must be replaced by P=[IPC]");
        return false;
    }
    if (m.path == "[IPC]") {
        if (a.size() < 2 || a[1].empty()) {
            r.error("M" + m.name + ": too few parameters for [IPC] mailer");
            return false;
        }
        // Not an error: printed as it is, without the file and line.
        if (a[0] != "TCP" && a[0] != "FILE")
            std::printf("M%s: Warning: first argument in [IPC] mailer must be TCP or FILE\n", m.name.c_str());
        if (m.mts_types[0].empty()) {
            m.mts_types[0] = "dns";
            m.mts_types[1] = "rfc822";
            m.mts_types[2] = a[0] == "FILE" ? "x-unix" : "smtp";
        }
    } else if (m.path == "[FILE]") {
        if (a.size() != 2) {
            r.error("M" + m.name + ": too " + (a.size() < 2 ? "few" : "many") + " parameters for [FILE] mailer");
            return false;
        }
        if (a[0] != "FILE") {
            r.error("M" + m.name + ": first argument in [FILE] mailer must be FILE");
            return false;
        }
    }
    return true;
}

// `$u` in an argument (not `$$u`): the mailer takes its recipients on
// the command line.
bool mentions_user(const std::vector<std::string>& args) {
    for (const auto& a : args)
        for (size_t i = 0; i + 1 < a.size(); ++i) {
            if (a[i] != '$') continue;
            if (a[i + 1] == 'u') return true;
            ++i;
        }
    return false;
}

}  // namespace

void add_builtin_mailers(Config& cfg) {
    cfg.mailers.push_back(builtin(0, "prog", "/bin/sh", "lsouDq9", "sh -c $u", true));
    cfg.mailers.push_back(builtin(1, "*file*", "[FILE]", "lsDFMPEouq9", "FILE $u", true));
    cfg.mailers.push_back(builtin(2, "*include*", "/dev/null", "su", "INCLUDE $u", false));
}

void read_mailer_line(Config& cfg, std::string_view line, Reader& r) {
    size_t end = 1;
    while (end < line.size() && line[end] != ',' && !is_space(line[end])) ++end;
    std::string name(line.substr(1, end - 1));
    if (name.empty()) {
        r.error("name required for mailer");
        return;
    }
    Mailer m;
    m.name = name;
    m.sender_rules[0] = m.sender_rules[1] = "0";
    m.recipient_rules[0] = m.recipient_rules[1] = "0";
    m.max_rcpts = 0;
    m.eol.clear();
    if (!read_fields(cfg, m, line.substr(std::min(end + 1, line.size())), r)) return;
    std::vector<std::string> args = argv_words(m.argv);
    if (args.empty()) {
        r.error("M" + m.name + ": A= argument required");
        return;
    }
    if (m.path.empty()) {
        r.error("M" + m.name + ": P= argument required");
        return;
    }
    // Counted before a redefinition is looked for: the 26th M line fails
    // even when it only redefines a mailer.
    if (cfg.mailers.size() >= kMaxMailers) {
        r.error("too many mailers defined (" + std::to_string(kMaxMailers) + " max)");
        return;
    }
    if (m.max_rcpts <= 0) m.max_rcpts = 100;
    // F=L (SMTP line limits) without L= means 990 characters; a cf older
    // than version 2 also gets 7-bit output.
    if (m.has_flag('L')) {
        if (m.line_limit == 0) m.line_limit = 990;
        if (cfg.version < 2) m.flags = add_flags(m.flags, "7");
    }
    if (!check_special_path(m, args, r)) return;
    // Kept as =M shows it: the words joined by one blank.
    m.argv.clear();
    for (size_t i = 0; i < args.size(); ++i) m.argv += (i ? " " : "") + args[i];
    if (m.eol.empty()) m.eol = mentions_user(args) ? "\n" : "\r\n";
    for (auto& existing : cfg.mailers) {
        if (util::iequals(existing.name, name)) {
            m.number = existing.number;
            existing = m;
            return;
        }
    }
    m.number = static_cast<int>(cfg.mailers.size());
    cfg.mailers.push_back(m);
}

}  // namespace config
