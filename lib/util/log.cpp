// log.cpp: the logging sinks. File output carries a syslog-like timestamp so
// test logs read like /var/log/mail.log; a syslog socket path gets the same
// datagrams syslog(3) would send, so tests can read exactly what goes out.
#include "util/log.hpp"

#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <mutex>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

#include "util/files.hpp"

namespace util {

namespace {
LogSettings g_settings;
std::mutex g_mutex;
bool g_syslog_open = false;

std::string timestamp() {
    char stamp[32];
    std::time_t now = std::time(nullptr);
    struct tm tmv;
    ::localtime_r(&now, &tmv);
    std::strftime(stamp, sizeof stamp, "%b %e %H:%M:%S", &tmv);
    return stamp;
}

std::string short_hostname() {
    char host[256] = "localhost";
    if (::gethostname(host, sizeof host - 1) != 0) return "localhost";
    host[sizeof host - 1] = '\0';
    std::string h(host);
    return h.substr(0, h.find('.'));
}

// One RFC 3164 datagram to a Unix socket; a missing log daemon loses the
// line, as syslog(3) does, but never blocks the mailer.
void send_datagram(const LogSettings& s, int priority, const std::string& line) {
    sockaddr_un addr{};
    if (s.syslog_socket.size() >= sizeof addr.sun_path) return;
    addr.sun_family = AF_UNIX;
    s.syslog_socket.copy(addr.sun_path, s.syslog_socket.size());
    UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) return;
    int facility = s.facility ? s.facility : LOG_MAIL;
    std::string msg = "<" + std::to_string(facility | (priority & LOG_PRIMASK)) + ">" + timestamp() + " " + line;
    (void)::sendto(fd.get(), msg.data(), msg.size(), MSG_DONTWAIT, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
}

void write_piece(const LogSettings& s, int priority, std::string_view queue_id, const std::string& piece) {
    if (s.target == LogTarget::Syslog && s.syslog_socket.empty()) {
        if (!g_syslog_open) {
            ::openlog(g_settings.ident.c_str(), LOG_PID | LOG_NDELAY, s.facility ? s.facility : LOG_MAIL);
            g_syslog_open = true;
        }
        std::string msg = queue_id.empty() ? piece : std::string(queue_id) + ": " + piece;
        ::syslog(priority, "%s", msg.c_str());
        return;
    }
    std::string line = log_format(s.ident, static_cast<long>(::getpid()), queue_id, piece);
    switch (s.target) {
    case LogTarget::Syslog: send_datagram(s, priority, line); break;
    case LogTarget::Stderr: (void)write_all(2, line + "\n"); break;
    case LogTarget::File: {
        UniqueFd fd(::open(s.file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640));
        if (fd.valid()) (void)write_all(fd.get(), timestamp() + " " + short_hostname() + " " + line + "\n");
        break;
    }
    case LogTarget::None: break;
    }
}
}  // namespace

void log_configure(const LogSettings& s) {
    std::lock_guard lock(g_mutex);
    if (g_syslog_open) {
        ::closelog();
        g_syslog_open = false;
    }
    g_settings = s;
}

LogSettings log_settings() {
    std::lock_guard lock(g_mutex);
    return g_settings;
}

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

std::string log_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c >= 0x7f) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\%03o", c);
            out += esc;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::vector<std::string> log_pieces(std::string_view text) {
    // Escaping only what can be logged keeps hostile megabytes from costing memory.
    std::string safe = log_escape(text.substr(0, kLogPieceMax * kLogPiecesMax + 1));
    if (safe.size() <= kLogPieceMax) return {safe};
    std::vector<std::string> pieces;
    size_t pos = 0;
    while (pos < safe.size() && pieces.size() < kLogPiecesMax) {
        std::string head = "[" + std::to_string(pieces.size() + 1) + "] ";
        size_t room = kLogPieceMax - head.size();
        pieces.push_back(head + safe.substr(pos, room));
        pos += room;
    }
    if (pos < safe.size()) {
        std::string& last = pieces.back();
        last.replace(last.size() - 3, 3, "...");
    }
    return pieces;
}

void log_line(int priority, int level, std::string_view queue_id, std::string_view text) {
    std::lock_guard lock(g_mutex);
    const LogSettings& s = g_settings;
    if (s.target == LogTarget::None || level > s.level) return;
    std::string safe_id = log_escape(queue_id.substr(0, 64));
    for (const std::string& piece : log_pieces(text)) write_piece(s, priority, safe_id, piece);
}

}  // namespace util
