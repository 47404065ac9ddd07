// config.hpp: the public interface of lib/config, a sendmail.cf read into
// memory: macros, classes, options, rulesets (as macro-expanded text that
// lib/rewrite compiles), mailers, headers, maps, queue groups.
#pragma once

#include <array>
#include <bitset>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maps/maps.hpp"
#include "util/result.hpp"

namespace config {

// Macro names are single characters or {long} names; stored without braces.
class MacroTable {
public:
    MacroTable();
    const std::string* find(std::string_view name) const;
    void define(std::string_view name, std::string_view value);
    void undefine(std::string_view name);
    // sendmail's one-byte id for a macro or class name: a letter is itself;
    // a long name ({name}) gets the next free byte from 0xA2 on when it is
    // first met, after the few sendmail names itself. 0 when none is left.
    // Observable where a K line's `$={name}` reaches a map as bytes.
    char id_for(std::string_view name);
    // The long name that has this id, "" if none.
    std::string name_of_id(char id) const;
    // Registers, in order, the long names a cf line mentions: its own
    // (D{x}, C{x}, F{x}) and those after `$`, `$=`, `$~`, `$&`, `$?`.
    void note_long_names(std::string_view cf_line);

private:
    std::unordered_map<std::string, std::string> values_;
    std::unordered_map<std::string, char> ids_;
    int next_id_ = 0xA2;
};

// sendmail keeps every class word in one symbol table whose bucket order is
// what `$=X` listings show; ClassTable reproduces that order.
class ClassTable {
public:
    static constexpr int kBuckets = 2003;
    int class_id(std::string_view name);  // allocates on first use
    std::optional<int> find_class(std::string_view name) const;
    void add(std::string_view class_name, std::string_view word);
    bool contains(int id, std::string_view word) const;
    bool contains_lower(int id, const std::string& lowered_word) const;
    // Members of a class in symbol-table order.
    std::vector<std::string> members(std::string_view class_name) const;

private:
    struct Entry {
        std::string word;
        std::bitset<512> classes;
    };
    std::unordered_map<std::string, size_t> index_;  // lowered word -> entries_
    std::vector<Entry> entries_;
    std::unordered_map<std::string, int> ids_;
    std::array<std::vector<size_t>, kBuckets> buckets_;
};

struct RuleText {
    std::string lhs, rhs;  // after read-time macro expansion, before tokenizing
    std::string file;
    int line = 0;
};

struct RulesetText {
    std::string name;  // empty if only numbered
    int number = -1;
    bool defined = false;  // an S line introduced it (not only a $> reference)
    std::vector<RuleText> rules;
};

struct Mailer {
    int number = 0;
    std::string name;
    std::string path;            // P=
    std::string flags;           // F=, sorted as sendmail prints them
    std::string sender_rules[2];     // S= envelope/header ruleset names or numbers
    std::string recipient_rules[2];  // R=
    std::string eol = "\n";     // E=
    std::string argv;           // A=
    std::string directories;    // D=
    std::string mts_types[3];   // T=
    std::string charset;        // C=
    long max_size = 0;          // M=
    long line_limit = 0;        // L=
    int max_rcpts = 100;        // r=
    int max_msgs = 0;           // m=
    std::string uid = "-1", gid = "-1";  // U=
    std::string wait;           // W=
    std::string chroot;         // /=
    std::string queue_group;    // Q=: the queue group its recipients wait in
    bool has_flag(char f) const { return flags.find(f) != std::string::npos; }
};

struct HeaderDef {
    std::string flags;  // ?flags?
    std::string name;
    std::string value;
    std::string ruleset;  // $>name check
    std::string macro;    // ?${macro}? condition
};

struct QueueGroup {
    std::string name;
    std::map<std::string, std::string> params;
};

// An X line: a mail filter (milter) the SMTP server hands each message to.
// sendmail keeps a filter whose socket does not parse (its F= flags then
// say what happens to mail), so `usable` tells the client whether to try.
struct MailFilter {
    enum class Family { Local, Inet, Inet6 };
    std::string name;
    std::string socket;  // S= as written: [unix:|local:|inet:|inet6:]...
    Family family = Family::Local;
    std::string path;  // Local: the socket's file name
    int port = 0;      // Inet, Inet6
    std::string host;  // Inet, Inet6: a host name or the address inside [...]
    bool usable = false;
    std::string flags;  // F= letters, each once (R: reject, T: tempfail if unavailable)
    // T= in seconds: to connect (C), to send (S), to read (R), for the end of message (E).
    long connect_timeout = 300, send_timeout = 10, read_timeout = 10, eom_timeout = 300;
    std::string file;
    int line = 0;
    bool has_flag(char f) const { return flags.find(f) != std::string::npos; }
};

// Options: by long name, after single-letter translation.
struct Option {
    std::string name;
    std::string value;
};

class Config;

// What maps may ask of the configuration while they run.
class MapRegistry final : public maps::MapContext {
public:
    explicit MapRegistry(Config& cfg) : cfg_(cfg) {}
    maps::Map* find_map(std::string_view name) override;
    std::optional<std::string> macro(std::string_view name) const override;
    void define_macro(std::string_view name, std::string_view value) override;
    std::optional<std::string> option(std::string_view long_name) const override;
    std::optional<std::string> alias_name(std::string_view name, std::string_view where) override;
    void announce(std::string_view line, bool error) override;

