// engine.cpp: compiles a Config's rulesets and runs them as sendmail's
// rewrite() does: match the LHS (with backtracking), build the RHS, do
// $[ $] and $( $) lookups, then $> subroutine calls, honouring $: $@ $#.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <strings.h>

#include "rewrite/compiled.hpp"
#include "rewrite/rewrite.hpp"
#include "util/strings.hpp"

namespace rewrite {

namespace {
constexpr int kMaxLoop = 100;        // applications of one rule before giving up
constexpr int kMaxRecursion = 50;    // nested $> calls
constexpr size_t kMaxTokens = 1000;  // workspace size, as sendmail 8.17's MAXATOM
constexpr int kMaxNumberedRuleset = 100;  // `$>N` beyond: "bad ruleset"

// A map's value is text again; a token that is exactly one of sendmail's
// metasymbol bytes (a `$|` or `$>` the map's data or -a held) then acts as
// that metasymbol, as in sendmail, where tokens are compared by their bytes.
void bytes_to_metas(Tokens& t) {
    static constexpr std::string_view symbols = "&()*+-=~#@:>?|.[]";
    for (auto& tok : t) {
        if (tok.size() != 1) continue;
        for (char sym : symbols)
            if (config::metasymbol_byte(sym) == tok[0]) {
                tok = meta(sym);
                break;
            }
    }
}

void trace_line(std::FILE* out, const std::string& label, const char* what, const Tokens& t,
                const config::MacroTable& names) {
    // One write per line: traces are most of -bt's output.
    std::string line = label.substr(0, 16);
    line.resize(16, ' ');
    line += ' ';
    line += what;
    line += ':';
    for (const auto& tok : t) {
        line += ' ';
        // Only tokens with 8-bit or control bytes (a tab in a quoted string)
        // need format_token's care; the rest print as they are.
        auto plain = [](char c) {
            auto u = static_cast<unsigned char>(c);
            return u >= 0x20 && u < 0x7f;
        };
        if (is_meta(tok) || !std::all_of(tok.begin(), tok.end(), plain))
            line += format_token(tok, &names);
        else
            line += tok;
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), out);
}
// " a b c": each token preceded by a space, as the -d21.12 lines show them.
std::string spaced(const Tokens& t) {
    std::string s;
    for (const auto& tok : t) s += " " + format_token(tok);
    return s;
}
}  // namespace

Engine::Engine(config::Config& cfg) : cfg_(cfg), opchars_(cfg.operator_chars()) { compile_all(); }
Engine::~Engine() = default;

TokenizeResult Engine::tokenize(std::string_view text, TokenMode mode, char delim, size_t max_token,
                                size_t max_bytes) const {
    return rewrite::tokenize(text, opchars_, mode, delim, max_token, max_bytes);
}

std::string Engine::join_address(const Tokens& t) const {
    auto it = cfg_.options.find("BlankSub");
    char space = it == cfg_.options.end() || it->second.empty() ? ' ' : it->second[0];
    return join_tokens(t, opchars_, space);
}

std::string Engine::join_key(const Tokens& t) const {
    auto it = cfg_.options.find("BlankSub");
    char space = it == cfg_.options.end() || it->second.empty() ? ' ' : it->second[0];
    return join_map_key(t, opchars_, space);
}

int Engine::find_ruleset(std::string_view name) const { return cfg_.find_ruleset(name); }

bool Engine::ruleset_defined(int number) const {
    // Numbered rulesets always exist (possibly empty); names must be declared.
    return number >= 0 && number < 200;
}

void Engine::compile_all() {
    rules_.resize(cfg_.rulesets.size());
    for (size_t n = 0; n < cfg_.rulesets.size(); ++n)
        for (const auto& text : cfg_.rulesets[n].rules)
            rules_[n].push_back(compile_rule(text, opchars_, cfg_));
}

int Engine::run(int number, Tokens& tokens, int depth) {
    std::string label = cfg_.ruleset_label(number);
    if (trace_) trace_line(out, label, "  input", tokens, cfg_.macros);
    if (depth > kMaxRecursion) {
        // sendmail gives up before this level's rules and prints no return.
        std::fprintf(out, "rewrite: excessive recursion (max %d), ruleset %s\n", kMaxRecursion, label.c_str());
        system_error = true;
        return kConfigError;
    }
    int status = run_rules(number, tokens, depth);
    if (abandoned_) {
        // A rule that could not be applied ends the ruleset without a
        // return; the caller goes on with the workspace as it was.
        abandoned_ = false;
        return status;
    }
    if (trace_) trace_line(out, label, "returns", tokens, cfg_.macros);
    return status;
}

