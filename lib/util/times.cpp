// times.cpp: interval parsing with overflow checks, and locale-free dates.
#include "util/times.hpp"

#include <cstdio>

namespace util {

namespace {
constexpr long long kMaxSeconds = 0x7fffffffLL;  // what a time_t-sized timeout can hold on any host

long long unit_seconds(char unit) {
    switch (unit) {
    case 's':
    case 'S': return 1;
    case 'm':
    case 'M': return 60;
    case 'h':
    case 'H': return 3600;
    case 'd':
    case 'D': return 86400;
    case 'w':
    case 'W': return 604800;
    default: return 0;
    }
}
}  // namespace

Result<std::chrono::seconds> parse_interval(std::string_view text, char default_unit) {
    if (unit_seconds(default_unit) == 0) return Error(std::string("invalid default time unit `") + default_unit + "'");
    long long total = 0;
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] < '0' || text[i] > '9')
            return Error("invalid time `" + std::string(text) + "': a number must come before `" + text[i] + "'");
        long long n = 0;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            n = n * 10 + (text[i] - '0');
            if (n > kMaxSeconds) return Error("time `" + std::string(text) + "' is too long");
        }
        char unit = default_unit;
        if (i < text.size()) unit = text[i++];
        long long per = unit_seconds(unit);
        if (per == 0) return Error("invalid time unit `" + std::string(1, unit) + "' in `" + std::string(text) + "'");
        if (n > (kMaxSeconds - total) / per) return Error("time `" + std::string(text) + "' is too long");
        total += n * per;
    }
    return std::chrono::seconds(total);
}

std::string format_interval(std::chrono::seconds interval) {
    long long left = interval.count();
    if (left <= 0) return "0s";
    static const struct {
        char unit;
        long long secs;
    } parts[] = {{'w', 604800}, {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
    std::string out;
    for (const auto& p : parts) {
        if (left >= p.secs) {
            out += std::to_string(left / p.secs);
            out += p.unit;
            left %= p.secs;
        }
    }
    return out;
}

std::string rfc5322_date(std::time_t t) {
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct tm tmv;
    ::localtime_r(&t, &tmv);
    long off = tmv.tm_gmtoff / 60;
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %d %s %d %02d:%02d:%02d %c%02ld%02ld", days[tmv.tm_wday], tmv.tm_mday,
                  months[tmv.tm_mon], tmv.tm_year + 1900, tmv.tm_hour, tmv.tm_min, tmv.tm_sec, sign, off / 60,
                  off % 60);
    return buf;
}

}  // namespace util
