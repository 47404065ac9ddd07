// submission_run.cpp: turning a read message into queue files, logging it
// as sendmail does, and keeping it in dead.letter when it cannot be queued.
#include <algorithm>
#include <cctype>
#include <memory>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <pwd.h>
#include <sysexits.h>
#include <syslog.h>
#include <unistd.h>

#include "queue/statistics.hpp"
#include "sendmail/address_parse.hpp"
#include "sendmail/dead_letter.hpp"
#include "sendmail/delivery.hpp"
#include "sendmail/notice.hpp"
#include "sendmail/queue_run.hpp"
#include "sendmail/submission.hpp"
#include "sendmail/queue_groups.hpp"
#include "sendmail/submit_headers.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

namespace sendmail {

namespace {

std::string gmt_stamp(std::time_t t, const char* fmt) {
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, fmt, &tm);
    return buf;
}

// The date of an mbox "From user Mon Jan  1 00:00:00 2024" line, if it has one.
std::optional<std::time_t> unix_from_date(const std::string& line) {
    size_t sp = line.find(' ');
    if (sp == std::string::npos) return std::nullopt;
    struct tm tm {};
    if (!strptime(line.c_str() + sp + 1, "%a %b %d %H:%M:%S %Y", &tm)) return std::nullopt;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
}

}  // namespace

std::string Submission::flags() const {
    // b: remove Bcc at delivery; a message without recipient fields keeps it
    // (unless NoRecipientAction gives it some). s goes when an address of
    // the header failed (-t); failures of the command line keep it.
    bool has_rcpt_field = false;
    for (const auto& h : msg_.headers) has_rcpt_field = has_rcpt_field || (message::header_kind(h.name) & message::kHdrRcpt);
    std::string action = util::to_lower(s_.option("NoRecipientAction", "none"));
    has_rcpt_field = has_rcpt_field || action == "add-to" || action == "add-to-undisclosed" || action == "add-apparently-to";
    std::string f = has_rcpt_field ? "b" : "";
    if (!header_failed_) f += 's';
    bool eightbit = msg_.has_8bit || (cl_.body_type && util::iequals(*cl_.body_type, "8bitmime"));
    if (eightbit) f += '8';
    if (cl_.dsn_ret) f += 'd';
    // n: return only headers (RET=HDRS), also when no notice is wanted at
    // all, and for bulk mail (a Precedence of a negative class).
    bool never = notify_ == "N";
    if ((cl_.dsn_ret && util::iequals(*cl_.dsn_ret, "hdrs")) || never || precedence_class() < 0) f += 'n';
    std::sort(f.begin(), f.end());
    return f;
}

// The message's class: the P-line value of its Precedence (the last one), 0 without.
long Submission::precedence_class() const {
    long cls = 0;
    for (const auto& h : msg_.headers)
        if (util::iequals(h.name, "Precedence")) {
            auto it = s_.precedences.find(util::to_lower(util::trim(h.value)));
            if (it != s_.precedences.end()) cls = it->second;
        }
    return cls;
}

long Submission::priority(size_t nrcpts) const {
    return static_cast<long>(msg_.size) - precedence_class() * s_.option_long("ClassFactor", 1800) +
           static_cast<long>(nrcpts) * s_.option_long("RecipientFactor", 30000);
}

namespace {

// A failure's words without reply code and status ("User unknown", "no
// such domain"), as the M line and the log give them.
std::string failure_text(const FailedRecipient& f) {
    std::string d = f.diagnostic;
    auto w = util::split_words(d);
    if (w.size() > 2 && w[0].size() == 3 && std::isdigit(static_cast<unsigned char>(w[0][0])))
        d = d.substr(d.find(w[2], w[0].size() + w[1].size()));
    return d;
}

}  // namespace

