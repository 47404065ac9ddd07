// cf_fixture.hpp: builds a Config and an Engine from cf text for the
// rewrite tests, capturing the trace the engine prints.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "config/config.hpp"
#include "rewrite/rewrite.hpp"

struct CfFixture {
    std::unique_ptr<config::Config> cfg = std::make_unique<config::Config>();
    std::unique_ptr<rewrite::Engine> eng;
    char* buf = nullptr;
    size_t len = 0;
    std::FILE* out = nullptr;

    explicit CfFixture(const std::string& text) {
        config::read_cf_text(*cfg, "V10/Berkeley\nO OperatorChars=.:%@!^/[]+\n" + text, "test.cf");
        eng = std::make_unique<rewrite::Engine>(*cfg);
        out = open_memstream(&buf, &len);
        eng->out = out;
        eng->set_trace(false);
    }
    ~CfFixture() {
        std::fclose(out);
        std::free(buf);
    }
    CfFixture(const CfFixture&) = delete;
    CfFixture& operator=(const CfFixture&) = delete;

    // Runs `ruleset` over `address`; returns the result as -bt prints it.
    std::string run(const std::string& ruleset, const std::string& address, int* status = nullptr) {
        auto t = eng->tokenize(address).tokens;
        int s = eng->run(eng->find_ruleset(ruleset), t);
        if (status) *status = s;
        return rewrite::format_tokens(t);
    }
    std::string output() {
        std::fflush(out);
        return std::string(buf, len);
    }
};
