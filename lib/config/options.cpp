// options.cpp: sendmail's option names, their single-letter forms, and the
// O-line syntaxes (`O Name=value`, `Ox value`). Unknown names and bad
// values are warned about and skipped, as sendmail does; an unknown
// delivery or 8-bit mode stops it (EX_USAGE).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <pwd.h>
#include <sysexits.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "util/strings.hpp"

namespace config {

namespace {

struct OptionName {
    const char* name;
    char letter;  // 0 when the option has only a long name
    int code;     // sendmail's internal number, shown by -d37 ("(0x82)")
};

// The options sendmail 8.17 knows, with their historic letters and the
// numbers its option trace prints (observed with -d37.1).
constexpr OptionName kOptions[] = {
    {"AliasFile", 'A', 'A'}, {"AliasWait", 'a', 'a'}, {"AllowBogusHELO", 0, 0x95}, {"AuthMaxBits", 0, 0xca},
    {"AuthMechanisms", 0, 0xae}, {"AuthOptions", 0, 0xbd}, {"AuthRealm", 0, 0xd6},
    {"BadRcptShutdown", 0, 0xe1}, {"BadRcptShutdownGood", 0, 0xe2}, {"BadRcptThrottle", 0, 0xc3},
    {"BlankSub", 'B', 'B'}, {"CACertFile", 0, 0xb8}, {"CACertPath", 0, 0xb9},
    {"CertFingerprintAlgorithm", 0, 0xbf}, {"CheckAliases", 'n', 'n'}, {"CheckpointInterval", 'C', 'C'},
    {"CipherList", 0, 0xc0}, {"CipherSuites", 0, 0xfa}, {"ClassFactor", 'z', 'z'},
    {"ClientCertFile", 0, 0xb6}, {"ClientKeyFile", 0, 0xb7}, {"ClientPortOptions", 0, 0xaf},
    {"ClientSSLOptions", 0, 0xe4}, {"ColonOkInAddr", 0, 0x8b}, {"ConnectionCacheSize", 'k', 'k'},
    {"ConnectionCacheTimeout", 'K', 'K'}, {"ConnectionRateThrottle", 0, 0x97},
    {"ConnectionRateWindowSize", 0, 0xd3}, {"ConnectOnlyTo", 0, 0xa6}, {"ControlSocketName", 0, 0xa9},
    {"CRLFile", 0, 0xd4}, {"CRLPath", 0, 0xd7}, {"DaemonPortOptions", 'O', 'O'},
    {"DataFileBufferSize", 0, 0xb0}, {"DeadLetterDrop", 0, 0xa3}, {"DefaultAuthInfo", 0, 0xad},
    {"DefaultCharSet", 0, 0x85}, {"DefaultUser", 'u', 'u'}, {"DelayLA", 0, 0xcd}, {"DeliverByMin", 0, 0xc4},
    {"DeliveryMode", 'd', 'd'}, {"DHParameters", 0, 0xba}, {"DialDelay", 0, 0x87},
    {"DirectSubmissionModifiers", 0, 0xc7}, {"DontBlameSendmail", 0, 0xa0}, {"DontExpandCnames", 0, 0x8e},
    {"DontInitGroups", 0, 0x93}, {"DontProbeInterfaces", 0, 0xa1}, {"DontPruneRoutes", 'R', 'R'},
    {"DoubleBounceAddress", 0, 0x9a}, {"EightBitMode", '8', '8'}, {"ErrorHeader", 'E', 'E'},
    {"ErrorMode", 'e', 'e'}, {"FallbackMXhost", 'V', 'V'}, {"FallbackSmartHost", 0, 0xd5},
    {"FastSplit", 0, 0xce}, {"ForkEachJob", 'Y', 'Y'}, {"ForwardPath", 'J', 'J'}, {"HeloName", 0, 0xd8},
    {"HelpFile", 'H', 'H'}, {"HoldExpensive", 'c', 'c'}, {"HostsFile", 0, 0x82},
    {"HostStatusDirectory", 0, 0x9b}, {"IgnoreDots", 'i', 'i'}, {"InputMailFilters", 0, 0xbb},
    {"LDAPDefaultSpec", 0, 0xb2}, {"LogLevel", 'L', 'L'}, {"MailboxDatabase", 0, 0xcb},
    {"MatchGECOS", 'G', 'G'}, {"MaxAliasRecursion", 0, 0xa5}, {"MaxDaemonChildren", 0, 0x8d},
    {"MaxHeadersLength", 0, 0xaa}, {"MaxHopCount", 'h', 'h'}, {"MaxMessageSize", 0, 0x8a},
    {"MaxMimeHeaderLength", 0, 0xa8}, {"MaxNOOPCommands", 0, 0xdc}, {"MaxQueueAge", 0, 0xe5},
    {"MaxQueueChildren", 0, 0xc5}, {"MaxQueueRunSize", 0, 0x8c}, {"MaxRecipientsPerMessage", 0, 0xa2},
    {"MaxRunnersPerQueue", 0, 0xc6}, {"MeToo", 'm', 'm'}, {"Milter", 0, 0xbc}, {"MinFreeBlocks", 'b', 'b'},
    {"MinQueueAge", 0, 0x83}, {"MustQuoteChars", 0, 0x8f}, {"NiceQueueRun", 0, 0xc8},
    {"NoRecipientAction", 0, 0x88}, {"OldStyleHeaders", 'o', 'o'}, {"OperatorChars", 0, 0x92},
    {"PidFile", 0, 0x9f}, {"PostmasterCopy", 'P', 'P'}, {"PrivacyOptions", 'p', 'p'},
    {"ProcessTitlePrefix", 0, 0xac}, {"QueueDirectory", 'Q', 'Q'}, {"QueueFactor", 'q', 'q'},
    {"QueueFileMode", 0, 0xbe}, {"QueueLA", 'x', 'x'}, {"QueueSortOrder", 0, 0x81},
    {"QueueTimeout", 'T', 'T'}, {"RandFile", 0, 0xc1}, {"RecipientFactor", 'y', 'y'}, {"RefuseLA", 'X', 'X'},
    {"RejectLogInterval", 0, 0xd1}, {"RejectNUL", 0, 0xe9}, {"RequiresDirfsync", 0, 0xd2},
    {"ResolverOptions", 'I', 'I'}, {"RetryFactor", 'Z', 'Z'}, {"RrtImpliesDsn", 0, 0x9e},
    {"RunAsUser", 0, 0x9d}, {"SafeFileEnvironment", 0, 0x89}, {"SaveFromLine", 'f', 'f'},
    {"SendMimeErrors", 'j', 'j'}, {"ServerCertFile", 0, 0xb4}, {"ServerKeyFile", 0, 0xb5},
    {"ServerSSLOptions", 0, 0xe3}, {"ServiceSwitchFile", 0, 0x86}, {"SetCertAltnames", 0, 0xf7},
    {"SevenBitInput", '7', '7'}, {"SharedMemoryKey", 0, 0xc9}, {"SharedMemoryKeyFile", 0, 0xd0},
    {"SingleLineFromHeader", 0, 0x94}, {"SingleThreadDelivery", 0, 0x9c}, {"SmtpGreetingMessage", 0, 0x90},
    {"SmtpUTF8", 0, 0xf8}, {"SoftBounce", 0, 0xcf}, {"SSLEngine", 0, 0xed}, {"SSLEnginePath", 0, 0xee},
    {"StatusFile", 'S', 'S'}, {"StrictTransportSecurity", 0, 0xf9}, {"SuperSafe", 's', 's'},
    {"TempFileMode", 'F', 'F'}, {"Timeout", 'r', 'r'},
    {"TimeZoneSpec", 't', 't'}, {"TLSFallbacktoClear", 0, 0xef}, {"TLSSrvOptions", 0, 0xc2},
    {"TrustedUser", 0, 0xa7}, {"TryNullMXList", 'w', 'w'}, {"UnixFromLine", 0, 0x91},
    {"UseCompressedIPv6Addresses", 0, 0xec}, {"UseErrorsTo", 'l', 'l'}, {"UseMSP", 0, 0xcc},
    {"UserDatabaseSpec", 'U', 'U'}, {"Verbose", 'v', 'v'}, {"XscriptFileBufferSize", 0, 0xb1},
};

}  // namespace

std::string option_long_name(char letter) {
    for (const auto& o : kOptions)
        if (o.letter == letter) return o.name;
    return {};
}

std::string option_canonical(std::string_view name) {
    for (const auto& o : kOptions)
        if (util::iequals(o.name, name)) return o.name;
    // Timeout.* and Milter.* sub-options belong to their family.
    if (util::starts_with_nocase(name, "Timeout.")) return "Timeout." + std::string(name.substr(8));
    if (util::starts_with_nocase(name, "Milter.")) return "Milter." + std::string(name.substr(7));
    return {};
}

std::string option_code(std::string_view name) {
    std::string base(name.substr(0, name.find('.')));
    for (const auto& o : kOptions) {
        if (!util::iequals(o.name, base)) continue;
        char buf[16];
        if (o.code < 0x80) std::snprintf(buf, sizeof buf, "%c", o.code);
        else std::snprintf(buf, sizeof buf, "0x%x", o.code);
        return buf;
    }
    return "?";
}

namespace {

// The Timeout.* names sendmail 8.17 knows (case-insensitive).
constexpr const char* kTimeouts[] = {"initial",
                                     "mail",
                                     "rcpt",
                                     "datainit",
                                     "datablock",
                                     "datafinal",
                                     "command",
                                     "rset",
                                     "helo",
                                     "quit",
                                     "misc",
                                     "fileopen",
                                     "connect",
                                     "aconnect",
                                     "iconnect",
                                     "control",
                                     "ident",
                                     "hoststatus",
                                     "lhlo",
                                     "auth",
                                     "starttls",
                                     "resolver.retrans",
                                     "resolver.retrans.first",
                                     "resolver.retrans.normal",
                                     "resolver.retry",
                                     "resolver.retry.first",
                                     "resolver.retry.normal",
                                     "queuereturn",
                                     "queuereturn.normal",
                                     "queuereturn.urgent",
                                     "queuereturn.non-urgent",
                                     "queuereturn.dsn",
                                     "queuewarn",
                                     "queuewarn.normal",
                                     "queuewarn.urgent",
                                     "queuewarn.non-urgent",
                                     "queuewarn.dsn"};

// Options whose value is a duration ("1h30m"); a unit other than s, m, h,
// d, w is reported.
constexpr const char* kDurations[] = {"AliasWait",         "MinQueueAge", "DeliverByMin",
                                      "DialDelay",         "MaxQueueAge", "ConnectionCacheTimeout",
                                      "RejectLogInterval", "Timeout"};

}  // namespace

// Reports every bad unit of a duration (sendmail reads each character
// after a number as a unit); false if there was one.
bool check_duration(std::string_view raw, Reader& r) {
    // Each byte is a unit on its own, as sendmail stores it: one between
    // 0x80 and 0x9f, or 0xff, behind a quoting 0xff; shown in 7 bits.
    std::string stored;
    for (unsigned char c : raw) {
        if ((c >= 0x80 && c <= 0x9f) || c == 0xff) stored += '\x7f';
        stored += static_cast<char>(c & 0x7f);
    }
    std::string_view v = stored;
    bool good = true;
    size_t i = 0;
    while (i < v.size()) {
        if (v[i] == '-' || v[i] == '+') ++i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i;
        if (i >= v.size()) break;
        char unit = v[i++];
        if (unit == 0 || !std::strchr("smhdw", unit)) {
            r.warn(std::string("Invalid time unit `") + unit + "'");
            good = false;
        }
    }
    return good;
}

namespace {

// What sendmail checks of a value while it reads the cf.
void check_value(Config& cfg, const std::string& name, const std::string& raw, Reader& r) {
    // Only durations see the blanks in front of a value.
    const std::string value(util::trim(raw));
    if (check_listed_value(name, value, r)) return;
    if (name == "DeliveryMode" && !value.empty() && !std::strchr("ibqd", value[0])) {
        r.error(std::string("Unknown delivery mode ") + value[0]);
        cfg.stop_status = EX_USAGE;
    } else if (name == "EightBitMode" && (value.empty() || !std::strchr("mps", value[0]))) {
        r.error("Unknown 8-bit mode " + value.substr(0, 1));
        cfg.stop_status = EX_USAGE;
    } else if (name == "DefaultUser" || name == "RunAsUser" || name == "TrustedUser") {
        std::string user = value.substr(0, value.find(':'));
        bool numeric = !user.empty() && std::all_of(user.begin(), user.end(),
                                                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (!numeric && !getpwnam(user.c_str()))
            r.error("readcf: option " + std::string(name == "DefaultUser" ? "u" : name) + ": unknown user " + user);
    } else if (util::starts_with_nocase(name, "Timeout.")) {
        std::string sub = name.substr(8);
        bool known = std::any_of(std::begin(kTimeouts), std::end(kTimeouts),
                                 [&](const char* t) { return util::iequals(t, sub); });
        if (!known) {
            r.error("settimeout: invalid timeout " + sub);
            return;
        }
        // The queue return and warning times are read twice (sendmail
        // reports a bad unit twice).
        bool twice = util::starts_with_nocase(sub, "queue");
        if (check_duration(raw, r) == false && twice) check_duration(raw, r);
    } else if (name == "QueueTimeout") {
        auto slash = raw.find('/');
        if (slash != std::string::npos) {
            check_duration(std::string_view(raw).substr(0, slash), r);
            check_duration(std::string_view(raw).substr(slash + 1), r);
        } else if (!check_duration(raw, r)) {
            check_duration(raw, r);
        }
    } else if (name == "Timeout" && value.find('=') == std::string::npos && value.find(',') == std::string::npos) {
        check_duration(raw, r);
    } else if (std::any_of(std::begin(kDurations), std::end(kDurations), [&](const char* d) { return name == d; })) {
        check_duration(raw, r);
    }
}

}  // namespace

// `O Name=value` (one space after the O; a second one belongs to the name)
// or `Ox value` with a single letter.
void read_option_line(Config& cfg, std::string_view line, Reader& r) {
    std::string name, value;
    if (line.size() > 1 && line[1] == ' ') {
        std::string_view rest = line.substr(2);
        auto eq = rest.find('=');
        std::string_view n = rest.substr(0, eq);
        while (!n.empty() && (n.back() == ' ' || n.back() == '\t')) n.remove_suffix(1);
        if (n.empty()) {
            r.error("readcf: null option name");
            return;
        }
        value = eq == std::string_view::npos ? "" : std::string(util::trim(rest.substr(eq + 1)));
        std::string canon = option_canonical(n);
        if (canon.empty()) {
            r.error("readcf: unknown option name " + std::string(n.substr(0, n.find('.'))));
            return;
        }
        name = canon;
    } else {
        unsigned char letter = line.size() > 1 ? static_cast<unsigned char>(line[1]) : 0;
        name = letter ? option_long_name(static_cast<char>(letter)) : "";
        // M (a macro) and g (a group id) are old letters sendmail still takes.
        if (letter == 'g') check_group_letter(line.substr(2), r);
        if (letter == 'M' || letter == 'g') return;
        if (name.empty()) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "readcf: unknown option name 0x%x", letter);
            r.error(buf);
            return;
        }
        // Blanks after the letter are part of the value as sendmail checks
        // it (a duration's ' ' is a bad unit); the setting keeps it trimmed.
        check_value(cfg, name, std::string(line.substr(2)), r);
        if (cfg.stop_status) return;
        cfg.set_option(name, std::string(util::trim(line.substr(2))), false);
        return;
    }
    check_value(cfg, name, value, r);
    if (cfg.stop_status) return;
    cfg.set_option(name, value, false);
}

}  // namespace config
