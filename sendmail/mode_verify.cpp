// mode_verify.cpp: -bv, address verification.
#include "sendmail/modes.hpp"

namespace sendmail {
int run_verify(const CommandLine&) { return not_built_yet("address verification (-bv)"); }
}  // namespace sendmail
