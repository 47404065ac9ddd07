// milter_line.cpp: X lines (`Xname, S=inet:8891@127.0.0.1, F=T, T=C:5m;E:5m`),
// the mail filters, and the InputMailFilters list that picks among them.
// The diagnostics, their order and exit statuses are sendmail 8.17's
// (observed with -bt -C): a bad equate or timeout is reported and skipped,
// a socket that does not parse is reported and the filter kept.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sysexits.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

namespace config {

const MailFilter* Config::find_mail_filter(std::string_view name) const {
    for (const auto& f : mail_filters)
        if (util::iequals(f.name, name)) return &f;
    return nullptr;
}

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// sendmail copies an equate's value into a buffer of this size.
constexpr size_t kMaxField = 2047;
// sun_path of a Unix-domain socket address, with its terminating NUL.
constexpr size_t kMaxSocketPath = 107;
// InputMailFilters takes one name fewer than sendmail's filter array holds.
constexpr size_t kMaxInputFilters = 24;

// sendmail turns each `$` of a cf line into its macro byte (a diagnostic
// shows it as 0x01), `$$` into a `$`, and a {name} after `$`, `$=`, `$~`,
// `$&` or `$?` into the name's one-byte id (shown in 7 bits).
std::string as_read(std::string_view s, MacroTable& macros) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '$') {
            out += s[i];
            continue;
        }
        if (i + 1 < s.size() && s[i + 1] == '$') {
            out += s[++i];
            continue;
        }
        if (i + 1 >= s.size()) {  // a `$` that ends the line stays
            out += '$';
            continue;
        }
        out += '\x01';
        if (i + 1 < s.size() && s[i + 1] != '\0' && std::strchr("=~&?", s[i + 1])) out += s[++i];
        if (i + 1 >= s.size() || s[i + 1] != '{' || s.find('}', i + 1) == std::string_view::npos) continue;
        size_t end = s.find('}', i + 1);
        std::string name(s.substr(i + 2, end - i - 2));
        i = end;
        out += name.size() == 1 ? name[0] : static_cast<char>(macros.id_for(name) & 0x7f);
    }
    return out;
}

// One field up to `delim`: double quotes group (and go), a backslash takes
// the next character literally (\r \n \f \b as control characters). `i`
// is left on the delimiter, or where the field stopped for length.
std::string field_at(std::string_view s, size_t& i, char delim) {
    std::string out;
    bool backslash = false, quoted = false;
    for (; i < s.size() && out.size() < kMaxField; ++i) {
        char c = s[i];
        if (backslash) {
            backslash = false;
            const char* from = "rnfb";
            const char* to = "\r\n\f\b";
            const char* hit = std::strchr(from, c);
            out += hit ? to[hit - from] : c;
        } else if (c == '\\') {
            backslash = true;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (quoted || c != delim) {
            out += c;
        } else {
            break;
        }
    }
    return out;
}

// An interval as sendmail reads it: a unit it does not know counts as
// seconds (the reader has already warned about it).
long seconds_of(std::string_view v) {
    long total = 0;
    size_t i = 0;
    while (i < v.size()) {
        long n = 0;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) n = n * 10 + (v[i++] - '0');
        char unit = i < v.size() ? v[i++] : 's';
        const long per = unit == 'w' ? 604800 : unit == 'd' ? 86400 : unit == 'h' ? 3600 : unit == 'm' ? 60 : 1;
        total += n * per;
    }
    return total;
}

// T=: `C:5m;S:10s`, a letter then ':' then an interval, `;` between.
void read_timeouts(MailFilter& f, std::string_view spec, Reader& r) {
    size_t i = 0;
    while (i < spec.size()) {
        while (i < spec.size() && (spec[i] == ';' || is_space(spec[i]))) ++i;
        char code = i < spec.size() ? spec[i] : '\0';
        while (i < spec.size() && spec[i] != ':') ++i;
        if (i >= spec.size()) {
            r.error("X" + f.name + ", T=: `:' expected");
            return;
        }
        ++i;
        while (i < spec.size() && is_space(spec[i])) ++i;
        std::string value = field_at(spec, i, ';');
        long* slot = code == 'C'   ? &f.connect_timeout
                     : code == 'S' ? &f.send_timeout
                     : code == 'R' ? &f.read_timeout
                     : code == 'E' ? &f.eom_timeout
                                   : nullptr;
        if (!slot) {
            r.error("X" + f.name + ": unknown filter timeout " + std::string(1, code));
        } else {
            check_duration(value, r);
            *slot = seconds_of(value);
        }
    }
}

