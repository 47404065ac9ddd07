// config.cpp: Config's lookups, the map context maps call back into, and
// load(): identity first, then the cf, then command-line options, in
// sendmail's order.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/utsname.h>
#include <sysexits.h>
#include <pwd.h>
#include <unistd.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "util/strings.hpp"

namespace config {

// sendmail defines prog, *file* and *include* before it reads any cf.
Config::Config() : registry_(std::make_unique<MapRegistry>(*this)) { add_builtin_mailers(*this); }

std::string Config::operator_chars() const {
    auto it = options.find("OperatorChars");
    if (it != options.end()) return it->second;
    if (const std::string* o = macros.find("o")) return *o;
    return ".:@[]";
}

void Config::set_option(const std::string& name, const std::string& value, bool from_command_line) {
    bool sticky = !from_command_line &&
                  std::find(sticky_options.begin(), sticky_options.end(), name) != sticky_options.end();
    if (trace_options) {
        auto dot = name.find('.');
        std::string base = name.substr(0, dot), sub = dot == std::string::npos ? "" : name.substr(dot);
        std::printf("setoption %s (%s)%s=%s%s\n", base.c_str(), option_code(name).c_str(), sub.c_str(),
                    value.c_str(), sticky ? " (ignored)" : "");
    }
    if (sticky) return;
    if (from_command_line) sticky_options.push_back(name);
    options[name] = value;
    if (name == "DaemonPortOptions") note_daemon(value);
}

// Each DaemonPortOptions defines a daemon; -d37 shows its name and flags.
void Config::note_daemon(const std::string& spec) {
    std::string name = "Daemon" + std::to_string(daemons_++);
    std::string flags, modifiers;
    for (const auto& part : util::split(spec, ',')) {
        std::string_view p = util::trim(part);
        auto eq = p.find('=');
        if (eq == std::string_view::npos) continue;
        std::string key(util::trim(p.substr(0, eq))), val(util::trim(p.substr(eq + 1)));
        if (util::iequals(key, "Name")) name = val;
        if (key == "M" || util::iequals(key, "Modifier")) modifiers = val;
    }
    // Flag names in the order sendmail lists them (only the ones observed).
    static const std::pair<char, const char*> kNames[] = {{'a', "AUTHREQ"}, {'E', "NOETRN"}};
    for (const auto& [letter, label] : kNames) {
        if (modifiers.find(letter) == std::string::npos) continue;
        flags += flags.empty() ? "<" : ",";
        flags += label;
    }
    if (!flags.empty()) flags += ">";
    if (trace_options) std::printf("Daemon %s flags: %s\n", name.c_str(), flags.c_str());
}

int Config::find_ruleset(std::string_view name) const {
    if (name.empty()) return -1;
    if (std::isdigit(static_cast<unsigned char>(name[0]))) {
        int n = std::atoi(std::string(name).c_str());
        return n >= 0 && n < 200 ? n : -1;
    }
    auto it = ruleset_names.find(name);
    return it == ruleset_names.end() ? -1 : it->second;
}

int Config::enter_ruleset(std::string_view name) {
    int n = find_ruleset(name);
    if (n >= 0) return n;
    // Named rulesets without a number get the next one from 199 down, none
    // skipped (numbers above 99 cannot be given by hand).
    n = next_auto_ruleset_--;
    ruleset_names[std::string(name)] = n;
    if (static_cast<size_t>(n) >= rulesets.size()) rulesets.resize(n + 1);
    rulesets[n].number = n;
    rulesets[n].name = std::string(name);
    return n;
}

const RulesetText* Config::ruleset(int number) const {
    if (number < 0 || static_cast<size_t>(number) >= rulesets.size()) return nullptr;
    return &rulesets[number];
}

std::string Config::ruleset_label(int number) const {
    const RulesetText* rs = ruleset(number);
    if (rs && !rs->name.empty()) return rs->name;
    return std::to_string(number);
}

// Mailer names are matched without regard to case, as sendmail does.
const Mailer* Config::find_mailer(std::string_view name) const {
    for (const auto& m : mailers)
        if (util::iequals(m.name, name)) return &m;
    return nullptr;
}

maps::Map* Config::find_map(std::string_view name) {
    auto it = maps.find(name);
    return it == maps.end() ? nullptr : it->second.get();
}

const maps::Map* Config::find_map(std::string_view name) const {
    auto it = maps.find(name);
    return it == maps.end() ? nullptr : it->second.get();
}

maps::Map* MapRegistry::find_map(std::string_view name) { return cfg_.find_map(name); }

std::optional<std::string> MapRegistry::macro(std::string_view name) const {
    const std::string* v = cfg_.macros.find(name);
    if (!v) return std::nullopt;
    return *v;
}

// The macro map's key names the macro as a cf line would: `x' or `{name}'.
void MapRegistry::define_macro(std::string_view name, std::string_view value) {
    size_t i = 0;
    std::string bare = name.empty() ? std::string() : macro_name_at(name, i);
    cfg_.macros.define(i == name.size() ? bare : std::string(name), value);
}

std::optional<std::string> MapRegistry::option(std::string_view long_name) const {
    auto it = cfg_.options.find(std::string(long_name));
    if (it == cfg_.options.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> MapRegistry::alias_name(std::string_view name, std::string_view where) {
    return alias_parser ? alias_parser(name, where) : maps::MapContext::alias_name(name, where);
}

void MapRegistry::announce(std::string_view line, bool error) {
    if (announcer) announcer(line, error);
}

namespace {

void apply_override(Config& cfg, const std::string& key, const std::string& value) {
    std::string name = key.size() == 1 ? option_long_name(key[0]) : option_canonical(key);
    if (name.empty() && key.size() > 1) {
        // As in the cf, but there is no file and line to name.
        std::printf("readcf: unknown option name %s\n", key.c_str());
        cfg.count_error(70);
        cfg.diagnostics.push_back("readcf: unknown option name " + key);
        return;
    }
    if (name.empty()) name = key;
    cfg.set_option(name, value, true);
}

void declare_default_maps(Config& cfg) {
    if (cfg.find_map("host") || cfg.map_open_errors.count("host")) return;
    maps::MapDeclaration d;
    // sendmail's own host map (used by $[ $]) appends a dot to names it
    // canonified: it is declared `host host -a. -D`.
    d.name = "host";
    d.class_name = "host";
    d.arguments = "-a. -D";
    d.file = "(builtin)";
    auto opened = maps::open_map(d, cfg.map_context());
    if (opened) cfg.maps["host"] = std::move(*opened);
}

// What sendmail says of the version level the cf ends with (not an error).
void warn_about_version(Config& cfg) {
    constexpr int kVersion = 10;
    std::string warning;
    if (cfg.version < kVersion)
        warning = "Warning: .cf file is out of date: sendmail 8.17.1.9 supports version 10, .cf file is version " +
                  std::to_string(cfg.version);
    else if (cfg.version > kVersion)
        warning = "Warning: .cf version level (" + std::to_string(cfg.version) +
                  ") exceeds sendmail version 8.17.1.9 functionality (10)";
    if (warning.empty()) return;
    if (cfg.version > kVersion) cfg.count_error(70);  // sendmail exits 70 for this one, not for an old cf
    std::printf("%s\n", warning.c_str());
    cfg.diagnostics.push_back(warning);
}

}  // namespace

util::Result<std::unique_ptr<Config>> load(const LoadOptions& opts) {
    auto cfg = std::make_unique<Config>();
    cfg->macros.define("v", "8.17.1.9");
    cfg->op_mode = opts.op_mode;
    if (opts.op_mode) cfg->macros.define("opMode", std::string(1, opts.op_mode));
    // -O options are in force while the cf is read (maps opened by K lines
    // see them) and the cf cannot change them.
    cfg->trace_options = opts.trace_options;
    for (const auto& [k, v] : opts.overrides) apply_override(*cfg, k, v);
    discover_identity(*cfg, "/etc/hosts");
    // $_ says who is running sendmail, as an RFC 1413 answer would.
    if (const passwd* pw = getpwuid(getuid())) cfg->macros.define("_", std::string(pw->pw_name) + "@localhost");
    for (const auto& [k, v] : opts.macros) cfg->macros.define(k, v);

    std::ifstream in(opts.path, std::ios::binary);
    if (!in) return util::Error(opts.path, 0, std::strerror(errno), EX_OSFILE);
    std::ostringstream ss;
    ss << in.rdbuf();
    read_cf_text(*cfg, ss.str(), opts.path);
    // The diagnostic is out already; sendmail exits without another word.
    if (cfg->stop_status) return util::Error(opts.path, 0, "", cfg->stop_status);
    warn_about_version(*cfg);
    for (const auto& [k, v] : opts.macros) {
        cfg->macros.define(k, v);
        if (k == "j") cfg->classes.add("w", v);
    }
    // $j always belongs to $=w, whatever the cf set it to.
    if (const std::string* j = cfg->macros.find("j"))
        cfg->classes.add("w", expand_macros(*j, cfg->macros));
    declare_default_maps(*cfg);
    if (opts.op_mode == 't') {
        // Address test mode never delivers: sendmail forces these after the cf.
        cfg->set_option("HoldExpensive", "F", false);
        cfg->set_option("DeliveryMode", "", false);
    }
    // ${deliveryMode} is the mode's letter; an empty DeliveryMode means interactive.
    std::string dm = cfg->options.count("DeliveryMode") ? cfg->options["DeliveryMode"] : "";
    cfg->macros.define("deliveryMode", dm.empty() ? "i" : dm.substr(0, 1));
    if (!cfg->find_mailer("local")) {
        std::printf("No local mailer defined\n");
        cfg->count_error(70);  // sendmail's syserr: -bt exits 70
        cfg->diagnostics.push_back("No local mailer defined");
    }
    return cfg;
}

}  // namespace config
