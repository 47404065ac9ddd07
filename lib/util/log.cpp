// log.cpp: the logging sink. File output carries a syslog-like timestamp so
// test logs read like /var/log/mail.log.
#include "util/log.hpp"

#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <mutex>
#include <syslog.h>
#include <unistd.h>

#include "util/files.hpp"

namespace util {

namespace {
LogSettings g_settings;
std::mutex g_mutex;
bool g_syslog_open = false;
}  // namespace

void log_configure(const LogSettings& s) {
    std::lock_guard lock(g_mutex);
    g_settings = s;
    if (g_syslog_open) {
        ::closelog();
        g_syslog_open = false;
    }
}

const LogSettings& log_settings() { return g_settings; }

std::string log_format(std::string_view ident, long pid, std::string_view queue_id, std::string_view text) {
    std::string out(ident);
    out += '[';
    out += std::to_string(pid);
    out += "]: ";
    if (!queue_id.empty()) {
        out += queue_id;
        out += ": ";
    }
    out += text;
    return out;
}

void log_line(int priority, int level, std::string_view queue_id, std::string_view text) {
    std::lock_guard lock(g_mutex);
    const LogSettings& s = g_settings;
    if (s.target == LogTarget::None || level > s.level) return;
    if (s.target == LogTarget::Syslog) {
        if (!g_syslog_open) {
            ::openlog(s.ident.c_str(), LOG_PID | LOG_NDELAY, s.facility ? s.facility : LOG_MAIL);
            g_syslog_open = true;
        }
        std::string msg = queue_id.empty() ? std::string(text) : std::string(queue_id) + ": " + std::string(text);
        ::syslog(priority, "%s", msg.c_str());
        return;
    }
    std::string line = log_format(s.ident, static_cast<long>(::getpid()), queue_id, text);
    if (s.target == LogTarget::Stderr) {
        line += '\n';
        (void)write_all(2, line);
        return;
    }
    char stamp[32];
    std::time_t now = std::time(nullptr);
    struct tm tmv;
    ::localtime_r(&now, &tmv);
    std::strftime(stamp, sizeof stamp, "%b %e %H:%M:%S ", &tmv);
    std::string full = std::string(stamp) + "localhost " + line + "\n";
    UniqueFd fd(::open(s.file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640));
    if (fd.valid()) (void)write_all(fd.get(), full);
}

}  // namespace util
