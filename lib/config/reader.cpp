// reader.cpp: reads a sendmail.cf line by line (folding continuation lines)
// and dispatches each line type. Diagnostics name file:line on stderr and
// follow sendmail: what it skips with a warning, we skip with a warning.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "maps/map_options.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

namespace config {

// sendmail prints its diagnostics in 7 bits: a byte loses its high bit. A
// cf byte between 0x80 and 0x9f, and 0xff itself, is stored behind a
// quoting 0xff, which shows as 0x7f; 0x80 then becomes NUL and ends the text.
std::string seven_bit_message(std::string_view msg) {
    std::string out;
    for (unsigned char c : msg) {
        if ((c >= 0x80 && c <= 0x9f) || c == 0xff) out += '\x7f';
        if (c == 0x80) break;
        out += static_cast<char>(c & 0x7f);
    }
    return out;
}

// Cf text quoted in a diagnostic shows each `$` as sendmail stores it
// internally (0x81), which prints as 0x01.
std::string as_stored(std::string_view text) {
    std::string out(text);
    std::replace(out.begin(), out.end(), '$', '\x01');
    return out;
}

void Reader::error(const std::string& msg, int status) {
    if (cfg) cfg->count_error(status);
    warn(msg);
}

void Reader::warn(const std::string& msg) {
    std::string text = seven_bit_message(msg);
    // sendmail's syserr() writes to its output channel, standard output.
    std::fprintf(stdout, "%s: line %d: %s\n", file.c_str(), line, text.c_str());
    if (log) log->push_back(file + ": line " + std::to_string(line) + ": " + text);
}

std::string macro_name_at(std::string_view s, size_t& i) {
    if (i >= s.size()) return {};
    if (s[i] == '{') {
        size_t end = s.find('}', i);
        if (end == std::string_view::npos) end = s.size();
        std::string n(s.substr(i + 1, end - i - 1));
        i = std::min(s.size(), end + 1);
        return n;
    }
    return std::string(1, s[i++]);
}

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Explicit ruleset numbers stop below 100; named rulesets without one are
// numbered from 199 down.
constexpr int kMaxNumberedRuleset = 100;

// The digits at s[0..] as sendmail's int parsing gives them (it wraps).
int wrapped_number(std::string_view s) {
    uint32_t n = 0;
    for (size_t i = 0; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) n = n * 10 + (s[i] - '0');
    return static_cast<int>(n);
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// How a diagnostic quotes a bad name: 20 characters at most.
std::string first_20(std::string_view s) { return as_stored(s.substr(0, 20)); }

}  // namespace

// sendmail's reading of a ruleset reference where it may introduce a name:
// a number below 100, or a name (a letter, then letters, digits, '_') that
// gets the next free number from 199 down unless it has one, or `name=N`
// that gives it N. A name whose `=N` is bad stays known without a number.
int enter_ruleset_reference(Config& cfg, std::string_view text, size_t* end, Reader& r) {
    size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    auto first = static_cast<unsigned char>(i < text.size() ? text[i] : 0);
    if (first >= 0x80) {
        r.error("invalid ruleset name: \"" + first_20(text.substr(i)) + "\"");
        return -1;
    }
    if (std::isdigit(first)) {
        int number = wrapped_number(text.substr(i));
        size_t j = i;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        if (end) *end = j;
        if (number < 0 || number >= kMaxNumberedRuleset) {
            r.error("bad ruleset " + std::to_string(number) + " (" + std::to_string(kMaxNumberedRuleset) + " max)");
            return -1;
        }
        return number;
    }
    size_t j = i;
    auto name_char = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x80 && (std::isalnum(u) || u == '_');
    };
    while (j < text.size() && name_char(text[j])) ++j;
    if (j == i || !std::isalpha(first)) {
        r.error("invalid ruleset name: \"" + first_20(text.substr(i)) + "\"");
        return -1;
    }
    std::string name(text.substr(i, j - i));
    size_t k = j;
    while (k < text.size() && is_space(text[k])) ++k;
    char delim = k < text.size() ? text[k] : '\0';
    // Diagnostics quote the name with what follows it, unless blanks
    // separate the two (sendmail cuts the text there).
    std::string quoted = as_stored(k > j ? text.substr(i, j - i) : text.substr(i));
    int known = cfg.find_ruleset(name);
    int number = -1;
    if (delim == '=') {
        std::string_view digits = text.substr(k + 1);
        size_t d = 0;
        while (d < digits.size() && is_space(digits[d])) ++d;
        if (d >= digits.size() || !std::isdigit(static_cast<unsigned char>(digits[d]))) {
            r.error("bad ruleset definition \"" + quoted + "\" (number required after `=')");
        } else {
            number = wrapped_number(digits.substr(d));
            if (end) {
                *end = k + 1 + d;
                while (*end < text.size() && std::isdigit(static_cast<unsigned char>(text[*end]))) ++*end;
            }
            if (number < 0 || number >= kMaxNumberedRuleset) {
                r.error("bad ruleset number " + std::to_string(number) + " in \"" + quoted + "\" (" +
                        std::to_string(kMaxNumberedRuleset) + " max)");
                number = -1;
            }
        }
    } else {
        if (end) *end = k;
        return cfg.enter_ruleset(name);  // its number, or the next free one
    }
    if (known >= 0 && number >= 0 && number != known) {
        r.error(quoted + ": ruleset changed value (old " + std::to_string(known) + ", new " +
                std::to_string(number) + ")");
        return known;
    }
    if (number < 0) {
        // Known from now on, without a number until one is asked for.
        cfg.ruleset_names.try_emplace(name, -1);
        return -1;
    }
    cfg.ruleset_names[name] = number;
    if (static_cast<size_t>(number) >= cfg.rulesets.size()) cfg.rulesets.resize(number + 1);
    cfg.rulesets[number].name = name;
    return number;
}

