// mode_address_test.cpp: -bt, the address test mode. Reads commands from
// stdin and answers exactly as sendmail 8.17 does: `rulesets address`,
// .D/.C, =S/=M, $x/$=X, /try, /tryflags, /parse, /canon, /map, /mx, /quit.
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <sysexits.h>

#include "config/config.hpp"
#include "queue/queue.hpp"
#include "rewrite/rewrite.hpp"
#include "sendmail/address_parse.hpp"
#include "sendmail/address_test_dns.hpp"
#include "sendmail/debug.hpp"
#include "sendmail/modes.hpp"
#include "sendmail/startup.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

constexpr size_t kMaxInputLine = 2047;  // the most one read of a command line takes

struct Session {
    rewrite::Engine& eng;
    config::Config& cfg;
    bool try_header = false;
    bool try_sender = false;
    int exit_status = 0;  // the first error's code, as sendmail's ExitStat
    DebugFlags debug;
};

void cmd_define(Session& s, std::string_view line) {
    size_t i = 2;
    std::string name = config::macro_name_at(line, i);
    if (name.empty() || name == " ") {
        std::printf("Name required for macro/class\n");
        return;
    }
    std::string value(line.substr(i));
    if (line[1] == 'D') {
        s.cfg.macros.define(name, value);
    } else {
        for (const auto& w : util::split_words(value)) s.cfg.classes.add(name, w);
    }
}

void cmd_show(Session& s, std::string_view line) {
    if (line.size() > 1 && line[1] == '=') {
        size_t i = 2;
        std::string name = config::macro_name_at(line, i);
        if (name.empty()) {
            std::printf("Name required for macro/class\n");
            return;
        }
        for (const auto& w : s.cfg.classes.members(name)) std::printf("%s\n", w.c_str());
        return;
    }
    size_t i = 1;
    std::string name = config::macro_name_at(line, i);
    if (name.empty()) {
        std::printf("Name required for macro/class\n");
        return;
    }
    // `$*`, `$|`, `$&`, `$1` ...: a metasymbol is no macro name; sendmail shows
    // the metasymbol itself.
    if (name.size() == 1 && config::metasymbol_byte(name[0])) {
        std::printf("$%s\n", name.c_str());
        return;
    }
    const std::string* v = s.cfg.macros.find(name);
    if (!v) std::printf("Undefined\n");
    else std::printf("%s\n", rewrite::echo_form(*v).c_str());
}

// A ruleset as -bt looks it up, with sendmail's complaints about a name
// that cannot be one; a name known only from a bad definition
// (`Sname=abc`) gets the next free number now, with no name to show.
int lookup_ruleset(Session& s, const std::string& name) {
    auto first = static_cast<unsigned char>(name.empty() ? 0 : name[0]);
    if (std::isdigit(first)) {
        int n = std::atoi(name.c_str());
        if (n >= 100) {
            std::printf("bad ruleset %d (100 max)\n", n);
            s.eng.system_error = true;
            return -1;
        }
        return n;
    }
    if (first >= 0x80 || !std::isalpha(first)) {
        std::printf("invalid ruleset name: \"%.20s\"\n", name.c_str());
        s.eng.system_error = true;
        return -1;
    }
    config::Config& cfg = s.cfg;
    auto it = cfg.ruleset_names.find(name);
    if (it == cfg.ruleset_names.end() || it->second >= 0) return cfg.find_ruleset(name);
    cfg.ruleset_names.erase(it);
    int n = cfg.enter_ruleset(name);
    cfg.rulesets[n].name.clear();
    return n;
}

void print_mailer(const config::Config& cfg, const config::Mailer& m) {
    auto label = [&](const std::string& spec) {
        int n = cfg.find_ruleset(spec);
        return n < 0 ? spec : cfg.ruleset_label(n);
    };
    // E= shows newline, return and tab escaped; other control characters
    // do not show at all.
    std::string eol;
    for (char c : m.eol) {
        if (c == '\n') eol += "\\n";
        else if (c == '\r') eol += "\\r";
        else if (c == '\t') eol += "\\t";
        else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) eol += c;
    }
    // F= lists the ASCII flags only.
    std::string flags;
    for (char c : m.flags)
        if (static_cast<unsigned char>(c) < 0x80) flags += c;
    auto mts = [](const std::string& t) { return t.empty() ? std::string("<undefined>") : t; };
    std::printf("mailer %d (%s): P=%s S=%s/%s R=%s/%s M=%ld U=%s:%s F=%s L=%ld E=%s", m.number,
                m.name.c_str(), m.path.c_str(), label(m.sender_rules[0]).c_str(), label(m.sender_rules[1]).c_str(),
                label(m.recipient_rules[0]).c_str(), label(m.recipient_rules[1]).c_str(), m.max_size, m.uid.c_str(),
                m.gid.c_str(), flags.c_str(), m.line_limit, eol.c_str());
    if (!m.charset.empty()) std::printf(" C=%s", m.charset.c_str());
    std::printf(" T=%s/%s/%s r=%d A=%s\n", mts(m.mts_types[0]).c_str(), mts(m.mts_types[1]).c_str(),
                mts(m.mts_types[2]).c_str(), m.max_rcpts, rewrite::echo_form(m.argv).c_str());
}