int Engine::run_rules(int number, Tokens& tokens, int depth) {
    if (number < 0 || static_cast<size_t>(number) >= rules_.size()) return kOk;
    int status = kOk;
    const auto& rules = rules_[number];
    for (size_t r = 0; r < rules.size(); ++r) {
        // A workspace that already is a mailer triple is final.
        if (!tokens.empty() && is_meta(tokens[0], '#')) break;
        const CompiledRule& rule = rules[r];
        int loops = 0;
        for (;;) {
            std::vector<std::pair<size_t, size_t>> bind;
            if (detail_) std::fprintf(out, "-----trying rule:%s\n", spaced(rule.lhs_tokens).c_str());
            if (!match_rule(rule, tokens, cfg_, opchars_, bind, macro_trace_ ? out : nullptr)) {
                if (detail_) std::fprintf(out, "----- rule fails\n");
                break;
            }
            if (detail_) {
                std::string rhs = rule.prefix ? std::string(" $") + rule.prefix : "";
                std::fprintf(out, "-----rule matches:%s%s\n", rhs.c_str(), spaced(rule.rhs).c_str());
            }
            if (++loops > kMaxLoop) {
                // Reported, then the ruleset returns the workspace as it is
                // (sendmail 8.17: no later rule runs, no failure status).
                std::fprintf(out, "Infinite loop in ruleset %s, rule %zu\n", cfg_.ruleset_label(number).c_str(),
                             r + 1);
                system_error = true;
                return status;
            }
            Tokens next;
            if (int missing = rhs_expand(rule, bind, tokens, next)) {
                // $n beyond the LHS's wildcards (reported when the cf was read, too).
                std::fprintf(out, "rewrite: ruleset %s: replacement $%d out of bounds\n",
                             cfg_.ruleset_label(number).c_str(), missing);
                abandoned_ = true;
                return kConfigError;
            }
            if (next.size() > kMaxTokens) {
                // Observed: 1000 tokens (a $>n call's two included) are fine,
                // one more abandons the ruleset with EX_DATAERR.
                std::fprintf(out, "rewrite: expansion too long\n");
                abandoned_ = true;
                return kDataError;
            }
            strip_call_quotes(number, r);
            int s = do_lookups(next);
            if (s == kDataError) {
                // A map value that was nothing but a comment: the ruleset
                // stops here, silently, as sendmail 8.17's does.
                abandoned_ = true;
                return s;
            }
            if (status == kOk || s == kTempFail) status = s == kOk ? status : s;
            s = do_calls(next, depth);
            if (status == kOk || s == kTempFail) status = s == kOk ? status : s;
            if (next.size() > kMaxTokens) next.resize(kMaxTokens);
            tokens = std::move(next);
            if (detail_) std::fprintf(out, "rewritten as:%s\n", spaced(tokens).c_str());
            if (rule.prefix == '@') return status;
            if (!tokens.empty() && is_meta(tokens[0], '#')) return status;
            if (rule.prefix == ':') break;
        }
    }
    return status;
}

