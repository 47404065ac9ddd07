// crack_address.cpp: crackaddr(), the template sendmail makes of a header
// address ("Joe <joe@x>" becomes "Joe <$g>") to put a rewritten address back
// into its phrase and comments. One pass over the characters with a few
// levels and flags, as sendmail 8.17 behaves on broken input too: its quirks
// (doubled DECnet colons, a phrase re-read from the input when a '<' turns
// up late, a lone ')' eating the character before it) are observed ones.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "sendmail/address_parse.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

constexpr size_t kMaxTemplate = 255;  // sendmail's crackaddr buffer
const std::string kAddressAlone = "<$g>";

// Characters that make a phrase before <...> or a group's ':' need quotes
// whatever the MustQuoteChars option says; the option adds to them (unset, '.'
// and '\''; set, only what it names: observed with "O MustQuoteChars=+").
constexpr std::string_view kAlwaysQuoted = "@,;:\\()[]";
constexpr std::string_view kQuotedByDefault = ".'";

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class AddressCracker {
public:
    AddressCracker(std::string_view in, std::string_view quoted_too) : in_(in), quoted_too_(quoted_too) {}

    // The template, or nullopt when sendmail gives up on the phrase.
    std::optional<std::string> run();

private:
    bool at_end() const { return pos_ >= in_.size(); }
    bool must_quote(char c) const {
        return kAlwaysQuoted.find(c) != std::string_view::npos || quoted_too_.find(c) != std::string_view::npos;
    }
    void place_address();
    void escaped_char();
    bool quote_mark();
    void open_comment();
    void close_comment();
    void close_stray_paren();
    void outside_comment(char c);
    void group_colon();
    void route_addr_opens();
    void route_addr_closes();
    void requote_phrase(char until);

    std::string_view in_;
    std::string_view quoted_too_;  // the MustQuoteChars option's own characters
    size_t pos_ = 0;
    std::string out_;
    size_t phrase_out_ = 0;  // where the current phrase begins in out_ (after a group's name)
    size_t phrase_in_ = 0;   // and in the input
    int comment_depth_ = 0;
    int copy_depth_ = 0;  // > 0: characters are copied as typed (comments, text after '>')
    int angle_depth_ = 0, bracket_depth_ = 0;
    int comments_to_close_ = 0, angles_to_close_ = 0;
    bool quoted_ = false, quote_to_close_ = false;
    bool needs_quotes_ = false, seen_angle_ = false, seen_colon_ = false, address_placed_ = false;
};

// The address itself is $g, once; after a comment a blank keeps them apart.
void AddressCracker::place_address() {
    if (copy_depth_ > 0 || address_placed_) return;
    if (!out_.empty() && out_.back() == ')') out_ += ' ';
    out_ += "$g";
    address_placed_ = true;
}

// A comment outside copied text starts with a blank unless it opens the phrase.
void AddressCracker::open_comment() {
    ++comment_depth_;
    ++comments_to_close_;
    if (copy_depth_++ <= 0) {
        if (out_.size() != phrase_out_) out_ += ' ';
        out_ += '(';
    }
}

// A ')' with no comment open takes back the character copied before it.
void AddressCracker::close_stray_paren() {
    if (copy_depth_ > 0 && out_.size() > phrase_out_) out_.pop_back();
}

// Writes the phrase again from the input, quoted when it needs it: the
// blanks before `until` (the '<' or ':' at pos_-1) stay outside the quotes.
// Observed: the back-up over blanks may reach into a group's name, and an
// empty phrase keeps its "" unless it is the very start of the template.
void AddressCracker::requote_phrase(char until) {
    out_.resize(phrase_out_);
    size_t end = pos_;
    if (needs_quotes_) {
        out_ += '"';
        end = pos_ - 1;
        while (end > 0 && blank(in_[end - 1])) --end;
    }
    for (size_t q = phrase_in_; q < end; ++q) {
        if (needs_quotes_ && in_[q] == '"') out_ += '\\';
        out_ += in_[q];
    }
    if (!needs_quotes_) return;
    if (out_.size() == 1)
        out_.clear();
    else
        out_ += '"';
    while (end < in_.size()) {
        out_ += in_[end];
        if (in_[end++] == until) break;
    }
}

