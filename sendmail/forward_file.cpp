// forward_file.cpp: finding and checking a user's .forward. A file that is
// missing is skipped quietly; one that is unsafe is skipped too (sendmail
// logs it), so a hostile file never redirects anyone's mail.
#include "sendmail/forward_file.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <syslog.h>

#include "util/files.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"

namespace sendmail {

namespace {

constexpr size_t kMaxForwardBytes = 64 * 1024;

bool blamed(std::string_view dont_blame, std::string_view flag) {
    for (const auto& f : util::split(std::string(dont_blame), ','))
        if (util::iequals(util::trim(f), flag)) return true;
    return false;
}

}  // namespace

std::vector<std::string> forward_paths(const SubmitSettings& s, const std::string& user, const std::string& home,
                                       const std::string& detail) {
    std::string spec = s.option("ForwardPath", "$z/.forward.$w:$z/.forward");
    std::vector<std::string> out;
    for (const auto& item : util::split(spec, ':')) {
        std::string p;
        for (size_t i = 0; i < item.size(); ++i) {
            if (item[i] != '$' || i + 1 >= item.size()) {
                p += item[i];
                continue;
            }
            char m = item[++i];
            if (m == 'z')
                p += home;
            else if (m == 'u')
                p += user;
            else if (m == 'h')
                p += detail;
            else
                p += s.macro(std::string(1, m)).value_or("");
        }
        if (!p.empty()) out.push_back(p);
    }
    return out;
}

std::string unsafe_forward_reason(const std::string& path, uid_t owner, std::string_view dont_blame) {
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) return "missing";
    if (S_ISLNK(st.st_mode)) return "Symbolic links not allowed";
    if (!S_ISREG(st.st_mode)) return "Regular files only";
    if (st.st_uid != owner && st.st_uid != 0) return "Bad file owner";
    if ((st.st_mode & S_IWOTH) && !blamed(dont_blame, "WorldWritableForwardfile")) return "World writable file";
    if ((st.st_mode & S_IWGRP) && !blamed(dont_blame, "GroupWritableForwardFile")) return "Group writable file";
    if (blamed(dont_blame, "ForwardFileInUnsafeDirPath")) return "";
    for (std::string dir = util::dirname_of(path);; dir = util::dirname_of(dir)) {
        if (stat(dir.c_str(), &st) != 0) return "missing directory " + dir;
        if (st.st_mode & S_IWOTH) return "World writable directory";
        if ((st.st_mode & S_IWGRP) && !blamed(dont_blame, "ForwardFileInGroupWritableDirPath") &&
            !blamed(dont_blame, "GroupWritableDirPathSafe"))
            return "Group writable directory";
        if (dir == "/" || dir.empty() || dir == ".") break;
    }
    return "";
}

std::string forward_addresses(std::string_view text) {
    std::string out;
    for (const auto& line : util::split(std::string(text), '\n')) {
        std::string_view l = util::trim(line);
        if (l.empty() || l[0] == '#') continue;
        if (!out.empty()) out += ", ";
        out += l;
    }
    return out;
}

std::optional<std::string> read_forward(const SubmitSettings& s, const std::string& user, const std::string& detail) {
    struct passwd* pw = getpwnam(user.c_str());
    if (!pw || !pw->pw_dir) return std::nullopt;
    uid_t uid = pw->pw_uid;
    std::string home = pw->pw_dir;
    std::string dont_blame = s.option("DontBlameSendmail");
    for (const auto& path : forward_paths(s, user, home, detail)) {
        std::string why = unsafe_forward_reason(path, uid, dont_blame);
        if (why == "missing") continue;
        if (!why.empty()) {
            util::log_line(LOG_NOTICE, 12, "", "forward: " + path + ": " + why);
            continue;
        }
        auto text = util::read_file(path, kMaxForwardBytes);
        if (!text) continue;
        std::string list = forward_addresses(*text);
        if (list.empty()) continue;
        return list;
    }
    return std::nullopt;
}

}  // namespace sendmail
