// queue_file.cpp: queue ids and the text of a version 8 qf file, both ways.
// Unknown line types survive a read/write cycle untouched.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <sysexits.h>

#include "queue/queue.hpp"

namespace queue {

namespace {
const char kBase60[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx";
}

std::string make_queue_id(std::time_t now, long pid, unsigned seq) {
    struct tm t;
    gmtime_r(&now, &t);
    std::string id;
    id += kBase60[t.tm_year % 60];
    id += kBase60[t.tm_mon];
    id += kBase60[t.tm_mday];
    id += kBase60[t.tm_hour];
    id += kBase60[t.tm_min];
    id += kBase60[t.tm_sec % 60];
    id += kBase60[(seq / 60) % 60];
    id += kBase60[seq % 60];
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06ld", pid % 1000000);
    return id + digits;
}

bool looks_like_queue_id(std::string_view id) {
    if (id.size() < 9 || id.size() > 40) return false;
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
}

void QueueFile::set_flag(char f) {
    if (!has_flag(f)) flags += f;
}

std::optional<std::string> QueueFile::macro(std::string_view name) const {
    for (const auto& [k, v] : macros)
        if (k == name) return v;
    return std::nullopt;
}

std::string format_qf(const QueueFile& qf) {
    std::string o;
    o += "V" + std::to_string(qf.version) + "\n";
    o += "T" + std::to_string(static_cast<long long>(qf.created)) + "\n";
    o += "K" + std::to_string(static_cast<long long>(qf.last_tried)) + "\n";
    o += "N" + std::to_string(qf.tries) + "\n";
    o += "P" + std::to_string(qf.priority) + "\n";
    if (!qf.df_inode.empty()) o += "I" + qf.df_inode + "\n";
    if (!qf.body_type.empty()) o += "B" + qf.body_type + "\n";
    if (qf.quarantine) o += "q" + *qf.quarantine + "\n";
    if (!qf.status_message.empty()) o += "M" + qf.status_message + "\n";
    o += "F" + qf.flags + "\n";
    for (const auto& [k, v] : qf.macros) o += k + v + "\n";
    for (const auto& l : qf.other) o += l + "\n";
    o += "S" + qf.sender + "\n";
    if (!qf.envid.empty()) o += "Z" + qf.envid + "\n";
    if (qf.auth) o += "A" + *qf.auth + "\n";
    // A C line is written when the controlling user changes ("C" alone: none).
    std::optional<std::string> last_ctl;
    for (const auto& r : qf.recipients) {
        if (r.ctladdr != last_ctl) o += "C" + r.ctladdr.value_or("") + "\n";
        last_ctl = r.ctladdr;
        if (!r.dsn_orcpt.empty()) o += "Q" + r.dsn_orcpt + "\n";
        if (!r.orcpt.empty()) o += "r" + r.orcpt + "\n";
        o += "R" + r.flags + ":" + r.address + "\n";
    }
    for (const auto& h : qf.headers) o += "H?" + h.mailer_flags + "?" + h.name + ":" + message::stored_value(h) + "\n";
    o += ".\n";
    return o;
}

namespace {

long to_long(std::string_view s) { return std::strtol(std::string(s).c_str(), nullptr, 10); }

void parse_header_line(std::string_view rest, QueueFile& qf) {
    std::string flags;
    if (!rest.empty() && rest[0] == '?') {
        size_t q = rest.find('?', 1);
        if (q != std::string_view::npos) {
            flags = std::string(rest.substr(1, q - 1));
            rest.remove_prefix(q + 1);
        }
    }
    size_t colon = rest.find(':');
    std::string_view value = colon != std::string_view::npos ? rest.substr(colon + 1) : std::string_view();
    qf.headers.push_back(message::header_from_storage(std::string(rest.substr(0, colon)), flags, value));
}

void parse_recipient_line(std::string_view rest, QueueFile& qf, std::optional<std::string>& ctl, std::string& orcpt,
                          std::string& dsn_orcpt) {
    QueueRecipient r;
    size_t colon = rest.find(':');
    bool has_flags = colon != std::string_view::npos;
    for (size_t i = 0; has_flags && i < colon; ++i)
        if (!std::isupper(static_cast<unsigned char>(rest[i]))) has_flags = false;
    if (has_flags) {
        r.flags = std::string(rest.substr(0, colon));
        r.address = std::string(rest.substr(colon + 1));
    } else {
        r.address = std::string(rest);
    }
    r.ctladdr = ctl;  // stays in force until the next C line
    r.orcpt = std::move(orcpt);
    r.dsn_orcpt = std::move(dsn_orcpt);
    orcpt.clear();
    dsn_orcpt.clear();
    qf.recipients.push_back(std::move(r));
}

// Joins continuation lines (leading blank) to the line before them.
std::vector<std::string> logical_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        if (!l.empty() && (l[0] == ' ' || l[0] == '\t') && !lines.empty())
            lines.back() += "\n" + std::string(l);
        else
            lines.emplace_back(l);
    }
    return lines;
}

}  // namespace

util::Result<QueueFile> parse_qf(std::string_view text) {
    QueueFile qf;
    bool ended = false;
    std::optional<std::string> ctl;
    std::string orcpt, dsn_orcpt;
    for (const std::string& line : logical_lines(text)) {
        if (line.empty()) continue;
        std::string_view rest = std::string_view(line).substr(1);
        switch (line[0]) {
        case 'V': qf.version = static_cast<int>(to_long(rest)); break;
        case 'T': qf.created = to_long(rest); break;
        case 'K': qf.last_tried = to_long(rest); break;
        case 'N': qf.tries = static_cast<int>(to_long(rest)); break;
        case 'P': qf.priority = to_long(rest); break;
        case 'I': qf.df_inode = std::string(rest); break;
        case 'B': qf.body_type = std::string(rest); break;
        case 'M': qf.status_message = std::string(rest); break;
        case 'q': qf.quarantine = std::string(rest); break;
        case 'F': qf.flags = std::string(rest); break;
        case 'S': qf.sender = std::string(rest); break;
        case 'Z': qf.envid = std::string(rest); break;
        case 'A': qf.auth = std::string(rest); break;
        case 'C':
            if (rest.empty()) ctl.reset();
            else ctl = std::string(rest);
            break;
        case 'r': orcpt = std::string(rest); break;
        case 'Q': dsn_orcpt = std::string(rest); break;
        case 'R': parse_recipient_line(rest, qf, ctl, orcpt, dsn_orcpt); break;
        case 'H': parse_header_line(rest, qf); break;
        case '.': ended = true; break;
        case '$': {
            size_t n = rest.size() > 0 && rest[0] == '{' ? rest.find('}') : 0;
            if (n == std::string_view::npos) n = 0;
            qf.macros.emplace_back(line.substr(0, n + 2), std::string(rest.substr(std::min(rest.size(), n + 1))));
            break;
        }
        default: qf.other.push_back(line); break;
        }
        if (ended) break;
    }
    if (!ended) return util::Error("queue file is incomplete (no final '.')", EX_DATAERR);
    return qf;
}

}  // namespace queue
