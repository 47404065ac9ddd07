// date_macro.cpp: the date format sendmail writes ($a, $b) and the expansion
// of macro text from the configuration (H lines, $j, conditionals).
#include <cstdio>
#include <cstdlib>

#include "message/message.hpp"

namespace message {

std::string arpadate(std::time_t t) {
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct tm lt;
    localtime_r(&t, &lt);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s, %d %s %d %02d:%02d:%02d", days[lt.tm_wday], lt.tm_mday, months[lt.tm_mon],
                  lt.tm_year + 1900, lt.tm_hour, lt.tm_min, lt.tm_sec);
    std::string out = buf;
    long off = lt.tm_gmtoff / 60;
    if (off == 0) return out + " GMT";
    char zone[64];
    long a = std::labs(off);
    std::snprintf(zone, sizeof zone, " %c%02ld%02ld", off < 0 ? '-' : '+', a / 60, a % 60);
    out += zone;
    if (lt.tm_zone && lt.tm_zone[0] && lt.tm_zone[0] != '+' && lt.tm_zone[0] != '-')
        out += std::string(" (") + lt.tm_zone + ")";
    return out;
}

namespace {

bool is_macro_mark(char c) { return c == '$' || static_cast<unsigned char>(c) == 0x81; }

// Reads a macro name after the marker at s[i]: "x" or "{name}". Advances i
// past it. Returns the name ("" if none).
std::string read_name(std::string_view s, size_t& i) {
    if (i >= s.size()) return "";
    if (s[i] == '{') {
        size_t end = s.find('}', i);
        if (end == std::string_view::npos) { i = s.size(); return ""; }
        std::string n(s.substr(i + 1, end - i - 1));
        i = end + 1;
        return n;
    }
    return std::string(1, s[i++]);
}

struct Expander {
    const MacroLookup& lookup;
    int depth = 0;

    // Expands s[i..] until an unmatched $| or $. (returned in `stop`) or the end.
    std::string run(std::string_view s, size_t& i, char& stop) {
        std::string out;
        stop = 0;
        while (i < s.size()) {
            char c = s[i];
            if (!is_macro_mark(c) || i + 1 >= s.size()) { out += c; ++i; continue; }
            char k = s[i + 1];
            if (k == '|' || k == '.') { stop = k; i += 2; return out; }
            if (k == '$') { out += '$'; i += 2; continue; }
            if (k == '?') {
                i += 2;
                std::string name = read_name(s, i);
                out += conditional(s, i, lookup(name).has_value());
                continue;
            }
            ++i;
            std::string name = read_name(s, i);
            if (auto v = lookup(name); v && depth < 10) {
                ++depth;
                size_t j = 0;
                char st;
                out += run(*v, j, st);
                --depth;
            }
        }
        return out;
    }

    std::string conditional(std::string_view s, size_t& i, bool defined) {
        char stop;
        std::string then_part = run(s, i, stop);
        std::string else_part;
        if (stop == '|') else_part = run(s, i, stop);
        return defined ? then_part : else_part;
    }
};

}  // namespace

std::string expand_macros(std::string_view text, const MacroLookup& lookup) {
    Expander ex{lookup};
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        char stop;
        out += ex.run(text, i, stop);
        // A stray $| or $. at top level is dropped, as sendmail does.
    }
    return out;
}

}  // namespace message
