// recipients.cpp: sendtolist and recipient as sendmail runs them at submission
// time. The order of the queue file's R lines follows from these rules:
// a list is walked last to first, aliases expand in place, the first of two
// duplicates wins (taking the other's primary flag), then a stable sort by host.
#include "sendmail/recipients.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <pwd.h>
#include <sysexits.h>

#include "message/message.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {
constexpr int kMaxAliasDepth = 20;

bool same_address(const Recipient& a, const Recipient& b) {
    // "\\user" (the mailbox itself) is not the user that may be aliased.
    return a.route.mailer == b.route.mailer && util::iequals(a.route.host, b.route.host) &&
           a.route.user == b.route.user && a.quoted == b.quoted;
}

// "undisclosed-recipients:;": a group without members names nobody.
bool is_empty_group(const std::string& a) {
    size_t colon = a.find(':');
    if (colon == std::string::npos || a.find_first_of("\"<>@") < colon) return false;
    std::string_view rest = util::trim(std::string_view(a).substr(colon + 1));
    return rest == ";";
}

// An error mailer's reply split as sendmail's notice shows it: the code,
// the status (from the text, or `dsn`), the words.
struct ErrorReply {
    std::string code = "553", status, text;
};

ErrorReply split_error_reply(const Route& why) {
    ErrorReply e;
    e.status = why.dsn.size() >= 5 && why.dsn[1] == '.' ? why.dsn : "5.0.0";
    std::string text = why.text;
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    if (text.size() >= 4 && std::isdigit(static_cast<unsigned char>(text[0])) && text[3] == ' ') {
        e.code = text.substr(0, 3);
        text = text.substr(4);
    }
    auto words = util::split_words(text);
    if (!words.empty() && words[0].size() >= 5 && words[0][1] == '.' &&
        std::isdigit(static_cast<unsigned char>(words[0][0])))
        text = std::string(util::trim(std::string_view(text).substr(words[0].size())));
    e.text = text;
    return e;
}

}  // namespace

std::vector<std::string> RecipientList::split(const std::string& unfolded) const {
    if (s_.old_style && message::is_old_style_list(unfolded)) return message::split_blank_list(unfolded);
    return message::split_address_list(unfolded, true);
}

int RecipientList::add_list(const std::string& list, int parent, int depth, bool forward) {
    std::string unfolded = message::unfold(list);
    if (parent < 0) note_list(unfolded);
    bool blanks = parent < 0 && s_.old_style;
    std::vector<std::string> addrs = parent < 0 ? split(unfolded) : message::split_address_list(unfolded, true);
    // sendmail keeps the blanks after an address of the command line or
    // the header, the last one's too ("bin " is queued and logged so).
    if (parent < 0 && !blanks && !addrs.empty()) {
        size_t end = unfolded.find_last_not_of(" \t");
        if (end != std::string::npos && end + 1 < unfolded.size()) addrs.back() += unfolded.substr(end + 1);
    }
    for (auto it = addrs.rbegin(); it != addrs.rend(); ++it) {
        Recipient r;
        r.address = *it;
        r.bare = message::bare_address(*it);
        if (r.bare.size() > 1 && r.bare[0] == '\\') r.bare = r.bare.substr(1);  // "\\user": no aliasing, no .forward
        r.quoted = r.bare != message::bare_address(*it);
        r.route = s_.router(r.address, r.bare);
        r.parent = parent;
        r.from_alias = parent >= 0 && !forward;
        r.from_forward = forward;
        // The sole member of a primary alias is itself primary; what a
        // .forward names is not.
        r.primary = parent < 0 || (!forward && addrs.size() == 1 && list_[parent].primary);
        if (parent >= 0) {
            r.orcpt = list_[parent].orcpt;
        } else {
            r.orcpt = final_recipient(r);
        }
        if (r.route.error()) {  // the router has printed why
            fail(r.address, r.orcpt, r.route);
            if (is_empty_group(r.address)) {
                // A group has no original recipient: the notice names it by
                // what the error mailer got, and nothing else.
                ErrorReply e = split_error_reply(r.route);
                failed_.back().final_rcpt = group_final_recipient("\"" + e.code + " " + e.text + "\"");
                failed_.back().actual_rcpt.clear();
            }
            continue;
        }
        if (parent < 0 && r.route.mailer == "prog") {
            refuse_program(r);
            continue;
        }
        if (parent < 0 && r.route.mailer == "*file*") {
            refuse_file(r);
            continue;
        }
        add(std::move(r), depth);
    }
    return static_cast<int>(addrs.size());
}

