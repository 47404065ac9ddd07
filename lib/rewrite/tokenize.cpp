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

namespace {

// prescan's state while it walks one address, a character at a time. What
// is left open at the end (a quoted string, a comment, a '<') is reported and
// closed by feeding the closing character through the same walk, as sendmail
// does: a pending backslash quotes the first such character, so "a<\" ends
// as `a < \> >` with two complaints. Complaints come in the order met.
class Prescan {
public:
    Prescan(std::string_view s, std::string_view opchars, TokenMode mode, size_t max_token, size_t max_bytes)
        : s_(s), ops_(opchars), mode_(mode), max_token_(max_token), max_bytes_(max_bytes) {}

    TokenizeResult run(char delim) {
        size_t i = 0;
        for (; i < s_.size() && !stopped(); ++i) {
            // Even after a backslash. Inside <...> the delimiter still ends
            // the address (an Unbalanced '<' then), except in a source route
            // ("<@a,@b:u@c>"), where it is a character like any other.
            if (s_[i] == delim && state_ == State::Plain && (angle_ <= 0 || !route_)) break;
            pos_ = i;
            i = step(i);
            check_room();
        }
        r_.consumed = i;
        close_what_is_open();
        if (!stopped()) finish();
        check_room();
        if (!r_.errors.empty()) r_.error = r_.errors.front();
        return std::move(r_);
    }

private:
    enum class State { Plain, Quoted, Comment };

    bool stopped() const { return r_.token_too_long || r_.address_too_long; }

    // sendmail keeps the words in one buffer, each with a NUL after it;
    // an address that fills it is "Address too long" where it does.
    void check_room() {
        if (!max_bytes_ || stopped()) return;
        for (; counted_ < r_.tokens.size(); ++counted_) used_ += r_.tokens[counted_].size() + 1;
        if (used_ + cur_.size() > max_bytes_) r_.address_too_long = true;
    }

    void close_what_is_open() {
        while (!stopped()) {
            char closer;
            if (state_ == State::Quoted) closer = '"';
            else if (state_ == State::Comment) closer = ')';
            else if (angle_ > 0 && mode_ != TokenMode::Rule) closer = '>';
            else break;
            r_.errors.push_back(std::string("Unbalanced '") + (closer == '"' ? '"' : closer == ')' ? '(' : '<') + "'");
            feed(closer);
        }
        // A backslash with nothing after it quotes nothing: it is dropped
        // from an address, kept in a rule.
        if (backslash_ && mode_ == TokenMode::Rule) {
            in_token_ = true;
            cur_ += '\\';
        }
        backslash_ = false;
    }

    void finish() {
        if (in_token_) {
            if (max_token_ && cur_.size() > max_token_) r_.token_too_long = true;
            else r_.tokens.push_back(std::move(cur_));
        }
        cur_.clear();
        in_token_ = false;
        quote_closed_ = false;
    }

    // Handles the character at i; returns the index of the last one used.
    size_t step(size_t i) {
        if (mode_ == TokenMode::Rule && state_ == State::Plain && !backslash_ && s_[i] == '$' && i + 1 < s_.size()) {
            finish();
            r_.tokens.push_back(rule_meta(s_, i));
            return i - 1;
        }
        feed(s_[i]);
        return i;
    }

    void feed(char c) {
        if (backslash_) {
            backslash_ = false;
            if (state_ == State::Comment) return;
            // "\!" (a csh user's habit) is a plain '!' outside quotes, an
            // operator like any other: `a\!b` is `a ! b`, as in sendmail 8.17.
            if (c == '!' && state_ == State::Plain) return plain(c);
            if (quote_closed_) finish();
            in_token_ = true;
            cur_ += '\\';
            cur_ += c;
            return;
        }
        if (c == '\\') {
            backslash_ = true;
            return;
        }
        if (state_ == State::Quoted) return quoted(c);
        if (state_ == State::Comment) return comment(c);
        plain(c);
    }

    // A quoted string is a token of its own, whatever touches it, but it
    // ends (and is found too long) only at what comes next: a stray '>' or
    // a comment after it comes first ("\"AAA\">" says Unbalanced '>').
    void quoted(char c) {
        cur_ += c;
        if (c != '"') return;
        state_ = State::Plain;
        quote_closed_ = true;
    }

    // (comments) vanish when parsing. A comment ends the word before it
    // only as it closes: a word too long is found that late ("AAA(open"
    // complains about the '(' first).
    void comment(char c) {
        if (c == '(') ++depth_;
        // Any ')' in a comment, even one that leaves it open, is where a
        // word too long before it is found: "AAA((x" complains once about
        // the '(' and stops there.
        if (c == ')' && in_token_ && max_token_ && cur_.size() > max_token_) {
            r_.token_too_long = true;
            return;
        }
        if (c != ')' || --depth_ > 0) return;
        state_ = State::Plain;
        if (word_ends_after_comment_) finish();
        word_ends_after_comment_ = false;
    }

