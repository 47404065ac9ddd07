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
    // The same line for what sendmail only warns about (no exit status).
    void warn(const std::string& msg);
};

// Cf text as a diagnostic quotes it: each `$` as sendmail stores it (0x81, shown as 0x01).
std::string as_stored(std::string_view text);
// A diagnostic as sendmail prints it, in 7 bits (a cf byte 0x80 ends it).
std::string seven_bit_message(std::string_view msg);

bool check_duration(std::string_view v, Reader& r);
// The values sendmail checks word by word while it reads the cf (privacy,
// DontBlameSendmail and resolver flags, queue order, port parameters,
// Milter sub-options, group ids); true if `name` is one of them.
bool check_listed_value(const std::string& name, const std::string& value, Reader& r);
// `Og value`: an unknown group name is reported.
void check_group_letter(std::string_view value, Reader& r);
void read_header_line(Config& cfg, std::string_view line, Reader& r);
void read_option_line(Config& cfg, std::string_view line, Reader& r);
// A ruleset reference where sendmail may introduce a ruleset (S lines, an
// M line's S= and R=, an H line's $>): its number, or -1 after a diagnostic.
// *end (if given) is where the reference stopped: after the number, or at
// the first non-blank after the name.
int enter_ruleset_reference(Config& cfg, std::string_view text, size_t* end, Reader& r);
void add_builtin_mailers(Config& cfg);
void read_mailer_line(Config& cfg, std::string_view line, Reader& r);
// C and F lines (class_line.cpp): each word of `text` joins class `cls`;
// an F line's file, program or map lookup adds the words it gives.
void add_words(Config& cfg, const std::string& cls, std::string_view text);
void read_class_file(Config& cfg, std::string_view rest, const std::string& cls, Reader& r);
void read_mail_filter_line(Config& cfg, std::string_view line, Reader& r);  // milter_line.cpp

}  // namespace config
