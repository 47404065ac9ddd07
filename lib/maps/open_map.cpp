// open_map.cpp: the registry of map classes. (No class is built yet: every
// declaration is refused with a message naming its class, file and line.)
#include <sysexits.h>

#include "maps/maps.hpp"

namespace maps {

util::Result<std::unique_ptr<Map>> open_map(const MapDeclaration& decl, MapContext&) {
    return util::Error(decl.file, decl.line, "map " + decl.name + ": class " + decl.class_name + " not available",
                       EX_CONFIG);
}

std::vector<std::string> map_class_names() { return {}; }

}  // namespace maps
