// submission.cpp: the steps of a submission. Order matters for safety: the
// body goes to the df as it is read, the qf is written last, and only then
// is success reported; any failure before that leaves no queue entry.
#include "sendmail/submission.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <pwd.h>
#include <sysexits.h>
#include <syslog.h>
#include <unistd.h>

#include "sendmail/address_parse.hpp"
#include "sendmail/forward_file.hpp"
#include "sendmail/queue_run.hpp"
#include "sendmail/submit_headers.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

namespace sendmail {

Submission::Submission(const CommandLine& cl, const SubmitSettings& s, std::string notify)
    : cl_(cl), s_(s), notify_(std::move(notify)) {}

// A line break in a string from the command line (-f, -F, a recipient)
// could forge a header or a queue file line: sendmail makes each a blank
// and logs the attempt, the string shortened as its messages are.
// `warning` receives the log line's text instead of its being logged now.
std::string Submission::without_newlines(const std::string& s, const std::string& id, std::string* warning) {
    if (s.find('\n') == std::string::npos) return s;
    std::string clean = s;
    std::replace(clean.begin(), clean.end(), '\n', ' ');
    std::string shown = clean.size() < 203 ? clean : clean.substr(0, 100) + "..." + clean.substr(clean.size() - 100);
    std::string text = "POSSIBLE ATTACK from [UNKNOWN]: newline in string \"" + shown + "\"";
    if (warning) *warning = text;
    else util::log_line(LOG_NOTICE, 1, id.empty() ? "NOQUEUE" : id, text);
    return clean;
}

void Submission::identify_sender() {
    struct passwd* pw = getpwuid(getuid());
    login_ = pw ? pw->pw_name : std::to_string(getuid());
    trusted_ = getuid() == 0 || s_.trusted_users.count(login_) > 0;
    sender_ = cl_.from ? without_newlines(*cl_.from, "") : login_;
    sender_bare_ = envelope_sender();
    std::optional<std::string> given_name;
    if (cl_.full_name) given_name = without_newlines(*cl_.full_name, "");
    // Only a sender of a mailer with password entries (a local one) has a
    // full name: -F's, else the password file's.
    std::string user = local_sender_user();
    if (user.empty()) return;
    if (given_name) {
        if (!given_name->empty()) full_name_ = *given_name;
    } else if (struct passwd* sp = getpwnam(user.c_str())) {
        std::string name = gecos_name(sp);
        if (!name.empty()) full_name_ = name;
    }
}

// $g: the sender's address through rulesets 3, 1 and 4, its words joined
// by the BlankSub character ("al ice" is "al ice", or "al.ice" with
// BlankSub=.), as sendmail makes the envelope sender.
std::string Submission::envelope_sender() const {
    std::string bare = message::bare_address(sender_);
    if (!s_.engine || !s_.engine->ruleset_defined(3) || is_null_sender(sender_)) return bare;
    auto tk = s_.engine->tokenize(sender_, rewrite::TokenMode::AddressNoComments);
    if (!tk.errors.empty() || tk.tokens.empty()) return bare;
    rewrite::Tokens t = std::move(tk.tokens);
    for (int rs : {3, 1, 4})
        if (s_.engine->ruleset_defined(rs) && s_.engine->run(rs, t) != rewrite::kOk) return bare;
    std::string joined = s_.engine->join_address(t);
    return joined.empty() ? bare : joined;
}

// The local user a sender address names ("" if it is not a local one).
std::string Submission::local_sender_user() const {
    if (sender_bare_.empty()) return "";
    size_t at = sender_bare_.rfind('@');
    if (at == std::string::npos) return sender_bare_;
    return s_.is_local_host(util::to_lower(sender_bare_.substr(at + 1))) ? sender_bare_.substr(0, at) : "";
}

// The full name in a password entry: the first GECOS field, '&' standing
// for the login name with a capital.
std::string Submission::gecos_name(const struct passwd* pw) {
    std::string g = pw->pw_gecos ? pw->pw_gecos : "";
    g = g.substr(0, g.find(','));
    std::string login = pw->pw_name, out;
    if (!login.empty()) login[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(login[0])));
    for (char c : g) out += c == '&' ? login : std::string(1, c);
    return out;
}

std::optional<std::string> Submission::macro(std::string_view name) const {
    auto it = macros_.find(std::string(name));
    if (it != macros_.end()) return it->second;
    return s_.macro(std::string(name));
}

