// mailq.cpp: reading the whole queue and printing it the way `sendmail -bp`
// does, column for column, so scripts that parse mailq keep working.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "queue/queue.hpp"

namespace queue {

util::Result<QueueFile> read_qf_fd(int fd) {
    std::string text;
    char buf[8192];
    off_t off = 0;
    ssize_t n;
    while ((n = pread(fd, buf, sizeof buf, off)) > 0 && text.size() < (64u << 20)) {
        text.append(buf, static_cast<size_t>(n));
        off += n;
    }
    return parse_qf(text);
}

std::vector<QueueListing> read_queue(const QueueDir& dir) {
    std::vector<QueueListing> out;
    auto ids = dir.list_ids_as_read();
    if (!ids) return out;
    for (const std::string& id : *ids) {
        util::UniqueFd fd(open(dir.qf_path(id).c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd.valid()) continue;
        QueueListing e;
        e.id = id;
        e.dir = dir.path();
        e.kind = dir.kind();
        e.locked = flock(fd.get(), LOCK_SH | LOCK_NB) != 0;
        struct stat qst;
        if (fstat(fd.get(), &qst) == 0) e.modified = qst.st_mtime;
        std::string text;
        char buf[8192];
        ssize_t n;
        while ((n = read(fd.get(), buf, sizeof buf)) > 0 && text.size() < (64u << 20)) text.append(buf, n);
        auto qf = parse_qf(text);
        if (!qf) continue;
        e.qf = std::move(*qf);
        struct stat st;
        if (stat(dir.df_path(id).c_str(), &st) == 0) e.size = static_cast<long>(st.st_size);
        out.push_back(std::move(e));
    }
    return out;
}

namespace {

// ctime(3) text without the newline: "Tue Nov 24 01:44:13 2026".
std::string ctime_text(std::time_t t) {
    char buf[64];
    ctime_r(&t, buf);
    std::string s = buf;
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

void format_entry(const QueueListing& e, bool verbose, std::string& o) {
    char line[512];
    std::string when = ctime_text(e.qf.created);
    char mark = e.kind == kLost ? '?' : e.locked ? '*' : ' ';
    if (verbose) {
        std::snprintf(line, sizeof line, "%-14s%c%8ld %10ld%c%.12s ", e.id.c_str(), mark, e.size, e.qf.priority,
                      e.qf.has_flag('w') ? '+' : ' ', when.c_str() + 4);
    } else {
        std::snprintf(line, sizeof line, "%-14s%c%8ld %.16s ", e.id.c_str(), mark, e.size, when.c_str());
    }
    o += line;
    o += e.qf.sender + "\n";
    if (e.qf.quarantine) o += "     QUARANTINE: " + *e.qf.quarantine + "\n";
    if (!e.qf.status_message.empty()) o += "                 (" + e.qf.status_message + ")\n";
    std::optional<std::string> last_ctl;
    for (const auto& r : e.qf.recipients) {
        if (verbose) {
            if (r.ctladdr != last_ctl) o += "\t\t\t\t\t\t(---" + r.ctladdr.value_or("") + "---)\n";
            last_ctl = r.ctladdr;
            o += "\t\t\t\t\t\t" + r.address + "\n";
        } else {
            o += "\t\t\t\t\t " + r.address + "\n";
        }
    }
}

}  // namespace

std::string format_mailq(const std::string& dirpath, const std::vector<QueueListing>& entries, bool verbose) {
    std::string o;
    if (entries.empty()) return dirpath + " is empty\n";
    o += "\t\t" + dirpath + " (" + std::to_string(entries.size()) + (entries.size() == 1 ? " request" : " requests") +
         ")\n";
    if (verbose)
        o += "-----Q-ID----- --Size-- -Priority- ---Q-Time--- --------Sender/Recipient--------\n";
    else
        o += "-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------\n";
    for (const auto& e : entries) format_entry(e, verbose, o);
    return o;
}

}  // namespace queue
