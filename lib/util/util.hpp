// util.hpp: the public header of lib/util, the lowest library. Everything
// else in the mail system may use it; it uses only the standard library and POSIX.
#pragma once

#include "util/result.hpp"
#include "util/strings.hpp"
#include "util/line_reader.hpp"
#include "util/files.hpp"
#include "util/lock.hpp"
#include "util/log.hpp"
#include "util/times.hpp"
