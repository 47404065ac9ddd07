// rewrite.hpp: the public interface of lib/rewrite: sendmail's tokenizer
// (prescan), compiled rulesets, and the rewriting engine with its -d21 style
// trace. Addresses are token lists; metasymbols ($# $@ $: $|) are tokens
// whose first byte is NUL, which no input line can contain.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace rewrite {

using Tokens = std::vector<std::string>;

inline std::string meta(char c) { return std::string{'\0', c}; }
inline bool is_meta(const std::string& t, char c) { return t.size() >= 2 && t[0] == '\0' && t[1] == c; }
inline bool is_meta(const std::string& t) { return !t.empty() && t[0] == '\0'; }

enum class TokenMode {
    Address,        // -bt input and rule text: parentheses are tokens
    AddressNoComments,  // parseaddr: (comments) are dropped
    Rule,           // cf rules: $x metasymbols are tokens
};

struct TokenizeResult {
    Tokens tokens;
    std::string error;      // the first of `errors`; empty when fine
    std::vector<std::string> errors;  // "Unbalanced '<'" etc., one per problem, in order
    size_t consumed = 0;    // bytes read (up to the delimiter)
    // A word longer than the max_token asked for ended the walk there:
    // `errors` hold only the complaints met before it, `tokens` are unusable.
    bool token_too_long = false;
    // The words with a byte each after them outgrew the max_bytes asked for
    // (sendmail's "Address too long"); the walk ended there, as above.
    bool address_too_long = false;
};

// delim: stop at this character outside quotes and comments (0: none);
// like sendmail's -bt, an open '<' does not hide it. max_token: the longest
// word allowed (0: no limit), as parseaddr's token buffer.
TokenizeResult tokenize(std::string_view text, std::string_view operator_chars, TokenMode mode,
                        char delim = 0, size_t max_token = 0, size_t max_bytes = 0);

// Bytes 0x80-0x9f are sendmail's own metacharacters: an address holding
// one is refused ("8-bit character in mailbox address"), shown with the
// high bits stripped and '?' for what is left unprintable.
bool has_reserved_byte(std::string_view s);
std::string strip_high_bits(std::string_view s);
// How error messages quote an address: high bits stripped, control bytes dropped.
std::string printable_7bit(std::string_view s);

// Prints tokens as sendmail does in traces: space separated, metas as $x.
std::string format_tokens(const Tokens& t);
// names: where the id byte of a long class or macro name in a map's value
// ($={foo} as 0x93 0xA2) is looked up to show as `$={foo}`.
std::string format_token(const std::string& t, const config::MacroTable* names = nullptr);
// A macro value or mailer argv as -bt echoes it ($x, =M's A=), sendmail's
// xputs(): every 8-bit byte as "M-" and then its metasymbol ("M-$|"), its
// low 7 bits, or "M-" again for a control byte; tab, newline and return as
// \t \n \r; other control bytes left out.
std::string echo_form(std::string_view s);
// Joins tokens back into an address string: no spaces between tokens
// except between two words, as sendmail's cataddr.
std::string join_tokens(const Tokens& t, std::string_view operator_chars, char space = ' ');
// The same for a map key: metasymbols are sendmail's internal bytes
// (`$|` is 0x9B), which is what a map (a regex, a program) is given.
std::string join_map_key(const Tokens& t, std::string_view operator_chars, char space = ' ');
// One metasymbol token as that byte (then its digit or name).
std::string internal_form(const std::string& meta_token);
// A word (not an operator, quoted string or metasymbol).
bool is_atom(const std::string& tok, std::string_view operator_chars);

// Status of a rewrite, sendmail's EX_ codes.
constexpr int kOk = 0;
constexpr int kTempFail = 75;
constexpr int kConfigError = 78;
constexpr int kDataError = 65;
constexpr int kUnavailable = 69;

struct Pattern;
struct CompiledRule;

// The engine owns compiled rulesets for one Config and the macros that -bt
// may change (.D); classes changed by .C live in the Config it is given.
class Engine {
public:
    explicit Engine(config::Config& cfg);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Runs ruleset `number` over `tokens` in place; returns an EX_ status.
    int run(int number, Tokens& tokens, int depth = 0);
    // Number of a ruleset by name or number text, -1 if undefined.
    int find_ruleset(std::string_view name) const;
    bool ruleset_defined(int number) const;

    void set_trace(bool on) { trace_ = on; }
    bool trace() const { return trace_; }
    void set_trace_detail(bool on) { detail_ = on; }
    // -d21.2 and up: "rewrite: LHS $&{x} => ..." for each deferred macro matched.
    void set_macro_trace(bool on) { macro_trace_ = on; }
    config::Config& config() { return cfg_; }

    // The =S listing of a ruleset (lines without the prompt).
    std::string dump_ruleset(int number) const;
    // Tokenizes with this config's OperatorChars.
    TokenizeResult tokenize(std::string_view text, TokenMode mode = TokenMode::Address,
                            char delim = 0, size_t max_token = 0, size_t max_bytes = 0) const;
    std::string join(const Tokens& t) const { return join_tokens(t, opchars_); }
    // Joined with the BlankSub character between words, as addresses handed
    // to mailers are.
    std::string join_address(const Tokens& t) const;
    // A map key or argument: join_address with metasymbols as internal bytes.
    std::string join_key(const Tokens& t) const;
    // A map lookup as $( $) does it; nullopt if no match.
    // status receives the EX_ code of a failed lookup.
    std::optional<std::string> map_lookup(const std::string& map, const std::string& key,
                                          const std::vector<std::string>& args, int& status,
                                          bool& map_missing);

    // A lookup as /map does it, reporting an unusable map file once.
    // `show_each` false: the caller prints the lookup's own message (/map).
    maps::LookupResult lookup(maps::Map& m, const std::string& key, const std::vector<std::string>& args,
                              bool show_each = true);

    // Where trace lines go (stdout in -bt).
    std::FILE* out = stdout;
    // Set when a configuration problem showed while rewriting (a loop, too
    // deep recursion): sendmail then exits with EX_SOFTWARE.
    bool system_error = false;
    // The status the first of those gives when not EX_SOFTWARE (0 then):
    // a map file that cannot be opened is an OS error, EX_OSERR.
    int system_error_status = 0;

private:
    int run_rules(int number, Tokens& tokens, int depth);
    // 0, or the n of a $n that the match did not bind.
    int rhs_expand(const CompiledRule& rule, const std::vector<std::pair<size_t, size_t>>& bind,
                   const Tokens& in, Tokens& result) const;
    int do_lookups(Tokens& tokens);
    void strip_call_quotes(int number, size_t rule);
    std::string lookup_key(const std::string& map, const std::string& key) const;
    int do_calls(Tokens& tokens, int depth);
    void compile_all();

    config::Config& cfg_;
    std::string opchars_;
    std::vector<std::vector<CompiledRule>> rules_;
    std::vector<std::string> reported_;  // map open failures already printed
    bool trace_ = true;
    bool detail_ = false;
    bool abandoned_ = false;  // the running ruleset stopped on a rule it could not apply
    bool macro_trace_ = false;
};

}  // namespace rewrite
