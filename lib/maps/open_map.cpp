// open_map.cpp: the registry of map classes. Each K line is parsed once into
// MapArguments and handed to its class's constructor; classes sendmail has
// but this system does not (nis, ldap, ...) are refused with a message that
// names the class and where it was declared, never quietly empty.
#include <sysexits.h>

#include <algorithm>

#include "maps/file_maps.hpp"
#include "maps/maps.hpp"

namespace maps {

namespace {

struct ClassEntry {
    const char* name;
    MapResult (*open)(const MapDeclaration&, MapArguments, MapContext&);
};

const ClassEntry kClasses[] = {
    {"hash",
     [](const MapDeclaration& d, MapArguments a, MapContext& c) { return open_db_map(d, std::move(a), false, c); }},
    {"btree",
     [](const MapDeclaration& d, MapArguments a, MapContext& c) { return open_db_map(d, std::move(a), true, c); }},
    {"implicit",
     [](const MapDeclaration& d, MapArguments a, MapContext& c) { return open_db_map(d, std::move(a), false, c); }},
    {"text", [](const MapDeclaration& d, MapArguments a, MapContext& c) { return open_text_map(d, std::move(a), c); }},
    {"regex", [](const MapDeclaration& d, MapArguments a, MapContext&) { return open_regex_map(d, std::move(a)); }},
    {"sequence", open_composite_map},
    {"switch", open_composite_map},
    {"stab", open_stab_map},
    {"dequote", open_simple_map},
    {"arith", open_simple_map},
    {"macro", open_simple_map},
    {"user", open_simple_map},
    {"null", open_simple_map},
    {"syslog", open_simple_map},
    {"host", open_net_map},
    {"dns", open_net_map},
    {"bestmx", open_net_map},
    {"program", [](const MapDeclaration& d, MapArguments a, MapContext&) { return open_program_map(d, std::move(a)); }},
    {"socket", open_socket_map},
};

// sendmail classes this system knows by name but does not provide.
const char* const kRefused[] = {"nis", "nisplus", "hesiod", "ldap", "netinfo", "ph", "cdb", "dbm", "nsd", "udb"};

}  // namespace

util::Result<std::unique_ptr<Map>> open_map(const MapDeclaration& decl, MapContext& ctx) {
    for (const auto& c : kClasses)
        if (decl.class_name == c.name) return c.open(decl, parse_map_arguments(decl.arguments), ctx);
    bool refused =
        std::any_of(std::begin(kRefused), std::end(kRefused), [&](const char* n) { return decl.class_name == n; });
    if (refused)
        return util::Error(decl.file, decl.line,
                           "map " + decl.name + ": class " + decl.class_name + " is not supported by this mail system",
                           EX_CONFIG);
    return util::Error(decl.file, decl.line, "map " + decl.name + ": unknown map class " + decl.class_name, EX_CONFIG);
}

std::vector<std::string> map_class_names() {
    std::vector<std::string> out;
    for (const auto& c : kClasses) out.emplace_back(c.name);
    return out;
}

std::vector<MapDeclaration> predefined_map_declarations() {
    return {MapDeclaration{"host", "host", "-a.", "(predefined)", 0}};
}

}  // namespace maps