void cmd_equals(Session& s, std::string_view line) {
    if (line.size() > 1 && line[1] == 'M') {
        for (const auto& m : s.cfg.mailers) print_mailer(s.cfg, m);
        return;
    }
    if (line.size() > 1 && line[1] == 'S') {
        std::string name(util::trim(line.substr(2)));
        int n = lookup_ruleset(s, name);
        if (n < 0) {
            std::printf("Undefined ruleset %s\n", name.c_str());
            return;
        }
        std::fputs(s.eng.dump_ruleset(n).c_str(), stdout);
        return;
    }
    std::printf("Unknown \"=\" command %s\n", std::string(line).c_str());
}

void cmd_map(Session& s, std::string_view args) {
    auto words = util::split_words(args);
    if (words.empty()) {
        std::printf("Usage: /map mapname key\n");
        return;
    }
    std::string key(util::trim(args));
    key = std::string(util::trim(std::string_view(key).substr(words[0].size())));
    if (key.empty()) {
        std::printf("No key specified\n");
        return;
    }
    maps::Map* m = s.cfg.find_map(words[0]);
    if (!m && s.cfg.map_open_errors.count(words[0])) {
        std::printf("Map named \"%s\" not open\n", words[0].c_str());
        return;
    }
    if (!m) {
        std::printf("Map named \"%s\" not found\n", words[0].c_str());
        return;
    }
    if (!m->is_open()) {
        std::printf("Map named \"%s\" not open\n", words[0].c_str());
        return;
    }
    // A message sendmail prints where the lookup happens (the host map's
    // "name: Name server timeout") follows this prefix.
    auto r = s.eng.lookup(*m, key, {}, false);
    std::printf("map_lookup: %s (%s) ", words[0].c_str(), key.c_str());
    bool failed = r.status == maps::LookupStatus::TempFail || r.status == maps::LookupStatus::PermFail;
    if (failed && r.error_shown == maps::LookupResult::Shown::WhereLookedUp && !r.error.empty())
        std::printf("%s\n", r.error.c_str());
    if (r.status == maps::LookupStatus::Found)
        std::printf("returns %s (%d)\n", r.value.c_str(), r.code);
    else
        std::printf("no match (%d)\n", r.code);
}

void cmd_try(Session& s, std::string_view args) {
    auto words = util::split_words(args);
    if (words.size() < 2) {
        std::printf("Usage: /try mailer address\n");
        return;
    }
    const config::Mailer* m = s.cfg.find_mailer(words[0]);
    if (!m) {
        std::printf("Unknown mailer %s\n", words[0].c_str());
        return;
    }
    std::string addr(util::trim(util::trim(args).substr(words[0].size())));
    std::printf("Trying %s %s address %s for mailer %s\n", s.try_header ? "header" : "envelope",
                s.try_sender ? "sender" : "recipient", addr.c_str(), words[0].c_str());
    int rcode = 0;
    std::string r = remote_name(s.eng, addr, *m, s.try_header, s.try_sender, rcode);
    std::printf("Rcode = %d, addr = %s\n", rcode, r.c_str());
}

void cmd_mx(std::string_view args) {
    if (args.empty()) {
        std::printf("Usage: /mx address\n");
        return;
    }
    std::string host(args);
    MxHosts mx = mx_hosts(host);
    std::printf("getmxrr(%s) returns %d value(s):\n", host.c_str(), mx.count);
    for (const auto& h : mx.hosts) std::printf("\t%s\n", h.c_str());
}

