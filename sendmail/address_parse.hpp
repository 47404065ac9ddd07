// address_parse.hpp: sendmail's parseaddr() and remotename() over the rewrite
// engine, shared by -bt (/parse, /try) and -bv: rulesets 3 and 0, the
// $# mailer triple, the recipient rulesets 2, R= and 4.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include "config/config.hpp"
#include "rewrite/rewrite.hpp"

namespace sendmail {

struct ParsedAddress {
    bool ok = false;
    std::string mailer, host, user;
    std::string error;  // message already printed when !ok
    int exit_code = 0;  // sysexits value an $# error sets (sendmail's ExitStat)
};

// Addresses longer than this are refused before they are scanned.
constexpr size_t kMaxAddress = 255;
// The longest word /parse takes (sendmail's token buffer): longer is "token too long".
constexpr size_t kMaxToken = 256;
// What prescan's buffer holds of an address: its words with a byte after
// each. More is "Address too long", whatever the address's own length.
constexpr size_t kMaxScanned = 1251;
// 'Address "..." too long (255 bytes max)', the address cut at the limit.
std::string address_too_long(std::string_view addr);
// A long address in a message: its first and last 100 bytes around "...".
std::string shorten_for_message(std::string_view s);

// crackaddr(): the address with its route-addr replaced by $g. must_quote_chars
// is the MustQuoteChars option's value (nullopt when the cf does not set it).
std::string crack_address(std::string_view addr, std::optional<std::string_view> must_quote_chars = std::nullopt);
// The MustQuoteChars option of a configuration, as crack_address takes it.
std::optional<std::string_view> must_quote_chars(const config::Config& cfg);

// Parses a recipient address as sendmail does for delivery; prints errors
// ("addr... User unknown") to `out` as sendmail's usrerr would in -bt.
ParsedAddress parse_address(rewrite::Engine& eng, const std::string& addr, bool sender);

// buildaddr(): the address a ruleset's $# triple names (`addr` for messages).
ParsedAddress build_address(rewrite::Engine& eng, const std::string& addr, const rewrite::Tokens& triple);

// maplocaluser(): ruleset 5 on a local user (host: its +detail, seen as $h).
// The address it routes to, when the rules return a mailer triple.
std::optional<ParsedAddress> map_local_user(rewrite::Engine& eng, const std::string& address, const std::string& user,
                                            const std::string& host);

// remotename(): rewrites an address for a mailer. flags: 'H'/'E' and 'S'/'R'.
std::string remote_name(rewrite::Engine& eng, const std::string& addr, const config::Mailer& m,
                        bool header, bool sender, int& rcode);

}  // namespace sendmail
