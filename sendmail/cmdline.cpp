// cmdline.cpp: sendmail's flags. Options that take an argument accept it
// attached (-Cfile) or as the next word (-C file), as getopt does.
#include "sendmail/cmdline.hpp"

#include <cctype>
#include <cstring>
#include <string_view>

namespace sendmail {

namespace {

Mode mode_for_name(std::string_view name, Mode dflt) {
    if (name == "mailq") return Mode::PrintQueue;
    if (name == "newaliases") return Mode::InitAliases;
    if (name == "hoststat") return Mode::HostStatus;
    if (name == "purgestat") return Mode::PurgeStatus;
    if (name == "smtpd") return Mode::Daemon;
    return dflt;
}

bool mode_for_b(std::string_view arg, Mode& mode) {
    static const struct { const char* flag; Mode mode; } table[] = {
        {"m", Mode::Deliver}, {"t", Mode::AddressTest}, {"v", Mode::Verify}, {"p", Mode::PrintQueue},
        {"i", Mode::InitAliases}, {"d", Mode::Daemon}, {"D", Mode::DaemonFg}, {"s", Mode::SmtpStdio},
        {"h", Mode::HostStatus}, {"H", Mode::PurgeStatus}, {"P", Mode::PrintConfig},
    };
    for (const auto& e : table)
        if (arg == e.flag) {
            mode = e.mode;
            return true;
        }
    return false;
}

// Flags that take an argument (getopt's "X:").
bool takes_argument(char c) { return std::strchr("ABbCDdeFfhLMNOopQRrVX", c) != nullptr; }

}  // namespace

static bool apply_flag(char c, const std::string& arg, CommandLine& out, std::string& error) {
    switch (c) {
    case 'A':
        if (arg != "m" && arg != "c") { error = "Invalid operation mode " + arg; return false; }
        out.submission_kind = arg[0];
        break;
    case 'B': out.body_type = arg; break;
    case 'b':
        if (!mode_for_b(arg, out.mode)) { error = "Invalid operation mode " + arg; return false; }
        break;
    case 'C': out.config_file = arg; out.config_from_command_line = true; break;
    case 'D': out.xlog_file = arg; break;  // debug output file
    case 'd': out.debug.push_back(arg); break;
    case 'e': out.options.emplace_back("e", arg); break;
    case 'F': out.full_name = arg; break;
    case 'f': case 'r': out.from = arg; break;
    case 'G': out.gateway = true; break;
    case 'h': out.hop_count = arg; break;
    case 'I': out.mode = Mode::InitAliases; break;
    case 'i': out.ignore_dots = true; break;
    case 'L': out.log_tag = arg; break;
    case 'M':
        if (arg.empty()) { error = "-M requires a macro name"; return false; }
        out.macros.emplace_back(arg[0], arg.substr(1));
        break;
    case 'm': out.options.emplace_back("m", "true"); break;
    case 'N': out.dsn_notify = arg; break;
    case 'n': out.no_alias = true; break;
    case 'O': {
        auto eq = arg.find('=');
        out.options.emplace_back(arg.substr(0, eq), eq == std::string::npos ? "" : arg.substr(eq + 1));
        break;
    }
    case 'o':
        if (arg.empty()) break;
        if (arg[0] == 'i') out.ignore_dots = arg.size() == 1 || arg[1] != 'f';
        out.options.emplace_back(std::string(1, arg[0]), arg.substr(1));
        break;
    case 'p': out.protocol = arg; break;
    case 'Q':
        out.quarantine_given = true;
        out.quarantine = arg;
        break;
    case 'R': out.dsn_ret = arg; break;
    case 's': out.options.emplace_back("f", "true"); break;
    case 'T': break;  // obsolete
    case 't': out.read_recipients = true; break;
    case 'U': out.initial_submission = true; break;
    case 'V': out.envid = arg; break;
    case 'v': out.verbose = true; break;
    case 'X': out.xlog_file = arg; break;
    default:
        error = std::string("illegal option -- ") + c;
        return false;
    }
    return true;
}

// -q takes an optional attached argument: -q, -q15m, -qIabc, -q!Rfoo, -qp.
static void apply_queue_flag(const std::string& rest, CommandLine& out) {
    if (rest.empty() || std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == 'p' || rest[0] == 'f' ||
        rest[0] == 'G' || rest[0] == 'Q' || rest[0] == 'L') {
        if (!out.queue_arg || rest.size() > 0) out.queue_arg = rest;
        if (!rest.empty() && !std::isdigit(static_cast<unsigned char>(rest[0]))) out.queue_selectors.push_back(rest);
    } else {
        if (!out.queue_arg) out.queue_arg = "";
        out.queue_selectors.push_back(rest);
    }
    if (out.mode == Mode::Deliver) out.mode = Mode::QueueRun;
}

bool parse_command_line(int argc, char** argv, CommandLine& out, std::string& error) {
    std::string_view prog = argc > 0 && argv[0] ? argv[0] : "sendmail";
    auto slash = prog.rfind('/');
    out.called_as = std::string(slash == std::string_view::npos ? prog : prog.substr(slash + 1));
    out.mode = mode_for_name(out.called_as, Mode::Deliver);
    for (int k = 0; k < argc && argv[k]; ++k) out.command_text += (k ? " " : "") + std::string(argv[k]);

    int i = 1;
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") { ++i; break; }
        if (a.size() < 2 || a[0] != '-') break;
        char c = a[1];
        if (c == 'q') {
            apply_queue_flag(a.substr(2), out);
            continue;
        }
        if (takes_argument(c)) {
            std::string arg;
            if (a.size() > 2) {
                arg = a.substr(2);
            } else if (c == 'd') {
                arg = "";  // bare -d: sendmail treats it as -d0-99.1
            } else if (c == 'Q' && (i + 1 >= argc || argv[i + 1][0] == '-')) {
                out.quarantine_given = true;  // a bare -Q releases from quarantine
                continue;
            } else if (i + 1 < argc) {
                arg = argv[++i];
            } else {
                error = std::string("option requires an argument -- ") + c;
                return false;
            }
            if (!apply_flag(c, arg, out, error)) return false;
            continue;
        }
        // A cluster of argument-less flags: -ti, -vt.
        for (size_t k = 1; k < a.size(); ++k) {
            if (takes_argument(a[k])) {
                std::string arg = a.substr(k + 1);
                if (arg.empty() && i + 1 < argc) arg = argv[++i];
                if (!apply_flag(a[k], arg, out, error)) return false;
                break;
            }
            if (!apply_flag(a[k], "", out, error)) return false;
        }
    }
    for (; i < argc; ++i) out.args.emplace_back(argv[i]);
    return true;
}

}  // namespace sendmail
