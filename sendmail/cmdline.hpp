// cmdline.hpp: sendmail's command line, parsed once into what each mode needs.
// The mode comes from -b, -q, -t/-bm and from the name the binary is called as.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sendmail {

enum class Mode {
    Deliver,       // -bm (default): read a message, deliver or queue it
    AddressTest,   // -bt
    Verify,        // -bv
    PrintQueue,    // -bp, mailq
    InitAliases,   // -bi, newaliases
    Daemon,        // -bd
    DaemonFg,      // -bD
    SmtpStdio,     // -bs
    HostStatus,    // -bh, hoststat
    PurgeStatus,   // -bH, purgestat
    PrintConfig,   // -bP
    QueueRun,      // -q without -bd
};

struct CommandLine {
    std::string called_as;                  // basename of argv[0]
    std::string command_text;               // argv joined by blanks (the PidFile's second line)
    Mode mode = Mode::Deliver;
    std::string config_file;                // -C (empty: the default path)
    bool config_from_command_line = false;  // -C was given (drops privileges as sendmail does)
    // -O Name=value and -oXvalue, in order; the key is the long name or the single letter.
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::string> debug;         // each -d argument, in order
    std::optional<std::string> from;        // -f / -r
    std::optional<std::string> full_name;   // -F
    std::optional<std::string> body_type;   // -B
    std::optional<std::string> dsn_notify;  // -N
    std::optional<std::string> dsn_ret;     // -R
    std::optional<std::string> envid;       // -V
    std::optional<std::string> hop_count;   // -h
    std::optional<std::string> log_tag;     // -L
    std::optional<std::string> protocol;    // -p
    std::optional<std::string> quarantine;  // -Q reason (unset with a bare -Q: release)
    bool quarantine_given = false;          // -Q seen, with or without a reason
    std::optional<std::string> queue_arg;   // -q argument ("" for a bare -q)
    std::vector<std::string> queue_selectors;  // each -qI/-qR/-qS/-qf... argument
    std::vector<std::pair<char, std::string>> macros;  // -M
    std::optional<std::string> xlog_file;   // -X
    char submission_kind = 0;               // -Am / -Ac
    bool read_recipients = false;           // -t
    bool ignore_dots = false;               // -i / -oi
    bool verbose = false;                   // -v
    bool gateway = false;                   // -G
    bool initial_submission = false;        // -U
    bool no_alias = false;                  // -n
    std::vector<std::string> args;          // recipients or -bt/-bv addresses
};

// Parses argv. On a usage error returns false and fills `error` with the
// message sendmail prints.
bool parse_command_line(int argc, char** argv, CommandLine& out, std::string& error);

}  // namespace sendmail
