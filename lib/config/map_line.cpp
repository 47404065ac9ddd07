// map_line.cpp: a K line as sendmail hands it to its map class. sendmail
// reads `$` sequences in every cf line before the line's own parser runs,
// and expands a K line completely, so a map's arguments (a regex pattern,
// -a, -d) see macro values and sendmail's internal metasymbol bytes, not
// the `$x` text: `a$|^b` is the pattern a<0x9B>^b, `(a$|b$)` does not
// compile. Observed on sendmail 8.17; the steps are described below.
#include <cstring>

#include "config/config.hpp"

namespace config {

namespace {

constexpr char kMacroRef = '\x81';  // a `$x` not yet expanded (sendmail's own byte)
constexpr size_t kMaxExpansion = 64 * 1024;
constexpr int kMaxDepth = 10;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Appends the macro name at s[i] (`x` or `{name}`), kept as written.
void copy_name(std::string_view s, size_t& i, std::string& out) {
    if (i >= s.size()) return;
    if (s[i] != '{') {
        out += s[i++];
        return;
    }
    size_t end = s.find('}', i);
    end = end == std::string_view::npos ? s.size() : end + 1;
    out.append(s.substr(i, end - i));
    i = end;
}

// First step: `$$` is a '$'; `$x`, `$=x`, `$~x`, `$&x`, `$?x` become a
// reference byte and the name; a '#' after the line's first character
// drops the blanks before it and the rest of its physical line, unless it
// is `\#` (a '#') or `$#`; trailing blanks go.
std::string translate(std::string_view line) {
    std::string out;
    for (size_t i = 0; i < line.size();) {
        char c = line[i];
        if (c == '#' && !out.empty()) {
            if (out.back() == kMacroRef) {
                out += c;
                ++i;
            } else if (out.back() == '\\') {
                out.back() = '#';
                ++i;
            } else {
                while (out.size() > 1 && is_space(out.back()) && out.back() != '\n') out.pop_back();
                size_t nl = line.find('\n', i);
                i = nl == std::string_view::npos ? line.size() : nl;
            }
            continue;
        }
        if (c != '$' || i + 1 >= line.size()) {
            out += c;
            ++i;
            continue;
        }
        if (line[i + 1] == '$') {
            out += '$';
            i += 2;
            continue;
        }
        out += kMacroRef;
        ++i;
        if (std::strchr("=~&?", line[i])) out += line[i++];
        copy_name(line, i, out);
    }
    while (out.size() > 1 && is_space(out.back())) out.pop_back();
    return out;
}

// The name after a reference byte, without braces.
std::string read_name(std::string_view s, size_t& i) {
    std::string raw;
    copy_name(s, i, raw);
    if (raw.size() > 1 && raw[0] == '{') return raw.substr(1, raw.size() - (raw.back() == '}' ? 2 : 1));
    return raw;
}

struct Expander {
    MacroTable& macros;
    std::string out;
    // Conditionals: each open $?x remembers whether its branch is taken.
    std::vector<bool> taken;

    bool active() const {
        for (bool t : taken)
            if (!t) return false;
        return true;
    }
    void put(std::string_view s) {
        if (active() && out.size() + s.size() <= kMaxExpansion) out.append(s);
    }

    void run(std::string_view s, int depth) {
        for (size_t i = 0; i < s.size();) {
            if (s[i] != kMacroRef || i + 1 >= s.size()) {
                put(s.substr(i, 1));
                ++i;
                continue;
            }
            ++i;
            char k = s[i];
            if (k == '?') {
                ++i;
                const std::string* v = macros.find(read_name(s, i));
                taken.push_back(v && !v->empty());
            } else if (k == '|' && !taken.empty()) {
                taken.back() = !taken.back();
                ++i;
            } else if (k == '.' && !taken.empty()) {
                taken.pop_back();
                ++i;
            } else if (k == '=' || k == '~' || k == '&') {
                ++i;
                std::string code(1, metasymbol_byte(k));
                // A class or deferred macro's name follows as its one-byte id
                // ($={foo} is 0x93 0xA2 when foo is the first long name).
                std::string name = read_name(s, i);
                char id = macros.id_for(name);
                put(code + (id ? std::string(1, id) : "{" + name + "}"));
            } else if (char b = metasymbol_byte(k)) {
                ++i;
                std::string code(1, b);
                if (k >= '0' && k <= '9') code += k;
                put(code);
            } else {
                std::string name = read_name(s, i);
                const std::string* v = macros.find(name);
                if (v && active() && depth < kMaxDepth) run(translate(*v), depth + 1);
            }
        }
    }
};

}  // namespace

char metasymbol_byte(char symbol) {
    switch (symbol) {
    case '&': return '\x82';
    case '(': return '\x85';
    case ')': return '\x86';
    case '*': return '\x90';
    case '+': return '\x91';
    case '-': return '\x92';
    case '=': return '\x93';
    case '~': return '\x94';
    case '#': return '\x96';
    case '@': return '\x97';
    case ':': return '\x98';
    case '>': return '\x99';
    case '?': return '\x9a';
    case '|': return '\x9b';
    case '.': return '\x9c';
    case '[': return '\x9d';
    case ']': return '\x9e';
    default: return symbol >= '0' && symbol <= '9' ? '\x95' : '\0';
    }
}

std::string expand_map_line(std::string_view line, MacroTable& macros) {
    Expander e{macros, {}, {}};
    e.run(translate(line), 0);
    return e.out;
}

}  // namespace config
