// reader.hpp: internals shared by the cf reader's files (not public).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace config {

// Where the reader is, for "file: line N: message" diagnostics on stderr.
struct Reader {
    std::string file;
    int line = 0;
    Config* cfg = nullptr;                    // counts the errors
    std::vector<std::string>* log = nullptr;  // also kept here (Config::diagnostics)
    // status: the exit status the error stands for (EX_SOFTWARE, EX_OSERR).
    void error(const std::string& msg, int status = 70);
};

void add_builtin_mailers(Config& cfg);
void read_mailer_line(Config& cfg, std::string_view line, Reader& r);

}  // namespace config
