// mode_verify.cpp: -bv, address verification: each address goes through
// rulesets 3 and 0 and the aliases as for delivery; failures are reported as
// they happen, then every deliverable result in delivery order.
#include <cstdio>
#include <sysexits.h>

#include "sendmail/modes.hpp"
#include "sendmail/recipients.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

int run_verify(const CommandLine& cl) {
    auto s = read_settings(cl, false);
    if (!s) return EX_OSFILE;
    if (cl.args.empty()) {
        std::printf("Recipient names must be specified\n");
        return EX_USAGE;
    }
    RecipientList::Settings rs;
    rs.router = make_router(*s, true);
    if (!cl.no_alias) rs.aliases = open_aliases(*s);
    rs.local_domain = s->macro("j").value_or("localhost");
    rs.check_local_users = true;
    RecipientList list(std::move(rs));
    for (const auto& a : cl.args) list.add_list(a);
    int rc = list.exit_code();
    if (list.count() == 0 && list.loop_broken()) {
        std::printf("aliasing/forwarding loop broken\n");
        rc = EX_USAGE;
    }
    for (const Recipient* r : list.ordered()) {
        std::printf("%s... deliverable: mailer %s", r->address.c_str(), r->route.mailer.c_str());
        if (!r->route.host.empty()) std::printf(", host %s", r->route.host.c_str());
        std::printf(", user %s\n", r->route.user.c_str());
    }
    return rc;
}

}  // namespace sendmail
