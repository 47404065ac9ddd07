// submit_headers.cpp: which default headers a submission gets. A field the
// message already has replaces the default, except trace fields (Received,
// Return-Path), which are always added. Return-Path keeps its macros for
// delivery time, stored with sendmail's internal macro byte.
#include "sendmail/submit_headers.hpp"

#include "util/strings.hpp"

namespace sendmail {

bool is_resent(const std::vector<message::Header>& user) {
    for (const auto& h : user)
        if (message::header_kind(h.name) & message::kHdrResent) return true;
    return false;
}

namespace {

bool message_has(const std::vector<message::Header>& user, const std::string& name) {
    for (const auto& h : user)
        if (util::iequals(h.name, name)) return true;
    return false;
}

std::string internal_macros(const std::string& text) {
    std::string out = text;
    for (char& c : out)
        if (c == '$') c = '\x81';
    return out;
}

}  // namespace

std::vector<message::Header> build_headers(const std::vector<HeaderTemplate>& defaults,
                                           const std::vector<message::Header>& user,
                                           const message::MacroLookup& macros,
                                           const std::vector<message::Header>& warnings, bool old_style) {
    std::vector<message::Header> out;
    bool resent = is_resent(user);
    for (const auto& t : defaults) {
        unsigned kind = message::header_kind(t.name);
        if ((kind & message::kHdrResent) && !resent) continue;
        if (!(kind & message::kHdrTrace) && message_has(user, t.name)) continue;
        message::Header h;
        h.name = t.name;
        h.mailer_flags = t.flags;
        h.from_config = true;
        if (kind & message::kHdrBindLate) {
            h.value = internal_macros(t.value);
        } else {
            h.value = message::expand_macros(t.value, macros);
            if (util::trim(h.value).empty()) continue;
        }
        out.push_back(std::move(h));
    }
    out.insert(out.end(), warnings.begin(), warnings.end());
    for (const auto& u : user) {
        message::Header h = u;
        if (message::header_kind(h.name) & (message::kHdrFrom | message::kHdrRcpt))
            h.value = message::commaize(h.name, h.value, 78, old_style);
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace sendmail