// sendmail strips the quotes of a $>"name" call in the rule itself the
// first time the rule runs, and =S shows it so from then on.
void Engine::strip_call_quotes(int number, size_t rule) {
    Tokens& rhs = rules_[number][rule].rhs;
    for (size_t i = 0; i + 1 < rhs.size(); ++i) {
        std::string& name = rhs[i + 1];
        if (is_meta(rhs[i], '>') && name.size() >= 2 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
    }
}

int Engine::rhs_expand(const CompiledRule& rule, const std::vector<std::pair<size_t, size_t>>& bind,
                       const Tokens& in, Tokens& result) const {
    for (const auto& t : rule.rhs) {
        if (t.size() == 2 && t[0] == '\0' && t[1] >= '1' && t[1] <= '9') {
            size_t n = static_cast<size_t>(t[1] - '1');
            if (n >= bind.size()) return t[1] - '0';
            for (size_t k = bind[n].first; k < bind[n].second; ++k) result.push_back(in[k]);
        } else if (t.size() > 2 && is_meta(t, '&')) {
            const std::string* v = cfg_.macros.find(t.substr(2));
            if (macro_trace_ || detail_)
                std::fprintf(out, "rewrite: RHS $&{%s} => \"%s\"\n", t.substr(2).c_str(), v ? v->c_str() : "(NULL)");
            if (v) {
                auto r = tokenize(config::expand_macros(*v, cfg_.macros));
                result.insert(result.end(), r.tokens.begin(), r.tokens.end());
            }
        } else {
            result.push_back(t);
        }
    }
    return 0;
}

std::optional<std::string> Engine::map_lookup(const std::string& name, const std::string& key,
                                              const std::vector<std::string>& args, int& status,
                                              bool& missing) {
    status = kOk;
    missing = false;
    maps::Map* m = cfg_.find_map(name);
    if (!m) {
        missing = true;
        return std::nullopt;
    }
    if (!m->is_open()) return std::nullopt;  // an optional map without its file
    auto r = lookup(*m, key, args);
    switch (r.status) {
    case maps::LookupStatus::Found: return r.value;
    case maps::LookupStatus::NotFound: return std::nullopt;
    case maps::LookupStatus::TempFail: {
        // The ruleset's status becomes a temporary failure; with -T the
        // rules also see key + that text and may decide themselves.
        std::string t = m->tempfail_text();
        status = kTempFail;
        if (!t.empty()) return key + t;
        return std::nullopt;
    }
    case maps::LookupStatus::PermFail:
        // A permanent failure (a socketmap's PERM) is a key not found to
        // the rules, and leaves the ruleset's status alone, as in sendmail.
        return std::nullopt;
    }
    return std::nullopt;
}

maps::LookupResult Engine::lookup(maps::Map& m, const std::string& key, const std::vector<std::string>& args,
                                  bool show_each) {
    auto r = m.lookup(key, args);
    bool failed = r.status == maps::LookupStatus::TempFail || r.status == maps::LookupStatus::PermFail;
    // A file map that cannot be opened says why on a line of its own, once.
    // (A sequence passes its member's error on: the message tells them apart.)
    if (failed && r.error_shown == maps::LookupResult::Shown::BeforeLine && !r.error.empty() &&
        std::find(reported_.begin(), reported_.end(), r.error) == reported_.end()) {
        reported_.push_back(r.error);
        std::fprintf(out, "%s\n", r.error.c_str());
        // sendmail's syserr() with errno set: -bt exits EX_OSERR, unless an
        // earlier error gave its status.
        if (!system_error) system_error_status = 71;
        system_error = true;

    }
    if (show_each && failed && r.error_shown == maps::LookupResult::Shown::WhereLookedUp && !r.error.empty())
        std::fprintf(out, "%s\n", r.error.c_str());
    return r;
}

// Map keys lose their quotes and backslashes, as sendmail's stripquotes().
std::string strip_quotes(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) out += s[++i];
        else if (s[i] != '"' && s[i] != '\\') out += s[i];
    }
    return out;
}

// Keys lose their quotes unless the map keeps them (-q, or a dequote map).
std::string Engine::lookup_key(const std::string& map, const std::string& key) const {
    const maps::Map* m = cfg_.find_map(map);
    if (m) {
        const auto& d = m->declaration();
        if (d.class_name == "dequote") return key;
        for (const auto& w : util::split_words(d.arguments))
            if (w == "-q") return key;
    }
    return strip_quotes(key);
}