namespace {

// Which ruleset an S line (macros expanded) names: -1 (after a diagnostic) when none.
int ruleset_of_line(Config& cfg, std::string_view spec, Reader& r) {
    return enter_ruleset_reference(cfg, spec, nullptr, r);
}

void read_ruleset_line(Config& cfg, std::string_view line, int& current, Reader& r) {
    std::string expanded = expand_macros(line.substr(1), cfg.macros);
    std::string_view spec = expanded;
    while (!spec.empty() && is_blank(spec[0])) spec.remove_prefix(1);
    current = ruleset_of_line(cfg, spec, r);
    if (current < 0) return;
    if (static_cast<size_t>(current) >= cfg.rulesets.size()) cfg.rulesets.resize(current + 1);
    auto& rs = cfg.rulesets[current];
    // Rules added to a ruleset that already has some: sendmail warns (no
    // file and line) and appends them.
    if (!rs.rules.empty())
        std::printf("WARNING: Ruleset %s has multiple definitions\n", seven_bit_message(as_stored(spec)).c_str());
    rs.number = current;
    rs.defined = true;
}

// The metasymbols of one side of a rule, in order: `$c` as c (the name of
// $=X, $~X, $&x skipped); `$$` is none.
std::string metasymbols_in(std::string_view side) {
    std::string found;
    for (size_t i = 0; i + 1 < side.size(); ++i) {
        if (side[i] != '$') continue;
        char c = side[++i];
        if (c == '$') continue;
        found += c;
        if ((c == '=' || c == '~' || c == '&') && i + 1 < side.size()) {
            size_t j = i + 1;
            macro_name_at(side, j);
            i = j - 1;
        }
    }
    return found;
}

// What sendmail reports while reading a rule (the rule stays): metasymbols
// that mean nothing on their side, and $n beyond the LHS's wildcards.
void check_rule(std::string_view lhs, std::string_view rhs, Reader& r) {
    std::string left = metasymbols_in(lhs), right = metasymbols_in(rhs);
    int wildcards = 0;
    for (char c : left) {
        if (std::strchr("*+-=~", c)) ++wildcards;
        if (!std::strchr(":>[]().0123456789", c)) continue;
        r.error(std::string("Inappropriate use of ") + (std::isdigit(static_cast<unsigned char>(c)) ? "$1-$9" : std::string("$") + c) +
                " on LHS");
    }
    for (char c : right)
        if (std::strchr("=*~+-", c)) r.error(std::string("Inappropriate use of $") + c + " on RHS");
    for (char c : right)
        if (c >= '1' && c <= '9' && c - '0' > wildcards) r.error(std::string("replacement $") + c + " out of bounds");
}

// A rule line as a diagnostic quotes it: as stored (`$$` a '$'), with each {name} after
// `$`, `$&`, `$=`, `$~` or `$?` replaced by that macro's one-byte id.
std::string rule_as_stored(std::string_view line, MacroTable& macros) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
        out += line[i] == '$' ? '\x01' : line[i];
        if (line[i] != '$' || i + 1 >= line.size()) continue;
        size_t at = i + 1;
        if (line[at] == '$') {  // `$$` is a plain '$'
            out.back() = '$';
            i = at;
            continue;
        }
        if (std::strchr("=~&?", line[at]) && line[at] != '\0') out += line[at++];
        size_t close = at < line.size() && line[at] == '{' ? line.find('}', at) : std::string_view::npos;
        if (close == std::string_view::npos || close == at + 1) {
            i = at - 1;
            continue;
        }
        char id = macros.id_for(line.substr(at + 1, close - at - 1));
        if (id) out += id;
        i = close;
    }
    return out;
}

