// address_parse.cpp: parseaddr()/buildaddr() and remotename() as -bt and -bv
// show them: which rulesets run in which order, how the $# triple becomes a
// mailer, host and user, and how $# error turns into a message.
#include <cctype>

#include "sendmail/address_parse.hpp"
#include "util/strings.hpp"

namespace sendmail {

using rewrite::Tokens;
using rewrite::is_meta;

std::string crack_address(std::string_view addr) {
    // Find a <...> route-addr outside quotes and comments.
    int depth = 0;
    bool quoted = false;
    size_t open = std::string_view::npos, close = std::string_view::npos;
    for (size_t i = 0; i < addr.size(); ++i) {
        char c = addr[i];
        if (c == '\\') { ++i; continue; }
        if (c == '"') { quoted = !quoted; continue; }
        if (quoted) continue;
        if (c == '(') ++depth;
        else if (c == ')' && depth > 0) --depth;
        else if (depth == 0 && c == '<' && open == std::string_view::npos) open = i;
        else if (depth == 0 && c == '>' && open != std::string_view::npos) close = i;
    }
    if (open != std::string_view::npos && close != std::string_view::npos) {
        std::string inner(util::trim(addr.substr(open + 1, close - open - 1)));
        std::string out(addr.substr(0, open));
        out += inner.empty() ? "<>" : "<$g>";
        out += addr.substr(close + 1);
        return out;
    }
    // No angle brackets: the address stays $g, comments are kept around it.
    std::string out = "$g";
    size_t start = addr.find('(');
    if (start != std::string_view::npos) {
        size_t end = addr.rfind(')');
        out += " " + std::string(addr.substr(start, end - start + 1));
    }
    return out;
}

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Splits "$# mailer $@ host $: user" into its parts.
void split_triple(const Tokens& t, std::string& mailer, Tokens& host, Tokens& user, bool& has_host) {
    size_t i = 1;
    if (i < t.size() && !is_meta(t[i])) mailer = t[i++];
    int part = 0;
    has_host = false;
    for (; i < t.size(); ++i) {
        if (is_meta(t[i], '@') && part == 0) { part = 1; has_host = true; continue; }
        if (is_meta(t[i], ':') && part < 2) { part = 2; continue; }
        if (part == 1) host.push_back(t[i]);
        else if (part == 2) user.push_back(t[i]);
    }
}

std::string strip_quotes(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') continue;
        if (s[i] == '\\' && i + 1 < s.size()) { out += s[++i]; continue; }
        out += s[i];
    }
    return out;
}

bool is_smtp_reply(const std::string& s) {
    return s.size() >= 4 && (s[0] == '4' || s[0] == '5') && std::isdigit(static_cast<unsigned char>(s[1])) &&
           std::isdigit(static_cast<unsigned char>(s[2])) && (s[3] == ' ' || s[3] == '-');
}

void report_error(std::FILE* out, const std::string& addr, const std::string& host,
                  const std::string& user_text) {
    std::string msg = strip_quotes(user_text);
    std::string code = "553";
    if (is_smtp_reply(msg)) {
        code = msg.substr(0, 3);
        msg = msg.substr(4);
    }
    (void)host;
    if (code == "551") std::fprintf(out, "%s\n", msg.c_str());
    else std::fprintf(out, "%s... %s\n", addr.c_str(), msg.c_str());
}

