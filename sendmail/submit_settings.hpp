// submit_settings.hpp: what submission and the queue modes need from the
// configuration (lib/config): options, macros, classes w and t, H lines,
// P lines, and the rewrite engine that routes recipients (rulesets 3, 0).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sysexits.h>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "rewrite/rewrite.hpp"
#include "sendmail/cmdline.hpp"
#include "util/result.hpp"

namespace sendmail {

struct HeaderTemplate {
    std::string flags, name, value;  // value: cf text with macros, leading blank kept
};

struct SubmitSettings {
    std::shared_ptr<config::Config> cfg;
    std::shared_ptr<rewrite::Engine> engine;     // for rulesets 3 and 0
    std::string cf_path;
    std::map<std::string, std::string> options;  // lower-case long name -> value
    std::set<std::string> trusted_users;         // T lines and class t
    std::vector<HeaderTemplate> headers;         // H lines in cf order
    std::map<std::string, int> precedences;      // P lines, lower-case names

    bool is_local_host(const std::string& lower_name) const;  // in class w
    bool has_ruleset_zero() const;
    std::string option(const std::string& name, const std::string& dflt = "") const;
    bool option_bool(const std::string& name, bool dflt) const;
    long option_long(const std::string& name, long dflt) const;
    std::optional<std::string> macro(const std::string& name) const;
};

// sendmail works inside its queue directory; when it cannot go there it
// says so on stdout and the run ends with EX_CONFIG (returned here).
std::optional<int> enter_queue_directory(const SubmitSettings& s);

// The configuration file a run uses: -C, else submit.cf for an ordinary
// user's submission (the MSP), else sendmail.cf.
std::string default_config_path(const CommandLine& cl, bool submission);

// Reads the cf and applies -O/-o and -M from the command line.
util::Result<SubmitSettings> read_settings(const CommandLine& cl, bool submission);
// The exit status for a read_settings failure: its own code (EX_SOFTWARE after
// cf errors), else EX_OSFILE for a cf that could not be read.
inline int settings_exit_status(const util::Error& e) { return e.code ? e.code : EX_OSFILE; }

// sendmail's long name for a single-letter option ("i" -> "IgnoreDots").
std::string long_option_name(const std::string& name);

// Seconds in a sendmail interval ("4h", "5d", "30m", "90"); dflt on error.
long parse_interval(const std::string& text, long dflt);

}  // namespace sendmail
