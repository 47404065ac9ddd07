// reader.cpp: reads a sendmail.cf line by line (folding continuation lines)
// and dispatches each line type. Diagnostics name file:line on stderr and
// follow sendmail: what it skips with a warning, we skip with a warning.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

namespace config {

void Reader::error(const std::string& msg, int status) {
    if (cfg) cfg->count_error(status);
    // sendmail's syserr() writes to its output channel, standard output.
    std::fprintf(stdout, "%s: line %d: %s\n", file.c_str(), line, msg.c_str());
    if (log) log->push_back(file + ": line " + std::to_string(line) + ": " + msg);
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

constexpr size_t kMaxClassFile = 16 * 1024 * 1024;  // a program's output read for a class

void add_words(Config& cfg, const std::string& cls, std::string_view text) {
    for (const auto& w : util::split_words(text)) cfg.classes.add(cls, w);
}

bool has_word(std::string_view list, std::string_view word) {
    for (const auto& w : util::split(std::string(list), ','))
        for (const auto& v : util::split_words(w))
            if (util::iequals(v, word)) return true;
    return false;
}

// Why sendmail would not read this class file, "" if it would. A missing
// file passes: opening it then says why.
std::string unsafe_class_file(const std::string& path, std::string_view dont_blame) {
    if (!has_word(dont_blame, "ClassFileInUnsafeDirPath")) {
        std::string dir = util::unsafe_directory_on_path(path, has_word(dont_blame, "GroupWritableDirPathSafe"));
        if (!dir.empty()) return dir;
    }
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return "Regular files only";
    return {};
}

// F lines: Fx/path [fmt], Fx-o /path, Fx|program [fmt]. As sendmail 8.17
// reads them: a program runs without arguments (what follows its path is
// the format), and each line that is not a comment adds its first word
// only, with or without a format ("a b" adds a; "x # y" adds x).
void read_class_file(Config& cfg, std::string_view rest, const std::string& cls, Reader& r) {
    std::string spec(util::trim(rest));
    bool optional = false;
    if (spec.rfind("-o", 0) == 0) {
        optional = true;
        spec = std::string(util::trim(spec.substr(2)));
    }
    auto sp = spec.find_first_of(" \t");
    if (sp != std::string::npos) spec = spec.substr(0, sp);
    std::string content;
    if (!spec.empty() && spec[0] == '|') {
        std::string program = spec.substr(1);
        FILE* p = popen(program.c_str(), "r");
        if (!p) return;
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, p)) > 0 && content.size() < kMaxClassFile) content.append(buf, n);
        pclose(p);
    } else {
        // sendmail's safety rules for a class file: no world (or group)
        // writable directory above it, and a regular file (a symbolic link
        // to one is fine, as is a file others may write). A refusal is an
        // OS error: -bt then exits 71.
        std::string refused = unsafe_class_file(spec, cfg.options["DontBlameSendmail"]);
        if (!refused.empty()) {
            if (!optional) r.error("fileclass: cannot open '" + spec + "': " + refused, 71);
            return;
        }
        std::ifstream in(spec, std::ios::binary);
        if (!in) {
            if (!optional) r.error("fileclass: cannot open '" + spec + "': " + std::strerror(errno), 71);
            return;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        content = ss.str();
    }
    std::istringstream lines(content);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto words = util::split_words(line);
        if (!words.empty()) cfg.classes.add(cls, words[0]);
    }
}

void read_option_line(Config& cfg, std::string_view line, Reader& r) {
    std::string name, value;
    if (line.size() > 1 && is_blank(line[1])) {
        std::string_view rest = util::trim(line.substr(1));
        auto eq = rest.find('=');
        name = std::string(util::trim(rest.substr(0, eq)));
        value = eq == std::string_view::npos ? "" : std::string(util::trim(rest.substr(eq + 1)));
        std::string canon = option_canonical(name);
        if (canon.empty()) {
            r.error("readcf: unknown option name " + name);
            return;
        }
        name = canon;
    } else if (line.size() > 1) {
        name = option_long_name(line[1]);
        value = std::string(util::trim(line.substr(2)));
        if (name.empty()) name = std::string(1, line[1]);
    }
    cfg.set_option(name, value, false);
}

