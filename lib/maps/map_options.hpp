// map_options.hpp: what sendmail's option parsers say about a K line's
// flags, for lib/config's reader (the K line and the F{x} @class:spec form).
#pragma once

#include <string>
#include <vector>

#include "maps/maps.hpp"

namespace maps {

// The messages the option parser of the declaration's class prints while
// it reads the flags ("Illegal option R map m"), in order; the map is
// declared all the same.
std::vector<std::string> option_diagnostics(const MapDeclaration& decl);

}  // namespace maps