bool dont_blame(const Config& cfg, std::string_view word) {
    auto it = cfg.options.find("DontBlameSendmail");
    if (it == cfg.options.end()) return false;
    for (const auto& part : util::split(it->second, ','))
        for (const auto& w : util::split_words(part))
            if (util::iequals(w, word)) return true;
    return false;
}

// Why sendmail would not use this file as a local socket (its safefile()
// verdict), "" if it would: an unsafe directory above it, a missing file,
// a symbolic or hard link.
std::string local_socket_verdict(const Config& cfg, const std::string& path) {
    std::string dir = util::unsafe_directory_on_path(path, dont_blame(cfg, "GroupWritableDirPathSafe"));
    if (!dir.empty()) return dir;
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) return std::strerror(errno);
    if (S_ISLNK(st.st_mode)) return "Symbolic links not allowed";
    if (st.st_nlink > 1) return "Hard links not allowed";
    return {};
}

bool host_resolves(const std::string& host, int family) {
    if (host.empty()) return false;
    addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &res) != 0) return false;
    freeaddrinfo(res);
    return true;
}

// inet:port@host and inet6:port@host; false after a diagnostic.
bool read_inet_socket(MailFilter& f, const std::string& spec, Reader& r) {
    auto at = spec.find('@');
    if (at == std::string::npos) {
        r.error("X" + f.name + ": bad address " + spec + " (expected port@host)");
        return false;
    }
    std::string port = spec.substr(0, at);
    if (!port.empty() && std::isdigit(static_cast<unsigned char>(port[0]))) {
        f.port = static_cast<unsigned short>(std::atoi(port.c_str()));
    } else if (const servent* sp = getservbyname(port.c_str(), "tcp")) {
        f.port = ntohs(static_cast<uint16_t>(sp->s_port));
    } else {
        r.error("X" + f.name + ": unknown port name " + port);
        return false;
    }
    std::string host = spec.substr(at + 1);
    if (host.empty() || host[0] != '[') {
        if (!host_resolves(host, f.family == MailFilter::Family::Inet ? AF_INET : AF_INET6)) {
            r.error("X" + f.name + ": Unknown host name " + host);
            return false;
        }
        f.host = host;
        return true;
    }
    // A numeric address in brackets, of the socket's own family.
    auto end = host.find(']');
    std::string inner = end == std::string::npos ? "" : host.substr(1, end - 1);
    bool good = false;
    if (end != std::string::npos && f.family == MailFilter::Family::Inet) {
        good = inet_addr(inner.c_str()) != INADDR_NONE;
    } else if (end != std::string::npos) {
        if (util::starts_with_nocase(inner, "IPv6:")) inner.erase(0, 5);
        in6_addr a6;
        good = inet_pton(AF_INET6, inner.c_str(), &a6) == 1;
    }
    if (!good) {
        r.error("X" + f.name + ": Invalid numeric domain spec \"" + host + "\"");
        return false;
    }
    f.host = inner;
    return true;
}

// sendmail opens each filter's socket "parse only" as it reads the line.
// Returns what its errno holds afterwards ("" for none): safefile's verdict
// on a local socket that was not reported. The daemon (-bd, -bD) warns of a
// missing socket; it and -bs refuse an unsafe one.
std::string check_socket(Config& cfg, MailFilter& f, Reader& r) {
    const std::string id = "X" + f.name + ": ";
    if (f.socket.empty()) {
        r.error(id + "empty or missing socket information");
        return {};
    }
    std::string spec = f.socket;
    auto colon = spec.find(':');
    if (colon != std::string::npos) {
        std::string proto = spec.substr(0, colon);
        if (proto.empty() || util::iequals(proto, "unix") || util::iequals(proto, "local"))
            f.family = MailFilter::Family::Local;
        else if (util::iequals(proto, "inet"))
            f.family = MailFilter::Family::Inet;
        else if (util::iequals(proto, "inet6"))
            f.family = MailFilter::Family::Inet6;
        else {
            r.error(id + "unknown socket type " + proto + ": " + std::strerror(EPROTONOSUPPORT), EX_OSERR);
            return {};
        }
        spec.erase(0, colon + 1);
    }
    if (f.family != MailFilter::Family::Local) {
        f.usable = read_inet_socket(f, spec, r);
        return {};
    }
    if (spec.size() > kMaxSocketPath) {
        r.error(id + "local socket name " + spec + " too long: " + std::strerror(EINVAL), EX_OSERR);
        return {};
    }
    f.path = spec;
    f.usable = true;
    std::string verdict = local_socket_verdict(cfg, spec);
    bool daemon = cfg.op_mode == 'd' || cfg.op_mode == 'D';
    if (verdict == std::strerror(ENOENT)) {
        if (daemon) std::fprintf(stderr, "WARNING: %slocal socket name %s missing\n", id.c_str(), spec.c_str());
    } else if (!verdict.empty()) {
        f.usable = false;
        if (daemon || cfg.op_mode == 's') {
            r.error(id + "local socket name " + spec + " unsafe: " + verdict, EX_OSERR);
            return {};
        }
    }
    return verdict;
}

}  // namespace