void cmd_slash(Session& s, std::string_view line) {
    auto sp = line.find_first_of(" \t");
    std::string cmd(line.substr(0, sp));
    std::string_view args = sp == std::string_view::npos ? "" : util::trim(line.substr(sp));
    if (cmd == "/quit") std::exit(EX_OK);
    if (cmd == "/tryflags") {
        if (args.empty()) {
            std::printf("Usage: /tryflags [Hh|Ee][Ss|Rr]\n");
            return;
        }
        for (char c : args) {
            switch (c) {
            case 'H': case 'h': s.try_header = true; break;
            case 'E': case 'e': s.try_header = false; break;
            case 'S': case 's': s.try_sender = true; break;
            case 'R': case 'r': s.try_sender = false; break;
            default: break;
            }
        }
        // Rules can tell what is being parsed from ${addr_type}.
        s.cfg.macros.define("addr_type", std::string(s.try_header ? "h" : "e") + (s.try_sender ? " s" : " r"));
    } else if (cmd == "/try") {
        cmd_try(s, args);
    } else if (cmd == "/canon") {
        if (args.empty()) std::printf("Usage: /canon address\n");
        else
            std::printf("getcanonname(%s) returns %s\n", std::string(args).c_str(),
                        canonical_host_name(s.eng, s.cfg, std::string(args)).c_str());
    } else if (cmd == "/mx") {
        cmd_mx(args);
    } else if (cmd == "/parse") {
        if (args.empty()) {
            std::printf("Usage: /parse address\n");
            return;
        }
        std::string addr(args);
        std::printf("Cracked address = %s\n", rewrite::format_token(crack_address(addr, must_quote_chars(s.cfg))).c_str());
        std::printf("Parsing %s %s address\n", s.try_header ? "header" : "envelope",
                    s.try_sender ? "sender" : "recipient");
        ParsedAddress pa = parse_address(s.eng, addr, s.try_sender);
        // The first error's status stands: "/parse <@>" (64) then "/parse
        // a@@" (68) exits 64, as sendmail 8.17 does.
        if (pa.exit_code && s.exit_status == 0) s.exit_status = pa.exit_code;
        if (!pa.mailer.empty()) {
            std::printf("mailer %s", pa.mailer.c_str());
            if (!pa.host.empty()) std::printf(", host %s", pa.host.c_str());
            std::printf(", user %s\n", pa.user.c_str());
        }
    } else if (cmd == "/map") {
        cmd_map(s, args);
    } else {
        std::printf("Unknown \"/\" command %s\n", cmd.c_str());
    }
}

void cmd_rulesets(Session& s, std::string_view line) {
    auto sp = line.find_first_of(" \t");
    std::string list(line.substr(0, sp));
    std::string addr(sp == std::string_view::npos ? "" : util::trim(line.substr(sp)));
    if (addr.empty()) {
        std::printf("No address!\n");
        return;
    }
    if (rewrite::has_reserved_byte(addr)) {
        std::printf("8-bit character in mailbox address \"%s\"\n", rewrite::strip_high_bits(addr).c_str());
        return;
    }
    if (addr.size() > kMaxAddress) {
        std::printf("%s\n", address_too_long(addr).c_str());
        return;
    }
    auto names = util::split(list, ',');
    // Several comma-separated addresses each go through all the rulesets;
    // an undefined ruleset is found when its turn comes.
    std::string_view rest = addr;
    for (;;) {
        auto tk = s.eng.tokenize(rest, rewrite::TokenMode::Address, ',');
        // An address over 203 bytes is shown shortened, as in /parse.
        for (const auto& e : tk.errors)
            std::printf("%s... %s\n", rewrite::printable_7bit(shorten_for_message(rest)).c_str(), e.c_str());
        rewrite::Tokens t = std::move(tk.tokens);
        size_t at = 0;  // where the current ruleset's name starts in the list
        for (const auto& name : t.empty() ? std::vector<std::string>{} : names) {
            size_t here = at;
            at += name.size() + 1;
            if (name.empty()) continue;
            int n = lookup_ruleset(s, name);
            if (n < 0 || !s.eng.ruleset_defined(n)) {
                std::printf("Undefined ruleset %s\n", name.c_str());
                return;
            }
            int status = s.eng.run(n, t);
            // Named by the list as typed from the failing ruleset on.
            if (status != rewrite::kOk)
                std::printf("== Ruleset %s (%d) status %d\n", list.substr(here).c_str(), n, status);
        }
        if (tk.consumed >= rest.size()) break;
        rest = rest.substr(tk.consumed + 1);
        if (util::trim(rest).empty()) break;
    }
}

void handle_line(Session& s, std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    switch (line[0]) {
    case '.':
        if (line.size() > 1 && (line[1] == 'D' || line[1] == 'C')) cmd_define(s, line);
        else std::printf("Unknown \".\" command %s\n", std::string(line).c_str());
        break;
    case '$': cmd_show(s, line); break;
    case '=': cmd_equals(s, line); break;
    case '/': cmd_slash(s, line); break;
    case '-':
        if (line.size() > 1 && line[1] == 'd') {
            s.debug.add(std::string(util::trim(line.substr(2))));
            s.eng.set_trace_detail(s.debug.level(21) >= 12);
            s.eng.set_macro_trace(s.debug.level(21) >= 2);
        } else {
            std::printf("Unknown \"-\" command %s\n", std::string(line).c_str());
        }
        break;
    case '?': std::printf("Sendmail 8.17.1.9 -- HELP not implemented\n"); break;
    default: cmd_rulesets(s, line); break;
    }
}

