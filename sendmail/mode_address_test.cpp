// mode_address_test.cpp: -bt, the address test mode (built on lib/rewrite).
#include "sendmail/modes.hpp"

namespace sendmail {
int run_address_test(const CommandLine&) { return not_built_yet("address test mode (-bt)"); }
}  // namespace sendmail