// The r line's address: the domain in lower case (the local domain added
// to a bare name), a local mailer's user name folded too.
std::string RecipientList::original_recipient(const Recipient& r) const {
    std::string q = message::bare_address(r.address);
    size_t at = q.rfind('@');
    if (r.route.local()) {
        if (at != std::string::npos) return q;  // as written
        // The user as the rules made it: words keep a blank between them
        // ("ro ot"), or the BlankSub character.
        if (s_.canonical_users && q.find('\\') == std::string::npos)
            q = r.route.host.empty() ? r.route.user : r.route.user + "+" + r.route.host;
        return util::to_lower(q) + (s_.local_domain.empty() ? "" : "@" + s_.local_domain);
    }
    if (s_.canonical_users && r.route.user.find('@') != std::string::npos) return r.route.user;
    if (at == std::string::npos) return q;
    return q.substr(0, at) + "@" + util::to_lower(q.substr(at + 1));
}

// The r line, as sendmail 8.17 makes it: when the sender's mailer has the
// address type rfc822 (or none), that type and the address as written
// (see above); otherwise the recipient's mailer's type, printed "(null)"
// when its T= gives none, and the user that mailer would get (an error
// mailer's: its text).
std::string RecipientList::final_recipient(const Recipient& r) const {
    std::string sender_type = s_.sender_type.empty() ? "rfc822" : s_.sender_type;
    if (util::iequals(sender_type, "rfc822")) return sender_type + "; " + original_recipient(r);
    MailerTypes t = types_of(r.route.mailer);
    std::string type = t.address_given ? t.address : "(null)";
    if (r.route.error()) return type + "; " + r.route.text;
    std::string user = r.route.host.empty() || !r.route.local() ? r.route.user : r.route.user + "+" + r.route.host;
    return type + "; " + (r.route.local() ? util::to_lower(user) : user);
}

// A group names no address, so sendmail's notice names the refused group
// by what the error mailer got: its text, quoted, at the local domain
// (typed as the sender's mailer types an r line).
std::string RecipientList::group_final_recipient(const std::string& text) const {
    std::string sender_type = s_.sender_type.empty() ? "rfc822" : s_.sender_type;
    if (!util::iequals(sender_type, "rfc822")) {
        MailerTypes t = types_of("error");
        return (t.address_given ? t.address : "(null)") + "; " + text;
    }
    return sender_type + "; " + text + (s_.local_domain.empty() ? "" : "@" + s_.local_domain);
}

// A program may be named by an alias or a .forward, never by the sender:
// sendmail refuses it as a usage error, and its notice names the address
// at the local domain, without what a mailer got.
void RecipientList::refuse_program(const Recipient& r) {
    const char* why = "Cannot mail directly to programs";
    if (s_.report) std::printf("%s... %s\n", r.address.c_str(), why);
    std::string sender_type = s_.sender_type.empty() ? "rfc822" : s_.sender_type;
    std::string final_rcpt = sender_type + "; " + r.bare + (s_.local_domain.empty() ? "" : "@" + s_.local_domain);
    fail(r.address, final_rcpt, Route{"error", "", "", EX_USAGE, "5.7.1", std::string("550 5.7.1 ") + why});
    failed_.back().actual_rcpt.clear();
    if (from_header_) failed_.back().exit_code = 0;
}

