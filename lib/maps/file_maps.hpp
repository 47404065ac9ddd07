// file_maps.hpp: constructors of the classes in lib/maps, one per family,
// used by the registry in open_map.cpp. Internal to lib/maps.
#pragma once

#include <memory>

#include "maps/map_base.hpp"

namespace maps {

using MapResult = util::Result<std::unique_ptr<Map>>;

MapResult open_db_map(const MapDeclaration& d, MapArguments a, bool btree, MapContext& ctx);  // hash, btree, implicit
MapResult open_text_map(const MapDeclaration& d, MapArguments a, MapContext& ctx);
MapResult open_regex_map(const MapDeclaration& d, MapArguments a);
MapResult open_simple_map(const MapDeclaration& d, MapArguments a,
                          MapContext& ctx);  // dequote arith macro null syslog user
MapResult open_stab_map(const MapDeclaration& d, MapArguments a, MapContext& ctx);
MapResult open_composite_map(const MapDeclaration& d, MapArguments a, MapContext& ctx);  // sequence switch
MapResult open_net_map(const MapDeclaration& d, MapArguments a, MapContext& ctx);        // host dns bestmx
MapResult open_program_map(const MapDeclaration& d, MapArguments a);
MapResult open_socket_map(const MapDeclaration& d, MapArguments a, MapContext& ctx);

// The methods ("files", "dns", ...) the service switch names for a service:
// the ServiceSwitchFile option's file, else /etc/nsswitch.conf, else
// sendmail's defaults.
std::vector<std::string> switch_methods(const std::string& service, MapContext& ctx);

// Whether the system's resolver asks DNS for host names and addresses: the
// "hosts" line of an nsswitch.conf(5) file, glibc's default (DNS first) when
// the file has none.
bool system_resolver_asks_dns(const std::string& nsswitch_path = "/etc/nsswitch.conf");

}  // namespace maps
