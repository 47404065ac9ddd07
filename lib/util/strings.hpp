// strings.hpp: small string helpers used throughout (ASCII case folding,
// trimming, splitting). ASCII only on purpose: mail protocols fold ASCII.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace util {

char ascii_lower(char c);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool starts_with_nocase(std::string_view s, std::string_view prefix);
std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
// Splits on runs of blanks (space, tab); no empty fields.
std::vector<std::string> split_words(std::string_view s);

}  // namespace util
