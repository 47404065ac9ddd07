// read_cf.hpp: the config unit tests' reading of cf text as "test.cf".
#pragma once

#include <memory>
#include <string>

#include "config/config.hpp"

namespace {
// op_mode: the -b mode letter the reading is for (0: none given).
inline std::unique_ptr<config::Config> read(const std::string& text, char op_mode = 0) {
    auto cfg = std::make_unique<config::Config>();
    cfg->op_mode = op_mode;
    config::read_cf_text(*cfg, text, "test.cf");
    return cfg;
}
}  // namespace
