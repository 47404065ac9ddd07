// recipients.hpp: the recipient list of a submission, built as sendmail's
// sendtolist/recipient build it: each list is taken last address first,
// duplicates (same mailer, host, user) are suppressed, local names are
// expanded through the aliases, and the result is ordered by host.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "queue/queue.hpp"

namespace sendmail {

// Where an address goes: ruleset 0's mailer, host and user.
struct Route {
    std::string mailer;  // "local", "esmtp", "prog", "*file*", "error"
    std::string host;    // "" for local delivery
    std::string user;
    bool local() const { return mailer == "local"; }
};
using Router = std::function<Route(const std::string& bare_address)>;
// Alias lookup: the right-hand side for a local name, if it is an alias.
using AliasLookup = std::function<std::optional<std::string>(const std::string& name)>;

struct Recipient {
    std::string address;   // as written (printable: R line, mailq)
    std::string bare;      // the mailbox alone
    Route route;
    bool primary = false;
    bool from_alias = false;
    bool expanded = false;  // an alias: replaced by its members, not queued
    int parent = -1;        // the alias it came from (index), -1 at top level
    std::string orcpt;      // "RFC822; user@host" of the top-level address
};

class RecipientList {
public:
    struct Settings {
        Router router;
        AliasLookup aliases;            // empty: no aliasing (-n)
        std::string notify;             // -N as R-line letters ("" default, "N", "NSF"...)
        std::string local_domain;       // $j, to qualify bare names in orcpt
        long default_uid = 1;           // DefaultUser's uid, for alias controlling users
    };
    explicit RecipientList(Settings s) : s_(std::move(s)) {}

    // Adds every address of a comma-separated list (a header value or one
    // command-line argument). Returns the number of addresses parsed.
    int add_list(const std::string& list) { return add_list(list, -1, 0); }
    // Queue-file recipients in delivery order, with their C and r lines.
    std::vector<queue::QueueRecipient> queue_recipients() const;
    size_t count() const;  // recipients that will be queued

private:
    int add_list(const std::string& list, int parent, int depth);
    void add(Recipient r, int depth);
    std::optional<std::string> controlling_user(const Recipient& r) const;
    std::string r_flags(const Recipient& r) const;

    Settings s_;
    std::vector<Recipient> list_;
};

// Reads a text aliases file (name: value, continuation lines) into a lookup
// table with lower-case keys.
std::map<std::string, std::string> read_aliases_text(const std::string& path);

struct SubmitSettings;
// The aliases of the AliasFile option (databases, or text files without one).
AliasLookup open_aliases(const SubmitSettings& s);

// A router for when no rulesets are available: names without a domain and
// domains in `local_hosts` are local, everything else goes to its domain.
Route route_by_domain(const std::string& bare, const std::function<bool(const std::string&)>& is_local_host);

}  // namespace sendmail
