// resolver.cpp
#include "dns/dns.hpp"
namespace dns { int placeholder(); int placeholder() { return 0; } }
