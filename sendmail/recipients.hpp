// recipients.hpp: the recipient list of a submission, built as sendmail's
// sendtolist/recipient build it: each list is taken last address first,
// duplicates (same mailer, host, user) are suppressed, local names are
// expanded through the aliases, and the result is ordered by host.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "message/message.hpp"
#include "queue/queue.hpp"

namespace sendmail {

// Where an address goes: ruleset 0's mailer, host and user.
struct Route {
    std::string mailer;  // "local", "esmtp", "prog", "*file*", "error"
    std::string host;    // "" for local delivery (the +detail for a local user+detail)
    std::string user;
    int exit_code = 0;   // for mailer "error": the sysexits value of the failure
    std::string dsn;     // for mailer "error": the status ("5.1.1")
    std::string text;    // for mailer "error": the reply ("550 5.1.1 User unknown")
    static Route to(std::string m, std::string h, std::string u) { return Route{std::move(m), std::move(h), std::move(u), 0, "", ""}; }
    bool local() const { return mailer == "local"; }
    bool error() const { return mailer == "error" || mailer == "*error*"; }
};
// Called with the address as written and its bare mailbox.
using Router = std::function<Route(const std::string& address, const std::string& bare)>;
// Alias lookup: the right-hand side for a local name, if it is an alias.
using AliasLookup = std::function<std::optional<std::string>(const std::string& name)>;
// Ruleset 5 (maplocaluser) on a local recipient: where it sends the address
// instead, if its rules return a mailer triple.
using LocalUserRules = std::function<std::optional<Route>(const std::string& address, const Route& local)>;
// A local user's .forward: the addresses it names, if it has a safe one.
using ForwardLookup = std::function<std::optional<std::string>(const Route& local)>;
// Whether a mailer has a flag (F=A aliasable, F=5 ruleset 5); true for a
// mailer the cf does not declare.
using MailerFlag = std::function<bool(const std::string& mailer, char flag)>;

// A mailer's T= address and diagnostic types, with sendmail's defaults
// (rfc822, smtp) where the cf gives none.
struct MailerTypes {
    std::string address = "rfc822";
    std::string diagnostic = "smtp";
    bool address_given = false;  // the cf's T= names the address type
};
using MailerTypeLookup = std::function<MailerTypes(const std::string& mailer)>;

// The "type; address" of an address a mailer got (X-Actual-Recipient): the
// type rfc822 in lower case, then with the local domain added to a bare name.
std::string actual_recipient(const MailerTypes& t, const std::string& user, const std::string& local_domain);

// An address that failed at once (unknown user, $#error): the sender gets a
// notice, the submission's exit status says so.
struct FailedRecipient {
    std::string address;          // as written
    std::string final_rcpt;       // "rfc822; user@host", typed by its mailer's T=
    std::string status;           // "5.1.1"
    std::string diagnostic;       // "550 5.1.1 User unknown"
    int exit_code = 0;            // sysexits value
    bool counted = false;         // an accepted address that failed later: counts in the priority
    std::string diagnostic_type;  // the mailer's T= diagnostic type ("smtp", "X-Unix")
    std::string actual_rcpt;      // what the mailer got ("" when it got nothing)
    std::string expanded_from;    // the alias or .forward user it came from
    bool refused = false;         // refused by sendmail itself (a file): no reason given, no to= line
};

struct Recipient {
    std::string address;   // as written (printable: R line, mailq)
    std::string bare;      // the mailbox alone
    Route route;
    bool primary = false;
    bool from_alias = false;
    bool expanded = false;  // an alias: replaced by its members, not queued
    bool from_local_rules = false;  // what ruleset 5 made of the address `parent`
    bool from_forward = false;      // named by the .forward of the user `parent`
    bool forwarded = false;         // replaced by its .forward's addresses
    bool quoted = false;            // "\\user": the mailbox itself, no alias or .forward
    std::string alias_key;  // the aliases entry that matched ("sales+*")
    int parent = -1;        // the alias it came from (index), -1 at top level
    std::string orcpt;      // "rfc822; user@host" of the top-level address (its r line)
};

class RecipientList {
public:
    struct Settings {
        Router router;
        AliasLookup aliases;            // empty: no aliasing (-n)
        LocalUserRules local_rules;     // empty: no ruleset 5
        MailerFlag mailer_flag;         // empty: every mailer has every flag
        MailerTypeLookup mailer_types;  // empty: every mailer has the default types
        // The T= address type of the sender's mailer ("" for none): it
        // decides the r lines' form (see final_recipient).
        std::string sender_type;
        ForwardLookup forward;          // empty: .forward files are not read (queue-only modes)
        std::string notify;             // -N as R-line letters ("" default, "N", "NSF"...)
        std::string local_domain;       // $j, to qualify bare names in orcpt
        long default_uid = 1;           // DefaultUser's uid, for alias controlling users
        bool check_local_users = true;  // a local name without alias or passwd entry is unknown
        bool canonical_users = false;   // the router's user is the canonical address (rulesets ran)
        bool report = true;             // print "addr... User unknown" (not for our own notices' lookups)
        bool old_style = false;         // OldStyleHeaders: top-level lists may be blank-separated
    };
    explicit RecipientList(Settings s) : s_(std::move(s)) {}