    // Set by the program that has a rewriting engine (sendmail -bt): how a
    // stab map's names are parsed, and where its announcements are printed.
    std::function<std::optional<std::string>(std::string_view, std::string_view)> alias_parser;
    std::function<void(std::string_view, bool)> announcer;

private:
    Config& cfg_;
};

class Config {
public:
    Config();
    Config(const Config&) = delete;
    Config& operator=(const Config&) = delete;

    int version = 0;
    int errors = 0;  // diagnostics printed while reading (sendmail then exits 70)
    // The exit status -bt ends with after them: the first error's, 71
    // (EX_OSERR) for a class file refused or missing, else 70 (EX_SOFTWARE).
    int error_status = 0;
    void count_error(int status) {
        ++errors;
        if (!error_status) error_status = status;
    }
    std::vector<std::string> diagnostics;  // the same messages, for tests and logs
    char op_mode = 0;     // the -b letter sendmail runs as ('d', 's', 't', ...); 0: none given
    int stop_status = 0;  // a diagnostic that stops sendmail at once (EX_USAGE): the exit status
    bool trace_options = false;               // -d37: print each option as it is set
    std::vector<std::string> sticky_options;  // set on the command line: the cf may not change them
    // Sets an option as sendmail's setoption() does (trace, command-line priority).
    void set_option(const std::string& name, const std::string& value, bool from_command_line);
    std::string vendor;
    MacroTable macros;
    ClassTable classes;
    std::map<std::string, std::string> options;  // long name -> value
    std::vector<RulesetText> rulesets;           // index = ruleset number
    std::map<std::string, int, std::less<>> ruleset_names;  // case-sensitive names
    std::vector<Mailer> mailers;
    std::vector<HeaderDef> headers;
    std::vector<QueueGroup> queue_groups;
    std::vector<MailFilter> mail_filters;         // X lines, in order
    std::map<std::string, std::string> priorities;  // P lines
    std::vector<maps::MapDeclaration> map_declarations;
    std::map<std::string, std::unique_ptr<maps::Map>, std::less<>> maps;
    std::map<std::string, std::string> map_open_errors;
    std::vector<std::string> trusted_users;
    std::string operator_chars() const;  // $o plus sendmail's default

    // Looks a ruleset up by name or number text; -1 if none.
    int find_ruleset(std::string_view name) const;
    // Ruleset number for a name, assigning one as sendmail does when new.
    int enter_ruleset(std::string_view name);
    const RulesetText* ruleset(int number) const;
    std::string ruleset_label(int number) const;  // name if any, else number
    const Mailer* find_mailer(std::string_view name) const;
    // Filter names are matched without regard to case, as sendmail does.
    const MailFilter* find_mail_filter(std::string_view name) const;
    maps::Map* find_map(std::string_view name);
    const maps::Map* find_map(std::string_view name) const;
    MapRegistry& map_context() { return *registry_; }

private:
    void note_daemon(const std::string& spec);
    int daemons_ = 0;
    int next_auto_ruleset_ = 199;
    std::unique_ptr<MapRegistry> registry_;
};

// Command-line settings applied around the cf, as sendmail orders them.
struct LoadOptions {
    std::string path;
    std::vector<std::pair<std::string, std::string>> overrides;  // -O / -o
    std::vector<std::pair<std::string, std::string>> macros;     // -M
    bool trace_options = false;                                   // -d37
    char op_mode = 0;  // ${opMode}: the -b letter (t for -bt, v for -bv)
};

// Diagnostics go to stdout/stderr as sendmail prints them while reading.
util::Result<std::unique_ptr<Config>> load(const LoadOptions& opts);

// The filters InputMailFilters names, in order, as the daemon and -bs check
// them before they serve (-bt does not). The error has sendmail's text and
// exit status: an undefined name EX_CONFIG, more than 24 names EX_OSERR.
util::Result<std::vector<const MailFilter*>> input_mail_filters(const Config& cfg);

// Reads one cf line type into cfg; exposed for the unit tests.
void read_cf_text(Config& cfg, std::string_view text, const std::string& file);

// The system identity ($w $j $m $k and $=w), from the host name and HostsFile.
void discover_identity(Config& cfg, const std::string& hosts_file);

// Macro expansion with conditionals ($?x $| $.), leaving metasymbols that
// rules need ($*, $=X, $&x, $>, ...) untouched.
std::string expand_macros(std::string_view text, const MacroTable& macros);

// A K line (from its 'K') as sendmail's map classes receive it: `#`
// comments dropped, `$$` a '$', macros and conditionals expanded, the other
// metasymbols turned into sendmail's internal bytes (metasymbol_byte).
std::string expand_map_line(std::string_view line, MacroTable& macros);
// sendmail's internal byte for the metasymbol `$c` ('|' -> 0x9B, '(' -> 0x85,
// a digit -> 0x95 then the digit); '\0' when `$c` is a macro instead.
char metasymbol_byte(char symbol);

// A macro or class name at s[i]: `x` or `{name}` (as after D, C, F and the
// -bt commands .D/.C); advances i past it.
std::string macro_name_at(std::string_view s, size_t& i);

// Long option name for a single-letter option; empty if unknown.
std::string option_long_name(char letter);
// Canonical spelling of a long option name (case-insensitive); empty if unknown.
std::string option_canonical(std::string_view name);
// How -d37 shows an option's number: its letter, or 0x.. for long-only options.
std::string option_code(std::string_view name);

}  // namespace config
