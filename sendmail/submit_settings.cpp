// submit_settings.cpp: reads the parts of sendmail.cf that submission and
// the queue modes use, and the system identity ($w, $j) from the host name.
#include "sendmail/submit_settings.hpp"
#include "sendmail/startup.hpp"
#include "sendmail/queue_groups.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sysexits.h>
#include <unistd.h>

#include "util/strings.hpp"


namespace sendmail {

std::string SubmitSettings::option(const std::string& name, const std::string& dflt) const {
    auto it = options.find(util::to_lower(name));
    return it == options.end() ? dflt : it->second;
}

bool SubmitSettings::option_bool(const std::string& name, bool dflt) const {
    auto it = options.find(util::to_lower(name));
    if (it == options.end()) return dflt;
    std::string v = util::to_lower(it->second);
    return v.empty() || v[0] == 't' || v[0] == 'y' || v == "1";
}

long SubmitSettings::option_long(const std::string& name, long dflt) const {
    auto it = options.find(util::to_lower(name));
    if (it == options.end() || it->second.empty()) return dflt;
    return std::strtol(it->second.c_str(), nullptr, 10);
}

std::optional<std::string> SubmitSettings::macro(const std::string& name) const {
    if (!cfg) return std::nullopt;
    if (const std::string* v = cfg->macros.find(name)) return *v;
    return std::nullopt;
}

bool SubmitSettings::is_local_host(const std::string& lower_name) const {
    if (!cfg) return false;
    auto id = cfg->classes.find_class("w");
    return id && cfg->classes.contains_lower(*id, lower_name);
}

bool SubmitSettings::has_ruleset_zero() const { return engine && engine->ruleset_defined(0); }

// A set-group-id sendmail (the MSP's group smmsp) gives that group up when an
// ordinary user points it at another configuration or queue, as sendmail does.
void drop_group_if_redirected(const CommandLine& cl) {
    if (getuid() == 0 || getegid() == getgid()) return;
    bool redirected = cl.config_from_command_line;
    for (const auto& [k, v] : cl.options)
        redirected = redirected || util::iequals(long_option_name(k), "QueueDirectory");
    if (redirected && setgid(getgid()) != 0) _exit(EX_OSERR);
}

util::Result<SubmitSettings> read_settings(const CommandLine& cl, bool submission) {
    drop_group_if_redirected(cl);
    SubmitSettings s;
    config::LoadOptions lo;
    s.cf_path = lo.path = default_config_path(cl, submission);
    lo.overrides = cl.options;
    for (const auto& [name, value] : cl.macros) lo.macros.emplace_back(std::string(1, name), value);
    lo.op_mode = cl.mode == Mode::PrintQueue ? 'p' : cl.mode == Mode::QueueRun ? 'q' : 'm';
    auto loaded = config::load(lo);
    // A cf diagnostic that stops sendmail (an unknown delivery mode) is out
    // already: exit with its status.
    if (!loaded && loaded.error().message.empty()) return util::Error("configuration stopped", loaded.error().code);
    if (!loaded) {
        int err = errno;
        std::fprintf(stderr, "sendmail: cannot open %s: %s\n", lo.path.c_str(),
                     access(lo.path.c_str(), R_OK) == 0 ? loaded.error().message.c_str() : std::strerror(err ? err : ENOENT));
        return util::Error(loaded.error().message, EX_OSFILE);
    }
    // sendmail prints every cf error while reading and then stops, in every
    // mode but -bt, with the first error's status (EX_SOFTWARE, EX_OSERR for
    // a class file): nothing is queued or listed.
    configure_logging(**loaded, cl);
    if ((*loaded)->errors) return util::Error("configuration errors", (*loaded)->error_status);
    s.cfg = std::shared_ptr<config::Config>(std::move(*loaded));
    for (const auto& [k, v] : s.cfg->options) s.options[util::to_lower(k)] = v;
    for (const auto& [k, v] : cl.options) s.options[util::to_lower(long_option_name(k))] = v;
    // sendmail 8.17 stops every mode but -bt without a queue directory.
    if (!s.options.count("queuedirectory")) {
        std::printf("QueueDirectory (Q) option must be set\n");
        return util::Error("no queue directory", EX_CONFIG);
    }
    // The queue directory becomes the working directory; keep its name usable.
    if (auto q = s.options.find("queuedirectory"); q != s.options.end() && !q->second.empty() && q->second[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd)) q->second = std::string(cwd) + "/" + q->second;
    }
    // sendmail warns of a limit below 16 KB whenever the option is set so.
    if (long mh = s.option_long("MaxHeadersLength", 0); mh > 0 && mh < 16384)
        std::printf("Warning: MaxHeadersLength: headers length limit set lower than 16384\n");
    for (const auto& w : queue_group_warnings(s)) std::printf("%s\n", w.c_str());
    for (const auto& t : s.cfg->trusted_users) s.trusted_users.insert(t);
    for (const auto& t : s.cfg->classes.members("t")) s.trusted_users.insert(t);
    for (const auto& h : s.cfg->headers)
        if (h.ruleset.empty()) s.headers.push_back({h.flags, h.name, " " + h.value});
    for (const auto& [k, v] : s.cfg->priorities) s.precedences[util::to_lower(k)] = std::atoi(v.c_str());
    s.engine = std::make_shared<rewrite::Engine>(*s.cfg);
    s.engine->set_trace(false);
    return s;
}

