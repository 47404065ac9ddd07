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

namespace {

// Position just past a (nested) comment starting at s[i] == '('.
size_t skip_comment(std::string_view s, size_t i);

// Position just past a quoted string starting at s[i] == '"'.
size_t skip_quoted(std::string_view s, size_t i) {
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '"') return i + 1;
    }
    return s.size();
}

// Whether a phrase holds, outside comments and quoted strings, characters
// an address needs quoted.
bool needs_quotes(std::string_view p) {
    for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '(' || p[i] == '"') {
            i = (p[i] == '(' ? skip_comment(p, i) : skip_quoted(p, i)) - 1;
            continue;
        }
        if (std::string_view("@,;:\\()[].'<>").find(p[i]) != std::string_view::npos) return true;
    }
    return false;
}

// The first ':' outside quotes and comments and before any '<': a group name ends there.
size_t group_colon(std::string_view p) {
    for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '(') i = skip_comment(p, i) - 1;
        else if (p[i] == '"') i = skip_quoted(p, i) - 1;
        else if (p[i] == '\\') ++i;
        else if (p[i] == '[') {  // a domain literal's colons are no group's ("[IPv6:::1]")
            size_t end = p.find(']', i);
            if (end == std::string_view::npos) break;
            i = end;
        } else if (p[i] == '<')
            break;
        else if (p[i] == ':') return i;
    }
    return std::string_view::npos;
}

// A display phrase is quoted when it holds characters an address needs
// quoted, unless it already is one quoted string; a group's name and the
// phrase after its colon are quoted each on its own.
std::string quote_phrase(std::string_view p) {
    p = util::trim(p);
    if (p.empty()) return {};
    if (size_t colon = group_colon(p); colon != std::string_view::npos) {
        std::string_view rest = p.substr(colon + 1);
        size_t word = rest.find_first_not_of(" \t");
        std::string blanks(rest.substr(0, word == std::string_view::npos ? rest.size() : word));
        return quote_phrase(p.substr(0, colon)) + ":" + blanks + quote_phrase(rest);
    }
    if (!needs_quotes(p)) return std::string(p);
    std::string out = "\"";
    for (size_t i = 0; i < p.size(); ++i) {
        // Observed: a backslash is copied as typed (+d\@G gives "+d\@G"),
        // and every quote gets a backslash before it.
        if (p[i] == '"') out += '\\';
        out += p[i];
    }
    return out + "\"";
}

size_t skip_comment(std::string_view s, size_t i) {
    int depth = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '(') ++depth;
        else if (s[i] == ')' && --depth == 0) return i + 1;
    }
    return s.size();
}

// How many comment levels are still open at the end of s.
int open_parens(std::string_view s) {
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '(') ++depth;
        else if (s[i] == ')' && depth > 0) --depth;
    }
    return depth;
}

