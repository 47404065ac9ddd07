// mode_aliases.cpp: -bi (newaliases), rebuilding the alias database.
#include "sendmail/modes.hpp"

namespace sendmail {
int run_init_aliases(const CommandLine&) { return not_built_yet("newaliases (-bi)"); }
}  // namespace sendmail
