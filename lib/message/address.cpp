// address.cpp: address lists the way sendmail splits and rewrites them.
// Quotes, backslash escapes, (nested) comments and <...> protect commas.
#include <cctype>

#include "message/message.hpp"
#include "util/strings.hpp"

namespace message {

namespace {

// Walks `s` keeping track of quotes, comments and angle brackets; calls
// on_delim(position) at each top-level comma.
template <typename F>
void scan_list(std::string_view s, F on_delim) {
    bool quoted = false;
    int comment = 0, angle = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size()) { ++i; continue; }
        if (quoted) { if (c == '"') quoted = false; continue; }
        if (comment > 0) {
            if (c == '(') ++comment;
            else if (c == ')') --comment;
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '(') ++comment;
        else if (c == '<') ++angle;
        else if (c == '>' && angle > 0) --angle;
        else if (c == ',' && angle == 0) on_delim(i);
    }
}

std::string trim_copy(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

// Removes comments and blanks outside quotes, keeps quoted strings as they are.
std::string strip_comments(std::string_view s) {
    std::string out;
    bool quoted = false;
    int comment = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            if (comment == 0) { out += c; out += s[i + 1]; }
            ++i;
            continue;
        }
        if (quoted) { out += c; if (c == '"') quoted = false; continue; }
        if (comment > 0) {
            if (c == '(') ++comment;
            else if (c == ')') --comment;
            continue;
        }
        if (c == '(') { ++comment; continue; }
        if (c == '"') quoted = true;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        out += c;
    }
    return out;
}

// Position of the first top-level '<' (outside quotes and comments), or npos.
size_t find_angle(std::string_view s) {
    bool quoted = false;
    int comment = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\') { ++i; continue; }
        if (quoted) { if (c == '"') quoted = false; continue; }
        if (comment > 0) { if (c == '(') ++comment; else if (c == ')') --comment; continue; }
        if (c == '"') quoted = true;
        else if (c == '(') ++comment;
        else if (c == '<') return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::vector<std::string> split_address_list(std::string_view list, bool keep_trailing) {
    std::vector<std::string> out;
    size_t start = 0;
    auto take = [&](size_t end, bool last) {
        std::string_view piece = list.substr(start, end - start);
        std::string a = trim_copy(piece);
        if (!a.empty()) {
            if (keep_trailing && !last) {
                size_t b = piece.find_first_not_of(" \t\r\n");
                a = std::string(piece.substr(b));
            }
            out.push_back(std::move(a));
        }
        start = end + 1;
    };
    scan_list(list, [&](size_t end) { take(end, false); });
    take(list.size(), true);
    return out;
}

bool is_old_style_list(std::string_view list) {
    return list.find_first_of(",;<(") == std::string_view::npos;
}

std::vector<std::string> split_blank_list(std::string_view list) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (size_t i = 0; i < list.size(); ++i) {
        char c = list[i];
        bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (blank && !quoted) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
            continue;
        }
        cur += c;
        if (c == '\\' && i + 1 < list.size() && list[i + 1] != ' ' && list[i + 1] != '\t') cur += list[++i];
        else if (c == '"') quoted = !quoted;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string bare_address(std::string_view address) {
    std::string_view a = address;
    size_t lt = find_angle(a);
    if (lt != std::string_view::npos) {
        size_t gt = a.find('>', lt);
        std::string_view inner = a.substr(lt + 1, gt == std::string_view::npos ? std::string_view::npos : gt - lt - 1);
        return strip_comments(inner);
    }
    std::string s = strip_comments(a);
    // A group "Name: member" keeps the member; a route "@host:user" stays.
    if (!s.empty() && s[0] != '@') {
        bool quoted = false;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\\') { ++i; continue; }
            if (s[i] == '"') quoted = !quoted;
            else if (!quoted && (s[i] == '@' || s[i] == '<')) break;
            else if (!quoted && s[i] == ':') { s.erase(0, i + 1); break; }
        }
    }
    while (!s.empty() && s.back() == ';') s.pop_back();
    return s;
}

std::string commaize(std::string_view name, std::string_view value, size_t max_col, bool old_style) {
    std::string flat;
    for (char c : value)
        if (c != '\n' && c != '\r') flat += c;
    std::vector<std::string> addrs =
        old_style && is_old_style_list(flat) ? split_blank_list(flat) : split_address_list(flat);
    if (addrs.empty()) return std::string(value);
    // sendmail keeps "To:a@b" without the blank after the colon.
    std::string out = !value.empty() && (value[0] == ' ' || value[0] == '\t') ? " " : "";
    size_t col = name.size() + 2;
    bool first = true;
    for (const auto& a : addrs) {
        col += a.size() + (first ? 0 : 2);
        if (!first && col > max_col) {
            out += ",\n        ";
            col = 8 + a.size();
        } else if (!first) {
            out += ", ";
        }
        out += a;
        first = false;
    }
    return out;
}

}  // namespace message