queue::QueueFile Submission::build_queue_file(const RecipientList& rcpts, const std::string& id) {
    queue::QueueFile qf;
    qf.created = now_;
    qf.recipients = rcpts.queue_recipients();
    qf.priority = priority(qf.recipients.size() + rcpts.counted_failures());
    if (!rcpts.failures().empty()) {
        // As sendmail: the status of the last failure ("User unknown"; an
        // error mailer's as printed, "a@b@c... Invalid route address").
        const FailedRecipient& last = rcpts.failures().back();
        std::string d = failure_text(last);
        qf.status_message = last.counted && !last.refused ? d : last.address + "... " + d;
    }
    if (cl_.body_type) qf.body_type = util::to_upper(*cl_.body_type);
    qf.flags = flags();
    qf.macros.emplace_back("$_", login_ + "@localhost");
    if (macros_.count("r")) qf.macros.emplace_back("$r", macros_["r"]);
    if (macros_.count("s")) qf.macros.emplace_back("$s", macros_["s"]);
    qf.macros.emplace_back("${daemon_flags}", cl_.gateway ? "CC f" : "c u");  // -G: relayed, not canonified
    qf.sender = sender_;
    if (cl_.envid) qf.envid = *cl_.envid;
    if (!sender_bare_.empty() && (trusted_ || !cl_.from)) {
        std::string a = sender_bare_;
        if (a.find('@') == std::string::npos) a += "@" + macro("j").value_or("localhost");
        qf.auth = message::xtext(a);
    }
    macros_["i"] = id;
    qf.headers = build_headers(s_.headers, msg_.headers, [this](std::string_view n) { return macro(n); },
                               authentication_warnings(), rcpts.old_style());
    add_missing_recipient_headers(qf);
    return qf;
}

// NoRecipientAction: what a message without any recipient header gets.
void Submission::add_missing_recipient_headers(queue::QueueFile& qf) const {
    for (const auto& h : msg_.headers)
        if (message::header_kind(h.name) & message::kHdrRcpt) return;
    std::string action = util::to_lower(s_.option("NoRecipientAction", "none"));
    auto add = [&](const std::string& name, const std::string& value) { qf.headers.push_back({name, value, "", false}); };
    if (action == "add-to-undisclosed") {
        add("To", " undisclosed-recipients:;");
    } else if (action == "add-bcc") {
        add("Bcc", "  ");
    } else if (action == "add-to" || action == "add-apparently-to") {
        std::string name = action == "add-to" ? "To" : "Apparently-To";
        for (auto it = qf.recipients.rbegin(); it != qf.recipients.rend(); ++it) add(name, " " + it->address);
    }
}

// DeliveryMode interactive (-odi) and background (-odb, sendmail's default)
// try the message at once; queue-only and deferred modes leave it queued,
// but for -v, which makes sendmail 8.17 deliver in any mode, to show it.
bool Submission::delivers_now() const {
    std::string mode = util::to_lower(s_.option("DeliveryMode", "b"));
    return cl_.verbose || mode.empty() || mode[0] == 'i' || mode[0] == 'b';
}

// The attempt a queue run would make, on the qf just written (its lock is
// still ours); its counters and status are then on disk like a run's.
void Submission::attempt_delivery(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf) {
    queue::QueueFile tried = qf;
    Delivery delivery(s_);
    delivery.attempt(tried, now_);
    if (auto st = queue::rewrite_qf(dir, nm.id(), tried, nm.qf_lock(), 0, nm.file_mode()); !st) {
        util::log_line(LOG_ERR, 1, nm.id(), st.error().message);
        return;
    }
    delivery.log_attempt(nm.id(), tried, static_cast<long>(std::time(nullptr) - now_));
}

void Submission::log_queued(const queue::QueueFile& qf, const std::string& id, const std::string& msgid,
                            const RecipientList& rcpts, bool each_recipient) const {
    util::log_line(LOG_INFO, 5, id,
                   "from=" + sender_ + ", size=" + std::to_string(msg_.size) +
                       ", class=" + std::to_string(precedence_class()) + ", nrcpts=" + std::to_string(envelope_size(qf) + rcpts.counted_failures()) +
                       (msgid.empty() ? "" : ", msgid=" + msgid) + ", relay=" + login_ + "@localhost");
    log_split(id, qf.recipients.size());
    if (!each_recipient) return;  // the delivery attempt logs them
    log_entry_queued(id, qf, rcpts);
}