    void plain(char c) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '"') {
            finish();
            cur_ += '"';
            in_token_ = true;
            state_ = State::Quoted;
            return;
        }
        if (mode_ == TokenMode::AddressNoComments && c == '(') {
            word_ends_after_comment_ = in_token_;
            state_ = State::Comment;
            depth_ = 1;
            return;
        }
        if ((mode_ == TokenMode::AddressNoComments && c == ')') || (c == '>' && mode_ != TokenMode::Rule && angle_ == 0)) {
            // A stray '>' or ')' is reported and deleted; the words around it join.
            r_.errors.push_back(std::string("Unbalanced '") + c + "'");
            if (c == '>') route_ = false;
            return;
        }
        if (is_space(c) || u == 0xff) {  // sendmail treats \377 as a blank
            finish();
            return;
        }
        if (u < 0x20 || u == 0x7f) return;  // other control characters vanish
        if (quote_closed_) finish();
        if (is_special(c, ops_)) {
            finish();
            if (stopped()) return;
            if (c == '<') {
                ++angle_;
                // "<@a,@b:user@c": a '<' that blanks and an '@' follow in
                // the text starts a source route, up to the next '>'.
                size_t next = s_.find_first_not_of(" \t\n\r\f\v", pos_ + 1);
                if (next != std::string_view::npos && s_[next] == '@') route_ = true;
            }
            if (c == '>') {
                if (angle_ > 0) --angle_;
                route_ = false;
            }
            r_.tokens.emplace_back(1, c);
            return;
        }
        in_token_ = true;
        cur_ += c;
    }

    std::string_view s_, ops_;
    TokenMode mode_;
    size_t max_token_, max_bytes_;
    size_t counted_ = 0, used_ = 0;  // tokens counted into the buffer, bytes they use
    TokenizeResult r_;
    std::string cur_;
    State state_ = State::Plain;
    bool in_token_ = false, backslash_ = false, word_ends_after_comment_ = false;
    bool quote_closed_ = false;  // cur_ is a quoted string, complete
    int angle_ = 0, depth_ = 0;
    bool route_ = false;  // after a "<@", up to the next '>'
    size_t pos_ = 0;      // where in s_ the character being fed is
};

}  // namespace

TokenizeResult tokenize(std::string_view s, std::string_view opchars, TokenMode mode, char delim, size_t max_token,
                        size_t max_bytes) {
    return Prescan(s, opchars, mode, max_token, max_bytes).run(delim);
}

namespace {
// The inverse of config::metasymbol_byte for a trace: '$' for a macro
// reference (0x81) and for $digit (0x95, its digit follows).
char metasymbol_of_byte(unsigned char c) {
    if (c == 0x81 || c == 0x95) return '$';
    static constexpr std::string_view symbols = "&()*+-=~#@:>?|.[]";
    for (char sym : symbols)
        if (static_cast<unsigned char>(config::metasymbol_byte(sym)) == c) return sym;
    return 0;
}
}  // namespace

std::string format_token(const std::string& t, const config::MacroTable* names) {
    if (!is_meta(t)) {
        // Traces show 8-bit bytes as M-x and a tab as \t, and leave other
        // control characters out, as sendmail's xputs() does.
        std::string out;
        for (size_t i = 0; i < t.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(t[i]);
            if (c == '\t') {
                out += "\\t";
                continue;
            }
            if (c < 0x20 || c == 0x7f) continue;
            if (c < 0x80) {
                out += static_cast<char>(c);
                continue;
            }
            // sendmail's own bytes (a `$|` a map handed back) show as what
            // they stand for; a macro or $digit byte as a bare '$'.
            if (char sym = metasymbol_of_byte(c)) {
                out += '$';
                if (sym != '$') out += sym;
                // A class or deferred macro's long name follows as its id byte.
                std::string name;
                if ((sym == '=' || sym == '~' || sym == '&') && names && i + 1 < t.size())
                    name = names->name_of_id(t[i + 1]);
                if (!name.empty()) {
                    out += "{" + name + "}";
                    ++i;
                }
                continue;
            }
            out += "M-";
            unsigned char low = c & 0x7f;
            if (low >= 0x20 && low != 0x7f) out += static_cast<char>(low);
            else if (low == '\t') out += "\\t";
            else if (low == '\n') out += "\\n";
            else if (low == '\r') out += "\\r";
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

std::string echo_form(std::string_view s) {
    auto control = [](unsigned char c) -> std::string_view {
        return c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : "";
    };
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x80) {
            if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
            else out += control(c);
            continue;
        }
        out += "M-";
        if (char sym = metasymbol_of_byte(c)) {
            out += '$';
            if (sym != '$') out += sym;
            continue;
        }
        unsigned char low = c & 0x7f;
        if (low >= 0x20 && low != 0x7f) {
            out += static_cast<char>(low);
        } else {
            out += "M-";
            out += control(low);
        }
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

namespace {
std::string join_with(const Tokens& t, std::string_view opchars, char space, bool meta_bytes) {
    std::string out;
    bool prev_atom = false;
    for (const auto& tok : t) {
        bool atom = is_atom(tok, opchars);
        if (prev_atom && atom) out += space;
        if (!is_meta(tok)) out += tok;
        else if (meta_bytes) out += internal_form(tok);
        else out += format_token(tok);
        prev_atom = atom;
    }
    return out;
}
}  // namespace

std::string internal_form(const std::string& t) {
    if (!is_meta(t)) return t;
    char b = config::metasymbol_byte(t[1]);
    if (!b) return format_token(t);
    std::string out(1, b);
    if (t[1] >= '0' && t[1] <= '9') out += t[1];
    if (t.size() > 2) out += t.size() > 3 ? "{" + t.substr(2) + "}" : t.substr(2);
    return out;
}

std::string join_tokens(const Tokens& t, std::string_view opchars, char space) {
    return join_with(t, opchars, space, false);
}

std::string join_map_key(const Tokens& t, std::string_view opchars, char space) {
    return join_with(t, opchars, space, true);
}

}  // namespace rewrite