// An address without <>: its words become $g, comments stay where they
// were; a list stops at the first comma, a group's ';' is kept.
std::string crack_plain(std::string_view s, bool keep_leading_blanks) {
    std::string out, blanks;
    char last = 0;  // 'c' after a comment, 'g' after $g
    bool emitted = false, stopped = false, quoted = false;
    // A comment and the address are always kept apart by blanks.
    auto separate = [&](char kind) {
        if (!blanks.empty() && (!out.empty() || keep_leading_blanks)) out += blanks;
        else if (blanks.empty() && last) out += ' ';
        blanks.clear();
        last = kind;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (!quoted && c == '(') {
            size_t end = skip_comment(s, i);
            if (last == 'g' && !blanks.empty()) blanks = " ";  // observed: "a\t(c)" gives "$g (c)"
            separate('c');
            out += s.substr(i, end - i);
            if (int open = open_parens(s.substr(i)); open > 0)
                return out + std::string(static_cast<size_t>(open), ')');  // closed for the template
            i = end - 1;
            continue;
        }
        if (!quoted && (c == ' ' || c == '\t')) {
            blanks += c;
            continue;
        }
        // Observed: a ';' is copied where it stands, right after $g (the
        // blanks before it dropped); before any address word it brings $g
        // with it (";a" and "; (c) ; a" give ";$g..."). A ',' before any word
        // stands for the address, after one it ends the list; a stray '>'
        // is dropped.
        if (!quoted && c == ';') {
            blanks.clear();
            out += emitted ? ";" : ";$g";
            emitted = stopped = true;
            last = 'g';
            continue;
        }
        if (!quoted && c == ',') {
            if (!emitted && !stopped) {
                separate('g');
                out += "$g";
            }
            emitted = stopped = true;
            blanks.clear();
            continue;
        }
        if (!quoted && !emitted && !stopped && c == '>') {
            blanks.clear();
            continue;
        }
        if (stopped) {  // a dropped word takes the blanks before it along
            blanks.clear();
            continue;
        }
        // Observed: a lone quote that is all there is gives no address
        // ("\"" gives an empty template, "g: \"" gives "g: ").
        if (!quoted && c == '"' && i + 1 == s.size() && out.empty() && !emitted)
            return keep_leading_blanks ? blanks : std::string();
        if (c == '"') quoted = !quoted;
        if (c == '\\') ++i;
        if (!emitted) {
            separate('g');
            out += "$g";
            emitted = true;
        }
        blanks.clear();
    }
    return out;
}

}  // namespace

std::string address_too_long(std::string_view addr) {
    return "Address \"" + rewrite::printable_7bit(addr.substr(0, kMaxAddress)) + "\" too long (" +
           std::to_string(kMaxAddress) + " bytes max)";
}

std::string shorten_for_message(std::string_view s) {
    if (s.size() <= 203) return std::string(s);
    return std::string(s.substr(0, 100)) + "..." + std::string(s.substr(s.size() - 100));
}

namespace {
constexpr size_t kMaxTemplate = 255;  // sendmail's crackaddr buffer
std::string crack_address_unbounded(std::string_view addr);
}  // namespace

// A template that does not fit sendmail's buffer becomes "<$g>", the
// address alone (observed: a 253-character group name with ":$g" is kept,
// one more is not).
std::string crack_address(std::string_view addr) {
    std::string t = crack_address_unbounded(addr);
    if (t.size() > kMaxTemplate) return "<$g>";
    return t;
}