// sendmail expands each side of a rule into a buffer of MAXLINE bytes and
// then splits it into at most MAXATOM tokens.
constexpr size_t kMaxRuleSide = 2047;
constexpr size_t kMaxRuleTokens = 1000;

// How many tokens prescan makes of a rule side, counting no further than
// just past the limit: words, operator characters, quoted strings and
// metasymbols ($x, $=X, $&{name}) are one token each.
size_t rule_side_tokens(std::string_view side, std::string_view opchars) {
    auto special = [&](char c) { return opchars.find(c) != std::string_view::npos || std::strchr("()<>,;", c); };
    size_t count = 0;
    for (size_t i = 0; i < side.size() && count <= kMaxRuleTokens;) {
        char c = side[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        ++count;
        if (c == '"') {
            for (++i; i < side.size() && side[i] != '"'; ++i)
                if (side[i] == '\\') ++i;
            ++i;
        } else if (c == '$' && i + 1 < side.size()) {
            size_t j = i + 1;
            if (std::strchr("=~&>", side[j])) ++j;
            if (j < side.size()) macro_name_at(side, j);
            i = std::max(j, i + 2);
        } else if (special(c)) {
            ++i;
        } else {
            while (i < side.size() && !is_space(side[i]) && side[i] != '"' && side[i] != '$' && !special(side[i])) ++i;
        }
    }
    return count;
}

// A side with too many tokens is reported (shortened as sendmail's
// shortenstring does) and left empty.
void limit_rule_side(std::string& side, std::string_view opchars, Reader& r) {
    if (side.size() > kMaxRuleSide) side.resize(kMaxRuleSide);
    if (rule_side_tokens(side, opchars) <= kMaxRuleTokens) return;
    std::string shown = side.size() > 203 ? side.substr(0, 100) + "..." + side.substr(side.size() - 100) : side;
    r.error(as_stored(shown) + "... prescan: too many tokens");
    side.clear();
}

void read_rule_line(Config& cfg, std::string_view line, int current, Reader& r) {
    if (current < 0) {
        r.error("missing valid ruleset for \"" + rule_as_stored(line, cfg.macros) + "\"");
        return;
    }
    std::string_view body = line.substr(1);
    auto tab = body.find('\t');
    if (tab == std::string_view::npos) {
        r.error("invalid rewrite line \"" + rule_as_stored(line, cfg.macros) + "\" (tab expected)");
        return;
    }
    std::string_view lhs = body.substr(0, tab);
    size_t i = tab;
    while (i < body.size() && body[i] == '\t') ++i;
    size_t end = body.find('\t', i);
    std::string_view rhs = body.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    RuleText rule;
    rule.lhs = expand_macros(lhs, cfg.macros);
    rule.rhs = expand_macros(rhs, cfg.macros);
    const std::string opchars = cfg.operator_chars();
    limit_rule_side(rule.lhs, opchars, r);
    if (util::trim(rule.lhs).empty()) r.error("R line: null LHS");
    limit_rule_side(rule.rhs, opchars, r);
    if (util::trim(rule.rhs).empty()) r.error("R line: null RHS");
    // A side that is empty once its macros are expanded is reported, but
    // sendmail keeps the rule.
    check_rule(rule.lhs, rule.rhs, r);
    rule.file = r.file;
    rule.line = r.line;
    cfg.rulesets[current].rules.push_back(std::move(rule));
}

// A K line's map name and class as sendmail 8.17 reads them: after blanks,
// a name of ASCII letters, digits, '_' and '.', then a class of letters and
// digits; the one byte that ends each is dropped, whatever it is ("Kfoo-bar
// hash" declares foo of class bar, "Kfoo@ hash" foo of class hash).
bool ascii_alnum(char c) { return static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)); }
bool c_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view map_line_word(std::string_view s, size_t& p, bool name) {
    size_t start = p;
    while (p < s.size() && (ascii_alnum(s[p]) || (name && (s[p] == '_' || s[p] == '.')))) ++p;
    std::string_view word = s.substr(start, p - start);
    if (p < s.size()) ++p;
    while (p < s.size() && c_space(s[p])) ++p;
    return word;
}

