// queue.hpp: the public header of lib/queue: sendmail's queue ids, qf/df
// files in the version 8 format, durable writes, locking and the listing.
// A message exists once its qf is renamed into place and the directory synced.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "message/message.hpp"
#include "util/files.hpp"
#include "util/result.hpp"

namespace queue {

// sendmail's id: year, month, day, hour, minute, second (one base-60 digit
// each), two sequence characters, then the pid in six digits: 6B23ZOYZ019888.
std::string make_queue_id(std::time_t now, long pid, unsigned seq);
bool looks_like_queue_id(std::string_view id);

// One recipient line group: the optional controlling user (C line), the
// final/original recipient (r line), the flags and the printable address (R).
struct QueueRecipient {
    std::optional<std::string> ctladdr;  // C line text after 'C' (written when it changes)
    std::string orcpt;                   // r line text after 'r' ("RFC822; user@host")
    std::string dsn_orcpt;               // Q line: the DSN ORCPT= parameter, if any
    std::string flags;                   // R flags before ':' (P primary, N/S/F/D notify, A alias)
    std::string address;                 // as the sender wrote it
    std::string status;                  // M-style text for mailq ("Deferred: ..."), not in R
};

// The envelope as a qf file stores it. Lines this code does not know are
// kept in `other` and written back unchanged, so a queue run never drops them.
struct QueueFile {
    int version = 8;
    std::time_t created = 0;     // T
    std::time_t last_tried = 0;  // K
    int tries = 0;               // N
    long priority = 0;           // P
    std::string df_inode;        // I: "major/minor/inode" of the df, written by queue runs
    std::string body_type;       // B (empty: none)
    std::string flags;           // F
    std::vector<std::pair<std::string, std::string>> macros;  // "$x" or "${name}" -> value
    std::string sender;          // S
    std::string envid;           // Z
    std::optional<std::string> auth;  // A
    std::string status_message;  // M
    std::optional<std::string> quarantine;  // q: why the message is held (hf file)
    std::vector<QueueRecipient> recipients;
    std::vector<message::Header> headers;
    std::vector<std::string> other;

    bool has_flag(char f) const { return flags.find(f) != std::string::npos; }
    void set_flag(char f);
    std::optional<std::string> macro(std::string_view name) const;
};

std::string format_qf(const QueueFile& qf);
util::Result<QueueFile> parse_qf(std::string_view text);

// The first letter of a control file's name: q for a message waiting in
// the queue, h for one held in quarantine (-Q), Q for a lost one (-qL).
constexpr char kQueued = 'q', kQuarantined = 'h', kLost = 'Q';

// A queue path ending in '*' (QueueDirectory=/var/spool/mqueue/q*) stands for
// every subdirectory of its parent whose name starts with the text before
// the '*', in the order the parent lists them; any other path for itself.
bool is_wildcard_path(std::string_view path);
// The directories of a queue path. When nothing matches, the parent itself
// if the text before the '*' names anything there, else the error sendmail
// gives ("can not opendir(/var/spool/mqueue/q): No such file or directory").
util::Result<std::vector<std::string>> expand_queue_path(const std::string& path);
// Where the queue lives: the parent of a wildcard path, else the path.
std::string queue_base_directory(const std::string& path);

// A queue directory (QueueDirectory), with qf/ df/ subdirectories if present.
// `kind` says which control files (qf, hf or Qf) list_ids() and qf_path() mean.
class QueueDir {
public:
    explicit QueueDir(std::string path, char kind = kQueued);
    const std::string& path() const { return path_; }
    // How sendmail names the directory in mailq's headers and a queue run's
    // "Running" lines: where its df files are (a df/ subdirectory if any).
    const std::string& display_path() const { return ddir_; }
    char kind() const { return kind_; }
    // The control file of `id` as the given kind ("hf<id>" for kQuarantined).
    std::string control_path(char kind, std::string_view id) const;
    std::string qf_path(std::string_view id) const;
    std::string df_path(std::string_view id) const;
    std::string tf_path(std::string_view id) const;
    // Ids of every qf file, sorted. An unreadable directory (or a path that
    // is none) is EX_OSERR with sendmail's text: cannot open "path": why.
    util::Result<std::vector<std::string>> list_ids() const;
    // The same ids in the order the directory gives them, unsorted: the
    // order sendmail's work list has before (and, for ties, after) it sorts.
    util::Result<std::vector<std::string>> list_ids_as_read() const;

private:
    std::string path_, qdir_, ddir_;
    char kind_ = kQueued;
};

// A message being written: a fresh id with its df file created exclusively
// and locked. commit() writes the qf (tf, fsync, rename, fsync dir); if the
// object dies before commit() the df is removed again.
class NewMessage {
public:
    // mode: QueueFileMode (0600 by default, 0660 for the group-shared MSP queue).
    static util::Result<NewMessage> create(const QueueDir& dir, std::time_t now, int mode = 0600);
    // A second message in `dir` with a fresh id whose df is a hard link to
    // `src`'s finished df (a copy when linking fails): one message split
    // over queue groups. `dir` must outlive the result.
    static util::Result<NewMessage> create_linked(const QueueDir& dir, const NewMessage& src, std::time_t now);
    NewMessage(NewMessage&&) noexcept = default;
    NewMessage& operator=(NewMessage&&) noexcept = default;
    ~NewMessage();

