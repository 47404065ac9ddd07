// queue_dir.cpp: creating, rewriting and locking queue files durably. The
// order is df (fsync), tf (fsync), rename tf->qf, fsync of the directory:
// after a crash a message is either absent or complete, never half there.
#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "queue/queue.hpp"

namespace queue {

namespace {

bool is_dir(const std::string& p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

util::Error sys_error(const std::string& what, int err) {
    return util::Error(what + ": " + std::strerror(err), EX_CANTCREAT);
}

// A df belongs to its message whether that is queued, quarantined or lost.
bool has_control_file(const QueueDir& dir, const std::string& id) {
    for (char k : {kQueued, kQuarantined, kLost})
        if (access(dir.control_path(k, id).c_str(), F_OK) == 0) return true;
    return false;
}

unsigned next_sequence() {
    static std::atomic<unsigned> seq{static_cast<unsigned>(std::random_device{}() % 3600)};
    return seq++;
}

}  // namespace

QueueDir::QueueDir(std::string path, char kind) : path_(std::move(path)), kind_(kind) {
    qdir_ = is_dir(path_ + "/qf") ? path_ + "/qf" : path_;
    ddir_ = is_dir(path_ + "/df") ? path_ + "/df" : path_;
}

std::string QueueDir::control_path(char kind, std::string_view id) const {
    return qdir_ + "/" + kind + "f" + std::string(id);
}
std::string QueueDir::qf_path(std::string_view id) const { return control_path(kind_, id); }
std::string QueueDir::tf_path(std::string_view id) const { return qdir_ + "/tf" + std::string(id); }
std::string QueueDir::df_path(std::string_view id) const { return ddir_ + "/df" + std::string(id); }

util::Result<std::vector<std::string>> QueueDir::list_ids() const {
    auto ids = list_ids_as_read();
    if (ids) std::sort(ids->begin(), ids->end());
    return ids;
}

util::Result<std::vector<std::string>> QueueDir::list_ids_as_read() const {
    DIR* d = opendir(qdir_.c_str());
    // sendmail's words when it cannot read a queue directory (after "gatherq: ")
    if (!d) return util::Error("cannot open \"" + qdir_ + "\": " + std::strerror(errno), EX_OSERR);
    std::vector<std::string> ids;
    while (dirent* e = readdir(d)) {
        std::string_view n = e->d_name;
        if (n.size() > 2 && n[0] == kind_ && n[1] == 'f' && looks_like_queue_id(n.substr(2)))
            ids.emplace_back(n.substr(2));
    }
    closedir(d);
    return ids;
}

util::Result<NewMessage> NewMessage::create(const QueueDir& dir, std::time_t now, int mode) {
    NewMessage m;
    m.dir_ = &dir;
    m.mode_ = mode;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        std::string id = make_queue_id(now, static_cast<long>(getpid()), next_sequence());
        if (has_control_file(dir, id)) continue;
        int fd = open(dir.df_path(id).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0) {
            if (errno == EEXIST) continue;
            return sys_error("cannot create " + dir.df_path(id), errno);
        }
        m.df_.reset(fd);
        (void)fchmod(fd, static_cast<mode_t>(mode));  // exactly QueueFileMode, whatever the umask
        // Locked while we write it, so an orphan cleanup never takes it from us.
        flock(fd, LOCK_EX | LOCK_NB);
        m.id_ = id;
        return m;
    }
    return util::Error("cannot find a free queue id in " + dir.path(), EX_TEMPFAIL);
}

util::Result<NewMessage> NewMessage::create_linked(const QueueDir& dir, const NewMessage& src, std::time_t now) {
    auto m = create(dir, now, src.mode_);
    if (!m) return m;
    std::string from = src.dir_->df_path(src.id_), to = dir.df_path(m->id_);
    // Our empty df holds the id; the link replaces it under the same name.
    std::string tmp = to + ".link";
    if (link(from.c_str(), tmp.c_str()) == 0) {
        if (rename(tmp.c_str(), to.c_str()) != 0) {
            unlink(tmp.c_str());
            return sys_error("cannot rename " + tmp, errno);
        }
    } else {
        auto body = util::read_file(from, 1u << 31);
        if (!body) return body.error();
        if (auto st = util::write_all(m->df_.get(), *body); !st) return st.error();
    }
    if (auto st = util::fsync_fd(m->df_.get()); !st) return st.error();
    m->body_size_ = src.body_size_;
    return m;
}

NewMessage::~NewMessage() { discard(); }

void NewMessage::discard() {
    if (committed_ || !dir_ || id_.empty()) return;
    if (tf_.valid()) unlink(dir_->tf_path(id_).c_str());
    if (df_.valid()) unlink(dir_->df_path(id_).c_str());
    tf_.reset();
    df_.reset();
    id_.clear();
}

util::Status NewMessage::append_body(std::string_view data) {
    pending_ += data;
    body_size_ += static_cast<long>(data.size());
    if (pending_.size() < 65536) return util::ok_status();
    auto st = util::write_all(df_.get(), pending_);
    pending_.clear();
    return st;
}

util::Status NewMessage::finish_body() {
    if (!pending_.empty()) {
        auto st = util::write_all(df_.get(), pending_);
        pending_.clear();
        if (!st) return st;
    }
    return util::fsync_fd(df_.get());
}

util::Status NewMessage::move_to(const QueueDir& to) {
    if (committed_ || !dir_ || to.path() == dir_->path()) return util::ok_status();
    if (has_control_file(to, id_) || access(to.df_path(id_).c_str(), F_OK) == 0)
        return util::Error("queue id " + id_ + " already in use in " + to.path(), EX_TEMPFAIL);
    if (rename(dir_->df_path(id_).c_str(), to.df_path(id_).c_str()) != 0)
        return util::Error(std::strerror(errno), EX_OSERR);
    dir_ = &to;
    return util::fsync_dir(util::dirname_of(to.df_path(id_)));
}

util::Status NewMessage::commit(const QueueFile& qf) {
    std::string tf = dir_->tf_path(id_);
    // We own this id through its df, so a stale tf of the same name is ours to replace.
    int fd = open(tf.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_);
    if (fd < 0) return sys_error("cannot create " + tf, errno);
    tf_.reset(fd);
    (void)fchmod(fd, static_cast<mode_t>(mode_));
    flock(fd, LOCK_EX | LOCK_NB);
    if (auto st = util::write_all(fd, format_qf(qf)); !st) return st;
    if (auto st = util::fsync_fd(fd); !st) return st;
    if (rename(tf.c_str(), dir_->qf_path(id_).c_str()) != 0) return sys_error("cannot rename " + tf, errno);
    committed_ = true;
    // With df/ and qf/ subdirectories both entries need their directory synced.
    std::string qdir = util::dirname_of(dir_->qf_path(id_)), ddir = util::dirname_of(dir_->df_path(id_));
    if (ddir != qdir)
        if (auto st = util::fsync_dir(ddir); !st) return st;
    return util::fsync_dir(qdir);
}

util::Status rewrite_qf(const QueueDir& dir, std::string_view id, const QueueFile& qf, util::UniqueFd& held,
                        char to_kind, int mode) {
    std::string target = to_kind ? dir.control_path(to_kind, id) : dir.qf_path(id);
    std::string tf = dir.tf_path(id);
    int fd = open(tf.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return sys_error("cannot create " + tf, errno);
    util::UniqueFd nfd(fd);
    (void)fchmod(fd, static_cast<mode_t>(mode));  // not narrowed by the umask
    flock(fd, LOCK_EX | LOCK_NB);
    auto st = util::write_all(fd, format_qf(qf));
    if (st) st = util::fsync_fd(fd);
    if (st && rename(tf.c_str(), target.c_str()) != 0) st = sys_error("cannot rename " + tf, errno);
    if (!st) {
        unlink(tf.c_str());
        return st;
    }
    // The new name is durable before the old one goes: a crash between
    // leaves both, and the message is kept twice rather than lost.
    if (target != dir.qf_path(id)) {
        if (auto d = util::fsync_dir(util::dirname_of(target)); !d) return d;
        unlink(dir.qf_path(id).c_str());
    }
    held = std::move(nfd);
    return util::fsync_dir(util::dirname_of(dir.qf_path(id)));
}

util::Result<util::UniqueFd> lock_qf(const QueueDir& dir, std::string_view id) {
    std::string p = dir.qf_path(id);
    int fd = open(p.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return util::Error("cannot open " + p + ": " + std::strerror(errno), EX_TEMPFAIL);
    util::UniqueFd u(fd);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) return util::Error(std::string(id) + ": locked", EX_TEMPFAIL);
    // The file may have been renamed over or removed between open and lock.
    struct stat a, b;
    if (fstat(fd, &a) != 0 || stat(p.c_str(), &b) != 0 || a.st_ino != b.st_ino || a.st_dev != b.st_dev)
        return util::Error(std::string(id) + ": vanished", EX_TEMPFAIL);
    return u;
}

int remove_orphans(const QueueDir& dir, std::time_t now, int min_age) {
    int removed = 0;
    for (const std::string& d : {util::dirname_of(dir.df_path("x")), util::dirname_of(dir.tf_path("x"))}) {
        DIR* dp = opendir(d.c_str());
        if (!dp) continue;
        std::vector<std::string> names;
        while (dirent* e = readdir(dp)) names.emplace_back(e->d_name);
        closedir(dp);
        for (const auto& n : names) {
            if (n.size() < 3 || (n.compare(0, 2, "df") != 0 && n.compare(0, 2, "tf") != 0)) continue;
            std::string id = n.substr(2), path = d + "/" + n;
            if (n[0] == 'd' && has_control_file(dir, id)) continue;
            struct stat st;
            if (stat(path.c_str(), &st) != 0 || now - st.st_mtime < min_age) continue;
            util::UniqueFd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
            if (!fd.valid() || flock(fd.get(), LOCK_EX | LOCK_NB) != 0) continue;
            if (n[0] == 'd' && has_control_file(dir, id)) continue;
            if (unlink(path.c_str()) == 0) ++removed;
        }
    }
    return removed;
}

}  // namespace queue