void read_map_line(Config& cfg, std::string_view raw, Reader& r) {
    std::string expanded = expand_map_line(raw, cfg.macros);
    std::string_view line = expanded;
    size_t p = 1;
    while (p < line.size() && c_space(line[p])) ++p;
    if (p >= line.size() || !ascii_alnum(line[p])) {
        r.error("readcf: config K line: no map name");
        return;
    }
    maps::MapDeclaration d;
    d.name = std::string(map_line_word(line, p, true));
    if (p >= line.size() || !ascii_alnum(line[p])) {
        r.error("readcf: config K line, map " + d.name + ": no map class");
        return;
    }
    d.class_name = std::string(map_line_word(line, p, false));
    d.arguments = std::string(line.substr(p));
    d.file = r.file;
    d.line = r.line;
    // Class names are matched without regard to case.
    auto known = maps::map_class_names();
    for (const auto& k : known)
        if (util::iequals(k, d.class_name)) d.class_name = k;
    if (std::find(known.begin(), known.end(), d.class_name) == known.end()) {
        // An unknown class: the map does not exist at all.
        r.error("readcf: map " + d.name + ": class " + d.class_name + " not available");
        return;
    }
    for (const auto& msg : maps::option_diagnostics(d)) r.error(msg);
    cfg.map_declarations.push_back(d);
    auto opened = maps::open_map(d, cfg.map_context());
    if (opened) {
        for (const auto& w : (*opened)->warnings()) r.error(w.message);
        cfg.maps[d.name] = std::move(*opened);
        cfg.map_open_errors.erase(d.name);
        return;
    }
    cfg.maps.erase(d.name);
    const std::string& msg = opened.error().message;
    r.error(msg);
    cfg.map_open_errors[d.name] = msg;
}