    const std::string& id() const { return id_; }
    util::Status append_body(std::string_view data);
    util::Status finish_body();  // fsync of the df
    long body_size() const { return body_size_; }
    util::Status commit(const QueueFile& qf);
    // After commit(): the descriptor holding the new qf's lock, so that a
    // delivery attempt can rewrite the qf without another process taking it.
    util::UniqueFd& qf_lock() { return tf_; }
    int file_mode() const { return mode_; }
    // Moves the (finished, uncommitted) df to another queue group's directory;
    // `to` must outlive this object. Keeps the id unless it is taken there
    // (EX_TEMPFAIL); a directory that cannot take it is EX_OSERR with the
    // system's reason ("Not a directory") as the message.
    util::Status move_to(const QueueDir& to);
    void discard();

private:
    NewMessage() = default;
    const QueueDir* dir_ = nullptr;
    std::string id_;
    util::UniqueFd df_, tf_;
    std::string pending_;
    long body_size_ = 0;
    int mode_ = 0600;
    bool committed_ = false;
};

// Rewrites an existing qf (the caller holds its lock through `held`) via a tf
// file, so a crash leaves either the old or the new version. The lock moves
// to the new file; `held` is replaced by its descriptor.
// With `to_kind` set (kQuarantined, kQueued) the new version is written
// under that name and the old control file removed: quarantine and release.
// mode: QueueFileMode of the new version.
util::Status rewrite_qf(const QueueDir& dir, std::string_view id, const QueueFile& qf, util::UniqueFd& held,
                        char to_kind = 0, int mode = 0600);

// Opens and locks (flock, exclusive, no wait) a qf for processing. Fails with
// EX_TEMPFAIL if another process holds it, or if it vanished meanwhile.
util::Result<util::UniqueFd> lock_qf(const QueueDir& dir, std::string_view id);

// Reads and parses the qf open on `fd` (from its start; at most 64 MB).
util::Result<QueueFile> read_qf_fd(int fd);

// One entry of the mailq listing.
struct QueueListing {
    std::string id;
    std::string dir;  // path() of the QueueDir it was read from
    bool locked = false;
    char kind = kQueued;  // listed with '?' when lost
    long size = 0;
    std::time_t modified = 0;  // the control file's mtime (QueueSortOrder=modification)
    QueueFile qf;
};

// Reads every message of the queue (unreadable entries are skipped), in
// the directory's order.
std::vector<QueueListing> read_queue(const QueueDir& dir);
// The -bp output for one queue directory, exactly as sendmail prints it.
std::string format_mailq(const std::string& dirpath, const std::vector<QueueListing>& entries, bool verbose = false);

// Removes df and tf files that have no qf, are not locked by a writer and are
// older than `min_age` seconds. Returns the number removed.
int remove_orphans(const QueueDir& dir, std::time_t now, int min_age);

}  // namespace queue
