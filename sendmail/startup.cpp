// startup.cpp: reads the configuration for a mode (see startup.hpp).
#include <cstdio>
#include <cstring>
#include <cerrno>
#include <cstdlib>
#include <pwd.h>
#include <syslog.h>
#include <unistd.h>

#include "dns/dns.hpp"
#include "util/log.hpp"

#include "sendmail/startup.hpp"

namespace sendmail {

namespace {

// Test hook: SENDMAIL_NAMESERVER ("127.0.0.1:5353") and SENDMAIL_RESOLV_CONF
// (search list, options) replace /etc/resolv.conf's, so that tests can point
// the resolver at a name server on a free loopback port.
void resolver_from_environment() {
    const char* server = std::getenv("SENDMAIL_NAMESERVER");
    const char* conf = std::getenv("SENDMAIL_RESOLV_CONF");
    if (server == nullptr && conf == nullptr) return;
    dns::ResolverConfig rc;
    if (server != nullptr && *server != '\0') rc.servers.push_back(server);
    if (conf != nullptr) rc.resolv_conf = conf;
    dns::set_default_config(rc);
}

}  // namespace

// The mail log as the cf sets it: LogLevel, and the -L tag as the ident.
// Test hook: SENDMAIL_SYSLOG_SOCKET names a Unix datagram socket that takes
// the syslog lines instead of /dev/log, so tests can read what is logged.
void configure_logging(const config::Config& cfg, const CommandLine& cl) {
    util::LogSettings ls = util::log_settings();
    ls.ident = cl.log_tag ? *cl.log_tag : "sendmail";
    auto level = cfg.options.find("LogLevel");
    if (level != cfg.options.end()) ls.level = std::atoi(level->second.c_str());
    if (const char* sock = std::getenv("SENDMAIL_SYSLOG_SOCKET"); sock != nullptr && *sock != '\0') {
        ls.target = util::LogTarget::Syslog;
        ls.syslog_socket = sock;
    }
    util::log_configure(ls);
    // Each cf error is also a syserr in the log, as sendmail writes it:
    // "NOQUEUE: SYSERR(root): /etc/mail/sendmail.cf: line 12: ...".
    if (cfg.diagnostics.empty()) return;
    struct passwd* pw = getpwuid(getuid());
    std::string user = pw && pw->pw_name ? pw->pw_name : std::to_string(getuid());
    for (const auto& d : cfg.diagnostics) util::log_line(LOG_CRIT, 1, "NOQUEUE", "SYSERR(" + user + "): " + d);
}

util::Result<std::unique_ptr<config::Config>> load_config(const CommandLine& cl) {
    resolver_from_environment();
    config::LoadOptions lo;
    lo.path = cl.config_file.empty() ? "/etc/mail/sendmail.cf" : cl.config_file;
    lo.overrides = cl.options;
    for (const auto& [name, value] : cl.macros) lo.macros.emplace_back(std::string(1, name), value);
    for (const auto& d : cl.debug)
        if (d.rfind("37", 0) == 0) lo.trace_options = true;
    switch (cl.mode) {
    case Mode::AddressTest: lo.op_mode = 't'; break;
    case Mode::Verify: lo.op_mode = 'v'; break;
    case Mode::Daemon: lo.op_mode = 'd'; break;
    case Mode::DaemonFg: lo.op_mode = 'D'; break;
    case Mode::SmtpStdio: lo.op_mode = 's'; break;
    case Mode::PrintQueue: lo.op_mode = 'p'; break;
    case Mode::InitAliases: lo.op_mode = 'i'; break;
    case Mode::PrintConfig: lo.op_mode = 'P'; break;
    default: lo.op_mode = 'm'; break;
    }
    auto r = config::load(lo);
    // sendmail reports an unreadable cf like any config error (file: line 0)
    // on standard output and stops with EX_OSFILE.
    if (!r && !r.error().message.empty()) std::printf("%s: line 0: cannot open: %s\n", lo.path.c_str(), r.error().message.c_str());
    else if (r) configure_logging(**r, cl);
    return r;
}

}  // namespace sendmail