// Nor a file: the notice names the file at the local domain and, as what
// its mailer got, the file typed by *file*'s T= (X-Unix); it counts in the
// priority but gives no reason.
void RecipientList::refuse_file(const Recipient& r) {
    const char* why = "Cannot mail directly to files";
    if (s_.report) std::printf("%s... %s\n", r.address.c_str(), why);
    std::string sender_type = s_.sender_type.empty() ? "rfc822" : s_.sender_type;
    std::string final_rcpt = sender_type + "; " + r.bare + (s_.local_domain.empty() ? "" : "@" + s_.local_domain);
    fail(r.address, final_rcpt, Route{"error", "", "", EX_USAGE, "5.7.1", std::string("550 5.7.1 ") + why}, true);
    FailedRecipient& f = failed_.back();
    MailerTypes t = types_of("*file*");
    f.actual_rcpt = (t.address_given ? t.address : "X-Unix") + "; " + r.route.user;
    f.refused = true;
    if (from_header_) f.exit_code = 0;
}

MailerTypes RecipientList::types_of(const std::string& mailer) const {
    return s_.mailer_types ? s_.mailer_types(mailer) : MailerTypes{};
}

// `got`: the route of an address its mailer refused (an unknown local
// user), for the notice's X-Actual-Recipient and Diagnostic-Code types.
void RecipientList::fail(const std::string& address, const std::string& final_rcpt, const Route& why, bool counted,
                         const Route* got) {
    std::string status = why.dsn.size() >= 5 && why.dsn[1] == '.' ? why.dsn : "5.0.0";
    MailerTypes t = types_of(got ? got->mailer : why.mailer);
    std::string actual, diagnostic = why.text;
    if (got) {
        std::string user = got->host.empty() ? got->user : got->user + "+" + got->host;
        if (got->local() && !mailer_has(got->mailer, 'u')) user = util::to_lower(user);
        actual = actual_recipient(t, user, s_.local_domain);
    } else {
        // The error mailer's text ("553 Invalid route address", quoted as
        // the rules left it) is what it "got": sendmail's notice names it so,
        // and its transcript has the code, the status, then the text.
        ErrorReply e = split_error_reply(why);
        diagnostic = e.code + " " + status + " " + e.text;
        actual = actual_recipient(t, "\"" + e.code + " " + e.text + "\"", s_.local_domain);
    }
    failed_.push_back({address, final_rcpt, status, diagnostic, why.exit_code ? why.exit_code : EX_DATAERR, counted,
                       t.diagnostic, actual, ""});
}

std::string actual_recipient(const MailerTypes& t, const std::string& user, const std::string& local_domain) {
    if (!util::iequals(t.address, "rfc822")) return t.address + "; " + user;
    bool bare = user.find('@') == std::string::npos && !local_domain.empty();
    return "rfc822; " + user + (bare ? "@" + local_domain : "");
}

size_t RecipientList::counted_failures() const {
    return static_cast<size_t>(std::count_if(failed_.begin(), failed_.end(), [](const auto& f) { return f.counted; }));
}



// The alias for a local name: the name itself, then for user+detail the
// forms user+* and user, as sendmail looks them up.
std::optional<std::string> RecipientList::alias_for(const std::string& user, std::string& key) const {
    key = util::to_lower(user);
    if (auto v = s_.aliases(key)) return v;
    size_t plus = key.find('+');
    if (plus == std::string::npos || plus == 0) return std::nullopt;
    std::string base = key.substr(0, plus);
    for (const std::string& k : {base + "+*", base})
        if (auto v = s_.aliases(k)) {
            key = k;
            return v;
        }
    return std::nullopt;
}

void RecipientList::add(Recipient r, int depth) {
    // An unknown user named again (another spelling, an alias's member)
    // fails only once.
    for (const auto& gone : unknown_)
        if (same_address(gone, r)) return;
    for (size_t i = 0; i < list_.size(); ++i) {
        Recipient& q = list_[i];
        if (!same_address(q, r)) continue;
        if (!q.primary && r.primary) q.primary = true;
        // "root: root, backup": an alias naming itself means its own mailbox
        // too, and then its members count as primary addresses.
        if (q.expanded && r.parent == static_cast<int>(i)) {
            q.expanded = false;
            for (auto& m : list_)
                if (m.parent == static_cast<int>(i)) m.primary = true;
        }
        return;
    }
    list_.push_back(std::move(r));
    int idx = static_cast<int>(list_.size()) - 1;
    // sendmail's order for a local name: its alias, else ruleset 5 (mailers
    // with F=5), else the password file.
    if (!list_[idx].route.local() || depth >= kMaxAliasDepth) return;
    if (!list_[idx].quoted && expand_alias(idx, depth)) return;
    if (apply_local_rules(idx, depth)) return;
    if (check_local_user(idx)) expand_forward(idx, depth);
}

