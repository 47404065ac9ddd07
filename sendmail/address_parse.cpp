// address_parse.cpp: parseaddr()/buildaddr() and remotename() as -bt and -bv
// show them: which rulesets run in which order, how the $# triple becomes a
// mailer, host and user, and how $# error turns into a message.
#include <algorithm>
#include <cctype>

#include "sendmail/address_parse.hpp"
#include "util/strings.hpp"

namespace sendmail {

using rewrite::Tokens;
using rewrite::is_meta;

std::string address_too_long(std::string_view addr) {
    return "Address \"" + rewrite::printable_7bit(addr.substr(0, kMaxAddress)) + "\" too long (" +
           std::to_string(kMaxAddress) + " bytes max)";
}

std::string shorten_for_message(std::string_view s) {
    if (s.size() <= 203) return std::string(s);
    return std::string(s.substr(0, 100)) + "..." + std::string(s.substr(s.size() - 100));
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
    else std::fprintf(out, "%s... %s\n", rewrite::printable_7bit(addr).c_str(), msg.c_str());
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

// buildaddr's special users: with F=| a user starting "|" goes to the prog
// mailer, with F=/ one starting "/" to *file* (a leading quote is looked
// past); with F=: an ":include:" user goes to *include* as it is, no rules
// run over it. Returns true when pa is complete.
bool divert_to_builtin(rewrite::Engine& eng, const config::Mailer*& m, const Tokens& user, ParsedAddress& pa) {
    if (user.empty() || is_meta(user[0])) return false;
    std::string_view first = user[0];
    if (first.size() > 1 && first[0] == '"') first.remove_prefix(1);
    if (first.empty()) return false;
    const char* target = nullptr;
    if (first[0] == '|' && m->has_flag('|')) target = "prog";
    else if (first[0] == '/' && m->has_flag('/')) target = "*file*";
    else if (first[0] == ':' && m->has_flag(':')) {
        std::string text = strip_quotes(eng.join_address(user));
        if (text.size() < 9 || !util::iequals(std::string_view(text).substr(0, 9), ":include:")) return false;
        pa.mailer = "*include*";
        pa.user = text.substr(9);
        pa.ok = true;
        return true;
    }
    if (!target) return false;
    if (const config::Mailer* builtin = eng.config().find_mailer(target)) {
        m = builtin;
        pa.mailer = target;
    }
    return false;
}

int rules_of(rewrite::Engine& eng, const std::string& spec) {
    if (spec.empty() || spec == "0") return -1;
    return eng.find_ruleset(spec);
}

}  // namespace

ParsedAddress parse_address(rewrite::Engine& eng, const std::string& addr, bool /*sender*/) {
    ParsedAddress pa;
    std::FILE* out = eng.out;
    if (rewrite::has_reserved_byte(addr)) {
        std::fprintf(out, "8-bit character in mailbox address \"%s\"\nCannot parse\n",
                     rewrite::strip_high_bits(addr).c_str());
        pa.error = "8-bit";
        return pa;
    }
    // prescan's complaints come in the order met; a word longer than
    // sendmail's token buffer stops it there. Only an address that gave
    // tokens has its length looked at ("(" and 300 bytes is just unbalanced).
    auto tk = eng.tokenize(addr, rewrite::TokenMode::AddressNoComments, 0, kMaxToken, kMaxScanned);
    std::string shown = rewrite::printable_7bit(shorten_for_message(addr));
    for (const auto& e : tk.errors) std::fprintf(out, "%s... %s\n", shown.c_str(), e.c_str());
    if (tk.token_too_long || tk.address_too_long) {
        pa.error = tk.token_too_long ? "prescan: token too long" : "Address too long";
        std::fprintf(out, "%s... %s\nCannot parse\n", shown.c_str(), pa.error.c_str());
        return pa;
    }
    // Unbalanced input goes on repaired; nothing left to parse stops here.
    if (tk.tokens.empty()) {
        std::fprintf(out, "Cannot parse\n");
        pa.error = tk.errors.empty() ? "empty address" : tk.error;
        return pa;
    }
    if (addr.size() > kMaxAddress) {
        std::fprintf(out, "%s... %s\nCannot parse\n", rewrite::printable_7bit(shorten_for_message(addr.substr(0, kMaxAddress))).c_str(),
                     address_too_long(addr).c_str());
        pa.error = "too long";
        return pa;
    }
    Tokens t = std::move(tk.tokens);
    eng.run(3, t);
    eng.run(0, t);
    return build_address(eng, addr, t);
}

// buildaddr(): the mailer triple a ruleset returned, its user part run
// through the mailer's recipient rulesets.
ParsedAddress build_address(rewrite::Engine& eng, const std::string& addr, const Tokens& t) {
    ParsedAddress pa;
    std::FILE* out = eng.out;
    if (t.empty() || !is_meta(t[0], '#')) {
        std::fprintf(out, "buildaddr: no mailer in parsed address\n");
        eng.system_error = true;
        pa.mailer = "*error*";
        pa.error = "no mailer";
        return pa;
    }
    Tokens host, user;
    bool has_host = false;
    split_triple(t, pa.mailer, host, user, has_host);
    pa.host = eng.join_address(host);
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
        std::fprintf(out, "%s... 553 5.3.5 unknown mailer %s\n", rewrite::printable_7bit(addr).c_str(),
                     pa.mailer.c_str());
        pa.error = "unknown mailer";
        return pa;
    }
    if (divert_to_builtin(eng, m, user, pa)) return pa;
    // The recipient rulesets see the host as $h (buildaddr sets it).
    if (has_host) eng.config().macros.define("h", pa.host);
    else eng.config().macros.undefine("h");
    pa.host = lower(pa.host);
    // sendmail rewrites the user part with the recipient rulesets even when
    // it parses a sender (buildaddr does not know which it is).
    eng.run(2, user);
    int rs = rules_of(eng, m->recipient_rules[0]);
    if (rs >= 0) eng.run(rs, user);
    eng.run(4, user);
    pa.user = eng.join_address(user);
    // Mailers without F=u get the user folded to lower case.
    if (!m->has_flag('u')) pa.user = lower(pa.user);
    pa.ok = true;
    return pa;
}

