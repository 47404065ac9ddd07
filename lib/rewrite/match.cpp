// match.cpp: rule compilation and the LHS matcher. $* and $+ try the
// shortest span first and grow on backtracking; $=X may match several tokens
// whose concatenation is a class member, also shortest first, like sendmail.
#include <cstdio>
#include <cctype>

#include "rewrite/compiled.hpp"
#include "util/strings.hpp"

namespace rewrite {

namespace {

// Tokens compare without regard to ASCII case; metasymbol tokens start with
// NUL, so this must not stop at NUL as the C string functions would.
bool token_equal(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if (x != y && std::tolower(x) != std::tolower(y)) return false;
    }
    return true;
}

struct Matcher {
    const std::vector<Pattern>& pat;
    const Tokens& in;
    const config::Config& cfg;
    const std::string& opchars;
    std::vector<std::pair<size_t, size_t>>& bind;
    std::FILE* trace;  // -d21: each $& in a pattern shows its value here

    bool run(size_t p, size_t w) {
        if (p == pat.size()) return w == in.size();
        const Pattern& e = pat[p];
        switch (e.kind) {
        case Pattern::Literal:
            return w < in.size() && token_equal(e.text, in[w]) && run(p + 1, w + 1);
        case Pattern::Nothing:
            return run(p + 1, w);
        case Pattern::ExactlyOne:
            return w < in.size() && with(p, w, w + 1);
        case Pattern::NotInClass:
            return w < in.size() && !is_meta(in[w]) && !cfg.classes.contains(e.class_id, in[w]) &&
                   with(p, w, w + 1);
        case Pattern::ZeroOrMore:
        case Pattern::OneOrMore: {
            // When a literal follows, only spans ending where it occurs can match.
            const Pattern* next = p + 1 < pat.size() ? &pat[p + 1] : nullptr;
            bool literal_next = next && next->kind == Pattern::Literal;
            for (size_t end = w + (e.kind == Pattern::OneOrMore ? 1 : 0); end <= in.size(); ++end) {
                if (literal_next && (end == in.size() || !token_equal(next->text, in[end]))) continue;
                if (!next && end != in.size()) continue;  // the last operator takes the rest
                if (with(p, w, end)) return true;
            }
            return false;
        }
        case Pattern::InClass: {
            // Several tokens may make one class word; words get a space between them.
            std::string word;
            bool prev_atom = false;
            for (size_t end = w + 1; end <= in.size(); ++end) {
                bool atom = is_atom(in[end - 1], opchars);
                if (prev_atom && atom) word += ' ';
                prev_atom = atom;
                word += util::to_lower(in[end - 1]);
                if (cfg.classes.contains_lower(e.class_id, word) && with(p, w, end)) return true;
            }
            return false;
        }
        case Pattern::Deferred: {
            const std::string* v = cfg.macros.find(e.text);
            if (trace != nullptr && v != nullptr)
                std::fprintf(trace, "rewrite: LHS $&{%s} => \"%s\"\n", e.text.c_str(),
                             config::expand_macros(*v, cfg.macros).c_str());
            Tokens want;
            if (v) want = tokenize(config::expand_macros(*v, cfg.macros), opchars, TokenMode::Address).tokens;
            if (w + want.size() > in.size()) return false;
            for (size_t k = 0; k < want.size(); ++k)
                if (!token_equal(want[k], in[w + k])) return false;
            return run(p + 1, w + want.size());
        }
        }
        return false;
    }

    // Binds the next $n to [from, to) and matches the rest; undoes on failure.
    bool with(size_t p, size_t from, size_t to) {
        bind.emplace_back(from, to);
        if (run(p + 1, to)) return true;
        bind.pop_back();
        return false;
    }
};

Pattern pattern_for(const std::string& t, config::Config& cfg) {
    Pattern p;
    p.text = t;
    if (!is_meta(t)) return p;
    switch (t[1]) {
    case '*': p.kind = Pattern::ZeroOrMore; break;
    case '+': p.kind = Pattern::OneOrMore; break;
    case '-': p.kind = Pattern::ExactlyOne; break;
    case '@': p.kind = Pattern::Nothing; break;
    case '=':
        p.kind = Pattern::InClass;
        p.class_id = cfg.classes.class_id(t.substr(2));
        break;
    case '~':
        p.kind = Pattern::NotInClass;
        p.class_id = cfg.classes.class_id(t.substr(2));
        break;
    case '&':
        p.kind = Pattern::Deferred;
        p.text = t.substr(2);
        break;
    default: break;
    }
    return p;
}

}  // namespace

CompiledRule compile_rule(const config::RuleText& text, const std::string& opchars, config::Config& cfg) {
    CompiledRule rule;
    rule.lhs_tokens = tokenize(text.lhs, opchars, TokenMode::Rule).tokens;
    for (const auto& t : rule.lhs_tokens) rule.lhs.push_back(pattern_for(t, cfg));
    rule.rhs = tokenize(text.rhs, opchars, TokenMode::Rule).tokens;
    if (!rule.rhs.empty() && (is_meta(rule.rhs[0], ':') || is_meta(rule.rhs[0], '@')) &&
        rule.rhs[0].size() == 2) {
        rule.prefix = rule.rhs[0][1];
        rule.rhs.erase(rule.rhs.begin());
    }
    return rule;
}

bool match_rule(const CompiledRule& rule, const Tokens& in, const config::Config& cfg,
                const std::string& opchars, std::vector<std::pair<size_t, size_t>>& bind, std::FILE* trace) {
    bind.clear();
    Matcher m{rule.lhs, in, cfg, opchars, bind, trace};
    return m.run(0, 0);
}

}  // namespace rewrite