// A group's ':' ends its name; "::" and ":." (DECnet) are no group and only
// make the phrase need quotes (in copied text both colons are copied again).
void AddressCracker::group_colon() {
    if (!at_end() && (in_[pos_] == ':' || in_[pos_] == '.')) {
        needs_quotes_ = true;
        if (copy_depth_ > 0) {
            out_ += ':';
            out_ += in_[pos_];
        }
        ++pos_;
        place_address();
        return;
    }
    seen_colon_ = true;
    requote_phrase(':');
    while (!at_end() && blank(in_[pos_])) out_ += in_[pos_++];  // the blanks after ':' belong to the name
    copy_depth_ = 0;
    address_placed_ = needs_quotes_ = false;
    phrase_out_ = out_.size();
    phrase_in_ = pos_;
}

// A '<' makes what came before it the phrase; a second one means the first
// was part of the phrase after all.
void AddressCracker::route_addr_opens() {
    if (seen_angle_) needs_quotes_ = true;
    seen_angle_ = true;
    angle_depth_ = 1;
    angles_to_close_ = 1;
    requote_phrase('<');
    copy_depth_ = 0;
    address_placed_ = needs_quotes_ = false;
}

// The '>' closing the route-addr starts copying what follows as typed.
void AddressCracker::route_addr_closes() {
    --angle_depth_;
    if (angles_to_close_ > 0) --angles_to_close_;
    if (copy_depth_++ <= 0) out_ += '>';
}

// A backslash makes the phrase need quotes and the next character plain.
void AddressCracker::escaped_char() {
    if (comment_depth_ <= 0 && !quoted_) needs_quotes_ = true;
    if (!at_end()) {
        char escaped = in_[pos_++];
        if (copy_depth_ > 0) out_ += escaped;
    }
    place_address();
}

// A '"' outside comments; false when sendmail gives up. Observed: a quoted
// string in copied text makes it keep the address alone; a quote left open
// at the very end is closed.
bool AddressCracker::quote_mark() {
    quoted_ = !quoted_;
    if (copy_depth_ > 0) {
        if (quoted_ && !at_end()) return false;
        quote_to_close_ = !quote_to_close_;
    }
    return true;
}

void AddressCracker::close_comment() {
    --comment_depth_;
    --copy_depth_;
    --comments_to_close_;
}

// A character outside quotes and comments: group colons, route-addr
// brackets, and what makes a phrase need quotes.
void AddressCracker::outside_comment(char c) {
    if (c == ')') close_stray_paren();
    if (c == '[')
        ++bracket_depth_;
    else if (c == ']')
        --bracket_depth_;
    if (c == ':' && angle_depth_ <= 0 && bracket_depth_ <= 0 && !seen_colon_) {
        group_colon();
        return;
    }
    if (c == ';' && copy_depth_ <= 0) out_ += ';';
    if (must_quote(c)) needs_quotes_ = true;
    if (c == '<') {
        route_addr_opens();
    } else if (c == '>' && angle_depth_ > 0) {
        route_addr_closes();
    } else if (c == '>') {  // a stray '>' is dropped, with the character copied before it
        if (copy_depth_ > 0 && out_.size() > phrase_out_) out_.pop_back();
        needs_quotes_ = true;
    } else {
        place_address();
    }
}

std::optional<std::string> AddressCracker::run() {
    while (!at_end()) {
        char c = in_[pos_++];
        if (copy_depth_ > 0) out_ += c;
        if (c == '\\') {
            escaped_char();
        } else if (c == '"' && comment_depth_ <= 0) {
            if (!quote_mark()) return std::nullopt;
        } else if (quoted_) {
            place_address();
        } else {
            if (c == '(') open_comment();
            if (comment_depth_ <= 0)
                outside_comment(c);
            else if (c == ')')
                close_comment();
        }
    }
    // What is left open is closed, so the template stays balanced.
    if (quote_to_close_) out_ += '"';
    out_.append(static_cast<size_t>(std::max(comments_to_close_, 0)), ')');
    out_.append(static_cast<size_t>(std::max(angles_to_close_, 0)), '>');
    return out_;
}

}  // namespace

std::optional<std::string_view> must_quote_chars(const config::Config& cfg) {
    auto it = cfg.options.find("MustQuoteChars");
    if (it == cfg.options.end()) return std::nullopt;
    return std::string_view(it->second);
}

// A template that does not fit sendmail's buffer becomes "<$g>", the
// address alone (observed: a 253-character group name with ":$g" is kept,
// one more is not).
std::string crack_address(std::string_view addr, std::optional<std::string_view> must_quote_chars) {
    std::optional<std::string> t = AddressCracker(util::trim(addr), must_quote_chars.value_or(kQuotedByDefault)).run();
    if (!t || t->size() > kMaxTemplate) return kAddressAlone;
    return *t;
}

}  // namespace sendmail