// The message as it would have been queued (headers for the *file* mailer,
// the body from the df) appended to the sender's dead.letter; sendmail
// says so on stdout. EX_CANTCREAT when it could not be written.
int Submission::save_dead_letter(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                                 const std::string& why) {
    std::optional<std::string> path = dead_letter_of(local_sender_user());
    if (!path) return EX_CANTCREAT;
    const config::Mailer* file = s_.cfg ? s_.cfg->find_mailer("*file*") : nullptr;
    auto lookup = [this](std::string_view n) -> std::optional<std::string> {
        if (n == "g") return sender_bare_;
        return macro(n);
    };
    std::string headers =
        message::delivery_headers(qf.headers, file ? file->flags : "9DEFMPloqsu", qf.has_flag('b'), lookup);
    std::string body;
    if (auto b = util::read_file(dir.df_path(id), 1u << 30)) body = *b;
    std::string from = unix_from_line(s_.option("UnixFromLine", kDefaultUnixFromLine), sender_bare_, now_,
                                      [this](std::string_view n) { return macro(n); });
    if (!append_dead_letter(*path, dead_letter_entry(from, headers, body))) return EX_CANTCREAT;
    std::printf("%s... Saved message in %s\n", path->c_str(), path->c_str());
    std::fflush(stdout);
    util::log_line(LOG_NOTICE, 1, id, "Saved message in " + *path + ": " + why);
    return EX_OK;
}

// ErrorMode's letter: p(rint), m(ail), w(rite), e (mail, exit 0), q(uiet).
char Submission::error_mode() const {
    std::string m = util::to_lower(s_.option("ErrorMode", "p"));
    return m.empty() ? 'p' : m[0];
}

// How the failed addresses are reported, ErrorMode's letter, except that a
// background delivery of the rest (-odb) reports them by mail whatever the
// mode, and a failure in the header (-t) is never kept in dead.letter.
char Submission::failure_disposal(const RecipientList& rcpts) const {
    std::string dm = util::to_lower(s_.option("DeliveryMode", "b"));
    bool background = dm.empty() || dm[0] == 'b';
    if (background && rcpts.count() > 0) return 'm';
    char mode = error_mode();
    return mode == 'p' && header_failed_ ? 'm' : mode;
}

// The message counts as received from the sender's mailer (ruleset 0 on the
// sender), which is what mailstats shows in msgsfr and bytes_from.
void Submission::count_statistics() const {
    std::string path = s_.option("StatusFile");
    if (path.empty() || !s_.has_ruleset_zero()) return;
    ParsedAddress pa = parse_address(*s_.engine, sender_bare_.empty() ? "<>" : sender_bare_, true);
    const config::Mailer* m = pa.ok ? s_.cfg->find_mailer(pa.mailer) : nullptr;
    if (!m) return;
    if (auto st = queue::count_received(path, m->number, static_cast<int64_t>(msg_.size)); !st)
        util::log_line(LOG_ERR, 1, "", "statistics: " + st.error().message);
}

// -h beyond MaxHopCount: nothing is queued and the exit status is 69 (0
// for -oee). In print mode the message goes to the sender's dead.letter;
// otherwise, or without one, the sender's notice is made but, over the hop
// count itself, kept as a lost queue file (Qf); -oeq makes none.
std::optional<int> Submission::refuse_early(const queue::QueueDir& dir, queue::NewMessage& nm,
                                            const queue::QueueFile& qf) {
    long max_hops = s_.option_long("MaxHopCount", 25);
    long hops = cl_.hop_count ? std::strtol(cl_.hop_count->c_str(), nullptr, 10) : 0;
    if (hops <= max_hops) return std::nullopt;
    char mode = error_mode();
    if (mode != 'q' && !(mode == 'p' && save_dead_letter(dir, nm.id(), qf, "too many hops") == EX_OK))
        lose_hop_notice(dir, nm.id(), qf, hops, max_hops);
    nm.discard();
    return mode == 'e' ? EX_OK : EX_UNAVAILABLE;
}

void Submission::lose_hop_notice(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                                 long hops, long max_hops) {
    if (is_null_sender(sender_)) return;
    std::string to;
    for (const auto& r : qf.recipients) to += (to.empty() ? "" : ", ") + r.address;
    std::string why = "Too many hops " + std::to_string(hops) + " (" + std::to_string(max_hops) + " max): from " +
                      sender_bare_ + " via localhost, to " + to;
    Notice n;
    n.to = sender_bare_;
    n.transcript = "554 5.4.6 " + why + "\n";
    n.log_reason = why;
    n.warnings = notice_warnings();
    n.recipients = notice_recipients(s_, qf, "5.4.6", "554 5.4.6 Too many hops");
    n.lost = true;
    n.message_size = static_cast<long>(msg_.size);
    std::string body;
    if (auto b = util::read_file(dir.df_path(id), 8u << 20)) body = *b;
    if (auto notice = queue_notice(s_, dir, id, qf, body, n, now_); !notice)
        util::log_line(LOG_ERR, 1, id, "cannot queue the notice: " + notice.error().message);
}