std::string long_option_name(const std::string& name) {
    if (name.size() != 1) return name;
    static const std::map<char, const char*> letters = {
        {'7', "SevenBitInput"}, {'8', "EightBitMode"}, {'A', "AliasFile"}, {'a', "AliasWait"},
        {'B', "BlankSub"}, {'b', "MinFreeBlocks"}, {'C', "CheckpointInterval"}, {'c', "HoldExpensive"},
        {'D', "AutoRebuildAliases"}, {'d', "DeliveryMode"}, {'E', "ErrorHeader"}, {'e', "ErrorMode"},
        {'f', "SaveFromLine"}, {'F', "TempFileMode"}, {'G', "MatchGECOS"}, {'H', "HelpFile"},
        {'h', "MaxHopCount"}, {'i', "IgnoreDots"}, {'j', "SendMimeErrors"}, {'k', "ConnectionCacheTimeout"},
        {'K', "ConnectionCacheSize"}, {'L', "LogLevel"}, {'m', "MeToo"}, {'n', "CheckAliases"},
        {'o', "OldStyleHeaders"}, {'O', "DaemonPortOptions"}, {'p', "PrivacyOptions"},
        {'P', "PostmasterCopy"}, {'Q', "QueueDirectory"}, {'q', "QueueFactor"}, {'R', "DontPruneRoutes"},
        {'S', "StatusFile"}, {'s', "SuperSafe"}, {'T', "Timeout.queuereturn"}, {'t', "TimeZoneSpec"},
        {'u', "DefaultUser"}, {'U', "UserDatabaseSpec"}, {'V', "FallbackMXhost"}, {'v', "Verbose"},
        {'w', "TryNullMXList"}, {'x', "QueueLA"}, {'X', "RefuseLA"}, {'Y', "ForkEachJob"},
        {'y', "RecipientFactor"}, {'z', "ClassFactor"}, {'Z', "RetryFactor"},
    };
    auto it = letters.find(name[0]);
    return it == letters.end() ? name : it->second;
}

long parse_interval(const std::string& text, long dflt) {
    if (text.empty()) return dflt;
    long total = 0;
    size_t i = 0;
    while (i < text.size()) {
        char* end = nullptr;
        long n = std::strtol(text.c_str() + i, &end, 10);
        size_t used = static_cast<size_t>(end - (text.c_str() + i));
        if (used == 0) return dflt;
        i += used;
        long unit = 60;  // sendmail's default unit for time options is minutes
        if (i < text.size()) {
            switch (text[i]) {
            case 's': unit = 1; break;
            case 'm': unit = 60; break;
            case 'h': unit = 3600; break;
            case 'd': unit = 86400; break;
            case 'w': unit = 7 * 86400; break;
            default: return dflt;
            }
            ++i;
        }
        total += n * unit;
    }
    return total;
}

std::optional<int> enter_queue_directory(const SubmitSettings& s) {
    // A wildcard QueueDirectory (/var/spool/mqueue/q*) lives in its parent.
    std::string dir = queue::queue_base_directory(s.option("QueueDirectory", "/var/spool/mqueue"));
    if (chdir(dir.c_str()) == 0) return std::nullopt;
    std::printf("can not chdir(%s/): %s\n", dir.c_str(), std::strerror(errno));
    return EX_CONFIG;
}

std::string default_config_path(const CommandLine& cl, bool submission) {
    if (!cl.config_file.empty()) return cl.config_file;
    // sendmail's compiled-in place, wherever this program is installed.
    std::string dir = "/etc/mail/";
    // -Ac asks for the MSP's submit.cf, -Am for the MTA's sendmail.cf; without
    // either an ordinary user's submission goes through submit.cf.
    if (cl.submission_kind == 'c') return dir + "submit.cf";
    if (cl.submission_kind == 'm') return dir + "sendmail.cf";
    if (submission && getuid() != 0 && access((dir + "submit.cf").c_str(), R_OK) == 0) return dir + "submit.cf";
    return dir + "sendmail.cf";
}

}  // namespace sendmail