namespace {

// Observed: a ':' after a route-addr ("a <x> : b") makes everything before
// it a group name, kept as typed (with its <x>); the name is quoted only when
// specials follow the route-addr's '>' ("a <x> , b : c"). A phrase among
// the members is then always quoted ("a <x> : c <d>" gives "c" <$g>).
std::string crack_group_after_route_addr(std::string_view addr, size_t colon) {
    std::string_view name = addr.substr(0, colon), rest = addr.substr(colon + 1);
    size_t keep = name.find_last_not_of(" \t");
    std::string gap(name.substr(keep + 1));
    std::string_view trimmed = name.substr(0, keep + 1);
    size_t gt = trimmed.find('>', trimmed.rfind('<'));
    bool specials_after = gt != std::string_view::npos && needs_quotes(trimmed.substr(gt + 1));
    std::string out = (specials_after ? quote_phrase(trimmed) : std::string(trimmed)) + gap + ":";
    size_t word = rest.find_first_not_of(" \t");
    if (word == std::string_view::npos) return out + std::string(rest);
    std::string blanks(rest.substr(0, word));
    std::string members = crack_address_unbounded(rest);
    size_t lt = members.rfind('<');
    if (lt == std::string::npos || members.empty() || members[0] == '"' || members[0] == '(')
        return out + blanks + members;
    std::string phrase = members.substr(0, lt);
    size_t end = phrase.find_last_not_of(" \t");
    std::string pgap = end == std::string::npos ? phrase : phrase.substr(end + 1);
    std::string words = end == std::string::npos ? "" : phrase.substr(0, end + 1);
    return out + blanks + "\"" + words + "\"" + (pgap.empty() && words.empty() ? " " : pgap) + members.substr(lt);
}

std::string crack_address_unbounded(std::string_view addr) {
    addr = util::trim(addr);
    if (addr == "\"\"") return {};  // an empty quoted string alone gives an empty template
    // The route-addr is the last top-level '<' (outside quotes and comments).
    size_t lt = std::string_view::npos, colon = std::string_view::npos;
    bool quoted = false;
    int bracket = 0;  // a ':' inside a [literal] is no group
    int angle = 0;    // nor is one inside <>
    for (size_t i = 0; i < addr.size(); ++i) {
        char c = addr[i];
        if (c == '\\') { ++i; continue; }
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '[') ++bracket;
        if (c == ']' && bracket > 0) --bracket;
        if (bracket) continue;
        if (c == '(') { i = skip_comment(addr, i) - 1; continue; }
        if (c == '<') {
            lt = i;
            ++angle;
        }
        if (c == '>' && angle > 0) --angle;
        if (c == ':' && colon == std::string_view::npos && angle == 0) {
            colon = i;
            if (lt != std::string_view::npos) return crack_group_after_route_addr(addr, colon);
        }
    }
    if (lt != std::string_view::npos) {
        std::string_view phrase = addr.substr(0, lt);
        size_t keep = phrase.find_last_not_of(" \t");
        std::string gap(keep == std::string_view::npos ? "" : phrase.substr(keep + 1));
        size_t gt = addr.find('>', lt);
        std::string_view inner = addr.substr(lt + 1, gt == std::string_view::npos ? std::string_view::npos : gt - lt - 1);
        std::string out = quote_phrase(phrase) + gap + (inner.empty() ? "<>" : "<$g>");
        if (gt != std::string_view::npos) {
            std::string_view tail = addr.substr(gt + 1);
            for (size_t i = 0; i < tail.size(); ++i) {
                char c = tail[i];
                if (c == '(') {
                    size_t end = skip_comment(tail, i);
                    out += tail.substr(i, end - i);
                    i = end - 1;
                    continue;
                }
                if (c == '\\' && i + 1 < tail.size()) {
                    out += tail.substr(i, 2);
                    ++i;
                    continue;
                }
                // Observed: a quoted string after the route-addr leaves the
                // address alone ("a <x> "q"" gives <$g>); a lone quote at
                // the very end is closed instead.
                if (c == '"') {
                    if (i + 1 < tail.size()) return "<$g>";
                    out += "\"\"";
                    continue;
                }
                if (c != '>' && c != ')') out += c;  // stray closers are dropped ("x<>)" gives x<>)
            }
            // A comment left open at the end is closed for the template.
            if (int open = open_parens(tail); open > 0) out += std::string(static_cast<size_t>(open), ')');
        }
        return out;
    }
    if (colon != std::string_view::npos) {
        // A group: the name keeps the blanks before its colon; an empty
        // member list stays empty.
        std::string_view name = addr.substr(0, colon), rest = addr.substr(colon + 1);
        size_t keep = name.find_last_not_of(" \t");
        std::string gap(keep == std::string_view::npos ? "" : name.substr(keep + 1));
        return quote_phrase(name) + gap + ":" + (util::trim(rest).empty() ? std::string() : crack_plain(rest, true));
    }
    return crack_plain(addr, false);
}
}  // namespace

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
    auto tk = eng.tokenize(addr, rewrite::TokenMode::AddressNoComments, 0, kMaxToken);
    std::string shown = rewrite::printable_7bit(shorten_for_message(addr));
    for (const auto& e : tk.errors) std::fprintf(out, "%s... %s\n", shown.c_str(), e.c_str());
    if (tk.token_too_long) {
        std::fprintf(out, "%s... prescan: token too long\nCannot parse\n", shown.c_str());
        pa.error = "token too long";
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
    std::string templ = crack_address(addr);
    auto tk = eng.tokenize(addr, rewrite::TokenMode::AddressNoComments, 0);
    for (const auto& e : tk.errors) std::fprintf(eng.out, "%s... %s\n", rewrite::printable_7bit(addr).c_str(), e.c_str());
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
