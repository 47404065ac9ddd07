// answer.cpp: a bounded reader for DNS replies (RFC 1035 section 4). Every
// offset is checked against the reply's length; names are expanded by
// c-ares, which guards against compression loops.
#include "dns/answer.hpp"

#include <ares.h>
#include <arpa/inet.h>

#include <cstdio>
#include <map>

#include "util/strings.hpp"

namespace dns {

namespace {

struct Reader {
    const unsigned char* base;
    size_t len;
    size_t pos = 0;
    bool ok = true;

    unsigned u16() {
        if (pos + 2 > len) return ok = false, 0;
        unsigned v = (base[pos] << 8) | base[pos + 1];
        pos += 2;
        return v;
    }
    unsigned u32() {
        unsigned hi = u16();
        return (hi << 16) | u16();
    }
    // A possibly compressed name at `at`; advances pos when at == pos.
    std::string name_at(size_t at, size_t* consumed) {
        char* out = nullptr;
        long n = 0;
        if (at >= len || ares_expand_name(base + at, base, static_cast<int>(len), &out, &n) != ARES_SUCCESS) {
            ok = false;
            return {};
        }
        std::string s(out);
        ares_free_string(out);
        if (consumed) *consumed = static_cast<size_t>(n);
        return s;
    }
    std::string name() {
        size_t n = 0;
        std::string s = name_at(pos, &n);
        pos += n;
        return s;
    }
};

std::string hex_of(const unsigned char* p, size_t n) {
    std::string out;
    char b[3];
    for (size_t i = 0; i < n; ++i) {
        std::snprintf(b, sizeof b, "%02x", p[i]);
        out += b;
    }
    return out;
}

// The presentation form of one record's data.
std::string rdata_text(Reader& r, int type, size_t start, size_t rdlen, int* preference,
                       std::vector<std::string>* strings) {
    const unsigned char* p = r.base + start;
    char buf[INET6_ADDRSTRLEN];
    Reader sub{r.base, start + rdlen, start};
    switch (type) {
    case A: return rdlen == 4 && inet_ntop(AF_INET, p, buf, sizeof buf) ? buf : hex_of(p, rdlen);
    case AAAA: return rdlen == 16 && inet_ntop(AF_INET6, p, buf, sizeof buf) ? buf : hex_of(p, rdlen);
    case NS:
    case CNAME:
    case PTR: return r.name_at(start, nullptr);
    case MX: {
        *preference = static_cast<int>(sub.u16());
        return r.name_at(start + 2, nullptr);
    }
    case SRV: {
        unsigned prio = sub.u16(), weight = sub.u16(), port = sub.u16();
        *preference = static_cast<int>(prio);
        return std::to_string(prio) + " " + std::to_string(weight) + " " + std::to_string(port) + " " +
               r.name_at(start + 6, nullptr);
    }
    case TXT: {
        // Character strings concatenated, as sendmail's dns map returns them.
        std::string out;
        for (size_t i = 0; i < rdlen;) {
            size_t n = p[i];
            if (i + 1 + n > rdlen) break;
            out.append(reinterpret_cast<const char*>(p + i + 1), n);
            strings->emplace_back(reinterpret_cast<const char*>(p + i + 1), n);
            i += 1 + n;
        }
        return out;
    }
    default: return hex_of(p, rdlen);
    }
}

}  // namespace

Answer decode_answer(std::string_view raw, const std::string& qname, int type) {
    Answer a;
    a.canonical = qname;
    if (!a.canonical.empty() && a.canonical.back() == '.') a.canonical.pop_back();
    Reader r{reinterpret_cast<const unsigned char*>(raw.data()), raw.size()};
    r.pos = 4;
    unsigned qd = r.u16(), an = r.u16();
    r.pos = 12;
    for (unsigned i = 0; i < qd && r.ok; ++i) {
        std::string q = r.name();
        if (i == 0 && !q.empty()) a.canonical = q;  // the searched, fully qualified name
        r.pos += 4;
    }
    std::map<std::string, std::string> cnames;
    std::vector<Record> all;
    for (unsigned i = 0; i < an && r.ok; ++i) {
        Record rec;
        rec.name = r.name();
        rec.type = static_cast<int>(r.u16());
        r.u16();  // class
        rec.ttl = r.u32();
        size_t rdlen = r.u16();
        if (!r.ok || r.pos + rdlen > r.len) break;
        rec.data = rdata_text(r, rec.type, r.pos, rdlen, &rec.preference, &rec.strings);
        r.pos += rdlen;
        if (rec.type == CNAME) cnames[util::to_lower(rec.name)] = rec.data;
        all.push_back(std::move(rec));
    }
    if (!r.ok) {
        a.status = Status::PermFail;
        a.error = "malformed reply";
        return a;
    }
    // A CNAME query wants the alias record itself, not its target's.
    for (int hops = 0; type != CNAME && hops < 16; ++hops) {
        auto it = cnames.find(util::to_lower(a.canonical));
        if (it == cnames.end()) break;
        a.canonical = it->second;
    }
    for (auto& rec : all)
        if ((type == ANY || rec.type == type) && (type == ANY || util::iequals(rec.name, a.canonical)))
            a.records.push_back(std::move(rec));
    a.status = a.records.empty() ? Status::NoData : Status::Ok;
    if (a.records.empty()) a.error = "no data";
    return a;
}

int type_from_name(std::string_view name) {
    static const std::pair<const char*, int> table[] = {
        {"A", A},     {"NS", NS},     {"CNAME", CNAME}, {"SOA", SOA}, {"PTR", PTR}, {"MX", MX},
        {"TXT", TXT}, {"AAAA", AAAA}, {"SRV", SRV},     {"ANY", ANY}, {"SPF", 99},  {"TLSA", 52},
    };
    for (const auto& [n, t] : table)
        if (util::iequals(name, n)) return t;
    std::string_view digits = name;
    if (util::starts_with_nocase(digits, "TYPE")) digits.remove_prefix(4);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos || digits.size() > 5)
        return -1;
    int v = std::stoi(std::string(digits));
    return v > 0 && v < 65536 ? v : -1;
}

std::string type_name(int type) {
    switch (type) {
    case A: return "A";
    case NS: return "NS";
    case CNAME: return "CNAME";
    case SOA: return "SOA";
    case PTR: return "PTR";
    case MX: return "MX";
    case TXT: return "TXT";
    case AAAA: return "AAAA";
    case SRV: return "SRV";
    case ANY: return "ANY";
    default: return "TYPE" + std::to_string(type);
    }
}

}  // namespace dns
