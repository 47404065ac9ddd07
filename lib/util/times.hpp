// times.hpp: time as mail needs it: sendmail's intervals ("15m", "1h30m",
// "5d") as the command line and the Timeout options write them, and dates
// in RFC 5322 form, in English whatever the locale.
#pragma once

#include <chrono>
#include <ctime>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace util {

// Parses a sendmail interval: one or more numbers, each followed by a unit
// (s, m, h, d, w); a number without a unit takes `default_unit`. "" is zero.
// Fails on an unknown unit, a unit without a number, or a sum past ~68 years.
Result<std::chrono::seconds> parse_interval(std::string_view text, char default_unit);

// Writes an interval the way it is read back: "1w2d3h4m5s", zero parts left
// out, "0s" for nothing.
std::string format_interval(std::chrono::seconds interval);

// "Wed, 2 Dec 2026 03:46:44 +0000": the local time with its numeric offset
// (Date: and Received: headers, the $b macro).
std::string rfc5322_date(std::time_t t);

}  // namespace util