util::Status Submission::read_message(queue::NewMessage& msg) {
    message::CollectOptions opts;
    opts.ignore_dots = cl_.ignore_dots || s_.option_bool("IgnoreDots", false);
    opts.strip_8bit = s_.option_bool("SevenBitInput", false) &&
                      !(cl_.body_type && util::iequals(*cl_.body_type, "8bitmime"));
    // sendmail 8.17's default MaxHeadersLength is 32768 bytes.
    opts.max_header_bytes = static_cast<size_t>(s_.option_long("MaxHeadersLength", 32768));
    util::Status st = util::ok_status();
    message::Collector col(opts, [&](std::string_view data) {
        st = msg.append_body(data);
        return st.ok();
    });
    char buf[65536];
    for (;;) {
        ssize_t n = read(0, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return util::Error(std::string("read error on standard input: ") + std::strerror(errno), EX_IOERR);
        if (n == 0 || !col.feed(std::string_view(buf, static_cast<size_t>(n))) || col.ended_by_dot()) break;
    }
    col.finish();
    if (!st) return st;
    msg_ = std::move(col.message());
    return msg.finish_body();
}

RecipientList Submission::make_recipients(bool report) const {
    RecipientList::Settings rs;
    rs.report = report;
    rs.router = make_router(s_, true);
    rs.canonical_users = s_.has_ruleset_zero();
    if (!cl_.no_alias) rs.aliases = open_aliases(s_);
    if (s_.has_ruleset_zero()) rs.local_rules = make_local_rules(s_);
    rs.mailer_flag = make_mailer_flag(s_);
    rs.mailer_types = make_mailer_types(s_);
    rs.sender_type = sender_address_type(rs.router, rs.mailer_types);
    // sendmail reads .forward files when it resolves recipients for a
    // delivery now, not when it only queues (the queue run reads them).
    if (delivers_now()) rs.forward = [this](const Route& local) { return read_forward(s_, local.user, local.host); };
    rs.notify = notify_;
    rs.local_domain = s_.macro("j").value_or("localhost");
    std::string du = s_.option("DefaultUser", "1:1");
    rs.default_uid = std::strtol(du.c_str(), nullptr, 10);
    rs.old_style = s_.option_bool("OldStyleHeaders", false);
    return RecipientList(std::move(rs));
}

}  // namespace sendmail

namespace sendmail {

// The T= address type of the sender's mailer ("" for none), routed quietly:
// the sender's own faults are reported elsewhere. The null sender's
// notices come from MAILER-DAEMON, a local name.
std::string Submission::sender_address_type(const Router& route, const MailerTypeLookup& types) const {
    if (!types) return "";
    std::string sender = sender_bare_.empty() || sender_bare_ == "<>" ? "MAILER-DAEMON" : sender_bare_;
    std::FILE* said = s_.engine ? s_.engine->out : nullptr;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> nowhere(said ? std::fopen("/dev/null", "w") : nullptr, std::fclose);
    if (nowhere) s_.engine->out = nowhere.get();
    Route from = route(sender, sender);
    if (nowhere) s_.engine->out = said;
    if (from.error()) return "";
    MailerTypes t = types(from.mailer);
    return t.address_given ? t.address : "";
}

// What an untrusted user changed, recorded in the message as sendmail does
// when PrivacyOptions has authwarnings.
std::vector<message::Header> Submission::authentication_warnings() const {
    std::vector<message::Header> out;
    std::string p = util::to_lower(s_.option("PrivacyOptions"));
    if (trusted_ || (p.find("authwarnings") == std::string::npos && p.find("goaway") == std::string::npos)) return out;
    std::string j = s_.macro("j").value_or("localhost");
    auto add = [&](const std::string& text) { out.push_back({"X-Authentication-Warning", " " + j + ": " + text, "", false}); };
    if (cl_.from && sender_bare_ != login_) add(login_ + " set sender to " + sender_ + " using -f");
    for (const auto& [k, v] : cl_.options)
        if (util::iequals(long_option_name(k), "QueueDirectory")) add("Processed from queue " + v);
    if (cl_.config_from_command_line) add("Processed by " + login_ + " with -C " + cl_.config_file);
    return out;
}

// A notice made by this submission warns as the message does, but of the
// queue and -C only, not of the sender the user set (sendmail's notice).
std::vector<message::Header> Submission::notice_warnings() const {
    std::vector<message::Header> out;
    for (auto& h : authentication_warnings())
        if (h.value.find(" set sender to ") == std::string::npos) out.push_back(std::move(h));
    return out;
}

}  // namespace sendmail