// Command-line recipients first, then (-t) those of the header: all of the
// To/Cc/Bcc family, or only the Resent-* ones in a resent message.
// An address of the command line that fails is reported on stdout only in
// print mode; one of the header always is.
void Submission::gather_recipients(RecipientList& rcpts, const std::string& id) {
    bool quiet = error_mode() != 'p';
    rcpts.set_report(!quiet);
    // The rules' own complaints ($#error) go where the engine writes.
    std::FILE* said = s_.engine ? s_.engine->out : nullptr;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> nowhere(quiet && said ? std::fopen("/dev/null", "w") : nullptr,
                                                            std::fclose);
    if (nowhere) s_.engine->out = nowhere.get();
    cmdline_.clear();
    for (const auto& arg : cl_.args) {
        std::string warning;
        std::string a = without_newlines(arg, id, &warning);
        if (!warning.empty()) newline_warnings_.emplace_back(rcpts.failures().size(), warning);
        rcpts.add_list(a);
        for (auto& one : rcpts.split(message::unfold(a))) cmdline_.push_back(std::move(one));
    }
    // sendmail reads the header after the command line: an address field
    // with ",;<(" ends OldStyleHeaders for the message (-t or not).
    for (const auto& h : msg_.headers)
        if (message::header_kind(h.name) & (message::kHdrFrom | message::kHdrRcpt)) rcpts.note_list(h.value);
    if (nowhere) s_.engine->out = said;
    command_line_failures_ = rcpts.failures().size();
    rcpts.set_report(true);
    rcpts.set_from_header(true);
    if (cl_.read_recipients) {
        bool resent = is_resent(msg_.headers);
        for (const auto& h : msg_.headers) {
            unsigned k = message::header_kind(h.name);
            if ((k & message::kHdrRcpt) && (!resent || (k & message::kHdrResent))) {
                // sendmail reads a folded field's line break as a blank, so
                // '"Ro\n ot" <root>' is the address '"Ro  ot" <root>'.
                std::string value = h.value;
                std::replace(value.begin(), value.end(), '\n', ' ');
                rcpts.add_list(value);
            }
        }
    }
    header_failed_ = rcpts.failures().size() > command_line_failures_;
}

void Submission::define_macros() {
    std::optional<std::time_t> from_date = unix_from_date(msg_.unix_from);
    macros_ = {{"b", message::arpadate(now_)}, {"a", message::arpadate(from_date.value_or(now_))},
               {"t", gmt_stamp(now_, "%Y%m%d%H%M")}, {"_", login_ + "@localhost"}, {"g", sender_bare_},
               {"v", PACKAGE_VERSION}, {"Z", PACKAGE_VERSION}};
    if (full_name_) macros_["x"] = *full_name_;
    if (cl_.protocol) {
        size_t c = cl_.protocol->find(':');
        macros_["r"] = cl_.protocol->substr(0, c);
        if (c != std::string::npos) macros_["s"] = cl_.protocol->substr(c + 1);
    }
}

std::string Submission::message_id(const queue::QueueFile& qf) {
    std::string msgid;
    for (const auto& h : qf.headers)
        if (util::iequals(h.name, "Message-Id")) msgid = std::string(util::trim(message::stored_value(h)));
    return msgid;  // as the queue file has it: 8-bit bytes quoted as sendmail keeps them
}

// Failed addresses, as sendmail logs them when it resolves the recipients:
// why, for those of the command line (not the header's), and a to= line
// for unknown users.
void Submission::log_failed_recipients(const std::string& id, const RecipientList& rcpts) {
    for (size_t i = 0; i < rcpts.failures().size(); ++i) {
        log_newline_warnings(id, i);
        const FailedRecipient& f = rcpts.failures()[i];
        if (i < command_line_failures_) util::log_line(LOG_NOTICE, 4, id, f.address + "... " + failure_text(f));
        if (!f.counted || f.refused) continue;
        util::log_line(LOG_INFO, 9, id,
                       "to=" + f.address + ", delay=00:00:00, mailer=local, pri=0, dsn=" + f.status +
                           ", reply=" + f.diagnostic + ", stat=User unknown");
    }
    log_newline_warnings(id, SIZE_MAX);
}

