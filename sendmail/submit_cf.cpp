// submit_cf.cpp: the cf lines submission needs (O, D, C/F for classes w and
// t, T, H, P), read until lib/config is merged here; then read_settings()
// fills SubmitSettings from config::Config instead. Also the host identity.
#include <fstream>
#include <sstream>
#include <sysexits.h>
#include <unistd.h>

#include "sendmail/submit_settings.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

// Logical cf lines: a line starting with a blank continues the previous one.
std::vector<std::string> cf_lines(std::istream& in) {
    std::vector<std::string> out;
    std::string l;
    while (std::getline(in, l)) {
        if (!l.empty() && (l[0] == ' ' || l[0] == '\t') && !out.empty())
            out.back() += "\n" + l;
        else
            out.push_back(l);
    }
    return out;
}

void add_class_words(SubmitSettings& s, char cls, const std::string& words) {
    for (const auto& w : util::split_words(words)) {
        if (cls == 'w') s.local_hosts.insert(util::to_lower(w));
        if (cls == 't') s.trusted_users.insert(w);
    }
}

void read_class_file(SubmitSettings& s, char cls, std::string path) {
    if (!path.empty() && path[0] == '-') path.erase(0, 1);  // -o: optional file
    size_t sp = path.find_first_of(" \t");
    if (sp != std::string::npos) path.resize(sp);
    std::ifstream f(path);
    std::string l;
    while (std::getline(f, l)) {
        if (l.empty() || l[0] == '#') continue;
        add_class_words(s, cls, l);
    }
}

void read_header_line(SubmitSettings& s, std::string_view rest) {
    HeaderTemplate h;
    if (!rest.empty() && rest[0] == '?') {
        size_t q = rest.find('?', 1);
        if (q == std::string_view::npos) return;
        h.flags = std::string(rest.substr(1, q - 1));
        rest.remove_prefix(q + 1);
    }
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return;
    h.name = std::string(util::trim(rest.substr(0, colon)));
    h.value = std::string(rest.substr(colon + 1));
    s.headers.push_back(std::move(h));
}

void read_option_line(SubmitSettings& s, std::string_view rest) {
    if (rest.empty()) return;
    std::string name, value;
    if (rest[0] == ' ') {
        std::string_view r = util::trim(rest);
        size_t eq = r.find('=');
        name = std::string(util::trim(r.substr(0, eq)));
        value = eq == std::string_view::npos ? "" : std::string(util::trim(r.substr(eq + 1)));
    } else {
        name = long_option_name(std::string(1, rest[0]));
        value = std::string(util::trim(rest.substr(1)));
    }
    s.options[util::to_lower(name)] = value;
}

void read_cf_line(SubmitSettings& s, const std::string& line) {
    if (line.empty()) return;
    std::string_view rest = std::string_view(line).substr(1);
    auto class_name = [&](std::string_view& r) -> char {
        if (r.empty()) return 0;
        char c = r[0];
        r.remove_prefix(1);
        if (c == '{') {  // long class names are not needed here
            size_t e = r.find('}');
            r.remove_prefix(e == std::string_view::npos ? r.size() : e + 1);
            return 0;
        }
        return c;
    };
    switch (line[0]) {
    case 'O': read_option_line(s, rest); break;
    case 'H': read_header_line(s, rest); break;
    case 'T': add_class_words(s, 't', std::string(rest)); break;
    case 'C': { char c = class_name(rest); add_class_words(s, c, std::string(rest)); break; }
    case 'F': { char c = class_name(rest); if (c == 'w' || c == 't') read_class_file(s, c, std::string(rest)); break; }
    case 'D':
        if (!rest.empty() && rest[0] == '{') {
            size_t e = rest.find('}');
            if (e != std::string_view::npos) s.macros[std::string(rest.substr(1, e - 1))] = std::string(rest.substr(e + 1));
        } else if (!rest.empty()) {
            s.macros[std::string(1, rest[0])] = std::string(rest.substr(1));
        }
        break;
    case 'P': {
        size_t eq = rest.find('=');
        if (eq != std::string_view::npos)
            s.precedences[util::to_lower(rest.substr(0, eq))] = std::atoi(std::string(rest.substr(eq + 1)).c_str());
        break;
    }
    default: break;
    }
}

// $w (short name), $j (canonical name), $m (domain) from the host name and
// the hosts file, without the resolver: a missing DNS must not stall a submission.
void discover_identity(SubmitSettings& s) {
    char hn[256] = {0};
    gethostname(hn, sizeof hn - 1);
    std::string host = hn, fqdn = host;
    if (host.find('.') == std::string::npos) {
        std::ifstream f(s.option("HostsFile", "/etc/hosts"));
        std::string l;
        while (std::getline(f, l) && fqdn == host) {
            auto words = util::split_words(l.substr(0, l.find('#')));
            bool match = false;
            for (size_t i = 1; i < words.size(); ++i) match = match || util::iequals(words[i], host);
            for (size_t i = 1; match && i < words.size(); ++i)
                if (words[i].find('.') != std::string::npos) { fqdn = words[i]; break; }
        }
    }
    std::string shortname = host.substr(0, host.find('.'));
    s.macros.try_emplace("w", shortname);
    s.macros.try_emplace("j", fqdn);
    if (fqdn.find('.') != std::string::npos) s.macros.try_emplace("m", fqdn.substr(fqdn.find('.') + 1));
    s.local_hosts.insert(util::to_lower(shortname));
    s.local_hosts.insert(util::to_lower(fqdn));
    s.local_hosts.insert("localhost");
}

}  // namespace

util::Result<SubmitSettings> read_settings(const CommandLine& cl, bool submission) {
    SubmitSettings s;
    s.cf_path = default_config_path(cl, submission);
    std::ifstream f(s.cf_path);
    if (!f) return util::Error("Cannot open " + s.cf_path, EX_OSFILE);
    std::vector<std::string> lines = cf_lines(f);
    for (const auto& l : lines)
        if (l[0] != 'F' && l[0] != 'C') read_cf_line(s, l);
    for (const auto& [k, v] : cl.options) s.options[util::to_lower(long_option_name(k))] = v;
    for (const auto& [k, v] : cl.macros) s.macros[std::string(1, k)] = v;
    // Class files may name their files through options, so they come last.
    for (const auto& l : lines)
        if (!l.empty() && (l[0] == 'F' || l[0] == 'C')) read_cf_line(s, l);
    discover_identity(s);
    return s;
}

}  // namespace sendmail
