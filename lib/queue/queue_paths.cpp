// queue_paths.cpp: the directories a queue path stands for. sendmail lets a
// path end in '*' (QueueDirectory=/var/spool/mqueue/q*, Q lines' Path=): every
// subdirectory of the parent whose name starts with the text before the '*'
// is then one of the group's queue directories, in the parent's own order.
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "queue/queue.hpp"

namespace queue {

namespace {

bool is_directory(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The parent of a wildcard path: "/var/spool/mqueue/q*" -> "/var/spool/mqueue".
std::string parent_of(const std::string& path) {
    size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string join(const std::string& dir, const std::string& name) { return dir == "/" ? "/" + name : dir + "/" + name; }

}  // namespace

bool is_wildcard_path(std::string_view path) { return !path.empty() && path.back() == '*'; }

std::string queue_base_directory(const std::string& path) { return is_wildcard_path(path) ? parent_of(path) : path; }

util::Result<std::vector<std::string>> expand_queue_path(const std::string& path) {
    if (!is_wildcard_path(path)) return std::vector<std::string>{path};
    std::string parent = parent_of(path);
    size_t slash = path.rfind('/');
    std::string prefix = path.substr(slash == std::string::npos ? 0 : slash + 1);
    prefix.pop_back();  // the '*'
    std::vector<std::string> dirs;
    if (DIR* d = opendir(parent.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string_view n = e->d_name;
            if (n == "." || n == ".." || n.substr(0, prefix.size()) != prefix) continue;
            // Symbolic links count when they lead to a directory; files and
            // dangling links are passed over without a word, as sendmail does.
            std::string full = join(parent, std::string(n));
            if (is_directory(full)) dirs.push_back(full);
        }
        closedir(d);
    }
    if (!dirs.empty()) return dirs;
    // Nothing matched: sendmail falls back to the text before the '*' as a
    // name, and then uses the parent itself if that name exists at all.
    std::string literal = join(parent, prefix);
    struct stat st;
    if (stat(literal.c_str(), &st) != 0)
        return util::Error("can not opendir(" + literal + "): " + std::strerror(errno), EX_CONFIG);
    return std::vector<std::string>{parent};
}

}  // namespace queue