void read_ruleset_line(Config& cfg, std::string_view line, int& current, Reader& r) {
    std::string spec(util::trim(line.substr(1)));
    std::string name = spec;
    int number = -1;
    auto eq = spec.find('=');
    if (eq != std::string::npos) {
        name = std::string(util::trim(std::string_view(spec).substr(0, eq)));
        number = std::atoi(spec.c_str() + eq + 1);
    }
    if (!name.empty() && std::isdigit(static_cast<unsigned char>(name[0]))) {
        number = std::atoi(name.c_str());
        name.clear();
    }
    if (number >= 200 || (name.empty() && number < 0)) {
        r.error("bad ruleset " + spec);
        current = -1;
        return;
    }
    if (number < 0) {
        number = cfg.enter_ruleset(name);
    } else if (!name.empty()) {
        cfg.ruleset_names[name] = number;
    }
    if (number < 0) {
        current = -1;
        return;
    }
    if (static_cast<size_t>(number) >= cfg.rulesets.size()) cfg.rulesets.resize(number + 1);
    auto& rs = cfg.rulesets[number];
    rs.number = number;
    if (!name.empty()) rs.name = name;
    rs.defined = true;
    current = number;
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

void read_rule_line(Config& cfg, std::string_view line, int current, Reader& r) {
    std::string_view body = line.substr(1);
    auto tab = body.find('\t');
    if (tab == std::string_view::npos) {
        r.error("invalid rewrite line \"" + std::string(line) + "\" (tab expected)");
        return;
    }
    std::string_view lhs = body.substr(0, tab);
    size_t i = tab;
    while (i < body.size() && body[i] == '\t') ++i;
    size_t end = body.find('\t', i);
    std::string_view rhs = body.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (current < 0) return;
    RuleText rule;
    rule.lhs = expand_macros(lhs, cfg.macros);
    rule.rhs = expand_macros(rhs, cfg.macros);
    check_rule(rule.lhs, rule.rhs, r);
    rule.file = r.file;
    rule.line = r.line;
    cfg.rulesets[current].rules.push_back(std::move(rule));
}

void read_header_line(Config& cfg, std::string_view line) {
    HeaderDef h;
    std::string_view rest = line.substr(1);
    if (!rest.empty() && rest[0] == '?') {
        auto close = rest.find('?', 1);
        if (close != std::string_view::npos) {
            std::string_view f = rest.substr(1, close - 1);
            if (f.size() > 1 && f[0] == '$') h.macro = std::string(f.substr(1));
            else h.flags = std::string(f);
            rest = rest.substr(close + 1);
        }
    }
    auto colon = rest.find(':');
    h.name = std::string(util::trim(rest.substr(0, colon)));
    if (colon != std::string_view::npos) {
        std::string_view v = util::trim(rest.substr(colon + 1));
        if (v.rfind("$>", 0) == 0) h.ruleset = std::string(util::trim(v.substr(2)));
        else h.value = std::string(v);
    }
    cfg.headers.push_back(std::move(h));
}

void read_map_line(Config& cfg, std::string_view raw, Reader& r) {
    std::string expanded = expand_map_line(raw, cfg.macros);
    std::string_view line = expanded;
    std::string_view rest = line.substr(1);
    auto words_end = rest.find_first_of(" \t");
    maps::MapDeclaration d;
    d.name = std::string(rest.substr(0, words_end));
    std::string_view after = words_end == std::string_view::npos ? "" : util::trim(rest.substr(words_end));
    auto cls_end = after.find_first_of(" \t");
    d.class_name = std::string(after.substr(0, cls_end));
    d.arguments = cls_end == std::string_view::npos ? "" : std::string(util::trim(after.substr(cls_end)));
    d.file = r.file;
    d.line = r.line;
    if (d.name.empty() || d.class_name.empty()) {
        r.error("readcf: missing map name or class");
        return;
    }
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
    auto known = maps::map_class_names();
    if (std::find(known.begin(), known.end(), d.class_name) == known.end()) {
        // An unknown class: the map does not exist at all.
        r.error("readcf: map " + d.name + ": class " + d.class_name + " not available");
        return;
    }
    r.error(msg);
    cfg.map_open_errors[d.name] = msg;
}

// Q lines: a queue group's name and equates, of which only the first letter
// counts (case-sensitive: R= runners, r= recipients).
void read_queue_group(Config& cfg, std::string_view line, Reader& r) {
    QueueGroup q;
    auto parts = util::split(std::string(line.substr(1)), ',');
    if (parts.empty()) return;
    q.name = std::string(util::trim(parts[0]));
    for (size_t i = 1; i < parts.size(); ++i) {
        auto eq = parts[i].find('=');
        if (eq == std::string::npos) continue;
        std::string_view key = util::trim(std::string_view(parts[i]).substr(0, eq));
        if (key.empty() || std::string_view("FNIPRJr").find(key[0]) == std::string_view::npos) {
            r.error("Q" + q.name + ": unknown queue equate " + std::string(key.substr(0, 1)) + "=");
            continue;
        }
        q.params[std::string(util::trim(std::string_view(parts[i]).substr(0, eq)))] =
            std::string(util::trim(std::string_view(parts[i]).substr(eq + 1)));
    }
    cfg.queue_groups.push_back(std::move(q));
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
        std::string name = macro_name_at(line, i);
        cfg.macros.define(name, line.substr(i));
        break;
    }
    case 'C': {
        std::string name = macro_name_at(line, i);
        add_words(cfg, name, expand_macros(line.substr(i), cfg.macros));
        break;
    }
    case 'F': {
        std::string name = macro_name_at(line, i);
        read_class_file(cfg, expand_macros(line.substr(i), cfg.macros), name, r);
        break;
    }
    case 'O': read_option_line(cfg, line, r); break;
    case 'M': read_mailer_line(cfg, line, r); break;
    case 'H': read_header_line(cfg, line); break;
    case 'K': read_map_line(cfg, line, r); break;
    case 'T':
        for (const auto& w : util::split_words(line.substr(1))) {
            cfg.trusted_users.push_back(w);
            cfg.classes.add("t", w);
        }
        break;
    case 'P': {
        auto eq = line.find('=');
        if (eq != std::string_view::npos)
            cfg.priorities[std::string(line.substr(1, eq - 1))] = std::string(line.substr(eq + 1));
        break;
    }
    case 'Q': read_queue_group(cfg, line, r); break;
    case 'V': {
        std::string_view v = util::trim(line.substr(1));
        cfg.version = std::atoi(std::string(v).c_str());
        auto slash = v.find('/');
        if (slash != std::string_view::npos) cfg.vendor = std::string(v.substr(slash + 1));
        break;
    }
    case 'X': {
        // Milter definitions: kept by name for the milter client.
        auto comma = line.find(',');
        cfg.milters[std::string(util::trim(line.substr(1, comma == std::string_view::npos ? std::string_view::npos : comma - 1)))] =
            comma == std::string_view::npos ? "" : std::string(util::trim(line.substr(comma + 1)));
        break;
    }
    case 'E':
    case 'L':
        break;  // environment for mailers; L is obsolete and ignored
    default: r.error("unknown configuration line \"" + std::string(line) + "\""); break;
    }
}

}  // namespace

void read_cf_text(Config& cfg, std::string_view text, const std::string& file) {
    Reader r{file, 0, &cfg, &cfg.diagnostics};
    LineState st;
    std::string logical;
    int logical_line = 0;
    auto flush = [&] {
        if (logical.empty()) return;
        r.line = logical_line;
        if (logical[0] != '#') {
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
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && is_blank(line[0])) {
            if (!logical.empty() && logical[0] != '#') {
                logical += '\n';
                logical += line;
                continue;
            }
            if (util::trim(line).empty()) continue;
        }
        flush();
        if (line.empty()) continue;
        logical = std::string(line);
        logical_line = lineno;
    }
    flush();
}

}  // namespace config
