// log.hpp: logging in sendmail's syslog format ("sm-mta[PID]: QUEUEID: text"),
// to syslog(3) in production or to a file or stderr for tests and -v.
#pragma once

#include <string>
#include <string_view>

namespace util {

enum class LogTarget { Syslog, File, Stderr, None };

struct LogSettings {
    LogTarget target = LogTarget::Syslog;
    std::string ident = "sendmail";  // "sm-mta" for the daemon, "sendmail" for submissions
    std::string file;                // for LogTarget::File
    int facility = 0;                // LOG_MAIL by default (0 means LOG_MAIL)
    int level = 9;                   // sendmail's LogLevel: messages above it are dropped
};

void log_configure(const LogSettings& s);
const LogSettings& log_settings();

// priority: a syslog priority (LOG_INFO ...). queue_id may be empty.
// level: sendmail's LogLevel at which this line is written.
void log_line(int priority, int level, std::string_view queue_id, std::string_view text);

// The line as it appears after the syslog timestamp and host:
// "ident[pid]: queueid: text" (or "ident[pid]: text" without a queue id).
std::string log_format(std::string_view ident, long pid, std::string_view queue_id, std::string_view text);

}  // namespace util
