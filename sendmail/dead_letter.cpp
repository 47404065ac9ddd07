// dead_letter.cpp: writing a dead.letter entry as sendmail's *file* mailer
// would: its From line, the headers, the body with "From " escaped.
#include "sendmail/dead_letter.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/files.hpp"
#include "util/strings.hpp"

namespace sendmail {

std::optional<std::string> dead_letter_of(const std::string& user) {
    if (user.empty()) return std::nullopt;
    struct passwd* pw = getpwnam(user.c_str());
    if (!pw) pw = getpwnam(util::to_lower(user).c_str());
    if (!pw || !pw->pw_dir || pw->pw_dir[0] != '/') return std::nullopt;
    std::string home = pw->pw_dir;
    struct stat st;
    if (stat(home.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
        access(home.c_str(), W_OK) != 0)
        return std::nullopt;
    return (home == "/" ? "" : home) + "/dead.letter";
}

std::string unix_from_line(const std::string& format, const std::string& sender, std::time_t when,
                           const message::MacroLookup& macros) {
    struct tm tm;
    localtime_r(&when, &tm);
    char date[64];
    std::strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", &tm);
    std::string d = date;
    auto lookup = [&](std::string_view n) -> std::optional<std::string> {
        if (n == "g") return sender;
        if (n == "d") return d;
        return macros ? macros(n) : std::nullopt;
    };
    return message::expand_macros(format, lookup) + "\n";
}

std::string dead_letter_entry(const std::string& from_line, const std::string& headers, const std::string& body) {
    std::string out = from_line + headers + "\n";
    size_t i = 0;
    while (i < body.size()) {
        size_t nl = body.find('\n', i);
        size_t end = nl == std::string::npos ? body.size() : nl + 1;
        if (body.compare(i, 5, "From ") == 0) out += '>';
        out.append(body, i, end - i);
        i = end;
    }
    return out + "\n";
}

bool append_dead_letter(const std::string& path, const std::string& text) {
    util::UniqueFd out(open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!out.valid()) return false;
    return util::write_all(out.get(), text).ok() && util::fsync_fd(out.get()).ok();
}

}  // namespace sendmail