// A user's .forward replaces the user by the addresses it names (a
// "\\user" among them delivers to the user's own mailbox after all).
void RecipientList::expand_forward(int idx, int depth) {
    const Recipient& cur = list_[idx];
    if (!s_.forward || cur.quoted) return;
    std::optional<std::string> list = s_.forward(cur.route);
    if (!list) return;
    list_[idx].expanded = true;
    list_[idx].forwarded = true;
    add_list(*list, idx, depth + 1, true);
}

// The envelope as it was before any .forward was read: a forwarding user
// counts once, the addresses of the .forward not at all ($u, "for user").
std::vector<const Recipient*> RecipientList::before_forwarding() const {
    std::vector<const Recipient*> out;
    for (const auto& r : list_) {
        bool inside = false;
        for (int p = r.parent; p >= 0 && !inside; p = list_[p].parent) inside = list_[p].forwarded;
        if (!inside && (!r.expanded || r.forwarded)) out.push_back(&r);
    }
    return out;
}

bool RecipientList::mailer_has(const std::string& mailer, char flag) const {
    return !s_.mailer_flag || s_.mailer_flag(mailer, flag);
}

bool RecipientList::expand_alias(int idx, int depth) {
    const Recipient& cur = list_[idx];
    if (!s_.aliases || !mailer_has(cur.route.mailer, 'A')) return false;
    std::string full = cur.route.host.empty() ? cur.route.user : cur.route.user + "+" + cur.route.host;
    std::string key;
    std::optional<std::string> rhs = alias_for(full, key);
    if (!rhs) return false;
    list_[idx].expanded = true;
    list_[idx].alias_key = key;
    add_list(*rhs, idx, depth + 1);
    return true;
}

// The address ruleset 5 routes elsewhere (the MSP's local names to the
// relay) replaces this one; the original stays in the list (it still
// suppresses duplicates) but is not queued.
bool RecipientList::apply_local_rules(int idx, int depth) {
    const Recipient& cur = list_[idx];
    if (!s_.local_rules || !mailer_has(cur.route.mailer, '5')) return false;
    std::optional<Route> to = s_.local_rules(cur.address, cur.route);
    if (!to) return false;
    Recipient n;
    n.address = cur.address;
    n.bare = cur.bare;
    n.route = std::move(*to);
    n.primary = cur.primary;
    n.orcpt = cur.orcpt;
    n.parent = idx;
    n.from_local_rules = true;
    list_[idx].expanded = true;
    if (n.route.error()) {
        fail(n.address, n.orcpt, n.route, true);
        return true;
    }
    add(std::move(n), depth + 1);
    return true;
}

// Whether the local user exists (or is not checked); an unknown one fails.
bool RecipientList::check_local_user(int idx) {
    const Recipient& cur = list_[idx];
    const std::string& base = cur.route.user;
    if (!s_.check_local_users || getpwnam(base.c_str()) || getpwnam(util::to_lower(base).c_str())) return true;
    if (s_.report) std::printf("%s... User unknown\n", cur.address.c_str());
    Route got = cur.route;
    fail(cur.address, cur.orcpt, Route{"error", "", "", EX_NOUSER, "5.1.1", "550 5.1.1 User unknown"}, true, &got);
    if (cur.parent >= 0) failed_.back().expanded_from = list_[cur.parent].address;
    unknown_.push_back(std::move(list_.back()));
    list_.pop_back();
    return false;
}

size_t RecipientList::count() const {
    return static_cast<size_t>(std::count_if(list_.begin(), list_.end(), [](const Recipient& r) { return !r.expanded; }));
}

