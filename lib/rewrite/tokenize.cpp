// tokenize.cpp: sendmail's prescan. Splits an address into words, quoted
// strings and single-character operators (OperatorChars plus ()<>,;),
// checks <> and quote balance, and in rules turns $x into metasymbol tokens.
#include <cctype>

#include "rewrite/rewrite.hpp"

namespace rewrite {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_special(char c, std::string_view opchars) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == ',' || c == ';' ||
           opchars.find(c) != std::string_view::npos;
}

// A $-sequence in a rule: returns the token and advances i past it.
std::string rule_meta(std::string_view s, size_t& i) {
    char m = s[i + 1];
    i += 2;
    if (m == '=' || m == '~' || m == '&' || m == '>') {
        if (m == '>') return meta('>');
        std::string name;
        if (i < s.size() && s[i] == '{') {
            size_t end = s.find('}', i);
            if (end == std::string_view::npos) end = s.size();
            name = std::string(s.substr(i + 1, end - i - 1));
            i = end < s.size() ? end + 1 : end;
        } else if (i < s.size()) {
            name = std::string(1, s[i++]);
        }
        return meta(m) + name;
    }
    return meta(m);
}

}  // namespace

TokenizeResult tokenize(std::string_view s, std::string_view opchars, TokenMode mode, char delim) {
    TokenizeResult r;
    std::string cur;
    bool in_token = false;
    int angle = 0;
    bool quote_open = false;
    auto finish = [&] {
        if (in_token) r.tokens.push_back(std::move(cur));
        cur.clear();
        in_token = false;
    };
    size_t i = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == delim) break;
        if (c == '\\') {
            in_token = true;
            cur += c;
            if (i + 1 < s.size()) cur += s[++i];
            continue;
        }
        if (c == '"') {
            // A quoted string is a token of its own, whatever touches it.
            finish();
            cur += c;
            size_t j = i + 1;
            for (; j < s.size() && s[j] != '"'; ++j) {
                if (s[j] == '\\' && j + 1 < s.size()) cur += s[j++];
                cur += s[j];
            }
            // An unclosed quote is reported and closed at the end, as sendmail does.
            if (j >= s.size()) quote_open = true;
            cur += '"';
            in_token = true;
            finish();
            i = j;
            continue;
        }
        if (mode == TokenMode::Rule && c == '$' && i + 1 < s.size()) {
            finish();
            r.tokens.push_back(rule_meta(s, i));
            --i;
            continue;
        }
        if (mode == TokenMode::AddressNoComments && c == '(') {
            finish();
            int depth = 1;
            size_t j = i + 1;
            for (; j < s.size() && depth > 0; ++j) {
                if (s[j] == '\\') ++j;
                else if (s[j] == '(') ++depth;
                else if (s[j] == ')') --depth;
            }
            if (depth > 0) {
                r.errors.push_back("Unbalanced '('");
                r.error = r.errors.front();
                r.consumed = s.size();
                return r;
            }
            i = j - 1;
            continue;
        }
        if (mode == TokenMode::AddressNoComments && c == ')') {
            // Like a stray '>', a stray ')' is reported and deleted.
            r.errors.push_back("Unbalanced ')'");
            continue;
        }
        if (c == '>' && mode != TokenMode::Rule && angle == 0) {
            // A stray '>' is reported and deleted; the words around it join.
            r.errors.push_back("Unbalanced '>'");
            continue;
        }
        unsigned char u = static_cast<unsigned char>(c);
        if (is_space(c) || u == 0xff) {  // sendmail treats \377 as a blank
            finish();
            continue;
        }
        if (u < 0x20 || u == 0x7f) continue;  // other control characters vanish
        if (is_special(c, opchars)) {
            finish();
            if (c == '<') ++angle;
            if (c == '>' && angle > 0) --angle;
            r.tokens.emplace_back(1, c);
            continue;
        }
        in_token = true;
        cur += c;
    }
    finish();
    r.consumed = i;
    if (quote_open) r.errors.push_back("Unbalanced '\"'");
    if (angle > 0 && mode != TokenMode::Rule) {
        // Each unclosed '<' is reported and closed at the end.
        for (; angle > 0; --angle) {
            r.errors.push_back("Unbalanced '<'");
            r.tokens.emplace_back(">");
        }
    }
    if (!r.errors.empty()) r.error = r.errors.front();
    return r;
}

std::string format_token(const std::string& t) {
    if (!is_meta(t)) {
        // Traces show 8-bit bytes as M-x, as sendmail's xputs() does.
        std::string out;
        for (unsigned char c : t) {
            if (c < 0x80) {
                out += static_cast<char>(c);
                continue;
            }
            out += "M-";
            unsigned char low = c & 0x7f;
            if (low >= 0x20 && low != 0x7f) out += static_cast<char>(low);
        }
        return out;
    }
    std::string out = "$";
    out += t[1];
    if (t.size() > 2) {
        std::string name = t.substr(2);
        out += name.size() > 1 ? "{" + name + "}" : name;
    }
    return out;
}

std::string format_tokens(const Tokens& t) {
    std::string out;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i) out += ' ';
        out += format_token(t[i]);
    }
    return out;
}

bool has_reserved_byte(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80 && c <= 0x9f) return true;
    return false;
}

std::string strip_high_bits(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        unsigned char low = c & 0x7f;
        out += c >= 0x80 && (low < 0x20 || low == 0x7f) ? '?' : static_cast<char>(c >= 0x80 ? low : c);
    }
    return out;
}

std::string printable_7bit(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        unsigned char low = c & 0x7f;
        if (c >= 0x80 && (low < 0x20 || low == 0x7f)) continue;
        out += static_cast<char>(low);
    }
    return out;
}

bool is_atom(const std::string& tok, std::string_view opchars) {
    if (tok.empty() || is_meta(tok) || tok[0] == '"') return false;
    return !is_special(tok[0], opchars) && !is_space(tok[0]);
}

std::string join_tokens(const Tokens& t, std::string_view opchars, char space) {
    std::string out;
    bool prev_atom = false;
    for (const auto& tok : t) {
        bool atom = is_atom(tok, opchars);
        if (prev_atom && atom) out += space;
        out += is_meta(tok) ? format_token(tok) : tok;
        prev_atom = atom;
    }
    return out;
}

}  // namespace rewrite