// The line-break warnings of the arguments before the failure `failures`.
void Submission::log_newline_warnings(const std::string& id, size_t failures) {
    size_t k = 0;
    for (; k < newline_warnings_.size() && newline_warnings_[k].first <= failures; ++k)
        util::log_line(LOG_NOTICE, 1, id, newline_warnings_[k].second);
    newline_warnings_.erase(newline_warnings_.begin(), newline_warnings_.begin() + static_cast<long>(k));
}

// Writes the qf (when any recipient remains), logs, counts, and returns the
// addresses that failed to their sender.
int Submission::finish(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf,
                       const RecipientList& rcpts) {
    util::LogSettings ls = util::log_settings();
    ls.ident = cl_.log_tag ? *cl_.log_tag : "sendmail";
    ls.level = static_cast<int>(s_.option_long("LogLevel", 9));
    util::log_configure(ls);
    log_failed_recipients(nm.id(), rcpts);
    if (rcpts.count() == 0) {
        // Nothing to queue, but the message was received: sendmail logs it.
        log_queued(qf, nm.id(), message_id(qf), rcpts, false);
    } else {
        if (auto st = nm.commit(qf); !st) {
            std::fprintf(stderr, "queueup: %s\n", st.error().message.c_str());
            save_dead_letter(dir, nm.id(), qf, st.error().message);
            nm.discard();
            return EX_CANTCREAT;
        }
        // A failure in the header (-t) stops sendmail before any delivery:
        // the rest waits for a queue run, whatever the delivery mode.
        bool attempt = delivers_now() && !header_failed_;
        // After a failure in the header (-t) sendmail logs no queued lines.
        log_queued(qf, nm.id(), message_id(qf), rcpts, !attempt && !header_failed_);
        count_statistics();
        if (attempt) attempt_in_mode(dir, nm, qf);
        // With an address failed, the other entries are not logged either.
        if (!failed_) log_siblings_queued(rcpts);
    }
    if (!failed_) return EX_OK;
    // Quiet drops them; print keeps the text in the sender's dead.letter
    // when it can; every other way (or no dead.letter) is a notice.
    char how = failure_disposal(rcpts);
    if (how != 'q' && !(how == 'p' && save_dead_letter(dir, nm.id(), qf, "User unknown") == EX_OK))
        notify_failures(dir, nm.id(), qf, rcpts.failures());
    if (!deferred_parts_.empty()) {
        if (auto rc = queue_other_entries(nm, deferred_parts_)) return *rc;
        deferred_parts_.clear();
        log_split(nm.id(), qf.recipients.size());
    }
    if (rcpts.count() == 0) nm.discard();
    return error_mode() == 'e' ? EX_OK : rcpts.exit_code();
}

