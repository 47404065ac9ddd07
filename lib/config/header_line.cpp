// header_line.cpp: H lines (`H?flags?Name: value`, `H?${macro}?Name: value`,
// `HName: $>ruleset`). A line whose flags or field name sendmail cannot
// read is reported as a header syntax error and skipped, as it does.
#include <cctype>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "util/strings.hpp"

namespace config {

namespace {

// Field names and flags are printable ASCII without blanks.
bool is_name_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 && std::isgraph(u);
}

// The ?...? part at text[0] ('?'); returns where the field name starts, or
// npos when sendmail would not find the closing '?'.
size_t read_condition(std::string_view text, HeaderDef& h) {
    size_t i = 1;
    if (i < text.size() && text[i] == '$') {
        size_t j = i + 1;
        if (j >= text.size()) return std::string_view::npos;
        macro_name_at(text, j);
        if (j >= text.size() || text[j] != '?') return std::string_view::npos;
        h.macro = std::string(text.substr(i + 1, j - i - 1));  // `x` or `{name}`
        return j + 1;
    }
    size_t close = text.find('?', i);
    if (close == std::string_view::npos) return close;
    for (size_t k = i; k < close; ++k)
        if (!is_name_char(text[k])) return std::string_view::npos;
    h.flags = std::string(text.substr(i, close - i));
    return close + 1;
}

}  // namespace

void read_header_line(Config& cfg, std::string_view line, Reader& r) {
    HeaderDef h;
    std::string_view text = line.substr(1);
    // sendmail quotes the line from after the H, cut at a closing '?'.
    std::string_view shown = text;
    std::string_view rest = text;
    if (!text.empty() && text[0] == '?') {
        size_t start = read_condition(text, h);
        if (start == std::string_view::npos) {
            r.error("header syntax error, line \"" + as_stored(text) + "\"");
            return;
        }
        shown = text.substr(0, start - 1);
        rest = text.substr(start);
    }
    auto colon = rest.find(':');
    std::string_view name = colon == std::string_view::npos ? std::string_view() : rest.substr(0, colon);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    bool good = !name.empty();
    for (char c : name) good = good && is_name_char(c);
    if (!good) {
        r.error("header syntax error, line \"" + as_stored(shown) + "\"");
        return;
    }
    h.name = std::string(name);
    std::string_view v = util::trim(rest.substr(colon + 1));
    if (v.rfind("$>", 0) == 0) {
        // The ruleset that checks this header: named here first, it gets
        // its number now (`$>+name` keeps the comments in).
        std::string_view spec = util::trim(v.substr(2));
        if (!spec.empty() && spec[0] == '+') spec.remove_prefix(1);
        int number = enter_ruleset_reference(cfg, spec, nullptr, r);
        if (number < 0) return;
        h.ruleset = std::to_string(number);
    } else {
        h.value = std::string(v);
    }
    cfg.headers.push_back(std::move(h));
}

}  // namespace config
