// option_values.cpp: the option values sendmail 8.17 checks word by word
// while it reads a cf. Each unknown word is reported and skipped; the rest
// of the line still counts (observed with sendmail -bt -C).
#include <cctype>
#include <cstring>
#include <grp.h>
#include <string>
#include <vector>

#include "config/reader.hpp"
#include "util/strings.hpp"

namespace config {

namespace {

// Words split at any of `seps`, empty ones dropped.
std::vector<std::string> words(std::string_view v, const char* seps) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && std::strchr(seps, v[i])) ++i;
        size_t start = i;
        while (i < v.size() && !std::strchr(seps, v[i])) ++i;
        if (i > start) out.emplace_back(v.substr(start, i - start));
    }
    return out;
}

bool known(const std::string& word, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (util::iequals(n, word)) return true;
    return false;
}

void check_privacy(const std::string& value, Reader& r) {
    for (const auto& w : words(value, " \t,;"))
        if (!known(w, {"public", "needmailhelo", "needexpnhelo", "needvrfyhelo", "noexpn", "novrfy", "noetrn",
                       "noverb", "restrictmailq", "restrictqrun", "restrictexpand", "noreceipts", "nobodyreturn",
                       "goaway", "authwarnings", "noactualrecipient"}))
            r.error("readcf: Op line: " + w + " unrecognized");
}

void check_dont_blame(const std::string& value, Reader& r) {
    for (const auto& w : words(value, " \t,;"))
        if (!known(w, {"safe", "AssumeSafeChown", "ClassFileInUnsafeDirPath", "ErrorHeaderInUnsafeDirPath",
                       "FileDeliveryToHardLink", "FileDeliveryToSymLink", "ForwardFileInGroupWritableDirPath",
                       "ForwardFileInUnsafeDirPath", "ForwardFileInUnsafeDirPathSafe", "GroupWritableAliasFile",
                       "GroupWritableDirPathSafe", "GroupWritableForwardFile", "GroupWritableForwardFileSafe",
                       "GroupWritableIncludeFile", "GroupWritableIncludeFileSafe", "HelpFileInUnsafeDirPath",
                       "IncludeFileInGroupWritableDirPath", "IncludeFileInUnsafeDirPath",
                       "IncludeFileInUnsafeDirPathSafe", "InsufficientEntropy", "LinkedAliasFileInWritableDir",
                       "LinkedClassFileInWritableDir", "LinkedForwardFileInWritableDir",
                       "LinkedIncludeFileInWritableDir", "LinkedMapInWritableDir",
                       "LinkedServiceSwitchFileInWritableDir", "MapInUnsafeDirPath", "NonRootSafeAddr",
                       "RunProgramInUnsafeDirPath", "RunWritableProgram", "TrustStickyBit",
                       "WorldWritableAliasFile", "WriteMapToHardLink", "WriteMapToSymLink", "WriteStatsToHardLink",
                       "WriteStatsToSymLink", "DontWarnForwardFileInUnsafeDirPath", "GroupReadableKeyFile",
                       "GroupReadableSASLDBFile", "GroupReadableDefaultAuthInfoFile"}))
            r.error("readcf: DontBlameSendmail option: " + w + " unrecognized");
}

// Resolver flags are split at blanks only; a leading + or - is the sign.
void check_resolver(const std::string& value, Reader& r) {
    for (auto w : words(value, " \t")) {
        if (w[0] == '+' || w[0] == '-') w.erase(0, 1);
        if (!known(w, {"debug", "aaonly", "usevc", "primary", "igntc", "recurse", "defnames", "stayopen", "dnsrch",
                       "true", "HasWildcardMX", "WorkAroundBrokenAAAA", "trustad"}))
            r.error("readcf: I option value " + w + " unrecognized");
    }
}

// Parameters are split at commas; blanks in front are skipped, behind
// they stay part of the word. Long names are tried before first letters.
void check_port_options(const std::string& value, Reader& r) {
    for (const auto& raw : util::split(value, ',')) {
        size_t s = raw.find_first_not_of(" \t");
        if (s == std::string::npos) continue;
        std::string param = raw.substr(s);
        auto eq = param.find('=');
        if (eq == std::string::npos) continue;
        std::string key = param.substr(0, eq), v = param.substr(eq + 1);
        if (known(key, {"children", "DeliveryMode", "refuseLA", "delayLA", "queueLA"})) continue;
        char k = static_cast<char>(std::toupper(static_cast<unsigned char>(key.empty() ? 0 : key[0])));
        if (k == 'D') {
            if (v.empty() || !std::strchr("ibqd", v[0])) r.error(std::string("Unknown delivery mode ") + (v.empty() ? "" : v.substr(0, 1)));
        } else if (k == 'F') {
            if (!known(v, {"inet", "inet6", "local", "unix", "iso", "ns", "x.25"}))
                r.error("Unknown address family " + v + " in Family=option");
        } else if (k == 0 || !std::strchr("AILMNPRS", k)) {
            r.error("PortOptions parameter \"" + param + "\" unknown");
        }
    }
}

// A milter macro list holds 50 names. They are split at commas and blanks;
// an 8-bit byte ends a name too, and one right after it is an empty name.
constexpr int kMaxMilterMacros = 50;

int milter_macro_count(std::string_view v) {
    int n = 0;
    size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && (v[i] == ',' || std::isspace(static_cast<unsigned char>(v[i])))) ++i;
        if (i >= v.size()) break;
        while (i < v.size() && v[i] != ',' && static_cast<unsigned char>(v[i]) < 0x80 &&
               !std::isspace(static_cast<unsigned char>(v[i])))
            ++i;
        if (i < v.size()) ++i;
        ++n;
    }
    return n;
}

void check_milter(const std::string& name, const std::string& value, Reader& r) {
    if (name == "Milter") {
        r.error("milter_set_option: invalid Milter option, must specify suboption");
        return;
    }
    std::string sub = name.substr(7);
    if (!known(sub, {"LogLevel", "macros.connect", "macros.helo", "macros.envfrom", "macros.envrcpt", "macros.data",
                     "macros.eom", "macros.eoh"})) {
        r.error("milter_set_option: invalid Milter option " + sub);
        return;
    }
    if (util::starts_with_nocase(sub, "macros.") && milter_macro_count(value) > kMaxMilterMacros)
        r.error("milter_set_option: too many macros in " + name + " (max " + std::to_string(kMaxMilterMacros) + ")");
}

}  // namespace

bool check_listed_value(const std::string& name, const std::string& value, Reader& r) {
    if (name == "PrivacyOptions") check_privacy(value, r);
    else if (name == "DontBlameSendmail") check_dont_blame(value, r);
    else if (name == "ResolverOptions") check_resolver(value, r);
    else if (name == "DaemonPortOptions" || name == "ClientPortOptions") check_port_options(value, r);
    else if (name == "Milter" || util::starts_with_nocase(name, "Milter.")) check_milter(name, value, r);
    else if (name == "QueueSortOrder") {
        std::string v(util::trim(value));
        if (v.empty() || !std::strchr("pPhHfFtTrRmMnNsS", v[0])) r.error("Invalid queue sort order \"" + v + "\"");
    } else {
        return false;
    }
    return true;
}

// `Og value`: a number or a group name, the value exactly as written.
void check_group_letter(std::string_view value, Reader& r) {
    if (!value.empty() && std::isdigit(static_cast<unsigned char>(value[0]))) return;
    std::string g(value);
    if (!getgrnam(g.c_str())) r.error("readcf: option g: unknown group " + g);
}

}  // namespace config
