// header.cpp: header field classification (sendmail's table of known fields)
// and the line-level rules of a header block.
#include "message/message.hpp"

#include "util/strings.hpp"

namespace message {

unsigned header_kind(std::string_view name) {
    static const struct { const char* name; unsigned kind; } table[] = {
        {"from", kHdrFrom},
        {"sender", kHdrFrom},
        {"reply-to", kHdrFrom},
        {"errors-to", kHdrFrom},
        {"disposition-notification-to", kHdrFrom},
        {"resent-from", kHdrFrom | kHdrResent},
        {"resent-sender", kHdrFrom | kHdrResent},
        {"resent-reply-to", kHdrFrom | kHdrResent},
        {"to", kHdrRcpt},
        {"cc", kHdrRcpt},
        {"bcc", kHdrRcpt | kHdrBcc},
        {"apparently-to", kHdrRcpt},
        {"resent-to", kHdrRcpt | kHdrResent},
        {"resent-cc", kHdrRcpt | kHdrResent},
        {"resent-bcc", kHdrRcpt | kHdrBcc | kHdrResent},
        {"resent-date", kHdrResent},
        {"resent-message-id", kHdrResent},
        {"return-path", kHdrTrace | kHdrBindLate},
        {"received", kHdrTrace},
        {"x400-received", kHdrTrace},
        {"via", kHdrTrace},
        {"mail-from", kHdrTrace},
    };
    for (const auto& e : table)
        if (util::iequals(name, e.name)) return e.kind;
    return 0;
}

size_t header_name_length(std::string_view line) {
    size_t i = 0;
    while (i < line.size()) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if (c == ':' || c == ' ' || c == '\t' || c <= ' ' || c == 0x7f) break;
        ++i;
    }
    if (i == 0) return 0;
    size_t j = i;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    if (j >= line.size() || line[j] != ':') return 0;
    return i;
}

bool is_continuation(std::string_view line) { return !line.empty() && (line[0] == ' ' || line[0] == '\t'); }

std::string delivery_headers(const std::vector<Header>& headers, std::string_view mailer_flags, bool delete_bcc,
                             const MacroLookup& macros) {
    std::string out;
    for (const auto& h : headers) {
        unsigned kind = header_kind(h.name);
        if (delete_bcc && (kind & kHdrBcc)) continue;
        if (!h.mailer_flags.empty() && h.mailer_flags.find_first_of(mailer_flags) == std::string::npos) continue;
        std::string value = h.value;
        // Only a configuration's header has macros; a message's 0x81 is a byte.
        if ((h.from_config && value.find('\x81') != std::string::npos) || (kind & kHdrBindLate))
            value = expand_macros(value, macros);
        out += h.name + ":" + value + "\n";
    }
    return out;
}

namespace {

bool is_meta_byte(unsigned char c) { return (c >= 0x80 && c <= 0x9f) || c == 0xff; }

}  // namespace

std::string quote_meta(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (is_meta_byte(static_cast<unsigned char>(c))) out += '\xff';
        out += c;
    }
    return out;
}

std::string stored_value(const Header& h) { return h.from_config ? h.value : quote_meta(h.value); }

Header header_from_storage(std::string name, std::string mailer_flags, std::string_view value) {
    Header h;
    h.name = std::move(name);
    h.mailer_flags = std::move(mailer_flags);
    std::string plain;
    plain.reserve(value.size());
    for (size_t i = 0; i < value.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(value[i]);
        if (c == 0xff && i + 1 < value.size()) {
            plain += value[++i];
        } else if (is_meta_byte(c)) {
            h.from_config = true;
            break;
        } else {
            plain += value[i];
        }
    }
    h.value = h.from_config ? std::string(value) : std::move(plain);
    return h;
}

std::string unfold(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value)
        if (c != '\n' && c != '\r') out += c;
    return out;
}

std::string xtext(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (c == '+' || c == '=' || c < '!' || c > '~') {
            out += '+';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace message
