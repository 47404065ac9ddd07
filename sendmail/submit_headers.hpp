// submit_headers.hpp: the header block of a submitted message as it goes
// into the queue file: the cf's H lines first (those the message does not
// already carry), then the message's own fields, address fields refolded.
#pragma once

#include <vector>

#include "message/message.hpp"
#include "sendmail/submit_settings.hpp"

namespace sendmail {

// True when the message carries Resent-* fields (then only Resent-To/Cc/Bcc
// name recipients, and Resent-Date/Resent-Message-Id are added).
bool is_resent(const std::vector<message::Header>& user);

std::vector<message::Header> build_headers(const std::vector<HeaderTemplate>& defaults,
                                           const std::vector<message::Header>& user,
                                           const message::MacroLookup& macros,
                                           const std::vector<message::Header>& warnings = {},
                                           bool old_style = false);

}  // namespace sendmail