std::optional<std::string> RecipientList::controlling_user(const Recipient& r) const {
    // A local user+detail is its own controlling user (sendmail looked it up).
    if (!r.from_alias && r.route.local() && !r.route.host.empty()) {
        struct passwd* pw = getpwnam(r.route.user.c_str());
        if (!pw) return std::nullopt;
        if (pw->pw_uid == 0) return ":" + r.address;
        return std::string(pw->pw_name) + ":" + std::to_string(pw->pw_uid) + ":" + std::to_string(pw->pw_gid) + ":" +
               r.address;
    }
    if (r.from_forward) {
        // The user whose .forward named it controls it.
        const Recipient& user = list_[r.parent];
        struct passwd* pw = getpwnam(user.route.user.c_str());
        if (!pw || pw->pw_uid == 0) return ":" + user.address;
        return std::string(pw->pw_name) + ":" + std::to_string(pw->pw_uid) + ":" + std::to_string(pw->pw_gid) + ":" +
               user.address;
    }
    if (r.from_local_rules) {
        // The replaced address controls it; its owner is that of the alias
        // it came from, if any (no password entry was looked up yet).
        const Recipient& orig = list_[r.parent];
        std::string owner;
        if (orig.from_alias) owner = list_[orig.parent].alias_key + ":" + std::to_string(s_.default_uid) + ":0";
        return owner + ":" + orig.address;
    }
    if (!r.from_alias) return std::nullopt;
    const Recipient& alias = list_[r.parent];
    if (r.route.local()) {
        if (struct passwd* pw = getpwnam(r.route.user.c_str())) {
            if (pw->pw_uid == 0) return ":" + alias.address;
            return std::string(pw->pw_name) + ":" + std::to_string(pw->pw_uid) + ":" + std::to_string(pw->pw_gid) +
                   ":" + alias.address;
        }
    }
    return alias.alias_key + ":" + std::to_string(s_.default_uid) + ":0:" + alias.address;
}

std::string RecipientList::r_flags(const Recipient& r) const {
    std::string f = r.primary ? "P" : "";
    f += s_.notify.empty() ? "FD" : s_.notify;
    if (r.from_alias) f += "A";
    return f;
}

std::vector<const Recipient*> RecipientList::ordered() const {
    std::vector<const Recipient*> order;
    for (const auto& r : list_)
        if (!r.expanded) order.push_back(&r);
    std::stable_sort(order.begin(), order.end(), [](const Recipient* a, const Recipient* b) {
        return util::to_lower(a->route.host) < util::to_lower(b->route.host);
    });
    return order;
}

std::vector<queue::QueueRecipient> RecipientList::queue_recipients() const {
    std::vector<queue::QueueRecipient> out;
    for (const Recipient* r : ordered()) {
        queue::QueueRecipient q;
        q.ctladdr = controlling_user(*r);
        q.orcpt = r->orcpt;
        q.flags = r_flags(*r);
        q.address = r->address;
        out.push_back(std::move(q));
    }
    return out;
}


std::optional<Route> special_route(const std::string& bare) {
    std::string u = bare;
    if (u.size() >= 2 && u.front() == '"' && u.back() == '"') u = u.substr(1, u.size() - 2);
    if (!u.empty() && u[0] == '|') return Route::to("prog", "", u);
    if (!u.empty() && u[0] == '/') return Route::to("*file*", "", u);
    return std::nullopt;
}

Route local_route(const std::string& user) {
    size_t plus = user.find('+', 1);
    if (plus == std::string::npos) return Route::to("local", "", user);
    return Route::to("local", util::to_lower(user.substr(plus + 1)), user.substr(0, plus));
}

Route route_by_domain(const std::string& bare, const std::function<bool(const std::string&)>& is_local_host) {
    if (auto sp = special_route(bare)) return *sp;
    std::string addr = bare;
    if (!addr.empty() && addr[0] == '@') {  // source route: the first host relays
        size_t colon = addr.find(':');
        std::string host = addr.substr(1, colon == std::string::npos ? std::string::npos : colon - 1);
        return Route::to("esmtp", util::to_lower(host), colon == std::string::npos ? addr : addr.substr(colon + 1));
    }
    size_t at = addr.rfind('@');
    if (at == std::string::npos) return local_route(addr);
    std::string domain = addr.substr(at + 1);
    if (is_local_host(util::to_lower(domain))) return local_route(addr.substr(0, at));
    return Route::to("esmtp", domain, addr);
}

}  // namespace sendmail
