// log.hpp: logging in sendmail's syslog format ("sm-mta[PID]: QUEUEID: text"),
// to syslog in production or to a file or stderr for tests and -v. Text from
// peers is made safe first: control bytes are escaped and long lines split.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace util {

enum class LogTarget { Syslog, File, Stderr, None };

struct LogSettings {
    LogTarget target = LogTarget::Syslog;
    std::string ident = "sendmail";  // "sm-mta" for the daemon, "sendmail" for submissions
    std::string file;                // for LogTarget::File
    // For LogTarget::Syslog: empty uses syslog(3) (/dev/log); a path sends
    // RFC 3164 datagrams to that Unix socket (a chroot's log socket, tests).
    std::string syslog_socket;
    int facility = 0;  // LOG_MAIL by default (0 means LOG_MAIL)
    int level = 9;     // sendmail's LogLevel: messages above it are dropped
};

// The longest piece of text in one log line, and how many pieces one message
// may become; beyond that the text is cut and ends with "...".
inline constexpr size_t kLogPieceMax = 1000;
inline constexpr size_t kLogPiecesMax = 8;

void log_configure(const LogSettings& s);
LogSettings log_settings();

// priority: a syslog priority (LOG_INFO ...). queue_id may be empty.
// level: sendmail's LogLevel at which this line is written.
void log_line(int priority, int level, std::string_view queue_id, std::string_view text);

// The line as it appears after the syslog timestamp and host:
// "ident[pid]: queueid: text" (or "ident[pid]: text" without a queue id).
std::string log_format(std::string_view ident, long pid, std::string_view queue_id, std::string_view text);

// As sendmail 8.17 writes its log text: a backslash doubled, TAB CR LF as
// \t \r \n, every other control byte, DEL and 8-bit byte as \ooo octal, so
// a CR LF from a peer cannot forge a second log line (to=\\root, not to=\root).
std::string log_escape(std::string_view text);

// The escaped text cut into the pieces that are logged one line each: one
// piece if it fits, else "[1] ...", "[2] ..." of at most kLogPieceMax bytes.
std::vector<std::string> log_pieces(std::string_view text);

}  // namespace util
