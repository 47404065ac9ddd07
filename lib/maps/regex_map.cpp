// regex_map.cpp: the regex class over the C library's POSIX <regex.h>, as
// sendmail uses it, so matches are leftmost-longest and captures follow the
// POSIX rules: -n (a non-match matches), -f (case matters; ignored by
// default), -b (basic syntax), -s1,2 (return these captures joined by the -d
// delimiter; by default sendmail's internal $| byte, 0x9B, so rules can
// split the captures with $|).
#include <regex.h>

#include <cstdlib>

#include "maps/file_maps.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

// sendmail's CONDELSE meta character, the $| of rewriting rules.
constexpr char kCondElse = '\x9b';

// What the captures a lookup would return must read as one balanced
// address word: sendmail 8.17 answers "no match" when, read one after the
// other (the -d delimiter left out), they hold a blank outside quotes, a
// quote left open, '(' or '<' not closed as often as opened, or end in a
// backslash. Backslash-quoted characters count for nothing; a tab is no
// blank; inside quotes only a backslash and the closing quote mean anything.
class CaptureBalance {
public:
    void add(std::string_view text) {
        for (char c : text) {
            if (backslash_) {
                backslash_ = false;
                continue;
            }
            if (c == '\\') backslash_ = true;
            else if (c == '"') quoted_ = !quoted_;
            else if (quoted_) continue;
            else if (c == '(') ++parens_;
            else if (c == ')') --parens_;
            else if (c == '<') ++angles_;
            else if (c == '>') --angles_;
            else if (c == ' ') blank_ = true;
        }
    }
    bool ok() const { return !backslash_ && !quoted_ && parens_ == 0 && angles_ == 0 && !blank_; }

private:
    bool backslash_ = false, quoted_ = false, blank_ = false;
    long parens_ = 0, angles_ = 0;
};

// Owns one compiled pattern; regfree() on destruction.
class CompiledRegex {
public:
    CompiledRegex() = default;
    CompiledRegex(const CompiledRegex&) = delete;
    CompiledRegex& operator=(const CompiledRegex&) = delete;
    ~CompiledRegex() {
        if (compiled_) regfree(&re_);
    }
    // Empty on success, else regerror()'s text.
    std::string compile(const std::string& pattern, int flags) {
        int rc = regcomp(&re_, pattern.c_str(), flags);
        if (rc == 0) {
            compiled_ = true;
            return {};
        }
        char buf[256];
        regerror(rc, &re_, buf, sizeof buf);
        return buf;
    }
    regex_t* get() { return &re_; }
    size_t groups() const { return re_.re_nsub; }

private:
    regex_t re_{};
    bool compiled_ = false;
};

class RegexMap : public MapBase {
public:
    RegexMap(MapDeclaration d, MapArguments a, std::unique_ptr<CompiledRegex> re, std::vector<int> groups)
        : MapBase(std::move(d), std::move(a), false), re_(std::move(re)), groups_(std::move(groups)) {
        std::string delim = args().get('d');
        delim_ = delim.empty() ? std::string(1, kCondElse) : delim;
    }

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        // All groups are asked for, so -s may name any of them in any order.
        std::vector<regmatch_t> m(groups_.empty() ? 0 : re_->groups() + 1);
        int rc = regexec(re_->get(), key.c_str(), m.size(), m.empty() ? nullptr : m.data(), 0);
        bool matched = rc == 0;
        if (rc != 0 && rc != REG_NOMATCH) return RawResult::tempfail(label() + ": regex match failed");
        if (matched == args().has('n')) return RawResult::not_found();
        if (!matched || groups_.empty()) return RawResult::found({});
        std::string out;
        CaptureBalance balance;
        bool first = true;
        // A group that took no part in the match adds an empty field.
        for (int g : groups_) {
            if (!first) out += delim_;
            first = false;
            if (m[g].rm_so < 0) continue;
            std::string_view field = std::string_view(key).substr(m[g].rm_so, m[g].rm_eo - m[g].rm_so);
            balance.add(field);
            out += field;
        }
        if (!balance.ok()) return RawResult::not_found();
        return RawResult::found(out);
    }

private:
    std::unique_ptr<CompiledRegex> re_;
    std::vector<int> groups_;
    std::string delim_;
};

}  // namespace

MapResult open_regex_map(const MapDeclaration& d, MapArguments a) {
    int flags = (a.has('b') ? 0 : REG_EXTENDED) | (a.has('f') ? 0 : REG_ICASE) | (a.has('s') ? 0 : REG_NOSUB);
    auto re = std::make_unique<CompiledRegex>();
    std::string err = re->compile(a.rest, flags);
    if (!err.empty()) return util::Error(d.file, d.line, "pattern-compile-error: " + err);
    std::vector<int> groups;
    if (a.has('s')) {
        size_t count = re->groups();
        std::string list = a.get('s');
        // A bare -s returns the whole match and then every group.
        if (list.empty())
            for (size_t g = 0; g <= count; ++g) list += (g ? "," : "") + std::to_string(g);
        for (const auto& n : util::split(list, ',')) {
            int g = std::atoi(n.c_str());
            if (g < 0 || static_cast<size_t>(g) > count)
                return util::Error(d.file, d.line,
                                   "field (" + std::to_string(g) + ") out of range, only " + std::to_string(count + 1) +
                                       " substrings in pattern");
            groups.push_back(g);
        }
    }
    return std::unique_ptr<Map>(std::make_unique<RegexMap>(d, std::move(a), std::move(re), std::move(groups)));
}

}  // namespace maps