// The name runs to the first comma or blank; then equates, each a letter
// (the rest of its word is ignored), '=', and a value up to a comma.
void read_mail_filter_line(Config& cfg, std::string_view line, Reader& r) {
    std::string_view raw = line.substr(1);
    const std::string translated = as_read(raw.substr(0, raw.find('\0')), cfg.macros);  // the line ends at a NUL
    std::string_view text = translated;
    size_t i = 0;
    while (i < text.size() && text[i] != ',' && !is_space(text[i])) ++i;
    MailFilter f;
    f.name = std::string(text.substr(0, i));
    f.file = r.file;
    f.line = r.line;
    if (f.name.empty()) {
        r.error("name required for mail filter");
        return;
    }
    if (i < text.size()) ++i;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ',' || is_space(text[i]))) ++i;
        char code = i < text.size() ? text[i] : '\0';
        while (i < text.size() && text[i] != '=' && text[i] != ',') ++i;
        if (i >= text.size() || text[i] != '=') {
            r.error("X" + f.name + ": `=' expected");
            return;
        }
        ++i;
        while (i < text.size() && is_space(text[i])) ++i;
        std::string value = field_at(text, i, ',');
        if (code == 'S') {
            f.socket = value;
        } else if (code == 'F') {
            for (char c : value)
                if (!is_space(c) && !f.has_flag(c)) f.flags += c;
        } else if (code == 'T') {
            read_timeouts(f, value, r);
        } else {
            r.error("X" + f.name + ": unknown filter equate " + std::string(1, code) + "=");
        }
    }
    std::sort(f.flags.begin(), f.flags.end());
    std::string left_errno = check_socket(cfg, f, r);
    if (cfg.find_mail_filter(f.name)) {
        // sendmail's report still carries what the socket check left in errno.
        if (left_errno.empty())
            r.error("X" + f.name + ": duplicate filter definition");
        else
            r.error("X" + f.name + ": duplicate filter definition: " + left_errno, EX_OSERR);
        return;
    }
    cfg.mail_filters.push_back(std::move(f));
}

// Names are split at ',' and ';' with blanks in front skipped (blanks
// behind stay part of the name). The errno text is what sendmail 8.17
// reports there, left over from its start.
util::Result<std::vector<const MailFilter*>> input_mail_filters(const Config& cfg) {
    std::vector<const MailFilter*> list;
    auto it = cfg.options.find("InputMailFilters");
    if (it == cfg.options.end()) return list;
    std::string_view spec = it->second;
    size_t i = 0;
    while (i < spec.size()) {
        while (i < spec.size() && is_space(spec[i])) ++i;
        if (i >= spec.size()) break;
        if (list.size() >= kMaxInputFilters)
            return util::Error(
                "Too many filters defined, " + std::to_string(kMaxInputFilters) + " max: " + std::strerror(ENOENT),
                EX_OSERR);
        size_t end = spec.find_first_of(",;", i);
        std::string name(spec.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
        i = end == std::string_view::npos ? spec.size() : end + 1;
        const MailFilter* f = cfg.find_mail_filter(name);
        if (!f) return util::Error("InputFilter " + name + " not defined: " + std::strerror(ENOENT), EX_CONFIG);
        list.push_back(f);
    }
    return list;
}

}  // namespace config
