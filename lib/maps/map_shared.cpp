// map_shared.cpp: MapContext's shared state, made on first use.
#include "maps/map_shared.hpp"

namespace maps {

SharedMapState& MapContext::shared_state() {
    if (!shared_) shared_ = std::make_shared<SharedMapState>();
    return *shared_;
}

}  // namespace maps