// A rule trace line ("3                  input: a", "== Ruleset ..."),
// which sendmail prints as it is, unlike messages.
bool is_trace_line(std::string_view line) {
    if (line.rfind("== Ruleset", 0) == 0) return true;
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos || sp == 0) return false;
    size_t word = line.find_first_not_of(' ', sp);
    if (word == std::string_view::npos) return false;
    std::string_view rest = line.substr(word);
    return rest.rfind("input: ", 0) == 0 || rest.rfind("returns: ", 0) == 0;
}

// A stab map's alias name, parsed as sendmail's readaliases does: the
// parser's messages carry the aliases file's "file: line N: ", and a name
// that does not resolve to a mailer with F=A is refused.
std::optional<std::string> parse_alias_name(rewrite::Engine& eng, const std::string& name, std::string_view where) {
    char* text = nullptr;
    size_t size = 0;
    std::FILE* captured = open_memstream(&text, &size);
    if (captured == nullptr) return std::nullopt;
    std::FILE* saved = eng.out;
    eng.out = captured;
    ParsedAddress pa = parse_address(eng, name, false);
    eng.out = saved;
    std::fclose(captured);
    std::string prefix(where);
    for (const auto& line : util::split(std::string_view(text, size), '\n'))
        if (!line.empty()) std::fprintf(eng.out, "%s%s\n", is_trace_line(line) ? "" : prefix.c_str(), line.c_str());
    std::free(text);
    const config::Mailer* m = pa.ok ? eng.config().find_mailer(pa.mailer) : nullptr;
    if (pa.ok || pa.mailer == "*error*") {
        if (m == nullptr || !m->has_flag('A')) {
            std::fprintf(eng.out, "%.*s%s... cannot alias non-local names\n", static_cast<int>(where.size()),
                         where.data(), name.c_str());
            eng.system_error = true;
            return std::nullopt;
        }
    }
    if (!pa.ok) return std::nullopt;
    return pa.user;
}

}  // namespace

int run_address_test(const CommandLine& cl) {
    auto cfg = load_config(cl);
    if (!cfg) return cfg.error().code ? cfg.error().code : EX_CONFIG;
    DebugFlags debug = debug_flags_from(cl.debug);
    if (debug.level(0) >= 1) {
        print_version_banner();
        print_system_identity(**cfg);
    }
    rewrite::Engine eng(**cfg);
    eng.set_trace_detail(debug.level(21) >= 12);
    eng.set_macro_trace(debug.level(21) >= 2);
    Session s{eng, **cfg, false, false, 0, debug};
    s.cfg.macros.define("addr_type", "e r");
    // sendmail's -bt runs in an envelope with a queue id of its own: $i is
    // that id, whatever the cf defined.
    s.cfg.macros.define("i", queue::make_queue_id(std::time(nullptr), static_cast<long>(getpid()),
                                                  static_cast<unsigned>(std::rand())));
    // A stab map parses the names of its aliases file when first used, with
    // the rule traces and the summary that -bt shows on its output.
    auto& registry = s.cfg.map_context();
    registry.alias_parser = [&eng](std::string_view name, std::string_view where) {
        return parse_alias_name(eng, std::string(name), where);
    };
    registry.announcer = [&eng](std::string_view text, bool error) {
        std::printf("%.*s\n", static_cast<int>(text.size()), text.data());
        if (error) eng.system_error = true;
    };
    std::printf("ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n");
    std::printf("Enter <ruleset> <address>\n");
    std::string line;
    for (;;) {
        std::printf("> ");
        std::fflush(stdout);
        if (!std::getline(std::cin, line)) break;
        // sendmail reads with a 2048-byte buffer: a longer line comes as
        // pieces of 2047 bytes (its newline counted), each a command of its own.
        if (!std::cin.eof()) line += '\n';
        for (size_t pos = 0; pos < line.size(); pos += kMaxInputLine) {
            if (pos > 0) std::printf("> ");
            std::string piece = line.substr(pos, kMaxInputLine);
            if (!piece.empty() && piece.back() == '\n') piece.pop_back();
            if (!piece.empty() && piece.back() == '\r') piece.pop_back();
            handle_line(s, util::trim(piece));
            if (eng.system_error) {
                // an earlier error's status stands
                if (s.exit_status == 0) s.exit_status = eng.system_error_status ? eng.system_error_status : 70;
                eng.system_error = false;
                eng.system_error_status = 0;
            }
            std::fflush(stdout);
        }
    }
    std::fflush(stdout);
    // The cf's errors came first.
    if ((*cfg)->errors) return (*cfg)->error_status;
    return s.exit_status;
}

}  // namespace sendmail
