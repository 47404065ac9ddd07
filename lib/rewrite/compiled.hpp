// compiled.hpp: a rule after tokenizing (internal to lib/rewrite): the LHS
// as pattern elements, the RHS as tokens with $n and $&x still symbolic.
#pragma once

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "rewrite/rewrite.hpp"

namespace rewrite {

struct Pattern {
    enum Kind { Literal, ZeroOrMore, OneOrMore, ExactlyOne, Nothing, InClass, NotInClass, Deferred };
    Kind kind = Literal;
    std::string text;  // literal token, or macro name for Deferred
    int class_id = -1;
};

struct CompiledRule {
    Tokens lhs_tokens;            // for =S
    std::vector<Pattern> lhs;
    char prefix = 0;              // ':' or '@' when the RHS starts with $: or $@
    Tokens rhs;
};

CompiledRule compile_rule(const config::RuleText& text, const std::string& opchars, config::Config& cfg);
bool match_rule(const CompiledRule& rule, const Tokens& in, const config::Config& cfg,
                const std::string& opchars, std::vector<std::pair<size_t, size_t>>& bind,
                std::FILE* trace = nullptr);

}  // namespace rewrite