std::optional<ParsedAddress> map_local_user(rewrite::Engine& eng, const std::string& address, const std::string& user,
                                            const std::string& host) {
    if (!eng.ruleset_defined(5)) return std::nullopt;
    auto tk = eng.tokenize(user, rewrite::TokenMode::AddressNoComments, 0);
    if (tk.tokens.empty()) return std::nullopt;
    Tokens t = std::move(tk.tokens);
    // The rules see the address's host (the +detail of a local user) as $h.
    if (host.empty())
        eng.config().macros.undefine("h");
    else
        eng.config().macros.define("h", host);
    eng.run(5, t);
    if (t.empty() || !is_meta(t[0], '#')) return std::nullopt;
    return build_address(eng, address, t);
}

std::string remote_name(rewrite::Engine& eng, const std::string& addr, const config::Mailer& m,
                        bool header, bool sender, int& rcode) {
    rcode = 0;
    std::string templ = crack_address(addr, must_quote_chars(eng.config()));
    auto tk = eng.tokenize(addr, rewrite::TokenMode::AddressNoComments, 0, kMaxToken, kMaxScanned);
    for (const auto& e : tk.errors) std::fprintf(eng.out, "%s... %s\n", rewrite::printable_7bit(addr).c_str(), e.c_str());
    // An address prescan gives up on is handed back as it came, cut to
    // 256 bytes when it was too long (prescan shortens it in place).
    if (tk.token_too_long || tk.address_too_long) {
        std::fprintf(eng.out, "%s... %s\n", rewrite::printable_7bit(shorten_for_message(addr)).c_str(),
                     tk.token_too_long ? "prescan: token too long" : "Address too long");
        return tk.address_too_long ? addr.substr(0, kMaxToken) : addr;
    }
    Tokens t = std::move(tk.tokens);
    if (t.empty()) return addr;  // nothing to rewrite: the address stays as given
    eng.run(3, t);
    eng.run(sender ? 1 : 2, t);
    const std::string& spec = sender ? m.sender_rules[header ? 1 : 0] : m.recipient_rules[header ? 1 : 0];
    int rs = rules_of(eng, spec);
    if (rs >= 0) eng.run(rs, t);
    eng.run(4, t);
    std::string result = eng.join_address(t);
    auto g = templ.find("$g");
    if (g == std::string::npos) return templ;
    return templ.substr(0, g) + result + templ.substr(g + 2);
}

}  // namespace sendmail
