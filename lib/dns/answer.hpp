// answer.hpp: decoding of a raw DNS reply into dns::Answer (internal to
// lib/dns). Kept apart from the c-ares plumbing so tests can feed it bytes.
#pragma once

#include <string>
#include <string_view>

#include "dns/dns.hpp"

namespace dns {

// `raw` is the whole reply; `qname` the name asked for; `type` the type asked.
// CNAME records are followed from qname to find the canonical name; only
// records of `type` owned by it are returned (all of them for ANY).
Answer decode_answer(std::string_view raw, const std::string& qname, int type);

}  // namespace dns
