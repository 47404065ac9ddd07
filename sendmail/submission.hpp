// submission.hpp: one message submitted on standard input: who sends it,
// its recipients, its headers, and the queue files that hold it.
#pragma once

#include <ctime>
#include <pwd.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "message/collect.hpp"
#include "queue/queue.hpp"
#include "sendmail/cmdline.hpp"
#include "sendmail/notice.hpp"
#include "sendmail/recipients.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

class Submission {
public:
    Submission(const CommandLine& cl, const SubmitSettings& s, std::string notify);
    int run();

private:
    void identify_sender();
    static std::string without_newlines(const std::string& s, const std::string& id, std::string* warning = nullptr);
    std::string envelope_sender() const;
    std::string local_sender_user() const;
    static std::string gecos_name(const struct passwd* pw);
    util::Status read_message(queue::NewMessage& msg);
    RecipientList make_recipients(bool report = true) const;
    std::string sender_address_type(const Router& route, const MailerTypeLookup& types) const;
    bool sender_unknown() const;
    void address_to_postmaster(Notice& n) const;
    queue::QueueFile build_queue_file(const RecipientList& rcpts, const std::string& id);
    std::optional<std::string> macro(std::string_view name) const;
    std::string flags() const;
    long precedence_class() const;
    long priority(size_t nrcpts) const;
    std::vector<message::Header> authentication_warnings() const;
    std::vector<message::Header> notice_warnings() const;
    int save_dead_letter(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                         const std::string& why);
    char error_mode() const;
    char failure_disposal(const RecipientList& rcpts) const;
    void count_statistics() const;
    void add_missing_recipient_headers(queue::QueueFile& qf) const;
    std::optional<int> refuse_early(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf);
    void lose_hop_notice(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf, long hops,
                         long max_hops);
    void gather_recipients(RecipientList& rcpts, const std::string& id);
    void define_macros();
    std::vector<std::pair<std::string, queue::QueueFile>> split_by_group(const queue::QueueFile& qf) const;
    int finish(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf,
               const RecipientList& rcpts);
    int refuse_with_notice(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf,
                           const std::string& why, const std::string& transcript);
    int refuse_too_large(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf, long max_size);
    void notify_failures(const queue::QueueDir& dir, const std::string& id, const queue::QueueFile& qf,
                         const std::vector<FailedRecipient>& failures);
    void log_queued(const queue::QueueFile& qf, const std::string& id, const std::string& msgid,
                    const RecipientList& rcpts, bool each_recipient) const;
    bool delivers_now() const;
    void attempt_queued(const queue::QueueDir& dir, const std::string& id);
    static std::string message_id(const queue::QueueFile& qf);
    void log_failed_recipients(const std::string& id, const RecipientList& rcpts);
    void log_newline_warnings(const std::string& id, size_t failures);
    void attempt_delivery(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf);
    void attempt_in_mode(const queue::QueueDir& dir, queue::NewMessage& nm, const queue::QueueFile& qf);
    void log_split(const std::string& id, size_t kept) const;
    void log_entry_queued(const std::string& id, const queue::QueueFile& part, const RecipientList& rcpts) const;
    void log_siblings_queued(const RecipientList& rcpts) const;
    size_t envelope_size(const queue::QueueFile& first) const;
    std::optional<int> queue_other_entries(const queue::NewMessage& nm,
                                           const std::vector<std::pair<std::string, queue::QueueFile>>& parts);
    void log_recipient_split(const std::string& id, const std::string& group, size_t kept, int head) const;
    void log_entry_and_its_own(size_t k, const RecipientList& rcpts) const;
    const std::string& queue_directory_of(const std::string& group);

    const CommandLine& cl_;
    const SubmitSettings& s_;
    std::string notify_;
    std::string login_;                    // the real user's name
    bool trusted_ = false;                 // root or a T-line user: may set the sender freely
    bool failed_ = false;                  // some address failed at submission
    bool header_failed_ = false;           // ... among those of the header (-t)
    size_t command_line_failures_ = 0;     // the first failures, those of the command line
    std::vector<std::string> cmdline_;     // addresses named as arguments, as written
    // Arguments that held a line break: the warning, logged before the
    // failures of later arguments (the number of failures before it).
    std::vector<std::pair<size_t, std::string>> newline_warnings_;
    std::optional<std::string> full_name_; // $x
    std::string sender_;                   // S line: -f as given, or the login
    std::string sender_bare_;              // $g
    std::map<std::string, std::string> macros_;
    std::time_t now_ = 0;
    message::CollectedMessage msg_;
    // The envelope's other queue entries, in the order they were numbered:
    // when its recipients are in several queue groups, or more than a
    // group's recipients= allows in one entry.
    struct OtherEntry {
        std::string id;
        std::string group;
        queue::QueueFile part;
        bool group_head = false;  // the first entry of another group
        int head = -1;            // else the group's first entry (index), -1: the message's own group
    };
    std::vector<OtherEntry> siblings_;
    std::string own_group_;
    // The directory each queue group's entries of this envelope go to: one
    // of the group's, picked once (a group may have several, Path=.../q*).
    std::map<std::string, std::string> group_dirs_;
    // Queue-only with an address that failed: sendmail queues the other
    // groups' entries only after the notice (numbered after it); until then
    // the whole envelope is the message's.
    std::vector<std::pair<std::string, queue::QueueFile>> deferred_parts_;
};

}  // namespace sendmail