    // Adds every address of a comma-separated list (a header value or one
    // command-line argument). Returns the number of addresses parsed.
    int add_list(const std::string& list) { return add_list(list, -1, 0); }
    // Queue-file recipients in delivery order, with their C and r lines.
    std::vector<queue::QueueRecipient> queue_recipients() const;
    size_t count() const;  // recipients that will be queued
    // Final recipients in delivery order (for -bv's listing).
    std::vector<const Recipient*> ordered() const;
    const std::vector<FailedRecipient>& failures() const { return failed_; }
    std::vector<const Recipient*> before_forwarding() const;
    size_t counted_failures() const;
    // The last failure's sysexits value; sendmail's own refusals of header
    // addresses (programs, files) set none.
    int exit_code() const {
        for (auto it = failed_.rbegin(); it != failed_.rend(); ++it)
            if (it->exit_code) return it->exit_code;
        return 0;
    }
    // Whether the addresses added from now on come from the header (-t).
    void set_from_header(bool h) { from_header_ = h; }
    void set_notify(std::string letters) { s_.notify = std::move(letters); }
    // OldStyleHeaders holds until a top-level list (or an address field of
    // the header) shows one of ",;<(": from then on lists are comma-separated.
    bool old_style() const { return s_.old_style; }
    void note_list(std::string_view list) {
        if (!message::is_old_style_list(list)) s_.old_style = false;
    }
    // The addresses of a top-level list as add_list splits it now.
    std::vector<std::string> split(const std::string& unfolded) const;
    // Whether addresses added from now on print their failures on stdout.
    void set_report(bool report) { s_.report = report; }

private:
    int add_list(const std::string& list, int parent, int depth, bool forward = false);
    void add(Recipient r, int depth);
    std::optional<std::string> controlling_user(const Recipient& r) const;
    std::string r_flags(const Recipient& r) const;

    std::string original_recipient(const Recipient& r) const;
    std::string final_recipient(const Recipient& r) const;
    MailerTypes types_of(const std::string& mailer) const;
    std::string group_final_recipient(const std::string& text) const;
    void refuse_program(const Recipient& r);
    void refuse_file(const Recipient& r);
    std::optional<std::string> alias_for(const std::string& user, std::string& key) const;
    bool expand_alias(int idx, int depth);
    bool apply_local_rules(int idx, int depth);
    bool check_local_user(int idx);
    void expand_forward(int idx, int depth);
    bool mailer_has(const std::string& mailer, char flag) const;
    void fail(const std::string& address, const std::string& final_rcpt, const Route& why, bool counted = false,
              const Route* got = nullptr);

    Settings s_;
    std::vector<Recipient> list_;
    std::vector<Recipient> unknown_;  // local users found unknown, for duplicates
    std::vector<FailedRecipient> failed_;
    bool from_header_ = false;
};


struct SubmitSettings;
// The aliases of the AliasFile option (databases, or text files without one).
AliasLookup open_aliases(const SubmitSettings& s);
// Rulesets 3 and 0 on each address (as written, for -bv, or its bare
// mailbox); a cf without ruleset 0 routes by domain and class w.
Router make_router(const SubmitSettings& s, bool parse_as_written);
// Ruleset 5 of the cf on local users (empty when the cf has none).
LocalUserRules make_local_rules(const SubmitSettings& s);
// The F= flags of the cf's mailers.
MailerFlag make_mailer_flag(const SubmitSettings& s);
// The T= types of the cf's mailers.
MailerTypeLookup make_mailer_types(const SubmitSettings& s);

// Programs ("|cmd", also quoted) and files ("/path") named by aliases.
std::optional<Route> special_route(const std::string& bare);

// The local mailer's triple for a name: user+detail gives host "detail",
// user "user", as sendmail splits it.
Route local_route(const std::string& user);

// A router for when no rulesets are available: names without a domain and
// domains in `local_hosts` are local, everything else goes to its domain.
Route route_by_domain(const std::string& bare, const std::function<bool(const std::string&)>& is_local_host);

}  // namespace sendmail