// Q lines: a queue group's name and equates, of which only the first letter
// counts (case-sensitive: R= runners, r= recipients).
void read_queue_group(Config& cfg, std::string_view line, Reader& r) {
    QueueGroup q;
    std::string_view text = line.substr(1);
    size_t name_end = text.find_first_of(", \t");
    q.name = std::string(text.substr(0, name_end));
    if (text.empty() || text[0] == ',') {
        r.error("name required for queue");
        return;
    }
    std::string_view rest = name_end == std::string_view::npos ? "" : text.substr(name_end);
    for (const auto& part : util::split(std::string(rest), ',')) {
        std::string_view p = util::trim(part);
        if (p.empty()) continue;
        auto eq = p.find('=');
        if (eq == std::string_view::npos) {
            r.error("queue " + q.name + ": `=' expected");
            return;
        }
        char key = eq == 0 ? '=' : p[0];
        std::string value(util::trim(p.substr(eq + 1)));
        if (std::string_view("FNIPRJr").find(key) == std::string_view::npos) {
            r.error("Q" + q.name + ": unknown queue equate " + std::string(1, key) + "=");
            continue;
        }
        if (key == 'I') check_duration(value, r);
        q.params[std::string(util::trim(p.substr(0, eq)))] = value;
    }
    // A group without its own P= lives under QueueDirectory, which must
    // already be set (sendmail 8.17 reports it and goes on).
    bool has_path = false;
    for (const auto& [k, v] : q.params)
        if (!k.empty() && k[0] == 'P') has_path = true;
    if (!has_path && cfg.options.find("QueueDirectory") == cfg.options.end())
        r.error("QueueDir must be defined before queue groups");
    // More than one runner only makes sense with the fork flag.
    for (const auto& [k, v] : q.params) {
        if (k.empty() || k[0] != 'R' || std::atoi(v.c_str()) <= 1) continue;
        bool fork = false;
        for (const auto& [fk, fv] : q.params)
            if (!fk.empty() && fk[0] == 'F' && fv.find('f') != std::string::npos) fork = true;
        if (!fork)
            std::printf("Warning: Q=%s: R=%s: multiple queue runners specified\n\tbut flag 'f' is not set\n",
                        q.name.c_str(), v.c_str());
    }
    cfg.queue_groups.push_back(std::move(q));
}

// The macro or class name of a D, C or F line at line[i]: any one
// character, or {name} of letters, digits and '_' (25 at most). What
// sendmail reports about a bad one, and nullopt when the line is skipped.
constexpr size_t kMaxMacroName = 25;
constexpr size_t kMaxMacroValue = 2047;

std::optional<std::string> checked_macro_name(std::string_view line, size_t& i, Reader& r) {
    if (i >= line.size()) {
        r.error("Name required for macro/class");
        return std::nullopt;
    }
    if (line[i] != '{') return std::string(1, line[i++]);
    std::string name;
    size_t j = i + 1;
    for (; j < line.size() && line[j] != '}'; ++j) {
        auto c = static_cast<unsigned char>(line[j]);
        if ((c < 0x80 && std::isalnum(c)) || c == '_')
            name += line[j];
        else
            r.error("Invalid macro/class character " + as_stored(line.substr(j, 1)));
    }
    // A name without its '}' is reported as unbalanced, unless it is too
    // long already.
    if (j >= line.size() && name.size() <= kMaxMacroName) {
        r.error("Unbalanced { on " + name);
        r.error("Unable to assign macro/class ID (mid = 0xffffffff)");
        return std::nullopt;
    }
    i = std::min(j + 1, line.size());
    if (name.empty()) {
        r.error("Name required for macro/class");
        return std::nullopt;
    }
    if (name.size() > kMaxMacroName) {
        r.error("Macro/class name ({" + name.substr(0, kMaxMacroName) + "}) too long (" +
                std::to_string(kMaxMacroName) + " chars max)");
        r.error("Unable to assign macro/class ID (mid = 0xffffffff)");
        return std::nullopt;
    }
    // A braced name of one character is that character's macro.
    return name;
}

// V lines: the cf's version level, then optionally /vendor (Berkeley).
void read_version_line(Config& cfg, std::string_view line, Reader& r) {
    std::string_view v = line.substr(1);
    while (!v.empty() && is_blank(v[0])) v.remove_prefix(1);
    if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0]))) {
        r.error("invalid argument to V line: \"" + as_stored(v) + "\"");
        return;
    }
    cfg.version = wrapped_number(v);
    auto slash = v.find('/');
    if (slash == std::string_view::npos) return;
    std::string_view vendor = v.substr(slash + 1);
    while (!vendor.empty() && is_blank(vendor[0])) vendor.remove_prefix(1);
    if (!util::iequals(vendor, "Berkeley")) {
        r.error("invalid V line vendor code: \"" + as_stored(vendor) + "\"");
        return;
    }
    cfg.vendor = std::string(vendor);
}