// The exit status an error mailer's host part stands for: a DSN status
// (5.1.1) or one of sendmail's names for sysexits codes (nouser).
int exit_code_for(const std::string& host) {
    static const std::pair<const char*, int> kNames[] = {
        {"usage", 64}, {"dataerr", 65}, {"noinput", 66}, {"nouser", 67}, {"nohost", 68},
        {"unavailable", 69}, {"software", 70}, {"oserr", 71}, {"osfile", 72}, {"cantcreat", 73},
        {"ioerr", 74}, {"tempfail", 75}, {"protocol", 76}, {"noperm", 77}, {"config", 78}};
    for (const auto& [name, code] : kNames)
        if (util::iequals(host, name)) return code;
    if (host.size() >= 5 && std::isdigit(static_cast<unsigned char>(host[0])) && host[1] == '.') {
        if (host[0] == '4') return 75;
        int sub = std::atoi(host.c_str() + 2);
        int detail = std::atoi(host.c_str() + host.find('.', 2) + 1);
        switch (sub) {
        case 1:
            if (detail == 1 || detail == 6) return 67;
            if (detail == 2 || detail == 8) return 68;
            if (detail == 0) return 65;
            return 64;
        case 2: return 69;
        case 3: return detail == 5 ? 78 : 70;
        case 4: return 75;
        case 5: return 76;
        case 6: return 65;
        case 7: return 77;
        default: return 69;
        }
    }
    return 69;
}

int rules_of(rewrite::Engine& eng, const std::string& spec) {
    if (spec.empty() || spec == "0") return -1;
    return eng.find_ruleset(spec);
}

}  // namespace

ParsedAddress parse_address(rewrite::Engine& eng, const std::string& addr, bool sender) {
    ParsedAddress pa;
    std::FILE* out = eng.out;
    auto tk = eng.tokenize(addr, rewrite::TokenMode::AddressNoComments, ',');
    if (!tk.error.empty()) {
        std::fprintf(out, "%s... %s\n", addr.c_str(), tk.error.c_str());
        pa.error = tk.error;
        return pa;
    }
    Tokens t = std::move(tk.tokens);
    eng.run(3, t);
    eng.run(0, t);
    if (t.empty() || !is_meta(t[0], '#')) {
        std::fprintf(out, "%s... 554 5.3.5 buildaddr: no mailer in parsed address\n", addr.c_str());
        pa.error = "no mailer";
        return pa;
    }
    Tokens host, user;
    bool has_host = false;
    split_triple(t, pa.mailer, host, user, has_host);
    pa.host = eng.join(host);
    if (pa.mailer == "error") {
        std::string text = eng.join(user);
        report_error(out, addr, pa.host, text);
        pa.mailer = "*error*";
        pa.exit_code = exit_code_for(pa.host);
        pa.user = text;
        pa.error = text;
        return pa;
    }
    const config::Mailer* m = eng.config().find_mailer(pa.mailer);
    if (!m) {
        std::fprintf(out, "%s... 553 5.3.5 unknown mailer %s\n", addr.c_str(), pa.mailer.c_str());
        pa.error = "unknown mailer";
        return pa;
    }
    pa.host = lower(pa.host);
    eng.run(sender ? 1 : 2, user);
    int rs = rules_of(eng, sender ? m->sender_rules[0] : m->recipient_rules[0]);
    if (rs >= 0) eng.run(rs, user);
    eng.run(4, user);
    pa.user = eng.join(user);
    pa.ok = true;
    return pa;
}

std::string remote_name(rewrite::Engine& eng, const std::string& addr, const config::Mailer& m,
                        bool header, bool sender, int& rcode) {
    rcode = 0;
    std::string templ = crack_address(addr);
    auto tk = eng.tokenize(addr, rewrite::TokenMode::AddressNoComments, 0);
    if (!tk.error.empty()) {
        rcode = rewrite::kDataError;
        return addr;
    }
    Tokens t = std::move(tk.tokens);
    eng.run(3, t);
    eng.run(sender ? 1 : 2, t);
    const std::string& spec = sender ? m.sender_rules[header ? 1 : 0] : m.recipient_rules[header ? 1 : 0];
    int rs = rules_of(eng, spec);
    if (rs >= 0) eng.run(rs, t);
    eng.run(4, t);
    std::string result = eng.join(t);
    auto g = templ.find("$g");
    if (g == std::string::npos) return templ;
    return templ.substr(0, g) + result + templ.substr(g + 2);
}

}  // namespace sendmail
