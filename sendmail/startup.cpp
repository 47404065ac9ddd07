// startup.cpp: reads the configuration for a mode (see startup.hpp).
#include <cstdio>
#include <cstring>
#include <cerrno>

#include "sendmail/startup.hpp"

namespace sendmail {

util::Result<std::unique_ptr<config::Config>> load_config(const CommandLine& cl) {
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
    if (!r) {
        std::fprintf(stderr, "sendmail: cannot open %s: %s\n", lo.path.c_str(), std::strerror(ENOENT));
    }
    return r;
}

}  // namespace sendmail
