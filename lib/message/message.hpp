// message.hpp: the public header of lib/message: RFC 5322 header fields as
// sendmail keeps them, address lists, the headers sendmail adds, macro text.
// Everything here works on bytes: 8-bit input passes through untouched.
#pragma once

#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace message {

// What sendmail knows about a header field by its name (its HdrInfo table).
enum HeaderKind : unsigned {
    kHdrFrom = 1u << 0,      // an originator address field (From, Sender, Reply-To...)
    kHdrRcpt = 1u << 1,      // a recipient address field (To, Cc, Bcc...)
    kHdrBcc = 1u << 2,       // removed before delivery
    kHdrResent = 1u << 3,    // Resent-*: makes the message a resent one
    kHdrTrace = 1u << 4,     // Received and friends: never replaced, always kept
    kHdrBindLate = 1u << 5,  // Return-Path: macros expanded at delivery, not now
};
unsigned header_kind(std::string_view name);

// One header field. `value` is the text after the colon exactly as read
// (leading space included); continuation lines are kept, joined with "\n".
struct Header {
    std::string name;
    std::string value;
    std::string mailer_flags;  // ?flags? of an H line: added only for mailers with them
    bool from_config = false;  // a default from the configuration, not from the message
};

// Classifies a line of a header block. A field starts with a name of
// printable characters other than ':' and blanks, then ':' (blanks allowed
// before it). Returns the name length, or 0 if the line does not start a field.
size_t header_name_length(std::string_view line);
bool is_continuation(std::string_view line);

// Splits an address list at commas that are outside quotes, comments and
// angle brackets, as sendmail's list handling does: "G: a@x, b@y;" gives
// "G: a@x" and "b@y;". Each element is trimmed (with keep_trailing, only
// its leading blanks, as sendmail keeps "a@x " of "a@x , b@y" for the
// recipient); empty ones are dropped.
std::vector<std::string> split_address_list(std::string_view list, bool keep_trailing = false);

// OldStyleHeaders: a list without any of ",;<(" is an old-style one, its
// addresses separated by blanks ("ro  ot" is "ro" and "ot").
bool is_old_style_list(std::string_view list);
// Splits an old-style list at blanks outside double quotes.
std::vector<std::string> split_blank_list(std::string_view list);

// The mailbox of one address as sendmail's crackaddr sees it: the part in
// angle brackets, or the text without comments, a group name and a final ';'
// removed, blanks outside quotes removed. "<>" gives "".
std::string bare_address(std::string_view address);

// Rewrites an address field the way sendmail writes it to a queue file:
// addresses joined with ", " and wrapped before column `max_col`, continuation
// lines indented by eight spaces. Returns the new value (leading space included).
std::string commaize(std::string_view name, std::string_view value, size_t max_col = 78, bool old_style = false);

// RFC 5322 date as sendmail writes it: "Wed, 2 Dec 2026 03:35:24 +0100 (CET)",
// or "... GMT" when the local zone is UTC.
std::string arpadate(std::time_t t);

// sendmail's xtext (RFC 3461): '+', '=' and bytes outside '!'..'~' as +XX.
std::string xtext(std::string_view s);

// Expands sendmail macro text: $x, ${name}, $?x ... $| ... $. conditionals,
// $$ for a dollar. `lookup` returns nothing for an undefined macro. Bytes
// 0x81 (sendmail's internal macro marker) are treated like '$'.
using MacroLookup = std::function<std::optional<std::string>(std::string_view name)>;
std::string expand_macros(std::string_view text, const MacroLookup& lookup);

// The header block as it goes to a mailer: a field with ?flags? only if the
// mailer has one of them, Bcc and Resent-Bcc left out when `delete_bcc` (the
// queue file's 'b' flag), macros of late-bound fields (Return-Path) expanded.
// Lines end with "\n"; continuation lines are kept.
std::string delivery_headers(const std::vector<Header>& headers, std::string_view mailer_flags, bool delete_bcc,
                             const MacroLookup& macros);

// sendmail keeps the bytes 0x80-0x9f of a message's header (its own meta
// characters) and 0xff (the quote) behind a quoting 0xff, in queue files and
// in what it logs of them (msgid=). A header of the configuration is stored
// as made: its 0x81 bytes are macros to expand at delivery.
std::string quote_meta(std::string_view value);
// A header value as a queue file stores it.
std::string stored_value(const Header& h);
// The header of a queue file's H line (`value` as stored): a value with a
// meta byte that no 0xff quotes is one of the configuration, kept as it is;
// any other is unquoted.
Header header_from_storage(std::string name, std::string mailer_flags, std::string_view value);

// Joins continuation lines into one line for address parsing (sendmail's
// denlstring): each newline becomes nothing, the blanks after it stay.
std::string unfold(std::string_view value);

}  // namespace message
