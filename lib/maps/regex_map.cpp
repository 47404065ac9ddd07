// regex_map.cpp: the regex class over PCRE2: -n (a non-match matches), -f
// (case matters; sendmail ignores case by default), -b (basic POSIX syntax),
// -s1,2 (return these captures joined by the -d delimiter; by default that is
// sendmail's internal $| byte, 0x9B, so rules can split the captures with $|).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <memory>

#include "maps/file_maps.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

// sendmail's CONDELSE meta character, the $| of rewriting rules.
constexpr char kCondElse = '\x9b';

struct CodeFree {
    void operator()(pcre2_code* c) const { pcre2_code_free(c); }
};
struct MatchFree {
    void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
};

// A POSIX basic expression in PCRE syntax: \( \) \{ \} group and count,
// bare ( ) { } + ? | are literal characters.
std::string basic_to_pcre(std::string_view re) {
    std::string out;
    for (size_t i = 0; i < re.size(); ++i) {
        char c = re[i];
        if (c == '\\' && i + 1 < re.size()) {
            char n = re[++i];
            if (n == '(' || n == ')' || n == '{' || n == '}')
                out.push_back(n);
            else {
                out.push_back('\\');
                out.push_back(n);
            }
        } else if (c == '(' || c == ')' || c == '{' || c == '}' || c == '+' || c == '?' || c == '|') {
            out.push_back('\\');
            out.push_back(c);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

class RegexMap : public MapBase {
public:
    RegexMap(MapDeclaration d, MapArguments a, pcre2_code* code, std::vector<int> groups)
        : MapBase(std::move(d), std::move(a), false),
          code_(code),
          groups_(std::move(groups)),
          match_(pcre2_match_data_create_from_pattern(code, nullptr)) {
        std::string delim = args().get('d');
        delim_ = delim.empty() ? std::string(1, kCondElse) : delim.substr(0, 1);
    }

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        int rc =
            pcre2_match(code_.get(), reinterpret_cast<PCRE2_SPTR>(key.data()), key.size(), 0, 0, match_.get(), nullptr);
        bool matched = rc > 0;
        if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) return RawResult::tempfail(label() + ": regex match failed");
        if (matched == args().has('n')) return RawResult::not_found();
        if (!matched || groups_.empty()) return RawResult::found({});
        PCRE2_SIZE* ov = pcre2_get_ovector_pointer(match_.get());
        std::string out;
        bool first = true;
        // A group that took no part in the match adds an empty field.
        for (int g : groups_) {
            if (!first) out += delim_;
            first = false;
            if (g < rc && ov[2 * g] != PCRE2_UNSET) out.append(key, ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        }
        return RawResult::found(out);
    }

private:
    std::unique_ptr<pcre2_code, CodeFree> code_;
    std::vector<int> groups_;
    std::unique_ptr<pcre2_match_data, MatchFree> match_;
    std::string delim_;
};

}  // namespace

MapResult open_regex_map(const MapDeclaration& d, MapArguments a) {
    if (a.rest.empty()) return util::Error(d.file, d.line, "No regular expression for regex map " + d.name);
    std::string pattern = a.has('b') ? basic_to_pcre(a.rest) : a.rest;
    uint32_t options = a.has('f') ? 0 : PCRE2_CASELESS;
    int err = 0;
    PCRE2_SIZE off = 0;
    pcre2_code* code =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &err, &off, nullptr);
    if (code == nullptr) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        return util::Error(d.file, d.line,
                           "pattern-compile-error: " + std::string(reinterpret_cast<char*>(buf)) + " in map " + d.name);
    }
    std::vector<int> groups;
    if (a.has('s')) {
        uint32_t count = 0;
        pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &count);
        std::string list = a.get('s');
        // A bare -s returns the whole match and then every group.
        if (list.empty())
            for (uint32_t g = 0; g <= count; ++g) list += (g ? "," : "") + std::to_string(g);
        for (const auto& n : util::split(list, ',')) {
            int g = std::atoi(n.c_str());
            if (g < 0 || static_cast<uint32_t>(g) > count) {
                pcre2_code_free(code);
                return util::Error(d.file, d.line, "too many substitution references in map " + d.name);
            }
            groups.push_back(g);
        }
    }
    return std::unique_ptr<Map>(std::make_unique<RegexMap>(d, std::move(a), code, std::move(groups)));
}

}  // namespace maps