struct LineState {
    int current_ruleset = -1;
};

void read_line(Config& cfg, std::string_view line, Reader& r, LineState& st) {
    size_t i = 1;
    switch (line[0]) {
    case 'R': read_rule_line(cfg, line, st.current_ruleset, r); break;
    case 'S': read_ruleset_line(cfg, line, st.current_ruleset, r); break;
    case 'D': {
        // sendmail reads the value into a MAXLINE buffer: 2047 bytes stay.
        if (auto name = checked_macro_name(line, i, r)) cfg.macros.define(*name, line.substr(i, kMaxMacroValue));
        break;
    }
    case 'C': {
        if (auto name = checked_macro_name(line, i, r))
            add_words(cfg, *name, expand_macros(line.substr(i), cfg.macros));
        break;
    }
    case 'F': {
        if (auto name = checked_macro_name(line, i, r))
            read_class_file(cfg, expand_macros(line.substr(i), cfg.macros), *name, r);
        break;
    }
    case 'O': read_option_line(cfg, line, r); break;  // options.cpp
    case 'M': read_mailer_line(cfg, line, r); break;
    case 'H': read_header_line(cfg, line, r); break;  // header_line.cpp
    case 'K': read_map_line(cfg, line, r); break;
    case 'T':
        for (const auto& w : util::split_words(line.substr(1))) {
            cfg.trusted_users.push_back(w);
            cfg.classes.add("t", w);
        }
        break;
    case 'P': {
        // A P line without '=' is no priority line at all to sendmail.
        auto eq = line.find('=');
        if (eq == std::string_view::npos) {
            r.error("unknown configuration line \"" + as_stored(line) + "\"");
            break;
        }
        cfg.priorities[std::string(line.substr(1, eq - 1))] = std::string(line.substr(eq + 1));
        break;
    }
    case 'Q': read_queue_group(cfg, line, r); break;
    case 'V': read_version_line(cfg, line, r); break;
    case 'X': read_mail_filter_line(cfg, line, r); break;
    case 'E':
    case 'L':
        break;  // environment for mailers; L is obsolete and ignored
    default: r.error("unknown configuration line \"" + as_stored(line) + "\""); break;
    }
}

}  // namespace

// Logical lines as sendmail joins them: a line that begins with a space or
// tab continues the one before (an empty line too starts a logical line),
// trailing white space is dropped, and a diagnostic names the last
// physical line read. A last line without its newline is not counted.
void read_cf_text(Config& cfg, std::string_view text, const std::string& file) {
    Reader r{file, 0, &cfg, &cfg.diagnostics};
    LineState st;
    std::string logical;
    bool pending = false;
    int last_line = 0;
    auto flush = [&] {
        if (!pending) return;
        pending = false;
        r.line = last_line;
        // Trailing white space goes (continuation lines of blanks with
        // it), but a line never loses its first character.
        auto white = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
        while (logical.size() > 1 && white(logical.back())) logical.pop_back();
        if (!logical.empty() && logical[0] != '#' && !cfg.stop_status) {
            cfg.macros.note_long_names(logical);
            read_line(cfg, logical, r, st);
        }
        logical.clear();
    };
    size_t pos = 0;
    int lineno = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        if (nl != std::string_view::npos) ++lineno;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF files
        bool continues = pending && !line.empty() && is_blank(line[0]);
        if (continues) {
            logical += '\n';
            logical += line;
            last_line = lineno;
            continue;
        }
        flush();
        logical = std::string(line);
        pending = true;
        last_line = lineno;
    }
    flush();
}

}  // namespace config