int Submission::run() {
    now_ = std::time(nullptr);
    identify_sender();
    queue::QueueDir dir(queue_directory_of("mqueue"));
    int mode = static_cast<int>(std::strtol(s_.option("QueueFileMode", "0600").c_str(), nullptr, 8));
    auto nm = queue::NewMessage::create(dir, now_, mode & 0666 ? mode & 0666 : 0600);
    if (!nm) {
        // Not accepted: sendmail keeps no dead.letter here, the caller has the text.
        std::fprintf(stderr, "queueup: cannot create queue file in %s: %s\n", dir.path().c_str(),
                     nm.error().message.c_str());
        return EX_CANTCREAT;
    }
    if (auto st = read_message(*nm); !st) {
        std::fprintf(stderr, "collect: %s\n", st.error().message.c_str());
        return st.error().code ? st.error().code : EX_IOERR;
    }
    RecipientList rcpts = make_recipients();
    gather_recipients(rcpts, nm->id());
    if (rcpts.count() == 0 && rcpts.failures().empty()) {
        // Nothing is queued or saved: the text stays with the caller.
        std::printf("No recipient addresses found in header\n");
        std::fflush(stdout);
        nm->discard();
        return EX_OK;
    }
    define_macros();
    // $u ("for <addr>" in Received): the address, as written, when the
    // command line names just one, whatever became of it (-t or not, an
    // alias, a user unknown).
    if (cmdline_.size() == 1) macros_["u"] = cmdline_.front();
    failed_ = !rcpts.failures().empty();
    queue::QueueFile qf = build_queue_file(rcpts, nm->id());
    if (rcpts.failures().empty()) log_newline_warnings(nm->id(), SIZE_MAX);
    if (auto rc = refuse_early(dir, *nm, qf)) return *rc;
    long max_size = s_.option_long("MaxMessageSize", 0);
    if (max_size > 0 && static_cast<long>(msg_.size) > max_size) return refuse_too_large(dir, *nm, qf, max_size);
    if (msg_.headers_too_long) {
        // sendmail returns the headers it kept to the sender and exits 0; the
        // text is not saved in dead.letter.
        std::string why = "Headers too large (" + std::to_string(s_.option_long("MaxHeadersLength", 32768)) + " max)";
        return refuse_with_notice(dir, *nm, qf, why, "552 5.6.0 " + why);
    }
    // A queue group (Q= of the recipients' mailer) has its own directory;
    // recipients of several groups make one queue entry per group.
    std::vector<std::pair<std::string, queue::QueueFile>> parts = split_by_group(qf);
    if (failed_ && !delivers_now() && parts.size() > 1) {
        own_group_ = parts.front().first;
        deferred_parts_ = parts;
    } else if (auto rc = queue_other_entries(*nm, parts)) {
        return *rc;
    }
    queue::QueueDir group_dir(queue_directory_of(parts.front().first));
    if (group_dir.path() != dir.path()) {
        if (auto st = nm->move_to(group_dir); !st) {
            if (st.error().code != EX_OSERR) {
                std::fprintf(stderr, "queueup: %s\n", st.error().message.c_str());
                return EX_TEMPFAIL;
            }
            // A group's directory that cannot hold files (a file of that
            // name): sendmail's two lines, the paths as seen from the queue.
            std::string where = queue_dir_label(s_, group_dir.path()) + "/", why = st.error().message;
            std::printf("collect: Cannot write %sdf%s (bfcommit, uid=%d, gid=%d): %s\n", where.c_str(),
                        nm->id().c_str(), static_cast<int>(geteuid()), static_cast<int>(getegid()), why.c_str());
            std::printf("queueup: cannot create queue file %sqf%s, euid=%d, fd=-1, fp=0x0: %s\n", where.c_str(),
                        nm->id().c_str(), static_cast<int>(geteuid()), why.c_str());
            nm->discard();
            return EX_OSERR;
        }
        return finish(group_dir, *nm, parts.front().second, rcpts);
    }
    return finish(dir, *nm, parts.front().second, rcpts);
}

const std::string& Submission::queue_directory_of(const std::string& group) {
    auto it = group_dirs_.find(group);
    if (it == group_dirs_.end()) it = group_dirs_.emplace(group, pick_directory(find_group(s_, group))).first;
    return it->second;
}

// The queue entries of the envelope: by queue group (the queuegroup ruleset,
// else the mailer's Q=), at most a group's recipients= each.
std::vector<std::pair<std::string, queue::QueueFile>> Submission::split_by_group(const queue::QueueFile& qf) const {
    Router route = make_router(s_, true);
    return split_envelope(s_, qf, [&](const queue::QueueRecipient& r) {
        return route(r.address, message::bare_address(r.address)).mailer;
    });
}

// Over MaxMessageSize: as sendmail, the sender gets the headers back in a
// notice and the exit status is 0; nothing goes to dead.letter.
int Submission::refuse_too_large(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf,
                                 long max_size) {
    std::string why = "Message exceeds maximum fixed size (" + std::to_string(max_size) + ")";
    return refuse_with_notice(dir, nm, qf, why, "552 5.2.3 " + why);
}

