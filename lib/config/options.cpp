// options.cpp: sendmail's option names, their single-letter forms, and the
// O-line syntaxes (`O Name=value`, `Ox value`). Unknown names are warned
// about and skipped, as sendmail does.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "config/config.hpp"
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

}  // namespace config
