// startup.hpp: what every mode that needs sendmail.cf does first: read it
// with the command line's -C, -O/-o and -M settings applied.
#pragma once

#include <memory>

#include "config/config.hpp"
#include "sendmail/cmdline.hpp"

namespace sendmail {

util::Result<std::unique_ptr<config::Config>> load_config(const CommandLine& cl);

// Sets up the mail log for this run: the cf's LogLevel and the -L tag.
void configure_logging(const config::Config& cfg, const CommandLine& cl);

}  // namespace sendmail