// A message refused whole after it was read: `why` on stdout, a notice of
// every recipient's failure (headers only) to the sender, exit status 0.
int Submission::refuse_with_notice(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf,
                                   const std::string& why, const std::string& transcript) {
    std::printf("%s\n", why.c_str());
    std::fflush(stdout);
    if (!is_null_sender(sender_)) {
        Notice n;
        n.to = sender_bare_;
        n.warnings = notice_warnings();
        n.transcript = transcript + "\n";
        n.log_reason = why;
        n.headers_as_message = msg_.headers_too_long;
        n.body_withheld = true;
        n.message_size = static_cast<long>(msg_.size);
        for (const auto& r : qf.recipients) n.recipients.push_back({r.address, r.orcpt, "5.0.0", "", "", "", ""});
        if (auto r = queue_notice(s_, dir, nm.id(), qf, "", n, now_); !r)
            util::log_line(LOG_ERR, 1, nm.id(), "cannot queue the notice: " + r.error().message);
    }
    nm.discard();
    return EX_OK;
}

// Addresses that failed at once are returned to the sender right away, as a
// notice in the queue (the rest of the message is queued as usual).
// A sender that would itself bounce: a local name without alias or
// password entry (what -f nosuchuser gives).
bool Submission::sender_unknown() const {
    RecipientList l = make_recipients(false);
    l.add_list(sender_bare_);
    return l.count() == 0 && !l.failures().empty() && l.failures().back().exit_code == EX_NOUSER;
}

// The notice goes to the postmaster instead, through the aliases like any
// recipient (sendmail's "postmaster notify"), and says why.
void Submission::address_to_postmaster(Notice& n) const {
    n.to = "postmaster";
    n.postmaster_notify = true;
    n.transcript += "550 5.1.1 " + sender_bare_ + "... User unknown\n";
    RecipientList pm = make_recipients(false);
    pm.set_notify("F");  // a notice asks for no notices but of its failure
    pm.add_list("postmaster");
    if (pm.count() > 0) n.recipient_lines = pm.queue_recipients();
}

void Submission::notify_failures(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                                 const std::vector<FailedRecipient>& failures) {
    if (is_null_sender(sender_)) return;
    Notice n;
    n.to = sender_bare_;
    n.log_reason = qf.status_message;
    n.warnings = notice_warnings();
    bool to_postmaster = sender_unknown();
    bool hide_actual = util::to_lower(s_.option("PrivacyOptions")).find("noactualrecipient") != std::string::npos;
    for (const auto& f : failures) {
        // Only addresses refused after parsing (unknown users) carry a reason.
        n.recipients.push_back({f.address, f.final_rcpt, f.status, f.counted && !f.refused ? f.diagnostic : "", f.diagnostic_type,
                                hide_actual ? "" : f.actual_rcpt, f.expanded_from});
        auto w = util::split_words(f.diagnostic);
        std::string line = f.diagnostic;
        if (w.size() > 2) line = w[0] + " " + w[1] + " " + f.address + "... " + f.diagnostic.substr(f.diagnostic.find(w[2], w[0].size() + w[1].size()));
        n.transcript += line + "\n";
    }
    if (to_postmaster) {
        util::log_line(LOG_INFO, 9, id,
                       "to=" + sender_ + ", delay=" + log_interval(static_cast<long>(std::time(nullptr) - now_)) +
                           ", mailer=local, pri=" + std::to_string(qf.priority) +
                           ", dsn=5.1.1, reply=550 5.1.1 User unknown, stat=User unknown");
        address_to_postmaster(n);
    }
    std::string body;
    if (auto b = util::read_file(dir.df_path(id), 8u << 20)) body = *b;
    n.message_size = static_cast<long>(msg_.size);
    auto notice = queue_notice(s_, dir, id, qf, body, n, now_);
    if (!notice) {
        util::log_line(LOG_ERR, 1, id, "cannot queue the notice: " + notice.error().message);
        return;
    }
    // sendmail sends its notice at once, whatever the delivery mode.
    attempt_queued(dir, *notice);
}

// A delivery attempt on an entry already in the queue (a notice).
void Submission::attempt_queued(const queue::QueueDir& dir, const std::string& id) {
    auto lock = queue::lock_qf(dir, id);
    if (!lock) return;  // a queue runner has it: its attempt counts
    auto qf = queue::read_qf_fd(lock->get());
    if (!qf) return;
    Delivery delivery(s_);
    delivery.attempt(*qf, now_);
    if (auto st = queue::rewrite_qf(dir, id, *qf, *lock); !st) {
        util::log_line(LOG_ERR, 1, id, st.error().message);
        return;
    }
    delivery.log_attempt(id, *qf, static_cast<long>(std::time(nullptr) - now_));
}

}  // namespace sendmail