int Engine::do_lookups(Tokens& t) {
    int status = kOk;
    for (size_t i = 0; i < t.size(); ++i) {
        bool host = is_meta(t[i], '[');
        if (!host && !is_meta(t[i], '(')) continue;
        char close = host ? ']' : ')';
        size_t end = i + 1;
        while (end < t.size() && !is_meta(t[end], close)) ++end;
        std::string map = "host";
        size_t k = i + 1;
        if (!host && k < end) map = t[k++];
        Tokens key, deflt;
        std::vector<Tokens> args;
        int part = 0;  // 0 key, 1 args, 2 default
        for (; k < end; ++k) {
            if (is_meta(t[k], '@')) {
                part = part == 2 ? 2 : 1;
                if (part == 1) args.emplace_back();
            } else if (is_meta(t[k], ':')) {
                part = 2;
            } else if (part == 0) {
                key.push_back(t[k]);
            } else if (part == 1) {
                args.back().push_back(t[k]);
            } else {
                deflt.push_back(t[k]);
            }
        }
        std::vector<std::string> argstr;
        for (const auto& a : args) argstr.push_back(join_key(a));
        int s = kOk;
        bool missing = false;
        // Keys are joined with BlankSub between words, as sendmail's cataddr,
        // with metasymbols (a `$|` the rules put in) as its internal bytes.
        auto v = map_lookup(map, lookup_key(map, join_key(key)), argstr, s, missing);
        if (missing && !host) {
            std::fflush(stderr);
            std::fprintf(out, "rewrite: map %s not found\n", map.c_str());
        }
        if (s != kOk) status = s;
        // A value or a default is text again and is tokenized afresh (with
        // any complaint about it); without either the key stays as it was.
        Tokens repl = key;
        if (v || part == 2) {
            // sendmail prescans the value as an address: (comments) go, and
            // a value with text but no tokens left ("(c)", a dequoted
            // "\"(c)\"") cannot be used at all.
            std::string text = v ? *v : join(deflt);
            auto r = tokenize(text, TokenMode::AddressNoComments);
            for (const auto& e : r.errors) std::fprintf(out, "%s... %s\n", printable_7bit(text).c_str(), e.c_str());
            if (r.tokens.empty() && !text.empty()) return kDataError;
            repl = std::move(r.tokens);
            bytes_to_metas(repl);
        }
        size_t stop = end < t.size() ? end + 1 : end;
        t.erase(t.begin() + i, t.begin() + stop);
        t.insert(t.begin() + i, repl.begin(), repl.end());
        i += repl.size();
        --i;
    }
    return status;
}

// sendmail's callsubr(): first find the calls left to right (dropping calls
// into empty rulesets, after which the token that slid into place is not
// looked at again), then run them right to left, each on the rest of the
// workspace, stopping at the first failure with the other calls left in.
int Engine::do_calls(Tokens& t, int depth) {
    std::vector<std::pair<size_t, int>> calls;  // position, ruleset
    for (size_t i = 0; i + 1 < t.size(); ++i) {
        if (!is_meta(t[i], '>') || t[i].size() != 2) continue;
        std::string name = t[i + 1];
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
        int n = cfg_.find_ruleset(name);
        unsigned char first = name.empty() ? 0 : name[0];
        if (std::isdigit(first) && std::atoi(name.c_str()) >= kMaxNumberedRuleset) {
            std::fprintf(out, "bad ruleset %d (%d max)\n", std::atoi(name.c_str()), kMaxNumberedRuleset);
            n = -1;
        } else if (n < 0 && !std::isalnum(first) && first != '_') {
            std::fprintf(out, "invalid ruleset name: \"%s\"\n", name.c_str());
        }
        if (n < 0) {
            std::fprintf(out, "Unknown ruleset %s\n", name.c_str());
            system_error = true;
            return kConfigError;
        }
        if (static_cast<size_t>(n) >= rules_.size() || rules_[n].empty()) {
            if (detail_) std::fprintf(out, "-----skip subr %s (%d)\n", name.c_str(), n);
            t.erase(t.begin() + i, t.begin() + i + 2);
            continue;
        }
        calls.emplace_back(i, n);
    }
    for (auto it = calls.rbegin(); it != calls.rend(); ++it) {
        size_t at = it->first;
        t.erase(t.begin() + at, t.begin() + at + 2);
        Tokens arg(t.begin() + at, t.end());
        int s = run(it->second, arg, depth + 1);
        t.erase(t.begin() + at, t.end());
        t.insert(t.end(), arg.begin(), arg.end());
        if (s != kOk) return s;
    }
    return kOk;
}

std::string Engine::dump_ruleset(int number) const {
    std::string out;
    if (number < 0 || static_cast<size_t>(number) >= rules_.size()) return out;
    for (const auto& rule : rules_[number]) {
        out += 'R';
        for (const auto& t : rule.lhs_tokens) out += format_token(t) + " ";
        out += "\t\t";
        if (rule.prefix) out += std::string("$") + rule.prefix + " ";
        for (const auto& t : rule.rhs) out += format_token(t) + " ";
        out += '\n';
    }
    return out;
}

}  // namespace rewrite
