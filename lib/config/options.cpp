// options.cpp: sendmail's option names, their single-letter forms, and the
// O-line syntaxes (`O Name=value`, `Ox value`). Unknown names are warned
// about and skipped, as sendmail does.
#include <algorithm>
#include <cstring>

#include "config/config.hpp"
#include "util/strings.hpp"

namespace config {

namespace {

struct OptionName {
    const char* name;
    char letter;  // 0 when the option has only a long name
};

// The long names sendmail 8.17 knows; letters for the historic short forms.
constexpr OptionName kOptions[] = {
    {"SevenBitInput", '7'}, {"EightBitMode", '8'}, {"AliasWait", 'a'}, {"AliasFile", 'A'},
    {"MinFreeBlocks", 'b'}, {"BlankSub", 'B'}, {"HoldExpensive", 'c'}, {"CheckpointInterval", 'C'},
    {"DeliveryMode", 'd'}, {"ErrorMode", 'e'}, {"TempFileMode", 'F'}, {"SaveFromLine", 'f'},
    {"MatchGECOS", 'G'}, {"HelpFile", 'H'}, {"MaxHopCount", 'h'}, {"ResolverOptions", 'I'},
    {"IgnoreDots", 'i'}, {"ForwardPath", 'J'}, {"SendMimeErrors", 'j'},
    {"ConnectionCacheSize", 'k'}, {"ConnectionCacheTimeout", 'K'}, {"UseErrorsTo", 'l'},
    {"LogLevel", 'L'}, {"MeToo", 'm'}, {"CheckAliases", 'n'}, {"OldStyleHeaders", 'o'},
    {"DaemonPortOptions", 'O'}, {"PrivacyOptions", 'p'}, {"PostmasterCopy", 'P'},
    {"QueueFactor", 'q'}, {"QueueDirectory", 'Q'}, {"Timeout", 'r'}, {"SuperSafe", 's'},
    {"StatusFile", 'S'}, {"TimeZoneSpec", 't'}, {"QueueTimeout", 'T'}, {"DefaultUser", 'u'},
    {"UserDatabaseSpec", 'U'}, {"Verbose", 'v'}, {"FallbackMXhost", 'V'},
    {"TryNullMXList", 'w'}, {"QueueLA", 'x'}, {"RefuseLA", 'X'}, {"RecipientFactor", 'y'},
    {"ForkEachJob", 'Y'}, {"ClassFactor", 'z'}, {"RetryFactor", 'Z'},
    {"QueueSortOrder", 0}, {"HostStatusDirectory", 0}, {"MinQueueAge", 0}, {"DefaultCharSet", 0},
    {"DialDelay", 0}, {"NoRecipientAction", 0}, {"SafeFileEnvironment", 0},
    {"MaxMessageSize", 0}, {"ColonOkInAddr", 0}, {"MaxQueueRunSize", 0}, {"MaxDaemonChildren", 0},
    {"ConnectionRateThrottle", 0}, {"ConnectionRateWindowSize", 0}, {"SmtpGreetingMessage", 0},
    {"UnixFromLine", 0}, {"OperatorChars", 0}, {"DontInitGroups", 0}, {"SingleLineFromHeader", 0},
    {"SingleThreadDelivery", 0}, {"AllowBogusHELO", 0}, {"MustQuoteChars", 0},
    {"ServiceSwitchFile", 0}, {"HostsFile", 0}, {"DontProbeInterfaces", 0},
    {"DontBlameSendmail", 0}, {"MaxRecipientsPerMessage", 0}, {"RunAsUser", 0},
    {"TrustedUser", 0}, {"ControlSocketName", 0}, {"MaxHeadersLength", 0}, {"MaxMimeHeaderLength", 0},
    {"MaxAliasRecursion", 0}, {"DontExpandCnames", 0}, {"DontPruneRoutes", 0},
    {"ClientPortOptions", 0}, {"ConnectOnlyTo", 0}, {"ProcessTitlePrefix", 0},
    {"DeadLetterDrop", 0}, {"QueueFileMode", 0}, {"LDAPDefaultSpec", 0}, {"DataFileBufferSize", 0},
    {"XscriptFileBufferSize", 0}, {"RrtImpliesDsn", 0}, {"SharedMemoryKey", 0},
    {"SharedMemoryKeyFile", 0}, {"CACertPath", 0}, {"CACertFile", 0}, {"ServerCertFile", 0},
    {"ServerKeyFile", 0}, {"ClientCertFile", 0}, {"ClientKeyFile", 0}, {"DHParameters", 0},
    {"RandFile", 0}, {"CRLFile", 0}, {"CRLPath", 0}, {"CipherList", 0}, {"ServerSSLOptions", 0},
    {"ClientSSLOptions", 0}, {"TLSFallbacktoClear", 0}, {"CertFingerprintAlgorithm", 0},
    {"SSLEngine", 0}, {"SSLEnginePath", 0}, {"AuthMechanisms", 0}, {"AuthOptions", 0},
    {"AuthMaxBits", 0}, {"AuthRealm", 0}, {"DefaultAuthInfo", 0}, {"PidFile", 0},
    {"MilterLogLevel", 0}, {"InputMailFilters", 0}, {"Milter", 0}, {"MaxNOOPCommands", 0},
    {"BadRcptThrottle", 0}, {"BadRcptThrottleDelay", 0}, {"QueueFileMode", 0},
    {"UseMSP", 0}, {"TLSSrvOptions", 0}, {"MaxQueueChildren", 0}, {"MaxRunnersPerQueue", 0},
    {"DirectSubmissionModifiers", 0}, {"NiceQueueRun", 0}, {"QueueTimeout", 0},
    {"FastSplit", 0}, {"SoftBounce", 0}, {"MailboxDatabase", 0}, {"HeloName", 0},
    {"DeliverByMin", 0}, {"RejectLogInterval", 0}, {"RequiresDirfsync", 0},
    {"ConnectionRateThrottle", 0}, {"LogLevel", 0}, {"MaxNOOPCommands", 0},
    {"LocalDaemonPortOptions", 0}, {"DelayLA", 0}, {"FallbackSmartHost", 0}, {"MaxRecipientsPerMessage", 0},
    {"QueueDirectory", 0}, {"SetCertAltnames", 0}, {"ClientCertKey", 0}, {"DaemonPortOptions", 0},
    {"HeloName", 0}, {"DNSResolverOptions", 0}, {"SMTPUTF8", 0}, {"MaxQueueAge", 0},
    {"TLSFallbacktoClear", 0}, {"CheckpointInterval", 0}, {"UserDatabaseSpec", 0},
    {"BadRcptShutdown", 0}, {"BadRcptShutdownGood", 0}, {"CipherSuites", 0},
    {"DoubleBounceAddress", 0}, {"ErrorHeader", 'E'}, {"RejectNUL", 0}, {"SmtpUTF8", 0},
    {"UseCompressedIPv6Addresses", 0}, {"Postmaster", 0},
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
    // Timeout.* sub-options are one family.
    if (util::starts_with_nocase(name, "Timeout.")) return "Timeout." + std::string(name.substr(8));
    if (util::starts_with_nocase(name, "Milter.")) return "Milter." + std::string(name.substr(7));
    return {};
}

}  // namespace config
